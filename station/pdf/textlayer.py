"""The invisible OCR text layer, drawn with reportlab over the page image.

Every OCR word is shown where Tesseract found it, in text render mode 3 (invisible), and
horizontally scaled (Tz) so that the word and the space after it end exactly where the next
word starts: selection and search highlight the printed words, and `pdftotext` sees glyphs that
touch, separated by real space characters, so it extracts the OCR words with single spaces.
All words of an OCR line share one baseline and one font size, so each OCR line is one text
line for `pdftotext`.

The font is an embedded TrueType with Vietnamese glyphs: PDF/A-2 forbids showing the .notdef
glyph even invisibly, so a character the font lacks is shown with a fallback font that has it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from station.errors import StationError


class OcrWord(Protocol):
    """What the layout needs of an OCR word (station.ocr.tesseract.Word has it).

    A protocol, not an import: station.pdf and station.ocr are independent layers (pyproject's
    import contract).
    """

    @property
    def text(self) -> str: ...
    @property
    def bbox(self) -> tuple[int, int, int, int]: ...  # x, y, w, h in pixels of the page image
    @property
    def block(self) -> int: ...  # Tesseract's block number


class OcrLine(Protocol):
    """What the layout needs of an OCR line (station.ocr.tesseract.Line has it)."""

    @property
    def bbox(self) -> tuple[int, int, int, int]: ...
    @property
    def words(self) -> Sequence[OcrWord]: ...


# Vietnamese letters that old fonts (fonts-liberation 1.x) lack: a font without them renders boxes.
_VIETNAMESE_PROBE = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸđĐơƯ"

# Debian packages fonts-dejavu, fonts-liberation2, fonts-noto-core; then the fonts Windows ships.
FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts", "arial.ttf"),
    os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts", "times.ttf"),
)


class FontMissing(StationError):
    """No TrueType font with Vietnamese letters was found for the text layer."""


@dataclass(frozen=True)
class TextFont:
    name: str  # reportlab font name
    path: str
    ascent: float  # in units of the font size
    descent: float  # positive
    chars: frozenset[int]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.chars


def _load(path: str, index: int) -> TextFont | None:
    name = f"StationText{index}"
    try:
        font = TTFont(name, path)
    except (TTFError, OSError):
        return None
    chars = frozenset(font.face.charToGlyph)
    if not all(ord(c) in chars for c in _VIETNAMESE_PROBE + " "):
        return None
    pdfmetrics.registerFont(font)
    return TextFont(
        name=name,
        path=path,
        ascent=font.face.ascent / 1000.0,
        descent=abs(font.face.descent) / 1000.0,
        chars=chars,
    )


@lru_cache(maxsize=1)
def fonts() -> tuple[TextFont, ...]:
    """The usable fonts, the preferred first; raises FontMissing if there is none."""
    found: list[TextFont] = []
    seen: set[str] = set()
    for i, path in enumerate(FONT_CANDIDATES):
        real = os.path.realpath(path)
        if real in seen or not Path(path).is_file():
            continue
        seen.add(real)
        font = _load(path, i)
        if font is not None:
            found.append(font)
    if not found:
        raise FontMissing(
            "No font with Vietnamese letters was found for the PDF text layer; "
            "install fonts-dejavu or fonts-liberation2."
        )
    return tuple(found)


def _runs(text: str, available: Sequence[TextFont]) -> list[tuple[TextFont, str]]:
    """Split text into runs, each shown with the first font that has its characters."""
    runs: list[tuple[TextFont, str]] = []
    for ch in text:
        font = next((f for f in available if f.has(ch)), None)
        if font is None:
            # No font has it: showing it would reference .notdef, which PDF/A-2 forbids.
            ch = "\ufffd" if available[0].has("\ufffd") else "?"
            font = available[0]
        if runs and runs[-1][0] is font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def _width(runs: list[tuple[TextFont, str]], size: float) -> float:
    return sum(pdfmetrics.stringWidth(t, f.name, size) for f, t in runs)


# How poppler's text extraction reads glyphs (TextOutputDev.cc, poppler 22.12), as fractions of
# the font size; the layout keeps clear of each threshold:
# - raw mode writes a space between two words only if the gap exceeds 0.15, and starts a new
#   line only if the baselines differ by 0.5 or more (or the next word starts to the left);
# - reading-order mode puts a space after a word if the gap reaches 0.03 (up to 0.4 when every
#   word of the line is a single character), and pulls a word on the same line into the block
#   only if the gap is under 0.7: wider gaps make separate blocks, which it may order as
#   columns, unlike Tesseract;
# - characters whose starts are closer than 0.1 count as overprinted (fake bold) and are dropped.
MIN_GAP = 0.25
MIN_GAP_SINGLE_CHARS = 0.45
MAX_GAP = 0.5
MIN_ADVANCE = 0.15
LINE_SEPARATION = 0.55
# Reading-order mode drops a line-final "-" and joins the line with the next one whenever
# another line follows in the same flow (it takes the hyphen for a word break). A flow ends where
# the next block's font is larger, and a block only takes lines within 5 % of its font size, so a
# line ending in "-" is drawn this much smaller than the line after it: it then ends its own flow
# and keeps its hyphen and its line break.
HYPHEN_LINE_SHRINK = 0.92


@dataclass
class _Placed:
    text: str
    start: float  # pixels
    end: float
    space_end: float | None  # where the space after the word ends, None for the last word


def _place_words(words: Sequence[OcrWord], size: float) -> list[_Placed]:
    """Positions of the word glyph runs and the spaces between them, in image pixels.

    A word covers its OCR box, except where poppler would misread the line: boxes that touch or
    overlap are narrowed so a clear gap remains, a word is widened if its characters would be
    taken for overprint, and a word before a gap wider than MAX_GAP is stretched towards the
    next word so the line stays one line for reading-order extraction.
    """
    single = all(len(w.text) == 1 for w in words)
    min_gap = (MIN_GAP_SINGLE_CHARS if single else MIN_GAP) * size
    max_gap = max(MAX_GAP * size, min_gap)
    placed: list[_Placed] = []
    floor = -float("inf")
    for i, word in enumerate(words):
        x, _y, w, _h = word.bbox
        start = max(float(x), floor)
        least = MIN_ADVANCE * size * len(word.text)
        end = max(float(x + w), start + least)
        if i + 1 < len(words):
            next_x = float(words[i + 1].bbox[0])
            end = max(start + least, min(end, next_x - min_gap))
            end = max(end, next_x - max_gap)
            floor = end + min_gap
            placed.append(_Placed(word.text, start, end, max(next_x, floor)))
        else:
            placed.append(_Placed(word.text, start, end, None))
    return placed


def _line_sizes(
    lines: Sequence[Sequence[OcrWord]], boxes: Sequence[tuple[int, int, int, int]], font: TextFont
) -> list[float]:
    """A font size (pixels) per line, shared by the lines of a Tesseract block.

    poppler builds a block only from lines whose sizes agree within 5 %, and orders blocks, not
    lines; a size per line would break Tesseract's blocks into one-line blocks that it then
    interleaves across columns. A line much larger or smaller than its block (a title that
    Tesseract left in a body block) keeps its own size.
    """
    # The line box spans the highest accent to the lowest descender; fit the font's ascent +
    # descent to it so the (invisible) glyph boxes cover the printed line.
    own = [max(box[3], 1) / (font.ascent + font.descent) for box in boxes]
    by_block: dict[int, list[float]] = {}
    for words, size in zip(lines, own, strict=True):
        by_block.setdefault(words[0].block, []).append(size)
    median = {b: sorted(v)[len(v) // 2] for b, v in by_block.items()}
    sizes = []
    for words, size in zip(lines, own, strict=True):
        shared = median[words[0].block]
        sizes.append(shared if 0.75 <= size / shared <= 1.33 else size)
    # From the bottom up, so that in a run of hyphenated lines each is smaller than the next.
    for i in range(len(lines) - 2, -1, -1):
        if lines[i][-1].text.endswith("-"):
            sizes[i] = min(sizes[i], sizes[i + 1]) * HYPHEN_LINE_SHRINK
    return sizes


def draw_lines(canvas: Canvas, lines: Sequence[OcrLine], dpi: float, page_height_pt: float) -> None:
    """Draw the OCR lines of one page as invisible text, one text line per OCR line, in order."""
    available = fonts()
    primary = available[0]
    scale = 72.0 / dpi
    kept = [(line.bbox, [w for w in line.words if w.text]) for line in lines]
    kept = [(box, words) for box, words in kept if words]
    sizes = _line_sizes([words for _, words in kept], [box for box, _ in kept], primary)
    previous: tuple[float, float] | None = None  # baseline and size of the line drawn before
    for (box, words), size in zip(kept, sizes, strict=True):
        _x, ly, _w, lh = box
        baseline = ly + lh - primary.descent * size
        if previous is not None:
            # Raw-order extraction joins consecutive lines whose baselines are close (a left and
            # a right column on the same row): keep them just far enough apart to stay two lines.
            prev_base, prev_size = previous
            separation = LINE_SEPARATION * max(size, prev_size)
            if abs(baseline - prev_base) < separation:
                baseline = prev_base + separation if baseline >= prev_base else prev_base - separation
        previous = (baseline, size)
        size_pt = size * scale
        y_pt = page_height_pt - baseline * scale
        text = canvas.beginText()
        text.setTextRenderMode(3)
        for placed in _place_words(words, size):
            runs = _runs(placed.text, available)
            text.setTextOrigin(placed.start * scale, y_pt)
            _show(text, runs, size_pt, (placed.end - placed.start) * scale)
            if placed.space_end is not None:
                _show(text, [(primary, " ")], size_pt, (placed.space_end - placed.end) * scale)
        canvas.drawText(text)


def _show(text: PDFTextObject, runs: list[tuple[TextFont, str]], size_pt: float, width_pt: float) -> None:
    """Show runs scaled horizontally to exactly width_pt."""
    natural = _width(runs, size_pt)
    text.setHorizScale(100.0 * width_pt / natural if natural > 0 else 100.0)
    for font, part in runs:
        text.setFont(font.name, size_pt)
        text.textOut(part)
