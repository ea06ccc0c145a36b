"""Generated Vietnamese administrative documents with known metadata, for tests and the metadata bench.

The seven hand-written samples in ``resources/samples`` show each layout once; an accuracy figure
needs many documents that differ where real ones differ: the kind (decision, certificate,
licence, notice, plan, report, official letter with ``V/v``), the organ (the Ministry, its
departments, provincial departments, universities; with a parent organ or without, on one line
or two), numbers with and without a year, dates, places, signature blocks with and without an
authority line, and bodies that quote other decrees with their own numbers and dates (the trap
the extractor must not fall into). Each document is a :class:`station.samples.Sample`, so it is
typeset by the same renderer, with the same scan damage, as the bundled samples.

Everything comes from a seed: document ``i`` of seed ``s`` is the same on every machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from station.samples import Block, Sample, Signer

# --------------------------------------------------------------------------- organs


@dataclass(frozen=True)
class Organ:
    lines: tuple[str, ...]  # the organ as printed, one or two lines
    parent: tuple[str, ...]  # the parent organ as printed; () when none
    code: str  # the organ's part of a notation, e.g. BGDĐT
    place: str  # the place name printed before the date
    head: str  # the head's title, e.g. BỘ TRƯỞNG
    deputy: str  # the deputy's title, e.g. THỨ TRƯỞNG
    stamp: str
    kind: str  # ministry | ministry_unit | province_dept | university | district


_MINISTRY = ("BỘ GIÁO DỤC VÀ ĐÀO TẠO",)

_PROVINCES = (
    ("HÀ NỘI", "Hà Nội", "THÀNH PHỐ"),
    ("HỒ CHÍ MINH", "Thành phố Hồ Chí Minh", "THÀNH PHỐ"),
    ("ĐÀ NẴNG", "Đà Nẵng", "THÀNH PHỐ"),
    ("HẢI PHÒNG", "Hải Phòng", "THÀNH PHỐ"),
    ("CẦN THƠ", "Cần Thơ", "THÀNH PHỐ"),
    ("BẮC NINH", "Bắc Ninh", "TỈNH"),
    ("NGHỆ AN", "Nghệ An", "TỈNH"),
    ("THANH HÓA", "Thanh Hóa", "TỈNH"),
    ("QUẢNG NINH", "Quảng Ninh", "TỈNH"),
    ("LÂM ĐỒNG", "Lâm Đồng", "TỈNH"),
    ("KHÁNH HÒA", "Khánh Hòa", "TỈNH"),
    ("ĐỒNG THÁP", "Đồng Tháp", "TỈNH"),
    ("THÁI NGUYÊN", "Thái Nguyên", "TỈNH"),
    ("LÀO CAI", "Lào Cai", "TỈNH"),
)

_MINISTRY_UNITS = (
    ("VỤ GIÁO DỤC ĐẠI HỌC", "GDĐH", "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG"),
    ("VỤ GIÁO DỤC TRUNG HỌC", "GDTrH", "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG"),
    ("CỤC QUẢN LÝ CHẤT LƯỢNG", "QLCL", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"),
    ("CỤC NHÀ GIÁO VÀ CÁN BỘ QUẢN LÝ GIÁO DỤC", "NGCBQLGD", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"),
    ("VĂN PHÒNG", "VP", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
    ("THANH TRA", "TTr", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA"),
)

_UNIVERSITIES = (
    (("TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI",), "ĐHSPHN", "Hà Nội", _MINISTRY),
    (("TRƯỜNG ĐẠI HỌC SƯ PHẠM", "THÀNH PHỐ HỒ CHÍ MINH"), "ĐHSP", "Thành phố Hồ Chí Minh", _MINISTRY),
    (("TRƯỜNG ĐẠI HỌC VINH",), "ĐHV", "Nghệ An", _MINISTRY),
    (("TRƯỜNG ĐẠI HỌC GIÁO DỤC",), "ĐHGD", "Hà Nội", ("ĐẠI HỌC QUỐC GIA HÀ NỘI",)),
    (("TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN",), "KHTN", "Hà Nội", ("ĐẠI HỌC QUỐC GIA HÀ NỘI",)),
    (("TRƯỜNG ĐẠI HỌC CẦN THƠ",), "ĐHCT", "Cần Thơ", ()),
    (("HỌC VIỆN QUẢN LÝ GIÁO DỤC",), "HVQLGD", "Hà Nội", ()),
    (("TRƯỜNG ĐẠI HỌC ĐÀ LẠT",), "ĐHĐL", "Lâm Đồng", ()),
)

_DISTRICTS = (
    ("HUYỆN GIA LÂM", "Gia Lâm"),
    ("HUYỆN ĐÔNG ANH", "Đông Anh"),
    ("QUẬN HẢI CHÂU", "Hải Châu"),
    ("THÀNH PHỐ NHA TRANG", "Nha Trang"),
)


def _organ(rng: random.Random) -> Organ:
    kind = rng.choice(("ministry", "ministry_unit", "province_dept", "province_dept", "university", "university",
                       "district"))
    if kind == "ministry":
        return Organ(_MINISTRY, (), "BGDĐT", "Hà Nội", "BỘ TRƯỞNG", "THỨ TRƯỞNG", _MINISTRY[0], kind)
    if kind == "ministry_unit":
        name, code, head, deputy = rng.choice(_MINISTRY_UNITS)
        return Organ((name,), _MINISTRY, code, "Hà Nội", head, deputy, _MINISTRY[0], kind)
    if kind == "province_dept":
        prov, place, level = rng.choice(_PROVINCES)
        parent = (f"ỦY BAN NHÂN DÂN {level} {prov}",)
        if rng.random() < 0.4 or len(parent[0]) > 34:
            parent = ("ỦY BAN NHÂN DÂN", f"{level} {prov}")
        return Organ(("SỞ GIÁO DỤC VÀ ĐÀO TẠO",), parent, "SGDĐT", place, "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                     f"SỞ GIÁO DỤC VÀ ĐÀO TẠO {level} {prov}", kind)
    if kind == "university":
        lines, code, place, parent = rng.choice(_UNIVERSITIES)
        return Organ(lines, parent, code, place, "HIỆU TRƯỞNG" if lines[0].startswith("TRƯỜNG") else "GIÁM ĐỐC",
                     "PHÓ HIỆU TRƯỞNG" if lines[0].startswith("TRƯỜNG") else "PHÓ GIÁM ĐỐC", " ".join(lines), kind)
    district, place = rng.choice(_DISTRICTS)
    return Organ(("ỦY BAN NHÂN DÂN", district), (), "UBND", place, "CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                 f"ỦY BAN NHÂN DÂN {district}", kind)


# --------------------------------------------------------------------------- documents

# kind: (title, abbreviation, subjects)
_KINDS: dict[str, tuple[str | None, str, tuple[str, ...]]] = {
    "decision": ("QUYẾT ĐỊNH", "QĐ", (
        "Về việc công nhận kết quả thẩm định chương trình đào tạo trình độ thạc sĩ ngành Quản lý giáo dục",
        "Về việc thành lập Hội đồng thi tốt nghiệp trung học phổ thông năm {year}",
        "Về việc ban hành Quy chế tổ chức và hoạt động của Trung tâm Khảo thí",
        "Về việc giao chỉ tiêu tuyển sinh năm học {year} - {next}",
        "Về việc bổ nhiệm lại viên chức quản lý",
        "Ban hành Kế hoạch kiểm tra công tác dạy và học năm {year}",
    )),
    "certificate": ("GIẤY CHỨNG NHẬN", "GCN", (
        "Hoàn thành khóa bồi dưỡng nghiệp vụ quản lý giáo dục",
        "Đăng ký hoạt động giáo dục nghề nghiệp",
        "Trường đạt chuẩn quốc gia mức độ 1",
        "Kiểm định chất lượng cơ sở giáo dục",
    )),
    "licence": ("GIẤY PHÉP", "GP", (
        "Tổ chức hoạt động dạy thêm, học thêm",
        "Hoạt động liên kết đào tạo với nước ngoài",
        "Thành lập trung tâm ngoại ngữ, tin học",
        "Tổ chức hội thảo khoa học quốc tế năm {year}",
    )),
    "notice": ("THÔNG BÁO", "TB", (
        "Kết luận của Giám đốc tại cuộc họp giao ban tháng {month}",
        "Tuyển sinh đào tạo trình độ tiến sĩ năm {year}",
        "Lịch tiếp công dân năm {year}",
        "Kết quả xét tuyển viên chức năm {year}",
    )),
    "plan": ("KẾ HOẠCH", "KH", (
        "Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học {year} - {next}",
        "Triển khai chuyển đổi số trong giáo dục năm {year}",
        "Bồi dưỡng thường xuyên giáo viên năm {year}",
    )),
    "report": ("BÁO CÁO", "BC", (
        "Tổng kết năm học {year} - {next} và phương hướng nhiệm vụ năm học mới",
        "Kết quả thực hiện công tác cải cách hành chính quý {quarter} năm {year}",
    )),
    "letter": (None, "", (
        "hướng dẫn công tác tuyển sinh đại học chính quy năm {year}",
        "triển khai nhiệm vụ giáo dục thường xuyên năm học {year} - {next}",
        "báo cáo số liệu đội ngũ nhà giáo năm {year}",
        "đề nghị cử cán bộ tham gia tập huấn",
        "góp ý dự thảo Thông tư quy định về dạy thêm, học thêm",
    )),
}

_QUOTED = (
    ("Nghị định", "NĐ-CP", "của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Giáo dục và Đào tạo;"),
    ("Thông tư", "TT-BGDĐT", "của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy chế tuyển sinh;"),
    ("Nghị định", "NĐ-CP", "của Chính phủ về công tác văn thư;"),
    ("Quyết định", "QĐ-UBND", "của Ủy ban nhân dân về việc ban hành quy định phân cấp quản lý;"),
    ("Thông tư", "TT-BNV", "của Bộ trưởng Bộ Nội vụ hướng dẫn quản lý văn bản, lập hồ sơ;"),
)

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Đinh", "Trịnh",
             "Lương", "Phan", "Huỳnh")
_MIDDLES = ("Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Thị Thu", "Đức", "Ngọc", "Hồng")
_GIVEN = ("Hà", "Hương", "Tường", "Quyết", "Bảo", "Nhung", "Dũng", "Hùng", "Lan", "Phương", "Sơn", "Tuấn",
          "Thủy", "Long", "Giang", "Khánh")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLES)} {rng.choice(_GIVEN)}"


def _date_line(place: str, d: date) -> str:
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {day} tháng {month} năm {d.year}"


def _quote(rng: random.Random, before: date) -> str:
    kind, notation, tail = rng.choice(_QUOTED)
    qd = before - timedelta(days=rng.randrange(200, 3000))
    year = f"/{qd.year}" if kind != "Quyết định" else ""
    number = rng.randrange(1, 200)
    return f"Căn cứ {kind} số {number:02d}{year}/{notation} ngày {qd.day:02d} tháng {qd.month} năm {qd.year} {tail}"


def generate(index: int, seed: int = 2025) -> Sample:
    """Document ``index`` of the set ``seed``: a Sample whose ``expected`` holds the page-filled fields."""
    rng = random.Random(f"{seed}:{index}")
    organ = _organ(rng)
    kinds = list(_KINDS)
    kind = kinds[index % len(kinds)]  # every kind equally often
    title, abbreviation, subjects = _KINDS[kind]
    issued = date(2016, 1, 1) + timedelta(days=rng.randrange(0, 3400))
    subject = rng.choice(subjects).format(year=issued.year, next=issued.year + 1, month=issued.month,
                                          quarter=(issued.month - 1) // 3 + 1)
    number = rng.randrange(1, 4000)
    number_text = f"{number:02d}"
    if kind == "letter":
        notation = f"{organ.code}-{rng.choice(('GDĐH', 'KHTC', 'TCCB', 'VP', 'GDTrH', 'QLCL'))}" \
            if organ.kind == "ministry" else organ.code
        if organ.kind in ("province_dept", "university", "district", "ministry_unit"):
            notation = organ.code + rng.choice(("-VP", "-TCCB", "-KHTC", ""))
    else:
        notation = f"{abbreviation}-{organ.code}"
    year_in_number = kind == "decision" and organ.kind == "ministry" and rng.random() < 0.25
    if year_in_number:
        number_line = f"Số: {number_text}/{issued.year}/{notation}"
    else:
        number_line = f"Số: {number_text}/{notation}"
    numberless = kind == "certificate" and rng.random() < 0.3
    head_is_signer = rng.random() < 0.35
    if organ.kind == "district":
        authority = "TM. ỦY BAN NHÂN DÂN"
        position = (organ.head if head_is_signer else organ.deputy,)
        if not head_is_signer:
            authority = "KT. CHỦ TỊCH"
    elif head_is_signer:
        authority, position = None, (organ.head,)
    else:
        authority, position = f"KT. {organ.head}", (organ.deputy,)
    if kind == "letter" and organ.kind == "ministry" and rng.random() < 0.5:
        unit, _code, head, _deputy = rng.choice(_MINISTRY_UNITS)
        authority, position = "TL. BỘ TRƯỞNG", (head, unit)
    signer = Signer(position=position, name=_name(rng), authority=authority)

    quotes = [_quote(rng, issued) for _ in range(rng.randrange(1, 3))]
    body: list[Block] = []
    if kind == "letter":
        body.append(Block(f"Kính gửi: {rng.choice(('Các sở giáo dục và đào tạo', 'Các đại học, học viện', 'Các phòng giáo dục và đào tạo'))}.", "center"))
        body += [Block(q) for q in quotes]
        body.append(Block(f"{organ.lines[-1].capitalize()} đề nghị các đơn vị triển khai thực hiện, báo cáo kết quả "
                          f"trước ngày {rng.randrange(1, 28)} tháng {rng.randrange(1, 13)} năm {issued.year + 1}./."))
    else:
        if kind in ("decision", "licence", "certificate"):
            body.append(Block(f"{organ.head} {organ.lines[-1]}", "center_bold"))
        body += [Block(q) for q in quotes]
        if kind == "decision":
            body.append(Block("QUYẾT ĐỊNH:", "center_bold"))
            body.append(Block(f"Điều 1. {subject[0].upper()}{subject[1:]}."))
            body.append(Block("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."))
        else:
            body.append(Block(f"Nội dung: {subject[0].lower()}{subject[1:]}, thực hiện theo quy định hiện hành "
                              f"và báo cáo kết quả trước ngày {rng.randrange(1, 28)} tháng {rng.randrange(1, 13)} "
                              f"năm {issued.year + 1}./."))
    recipients = ("- Như trên;", "- Lưu: VT.")

    expected: dict[str, str] = {
        "type_name": title or "CÔNG VĂN",
        "issued_date": issued.isoformat(),
        "place": organ.place,
        "organ_name": " ".join(organ.lines),
        "subject": subject,
        "signer_name": signer.name,
        "signer_position": " ".join(position),
    }
    if authority:
        expected["signer_authority"] = authority
    if organ.parent:
        expected["parent_organ"] = " ".join(organ.parent)
    if not numberless:
        expected["code_number"] = number_text
        expected["code_notation"] = notation
        if year_in_number:
            expected["code_year"] = str(issued.year)
    subject_left: tuple[str, ...] = ()
    subject_lines: tuple[str, ...] = ()
    if kind == "letter":
        subject_left = _split_vv(f"V/v {subject}", rng)
    else:
        subject_lines = (subject,)
    return Sample(
        name=f"gen_{seed}_{index:03d}_{kind}",
        description=f"generated {kind} of a {organ.kind.replace('_', ' ')}",
        organ=organ.lines,
        place_date=_date_line(organ.place, issued),
        body=tuple(body),
        signer=signer,
        expected=expected,
        parent_organ=organ.parent,
        number=None if numberless else number_line,
        subject_left=subject_left,
        title=title,
        subject=subject_lines,
        recipients=recipients,
        stamp=organ.stamp,
    )


def _split_vv(text: str, rng: random.Random) -> tuple[str, ...]:
    """A V/v subject over one, two or three lines, broken at words as a typist would."""
    words = text.split()
    if len(words) < 6:
        return (text,)
    cut = rng.randrange(4, min(8, len(words) - 1))
    return (" ".join(words[:cut]), " ".join(words[cut:]))


def generate_set(count: int, seed: int = 2025) -> list[Sample]:
    return [generate(i, seed) for i in range(count)]
