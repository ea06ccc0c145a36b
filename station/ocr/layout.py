"""Reading order of OCR lines: split lines that jump a column gap, then XY-cut blocks and lines.

Tesseract's layout analysis reads the two-column header of a Vietnamese administrative document
(ND 30: issuing organ on the left, national motto on the right) as one line per baseline,
"BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", and the number and the place and
date below them the same way. That text is wrong for people, for the metadata reader and for the
PDF text layer. Tesseract's blocks do not help either: on rendered pages one block held the
first recipients (left) and the signer's title (right), the next block the other recipients.
So on pages not set in columns (see reading_order) Tesseract's lines are re-ordered on the page as
a whole:

1. a line is split where the space between two words is wider than SPLIT_SPACES times its
   usual word space and SPLIT_HEIGHT of its height (the header's gap is ~7 word spaces and two
   line heights; a justified line widens all its spaces alike, so none stands out);
2. the pieces are ordered by recursive XY-cut (see xy_cut): the organ's lines, then the motto
   and "Độc lập - Tự do - Hạnh phúc"; the number, then the place and date; the recipients
   before the signer. This is also the order `pdftotext` gives for the text layer of such a
   page (tests/test_pdf.py holds the two equal).
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import median
from typing import TypeVar

from station.ocr.result import Line, Word

SPLIT_SPACES = 3.0
SPLIT_HEIGHT = 1.2  # bold capitals may leave ~0.9 heights after a word ("TRƯỜNG  ĐẠI HỌC")
SHORT_LINE_SPLIT_HEIGHT = 1.5
T = TypeVar("T")

COLUMN_GAP = 1.0  # in line heights: a white column through a whole region at least this wide
# In line heights (word boxes with their diacritics, ~50 px for 13 pt at 300 dpi): the white
# between lines of a paragraph or of one header column is 0.2-0.45, between the header and the
# number row 0.6-1.1 (rendered ND 30 pages, tests/test_pdf.py's page).
ROW_GAP = 0.5
COLUMN_BLOCK_LINES = 5
RULE_HEIGHT = 0.3  # of the usual word height: flatter than a dash is long


def _bbox(words: list[Word]) -> tuple[int, int, int, int]:
    x0 = min(w.bbox[0] for w in words)
    y0 = min(w.bbox[1] for w in words)
    x1 = max(w.bbox[0] + w.bbox[2] for w in words)
    y1 = max(w.bbox[1] + w.bbox[3] for w in words)
    return x0, y0, x1 - x0, y1 - y0


def make_line(words: list[Word]) -> Line:
    return Line(text=" ".join(w.text for w in words), bbox=_bbox(words), words=list(words))


def split_at_gaps(line: Line) -> list[Line]:
    """Pieces of a line separated by a space much wider than its usual word space."""
    words = sorted(line.words, key=lambda w: w.bbox[0])
    if len(words) < 2:
        return [line]
    spaces = [b.bbox[0] - (a.bbox[0] + a.bbox[2]) for a, b in zip(words, words[1:], strict=False)]
    height = median(w.bbox[3] for w in words)
    if len(spaces) >= 3:
        gap_px = max(SPLIT_SPACES * max(1.0, median(spaces)), SPLIT_HEIGHT * height)
    else:  # too few spaces to know the usual one
        gap_px = SHORT_LINE_SPLIT_HEIGHT * height
    pieces: list[list[Word]] = [[]]
    for word in words:
        if pieces[-1]:
            prev = pieces[-1][-1]
            if word.bbox[0] - (prev.bbox[0] + prev.bbox[2]) > gap_px:
                pieces.append([])
        pieces[-1].append(word)
    return [make_line(p) for p in pieces if p]


def _widest_gap(intervals: list[tuple[int, int]], min_gap: float) -> float | None:
    """Middle of the widest gap of at least min_gap between the union of intervals, or None."""
    spans = sorted(intervals)
    best, where = min_gap, None
    reach = spans[0][1]
    for start, end in spans[1:]:
        gap = start - reach
        if gap >= best and gap > 0 and (where is None or gap > best):
            best, where = gap, (reach + start) / 2.0
        reach = max(reach, end)
    return where


Box = tuple[int, int, int, int]


def _split(items: list[T], box: Callable[[T], Box], axis: int, cut: float) -> tuple[list[T], list[T]]:
    first = [i for i in items if box(i)[axis] + box(i)[axis + 2] / 2.0 < cut]
    second = [i for i in items if box(i)[axis] + box(i)[axis + 2] / 2.0 >= cut]
    return first, second


def xy_cut(items: list[T], box: Callable[[T], Box], line_px: float) -> list[T]:
    """Recursive XY-cut over boxes; line_px is the usual height of a line of text.

    Order of preference: the widest white band across the whole region when it is at least
    ROW_GAP lines high (more than the white between lines of one paragraph or of one header
    column: the header stands apart from the number row, the body from the signature); then a
    white column through the whole region, at least COLUMN_GAP lines wide (left before right);
    then the widest white band of any height.
    """
    if len(items) <= 1:
        return list(items)
    xs = [(box(i)[0], box(i)[0] + box(i)[2]) for i in items]
    ys = [(box(i)[1], box(i)[1] + box(i)[3]) for i in items]
    for axis, spans, min_gap in ((1, ys, ROW_GAP * line_px), (0, xs, COLUMN_GAP * line_px), (1, ys, 0.5)):
        cut = _widest_gap(spans, min_gap)
        if cut is None:
            continue
        first, second = _split(items, box, axis, cut)
        if first and second:
            return xy_cut(first, box, line_px) + xy_cut(second, box, line_px)
    return sorted(items, key=lambda i: (box(i)[1], box(i)[0]))


def _line_box(line: Line) -> Box:
    return line.bbox


def _is_rule(word: Word, line_px: float) -> bool:
    """A printed rule read as a word: '.', '_' or '-' in a box far flatter than any letter.

    ND 30 rules a short line under the organ and under "Độc lập - Tự do - Hạnh phúc"; Tesseract
    reads them as '.', '_' or '—' on a line of their own. A hyphen or dash in the text is shorter
    than a line is high."""
    _, _, w, h = word.bbox
    return h < RULE_HEIGHT * line_px and w > max(6 * h, 1.5 * line_px) and not any(ch.isalnum() for ch in word.text)


def _text_columns(pieces: list[Line]) -> bool:
    """Two of Tesseract's blocks of several lines each stand side by side: a page set in columns
    (a magazine), not a letter or a decision, whose only side-by-side parts are the header and
    the short recipients and signer parts."""
    blocks: dict[int, list[Line]] = {}
    for piece in pieces:
        blocks.setdefault(piece.words[0].block, []).append(piece)
    boxes = []
    for block in blocks.values():
        if len(block) >= COLUMN_BLOCK_LINES:
            x0 = min(ln.bbox[0] for ln in block)
            y0 = min(ln.bbox[1] for ln in block)
            x1 = max(ln.bbox[0] + ln.bbox[2] for ln in block)
            y1 = max(ln.bbox[1] + ln.bbox[3] for ln in block)
            boxes.append((x0, y0, x1, y1))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0]
            overlap = min(a[3], b[3]) - max(a[1], b[1])
            if apart and overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1]):
                return True
    return False


def reading_order(lines: list[Line]) -> list[Line]:
    """Lines in reading order; rules read as words are dropped.

    Lines are split at column gaps. A page that is not set in columns (an administrative
    document) is then ordered by one XY-cut over the whole page. On pages set in columns
    (magazines: tesseract_test's UNLV scans) a cut over the whole page reads across the columns,
    and Tesseract's own blocks are right: they keep their order and only the lines inside each
    block are XY-cut."""
    heights = [w.bbox[3] for line in lines for w in line.words]
    if not heights:
        return list(lines)
    line_px = float(median(heights))
    lines = [make_line(kept) for line in lines if (kept := [w for w in line.words if not _is_rule(w, line_px)])]
    pieces = [piece for line in lines for piece in split_at_gaps(line)]
    if not pieces:
        return []
    piece_px = float(median(ln.bbox[3] for ln in pieces))
    if not _text_columns(pieces):
        return xy_cut(pieces, _line_box, piece_px)
    blocks: list[list[Line]] = []
    current: int | None = None
    for piece in pieces:
        block = piece.words[0].block
        if block != current or not blocks:
            blocks.append([])
            current = block
        blocks[-1].append(piece)
    return [ln for block in blocks for ln in xy_cut(block, _line_box, piece_px)]
