"""Metadata: suggestions read from real Tesseract output of the sample pages, rules on hand-built
OCR lines, and the checks that gate confirmation."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from station.metadata import FIELDS, REQUIRED, PageText, suggest, to_iso_date, validate
from station.metadata.accuracy import score as score_documents
from station.metadata.extract import CONFIDENT, Suggestion, restore_accents
from station.metadata.fields import FIELD_BY_KEY
from station.ocr.tesseract import Line, Word, ocr_image
from station.samplegen import generate
from station.samples import Sample, list_samples, load_sample, render_sample

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "metadata.md"
W, H = 2480, 3508  # A4 at 300 dpi

# --------------------------------------------------------------------------- hand-built OCR lines


def words_at(text: str, x: int, y: int, size: int = 50, conf: float = 0.95, block: int = 1) -> list[Word]:
    out = []
    for i, token in enumerate(text.split()):
        width = int(size * 0.55 * len(token))
        out.append(Word(token, (x, y, width, size), conf, block, 1, i))
        x += width + int(size * 0.3)
    return out


def line(*parts: tuple[str, int], y: int, size: int = 50, conf: float = 0.95) -> Line:
    """One OCR line; several (text, x) parts make one line across columns, as Tesseract reads headers."""
    words = [w for text, x in parts for w in words_at(text, x, y, size, conf)]
    x0 = min(w.bbox[0] for w in words)
    x1 = max(w.bbox[0] + w.bbox[2] for w in words)
    return Line(" ".join(w.text for w in words), (x0, y, x1 - x0, size), words)


def centred(text: str, y: int, cx: int = 1300, size: int = 55) -> Line:
    width = sum(int(size * 0.55 * len(t)) + int(size * 0.3) for t in text.split())
    return line((text, cx - width // 2), y=y, size=size)


LEFT, RIGHT = 420, 1400  # where the two header columns start


def decision_page(
    number: str = "Số: 1274/QĐ-BGDĐT",
    organ: str = "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
    parent: str | None = None,
    title: str = "QUYẾT ĐỊNH",
    date_line: str = "Hà Nội, ngày 05 tháng 3 năm 2021",
    position: str = "THỨ TRƯỞNG",
    merged: bool = True,
) -> list[Line]:
    lines: list[Line] = []
    y = 250
    if parent:
        lines.append(line((parent, LEFT), y=y))
        y += 65
    if merged:  # the organ and the motto on one Tesseract line, as it reads a clean page
        lines.append(line((organ, LEFT), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT), y=y))
        lines.append(line(("Độc lập - Tự do - Hạnh phúc", RIGHT + 60), y=y + 70))
        lines.append(line((number, LEFT + 60), (date_line, RIGHT), y=y + 180))
    else:
        lines += [
            line((organ, LEFT), y=y),
            line((number, LEFT + 60), y=y + 180),
            line(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT), y=y),
            line(("Độc lập - Tự do - Hạnh phúc", RIGHT + 60), y=y + 70),
            line((date_line, RIGHT), y=y + 180),
        ]
    lines += [
        centred(title, 600, size=60),
        centred("Về việc công nhận kết quả thẩm định chương trình đào tạo", 678),
        centred("trình độ thạc sĩ ngành Quản lý giáo dục", 747),
        centred("BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO", 877),
        line(("Căn cứ Nghị định số 45/2018/NĐ-CP ngày 14 tháng 5 năm 2018 của Chính phủ quy", 474), y=969),
        line(("định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Giáo dục.", 356), y=1036),
        line(("Nơi nhận:", 354), ("KT. BỘ TRƯỞNG", 1560), y=2274),
        line(("- Như Điều 3;", 356), (position, 1600), y=2336),
        line(("- Lưu: VT, GDĐH.", 356), y=2441),
        centred("Đỗ Hữu Quyết", 2746, cx=1730),
    ]
    return lines


def values(pages: list[list[Line]]) -> dict[str, str]:
    return {k: s.value for k, s in suggest([PageText(p, W, H) for p in pages]).items()}


DECISION = {
    "type_name": "QUYẾT ĐỊNH",
    "code_number": "1274",
    "code_notation": "QĐ-BGDĐT",
    "issued_date": "2021-03-05",
    "place": "Hà Nội",
    "organ_name": "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
    "subject": "Về việc công nhận kết quả thẩm định chương trình đào tạo trình độ thạc sĩ ngành Quản lý giáo dục",
    "signer_authority": "KT. BỘ TRƯỞNG",
    "signer_position": "THỨ TRƯỞNG",
    "signer_name": "Đỗ Hữu Quyết",
}


def test_a_decision_read_as_tesseract_reads_it() -> None:
    assert values([decision_page()]) == DECISION


@pytest.mark.parametrize("prefix", ["Số:", "S6:", "So:", "Sô:", "Số :", "S0:", "Sỗ:"])
def test_number_line_misread_prefix(prefix: str) -> None:
    got = values([decision_page(number=f"{prefix} 1274/QĐ-BGDĐT")])
    assert (got["code_number"], got["code_notation"]) == ("1274", "QĐ-BGDĐT")


@pytest.mark.parametrize("order", ["left_first", "interleaved", "reversed", "shuffled"])
def test_header_columns_in_any_reading_order(order: str) -> None:
    lines = decision_page(merged=False)
    if order == "left_first":
        pass  # organ and number come before the motto and the date
    elif order == "interleaved":
        lines = [lines[2], lines[0], lines[3], lines[4], lines[1], *lines[5:]]
    elif order == "reversed":
        lines = lines[::-1]
    else:
        random.Random(4).shuffle(lines)
    assert values([lines]) == DECISION


def test_legal_document_number_with_year_and_parent_organ() -> None:
    page = decision_page(
        number="Số: 08/2021/TT-BGDĐT",
        title="THÔNG TƯ",
        parent="ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        organ="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    )
    got = values([page])
    assert (got["code_number"], got["code_year"], got["code_notation"]) == ("08", "2021", "TT-BGDĐT")
    assert got["type_name"] == "THÔNG TƯ"
    assert got["parent_organ"] == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    assert got["organ_name"] == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"


def test_organ_and_parent_printed_over_several_lines() -> None:
    lines = [
        line(("ỦY BAN NHÂN DÂN", LEFT + 60), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT), y=250),
        line(("THÀNH PHỐ ĐÀ NẴNG", LEFT + 40), ("Độc lập - Tự do - Hạnh phúc", RIGHT + 60), y=318),
        line(("TRƯỜNG ĐẠI HỌC GIÁO DỤC", LEFT), y=386),
        line(("NAM TRUNG BỘ", LEFT + 80), y=450),
        line(("Số: 125/GP-ĐHGD", LEFT + 60), ("Đà Nẵng, ngày 14 tháng 11 năm 2022", RIGHT), y=560),
        centred("GIẤY PHÉP", 700, size=60),
        centred("Tổ chức hoạt động dạy thêm, học thêm", 778),
    ]
    got = values([lines])
    assert got["parent_organ"] == "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG"
    assert got["organ_name"] == "TRƯỜNG ĐẠI HỌC GIÁO DỤC NAM TRUNG BỘ"
    assert (got["place"], got["issued_date"]) == ("Đà Nẵng", "2022-11-14")
    assert got["subject"] == "Tổ chức hoạt động dạy thêm, học thêm"


def test_a_committee_without_its_place_makes_both_organ_names_unsure() -> None:
    """A skewed scan read the place line of "ỦY BAN NHÂN DÂN" after the department's line: the names
    assembled from that order would be wrong, so they are offered unsure (left empty), not filled."""
    lines = [
        line(("ỦY BAN NHÂN DÂN", LEFT + 60), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT), y=250),
        line(("SỞ GIÁO DỤC VÀ ĐÀO TẠO", LEFT), ("Độc lập - Tự do - Hạnh phúc", RIGHT + 60), y=318),
        line(("THÀNH PHỐ HẢI PHÒNG", LEFT + 40), y=386),
        line(("Số: 125/QĐ-SGDĐT", LEFT + 60), ("Hải Phòng, ngày 14 tháng 11 năm 2022", RIGHT), y=560),
        centred("QUYẾT ĐỊNH", 700, size=60),
    ]
    got = suggest([PageText(lines, W, H)])
    assert got["parent_organ"].confidence < CONFIDENT and got["organ_name"].confidence < CONFIDENT
    # with its place in the right line the same header is sure
    lines[1:3] = [line(("THÀNH PHỐ HẢI PHÒNG", LEFT + 40), ("Độc lập - Tự do - Hạnh phúc", RIGHT + 60), y=318),
                  line(("SỞ GIÁO DỤC VÀ ĐÀO TẠO", LEFT), y=386)]
    got = suggest([PageText(lines, W, H)])
    assert got["parent_organ"].value == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    assert got["organ_name"].value == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert min(got["parent_organ"].confidence, got["organ_name"].confidence) >= CONFIDENT


def test_header_with_lost_diacritics_gets_them_back() -> None:
    page = decision_page(
        number="So: 12/QD-BGDDT",
        organ="BO GIAO DUC VA DAO TAO",
        title="QUYET DINH",
        date_line="Ha Noi, ngay 05 thang 01 nam 2020",
        position="THU TRUONG",
    )
    got = values([page])
    assert got["organ_name"] == "BỘ GIÁO DỤC VÀ ĐÀO TẠO"
    assert got["type_name"] == "QUYẾT ĐỊNH"
    assert (got["code_number"], got["code_notation"]) == ("12", "QĐ-BGDĐT")
    assert (got["place"], got["issued_date"]) == ("Hà Nội", "2020-01-05")
    assert got["signer_position"] == "THỨ TRƯỞNG"
    # Repaired values are offered with less confidence than values read as printed.
    clean = suggest([PageText(decision_page(), W, H)])
    repaired = suggest([PageText(page, W, H)])
    assert repaired["code_notation"].confidence < clean["code_notation"].confidence


def test_restore_accents_leaves_unknown_words_alone() -> None:
    assert restore_accents("SO GIAO DUC VA DAO TAO") == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert restore_accents("BỘ GIÁO DỤC VÀ ĐÀOTẠO") == "BỘ GIÁO DỤC VÀ ĐÀO TẠO"
    assert restore_accents("CÔNG TY ABC") == "CÔNG TY ABC"
    assert restore_accents("Giao duc") == "Giao duc"  # mixed case is body text: not touched


def test_subject_broken_over_three_lines_is_joined_and_stops_at_the_body() -> None:
    lines = decision_page()
    lines = [ln for ln in lines if not ln.text.startswith(("Về việc", "trình độ"))]
    lines += [
        centred("Về việc công nhận kết quả thẩm định", 678),
        centred("chương trình đào tạo trình độ thạc sĩ", 745),
        centred("ngành Quản lý giáo dục", 812),
    ]
    got = values([lines])
    assert got["subject"] == (
        "Về việc công nhận kết quả thẩm định chương trình đào tạo trình độ thạc sĩ ngành Quản lý giáo dục"
    )


def test_official_letter_vv_subject_over_two_lines() -> None:
    lines = [
        line(("BỘ GIÁO DỤC VÀ ĐÀO TẠO", LEFT), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT), y=254),
        line(("Độc lập - Tự do - Hạnh phúc", RIGHT + 60), y=326),
        line(("S6: 2315/BGDĐT-GDĐH", LEFT + 60), ("Hà Nội, ngày 16 tháng 6 năm 2022", RIGHT), y=432),
        line(("V/v hướng dẫn công tác tuyển sinh", LEFT), y=506, size=46),
        line(("đại học chính quy năm 2022", LEFT + 70), y=569, size=46),
        centred("Kính gửi: Các đại học, học viện, trường đại học.", 721),
        line(("Căn cứ Thông tư số 08/2022/TT-BGDĐT ngày 06 tháng 6 năm 2022 của Bộ trưởng", 474), y=803),
        line(("Nơi nhận:", 354), ("TL. BỘ TRƯỞNG", 1560), y=1850),
        line(("- Như trên;", 356), ("VỤ TRƯỞNG", 1620), y=1912),
        line(("- Lưu: VT, GDĐH.", 356), ("VỤ GIÁO DỤC ĐẠI HỌC", 1480), y=1976),
        centred("Nguyễn Thị Thanh Hương", 2433, cx=1730),
    ]
    got = values([lines])
    assert got["type_name"] == "CÔNG VĂN"
    assert got["subject"] == "hướng dẫn công tác tuyển sinh đại học chính quy năm 2022"
    assert (got["code_number"], got["code_notation"]) == ("2315", "BGDĐT-GDĐH")
    assert got["issued_date"] == "2022-06-16"
    assert "code_year" not in got
    assert (got["signer_authority"], got["signer_position"]) == (
        "TL. BỘ TRƯỞNG",
        "VỤ TRƯỞNG VỤ GIÁO DỤC ĐẠI HỌC",
    )


def test_body_quotations_are_never_the_document_number_or_date() -> None:
    # A certificate without a number or date in its header: only the body has them, quoted.
    lines = [
        line(("SỞ GIÁO DỤC VÀ ĐÀO TẠO", LEFT), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT), y=254),
        line(("Độc lập - Tự do - Hạnh phúc", RIGHT + 60), y=326),
        centred("GIẤY CHỨNG NHẬN", 600, size=60),
        centred("Hoàn thành khóa bồi dưỡng", 678),
        line(("Căn cứ Nghị định số 45/2018/NĐ-CP ngày 14 tháng 5 năm 2018 của Chính phủ quy", 474), y=969),
        line(("Số: 18/2019/TT-BGDĐT ngày 01 tháng 11 năm 2019 của Bộ trưởng quy định", 356), y=1036),
    ]
    got = values([lines])
    assert got["type_name"] == "GIẤY CHỨNG NHẬN"
    for key in ("code_number", "code_notation", "code_year", "issued_date"):
        assert key not in got


def test_signer_without_authority_and_on_the_last_page() -> None:
    first = decision_page()[:-4]  # no signature block on page 1
    second = [
        line(("2", 1290), y=150),
        line(("Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.", 474), y=400),
        line(("Nơi nhận:", 354), ("GIÁM ĐỐC", 1640), y=600),
        line(("- Lưu: VT.", 356), y=660),
        centred("Lương Thị Hồng Nhung", 1050, cx=1730),
    ]
    result = suggest([PageText(first, W, H), PageText(second, W, H)])
    assert result["signer_position"].value == "GIÁM ĐỐC" and result["signer_position"].page == 2
    assert result["signer_name"].value == "Lương Thị Hồng Nhung"
    assert "signer_authority" not in result
    assert result["code_number"].page == 1


def test_noise_suggests_nothing_rather_than_something_wrong() -> None:
    rng = random.Random(1)
    junk = ["~~ ,. ;'", "ll1 |", "a b c", "——", "..."]
    lines = [line((rng.choice(junk), rng.randrange(200, 2000)), y=y) for y in range(200, 3200, 90)]
    assert values([lines]) == {}
    assert suggest([]) == {}
    assert values([[]]) == {}


def test_suggestion_as_json() -> None:
    result = suggest([PageText(decision_page(), W, H)])
    d = result["code_number"].to_dict()
    assert set(d) == {"value", "confidence", "page", "bbox"}
    assert d["value"] == "1274" and d["page"] == 1 and len(d["bbox"]) == 4
    assert all(0.0 <= s.confidence <= 1.0 for s in result.values())
    x, y, w, h = result["code_number"].bbox
    assert x < W / 2 and 400 < y < 500 and w > 0 and h > 0
    assert isinstance(result["signer_name"], Suggestion)


# --------------------------------------------------------------------------- real OCR of the samples

_BODY_NUMBER = re.compile(r"số\s+(\d+)/(?:(\d{4})/)?([\wĐđ]+(?:-[\wĐđ]+)*)")
_BODY_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def body_quotations(sample: Sample) -> tuple[set[str], set[str]]:
    """Numbers and dates quoted in the body: the extractor must never return them."""
    text = "\n".join(b.text for b in sample.body)
    numbers = {m.group(1) + "/" + m.group(3) for m in _BODY_NUMBER.finditer(text)}
    dates = {date(int(y), int(mo), int(d)).isoformat() for d, mo, y in _BODY_DATE.findall(text)}
    return numbers, dates - {sample.expected.get("issued_date")}


def ocr_samples(damage: str | None) -> dict[str, dict[str, Suggestion]]:
    out = {}
    for name in list_samples():
        pages = []
        for image in render_sample(load_sample(name), dpi=300, damage=damage):
            grey = np.asarray(image.convert("L"))
            pages.append(PageText(ocr_image(grey, 300, "vie").lines, image.width, image.height))
        out[name] = suggest(pages)
    return out


@pytest.fixture(scope="module")
def clean_suggestions() -> dict[str, dict[str, Suggestion]]:
    return ocr_samples(None)


@pytest.fixture(scope="module")
def damaged_suggestions() -> dict[str, dict[str, Suggestion]]:
    return ocr_samples("scan")


def score(results: dict[str, dict[str, Suggestion]]) -> tuple[float, dict[str, str], list[str]]:
    """Exact-match accuracy over every expected field and every suggested one (a suggestion for a
    field the page does not have counts as wrong), per field, and the misses."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    misses = []
    for name, got in results.items():
        expected = load_sample(name).expected
        for key in set(expected) | set(got):
            value = got[key].value if key in got else None
            total[key] += 1
            if value == expected.get(key):
                right[key] += 1
            else:
                misses.append(f"{name} {key}: {value!r} != {expected.get(key)!r}")
    per_field = {k: f"{right[k]}/{total[k]}" for k in sorted(total)}
    return sum(right.values()) / sum(total.values()), per_field, misses


def assert_no_quotation_returned(results: dict[str, dict[str, Suggestion]]) -> None:
    for name, got in results.items():
        numbers, dates = body_quotations(load_sample(name))
        assert numbers, name  # every sample quotes something, or the trap is not set
        if "code_number" in got and "code_notation" in got:
            assert f"{got['code_number'].value}/{got['code_notation'].value}" not in numbers, name
        if "issued_date" in got:
            assert got["issued_date"].value not in dates, name


@pytest.mark.slow
def test_clean_renders_give_the_expected_metadata(clean_suggestions) -> None:
    accuracy, per_field, misses = score(clean_suggestions)
    print(f"\nclean renders: {accuracy:.1%} of fields exactly right; per field {per_field}; misses {misses}")
    assert accuracy >= 0.97, (per_field, misses)
    assert_no_quotation_returned(clean_suggestions)


@pytest.mark.slow
def test_scanned_renders_give_the_expected_metadata(damaged_suggestions) -> None:
    accuracy, per_field, misses = score(damaged_suggestions)
    print(
        f"\ndamaged renders: {accuracy:.1%} of fields exactly right; per field {per_field}; misses {misses}"
    )
    assert accuracy >= 0.90, (per_field, misses)
    assert_no_quotation_returned(damaged_suggestions)


# --------------------------------------------------------------------------- validation

TODAY = date(2025, 6, 1)

COMPLETE = {
    "type_name": "QUYẾT ĐỊNH",
    "code_number": "1274",
    "code_notation": "QĐ-BGDĐT",
    "issued_date": "2021-03-05",
    "organ_name": "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
    "subject": "Về việc công nhận kết quả thẩm định chương trình đào tạo",
    "language": "01",
    "page_amount": "2",
    "file_code": "000.00.00.G03.2021.01",
    "doc_ordinal": "1",
    "maintenance": "01",
    "rights": "01",
    "confidence_level": "02",
    "paper_file_code": "BGDĐT.K1-G2-H3.15",
}


def problems_of(metadata: dict[str, str]) -> dict[str, str]:
    return {p.field: p.message for p in validate(metadata, today=TODAY)}


def test_complete_metadata_has_no_problem() -> None:
    assert validate(COMPLETE, today=TODAY) == []


def test_every_required_field_is_reported_when_missing() -> None:
    found = problems_of({})
    # Number and notation wait for the type: a certificate may have none.
    assert set(found) == REQUIRED
    assert "required" in found["organ_name"] and "upper left" in found["organ_name"]
    blank = problems_of({**COMPLETE, "subject": "   "})
    assert set(blank) == {"subject"}


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("2021-02-30", "2021-02-30 is not a real date; enter it as dd/mm/yyyy"),
        ("2031-01-01", "in the future"),
        ("05/03/2021", "2021-03-05"),
        ("March 5", "not a date"),
    ],
)
def test_issued_date_must_be_a_real_past_iso_date(value: str, needle: str) -> None:
    message = problems_of({**COMPLETE, "issued_date": value})["issued_date"]
    assert message.startswith("issued_date: ")
    assert needle in message


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("maintenance", "08"),
        ("rights", "04"),
        ("confidence_level", "01"),
        ("physical_condition", "04"),
        ("language", "vi"),
        ("maintenance", "1"),
    ],
)
def test_code_fields_take_only_their_codes(key: str, value: str) -> None:
    message = problems_of({**COMPLETE, key: value})[key]
    assert "code list" in message and "use one of" in message


def test_code_lists_accept_their_codes() -> None:
    for code in ("01", "02", "03", "04", "05", "06", "07"):
        assert validate({**COMPLETE, "maintenance": code}, today=TODAY) == []
    for code in ("01", "02", "03"):
        assert validate({**COMPLETE, "rights": code, "physical_condition": code}, today=TODAY) == []


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("page_amount", "3a"),
        ("page_amount", "0"),
        ("doc_ordinal", "1000"),
        ("code_year", "21"),
        ("code_year", "2999"),
        ("page_amount", "٣"),
    ],
)
def test_numbers_are_plain_digits_in_range(key: str, value: str) -> None:
    assert key in problems_of({**COMPLETE, key: value})


def test_lengths_are_limited() -> None:
    assert "at most 500" in problems_of({**COMPLETE, "subject": "x" * 501})["subject"]
    assert validate({**COMPLETE, "subject": "x" * 500}, today=TODAY) == []
    assert "code_number" in problems_of({**COMPLETE, "code_number": "123456789012"})


def test_number_and_notation_required_unless_a_numberless_certificate() -> None:
    missing = problems_of({k: v for k, v in COMPLETE.items() if k not in ("code_number", "code_notation")})
    assert set(missing) == {"code_number", "code_notation"}
    certificate = {k: v for k, v in COMPLETE.items() if k not in ("code_number", "code_notation")}
    certificate["type_name"] = "GIẤY CHỨNG NHẬN"
    assert validate(certificate, today=TODAY) == []
    # Half a number is a mistake even on a certificate.
    assert set(problems_of({**certificate, "code_number": "07"})) == {"code_notation"}
    assert "spaces" in problems_of({**COMPLETE, "code_notation": "QĐ - BGDĐT"})["code_notation"]


def test_unknown_keys_and_bad_file_codes_are_reported() -> None:
    assert "not a metadata field" in problems_of({**COMPLETE, "organ": "X"})["organ"]
    assert "file_code" in problems_of({**COMPLETE, "file_code": "HS-2021-01"})


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("05/03/2021", "2021-03-05"),
        ("5/3/2021", "2021-03-05"),
        ("2021-03-05", "2021-03-05"),
        ("29.02.2024", "2024-02-29"),
        (" 31-12-2020 ", "2020-12-31"),
    ],
)
def test_to_iso_date_accepts_vietnamese_and_iso_forms(text: str, iso: str) -> None:
    assert to_iso_date(text) == iso


@pytest.mark.parametrize("text", ["30/02/2021", "2021-13-01", "05/03/21", "hôm nay"])
def test_to_iso_date_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        to_iso_date(text)


def test_field_table_matches_the_spec() -> None:
    if not SPEC.is_file():
        pytest.skip("shared/spec/metadata.md is not beside the checkout")
    rows = [
        [cell.strip() for cell in row.split("|")[1:7]]
        for row in SPEC.read_text("utf-8").splitlines()
        if row.startswith("| `")
    ]
    assert len(rows) == len(FIELDS)
    for key, label, nd30, kind, required, filled in rows:
        spec = FIELD_BY_KEY[key.strip("`")]
        assert spec.label == label, key
        assert spec.nd30_name == (None if nd30 == "—" else nd30), key
        assert spec.required == (required == "R"), key
        kind_word, *length = kind.split()
        assert spec.type == kind_word, key
        assert spec.max_length == (int(length[0]) if length and length[0].isdigit() else None), key
        # A field the spec fills from the page is one the extractor suggests.
        assert spec.from_page == filled.startswith("yes"), key


# --------------------------------------------------------------------------- confidence (issue 5)


def test_doubled_d_in_the_notation_is_read_back_with_confidence() -> None:
    page = decision_page(number="Số: 2899/QĐÐ-BGDĐT")
    page[2].words[1].conf = 0.53  # Tesseract doubts the word it read the Đ of twice
    got = suggest([PageText(page, W, H)])
    assert (got["code_number"].value, got["code_notation"].value) == ("2899", "QĐ-BGDĐT")
    assert got["code_notation"].confidence >= CONFIDENT


def test_notation_group_read_small_is_put_upper_with_less_confidence() -> None:
    got = suggest([PageText(decision_page(number="Số: 46/UBND-Vp"), W, H)])
    assert got["code_notation"].value == "UBND-VP"
    clean = suggest([PageText(decision_page(number="Số: 46/UBND-VP"), W, H)])
    assert got["code_notation"].confidence < clean["code_notation"].confidence


def test_a_date_before_the_documents_it_cites_is_not_trusted() -> None:
    good = suggest([PageText(decision_page(), W, H)])["issued_date"]
    early = suggest([PageText(decision_page(date_line="Hà Nội, ngày 05 tháng 3 năm 2011"), W, H)])["issued_date"]
    assert good.confidence >= CONFIDENT and early.value == "2011-03-05" and early.confidence < CONFIDENT


def test_one_doubtful_word_makes_the_subject_unsure() -> None:
    page = decision_page()
    subject_line = next(ln for ln in page if ln.text.startswith("Về việc"))
    assert suggest([PageText(page, W, H)])["subject"].confidence >= CONFIDENT
    subject_line.words[3].conf = 0.4
    assert suggest([PageText(page, W, H)])["subject"].confidence < CONFIDENT


def test_scoring_fills_only_sure_suggestions_and_counts_wrong_confident() -> None:
    sure = Suggestion("1274", 0.9, 1, (0, 0, 1, 1))
    unsure = Suggestion("Đỗ Hữu Quyết", 0.5, 1, (0, 0, 1, 1))
    wrong = Suggestion("QĐ-BGD", 0.9, 1, (0, 0, 1, 1))
    s = score_documents([("d", {"code_number": "1274", "signer_name": "Đỗ Hữu Quyết", "code_notation": "QĐ-BGDĐT"},
                {"code_number": sure, "signer_name": unsure, "code_notation": wrong})])
    assert s.fields["code_number"].right == 1
    assert s.fields["signer_name"].left_empty == 1 and s.fields["signer_name"].wrong_confident == 0
    assert s.fields["code_notation"].wrong_confident == 1
    assert round(s.accuracy, 3) == 0.333 and round(s.wrong_confident_rate, 3) == 0.333


def test_generated_documents_cover_every_kind_and_organ() -> None:
    docs = [generate(i) for i in range(28)]
    kinds = {d.name.rsplit("_", 1)[1] for d in docs}
    assert kinds == {"decision", "certificate", "licence", "notice", "plan", "report", "letter"}
    organs = {d.description.split(" of a ")[1] for d in docs}
    assert {"ministry", "ministry unit", "province dept", "university"} <= organs
    assert any(d.parent_organ for d in docs) and any(not d.parent_organ for d in docs)
    assert any(d.expected["type_name"] == "CÔNG VĂN" and d.subject_left[0].startswith("V/v") for d in docs)
    assert generate(5) == generate(5) and generate(5) != generate(5, seed=7)
    for d in docs:  # the trap is set: the body quotes a decree with its own number and date
        assert any(b.text.startswith("Căn cứ") and " số " in b.text for b in d.body)
        assert validate_page_fields(d.expected) == []


def validate_page_fields(expected: dict[str, str]) -> list[str]:
    problems = validate({**COMPLETE, **{k: v for k, v in expected.items()}}, today=date(2030, 1, 1))
    return [p.message for p in problems if p.field in expected]


@pytest.mark.slow
def test_generated_documents_read_by_real_ocr() -> None:
    """A modest generated corpus through real Tesseract (the bench runs the large one)."""
    docs = []
    for i in range(7):
        sample = generate(i, seed=11)
        pages = [PageText(ocr_image(np.asarray(im.convert("L")), 300, "vie").lines, im.width, im.height)
                 for im in render_sample(sample, dpi=300)]
        docs.append((sample.name, sample.expected, suggest(pages)))
    s = score_documents(docs)
    assert s.accuracy >= 0.9, s.misses
    assert s.wrong_confident_rate <= 0.03, s.misses
