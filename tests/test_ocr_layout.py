"""Reading order of OCR lines (station.ocr.layout) on word boxes laid out like real pages.

The boxes follow what Tesseract returned for a rendered ND 30 page at 300 dpi: 13-pt words
~50 px high, word spaces ~15 px, the header's column gap ~105 px.
"""

from __future__ import annotations

from station.ocr.layout import reading_order, split_at_gaps
from station.ocr.result import Line, Word


def line(words: list[tuple[str, int, int]], y: int, h: int = 50, block: int = 1) -> Line:
    """A Tesseract line of (text, x, width) words on one baseline."""
    ws = [Word(text=t, bbox=(x, y, w, h), conf=0.95, block=block, par=1, line=1) for t, x, w in words]
    x0 = ws[0].bbox[0]
    x1 = ws[-1].bbox[0] + ws[-1].bbox[2]
    return Line(text=" ".join(t for t, _, _ in words), bbox=(x0, y, x1 - x0, h), words=ws)


def spaced(text: str, x: int, space: int = 15, char: int = 28) -> list[tuple[str, int, int]]:
    out = []
    for word in text.split():
        out.append((word, x, char * len(word)))
        x += char * len(word) + space
    return out


def texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in reading_order(lines)]


def test_header_line_across_both_columns_is_split_organ_first() -> None:
    organ = spaced("BỘ GIÁO DỤC VÀ ĐÀO TẠO", 410)
    motto = spaced("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", organ[-1][1] + organ[-1][2] + 105)
    lines = [
        line(organ + motto, 254),
        line(spaced("Độc lập - Tự do - Hạnh phúc", 1388), 326),
        line(spaced("Số: 1274/QĐ-BGDĐT", 515) + spaced("Hà Nội, ngày 05 tháng 3 năm 2021", 1348), 432, block=3),
        line(spaced("QUYẾT ĐỊNH", 1145), 601, block=4),
    ]
    assert texts(lines) == [
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 1274/QĐ-BGDĐT",
        "Hà Nội, ngày 05 tháng 3 năm 2021",
        "QUYẾT ĐỊNH",
    ]


def test_two_line_organ_beside_two_line_motto_reads_column_by_column() -> None:
    """Rows of the two header columns share baselines: row by row would interleave them."""
    lines = [
        line(spaced("UBND TỈNH BẮC NINH", 420) + spaced("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1209), 254),
        line(spaced("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 380) + spaced("Độc lập - Tự do - Hạnh phúc", 1388), 322),
    ]
    assert texts(lines) == [
        "UBND TỈNH BẮC NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    ]


def test_justified_body_lines_stay_whole_and_in_order() -> None:
    body = [line(spaced("Căn cứ Nghị định số 45/2018/NĐ-CP ngày 14 tháng 5 năm 2018", 356, space=42), 900 + 67 * i)
            for i in range(5)]
    body.append(line(spaced("của Chính phủ;", 356), 900 + 67 * 5))
    out = reading_order(body)
    assert [ln.bbox[1] for ln in out] == [ln.bbox[1] for ln in body]
    assert all(len(split_at_gaps(ln)) == 1 for ln in body)


def test_recipients_come_before_the_signer_and_the_name_last() -> None:
    """Tesseract put the first recipients and the signer's title in one block, the rest in another."""
    body = "có liên quan thuộc Bộ Giáo dục và Đào tạo và Hiệu trưởng Trường Đại học Sư phạm Hòa"
    lines = [line(spaced(body, 356, space=12, char=24), 1600 + 67 * i, block=6) for i in range(8)] + [
        line(spaced("Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.", 356), 2174, block=6),
        line(spaced("Nơi nhận:", 354) + spaced("KT. BỘ TRƯỞNG", 1513), 2281, block=7),
        line(spaced("- Như Điều 3;", 356) + spaced("THỨ TRƯỞNG", 1544), 2339, block=7),
        line(spaced("- Bộ trưởng (để báo cáo);", 356), 2392, h=43, block=8),
        line(spaced("- Lưu: VT, GDĐH.", 356), 2445, h=43, block=9),
        line(spaced("Đỗ Hữu Quyết", 1562), 2793, block=9),
    ]
    assert texts(lines) == [
        *[body] * 8,
        "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Bộ trưởng (để báo cáo);", "- Lưu: VT, GDĐH.",
        "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Đỗ Hữu Quyết",
    ]


def test_two_word_line_is_split_only_across_a_wide_gap() -> None:
    assert len(split_at_gaps(line([("Số:", 500, 80), ("12/QĐ", 595, 150)], 400))) == 1
    assert len(split_at_gaps(line([("UBND", 500, 140), ("CỘNG", 1200, 130)], 400))) == 2


def test_magazine_columns_keep_tesseracts_block_order() -> None:
    """Narrow columns whose lines share baselines: a cut over the whole page would read across
    them; Tesseract's blocks (one per column) are kept in its order."""
    left = [line(spaced("left column text here", 300, char=20), 500 + 45 * i, h=35, block=1) for i in range(6)]
    right = [line(spaced("right column words too", 1300, char=20), 500 + 45 * i, h=35, block=2) for i in range(6)]
    out = reading_order(left + right)
    assert [ln.bbox[0] for ln in out] == [300] * 6 + [1300] * 6


def test_words_and_boxes_survive_reordering() -> None:
    lines = [line(spaced("BỘ GIÁO DỤC", 410) + spaced("CỘNG HÒA", 1209), 254)]
    out = reading_order(lines)
    assert [w.text for ln in out for w in ln.words] == ["BỘ", "GIÁO", "DỤC", "CỘNG", "HÒA"]
    left = out[0]
    assert left.bbox == (410, 254, left.words[-1].bbox[0] + left.words[-1].bbox[2] - 410, 50)
    assert reading_order([]) == []


def test_printed_rules_read_as_punctuation_are_dropped() -> None:
    lines = [
        line(spaced("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 441), 406),
        Line(text=".", bbox=(485, 470, 122, 8),
             words=[Word(text=".", bbox=(485, 470, 122, 8), conf=0.3, block=1, par=1, line=2)]),
        line([("-", 600, 15), ("Lưu:", 640, 90)], 520),
    ]
    assert texts(lines) == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "- Lưu:"]
    # A dash between words is flat too, but short: it stays.
    dash = Line(text="Độc lập - Tự do", bbox=(1400, 346, 400, 52), words=[
        Word(text="Độc", bbox=(1400, 346, 91, 52), conf=0.9, block=1, par=1, line=1),
        Word(text="lập", bbox=(1507, 346, 72, 52), conf=0.9, block=1, par=1, line=1),
        Word(text="-", bbox=(1597, 372, 15, 5), conf=0.9, block=1, par=1, line=1),
        Word(text="Tự", bbox=(1629, 346, 70, 52), conf=0.9, block=1, par=1, line=1),
    ])
    assert texts([dash]) == ["Độc lập - Tự"]
