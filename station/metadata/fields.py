"""The metadata fields of a digitized document (shared/spec/metadata.md) as data, and their checks.

The table drives every face: the CLI's ``confirm`` refuses while :func:`validate` reports a
problem, the GUI builds its form from :data:`FIELDS`, and the package writer takes the ND 30
names from here. Messages say what the operator should do, in English; the GUI translates them.
Nothing here touches the store: a check is a pure function of the values and today's date.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

FieldType = Literal["text", "date", "number", "code"]

LANGUAGE_CODES: Mapping[str, str] = {"01": "Tiếng Việt"}
MAINTENANCE_CODES: Mapping[str, str] = {
    "01": "Vĩnh viễn",
    "02": "70 năm",
    "03": "50 năm",
    "04": "30 năm",
    "05": "20 năm",
    "06": "10 năm",
    "07": "Khác",
}
RIGHTS_CODES: Mapping[str, str] = {"01": "Công khai", "02": "Sử dụng có điều kiện", "03": "Mật"}
CONFIDENCE_CODES: Mapping[str, str] = {"02": "Số hóa"}
PHYSICAL_CONDITION_CODES: Mapping[str, str] = {"01": "Tốt", "02": "Bình thường", "03": "Hỏng"}


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # Vietnamese, as the form shows it
    type: FieldType
    max_length: int | None = None
    required: bool = False
    nd30_name: str | None = None
    codes: Mapping[str, str] | None = None
    from_page: bool = False  # suggested from the page text by station.metadata.extract
    hint: str = ""  # what to enter, used in messages

    @property
    def required_if_numbered(self) -> bool:
        """R* in metadata.md: required unless the document type carries no number."""
        return self.key in NUMBER_KEYS


NUMBER_KEYS = ("code_number", "code_notation")

FIELDS: tuple[Field, ...] = (
    Field(
        "type_name",
        "Tên loại văn bản",
        "text",
        100,
        True,
        "TypeName",
        from_page=True,
        hint="the document type as printed in the title, e.g. QUYẾT ĐỊNH; CÔNG VĂN for a letter",
    ),
    Field(
        "code_number",
        "Số",
        "text",
        11,
        False,
        "CodeNumber",
        from_page=True,
        hint="the number before the first '/', leading zeros kept, e.g. 08",
    ),
    Field(
        "code_notation",
        "Ký hiệu",
        "text",
        30,
        False,
        "CodeNotation",
        from_page=True,
        hint="the notation after the number, e.g. QĐ-BGDĐT",
    ),
    Field(
        "code_year",
        "Năm (văn bản QPPL)",
        "number",
        4,
        False,
        from_page=True,
        hint="the year printed between number and notation, e.g. 2021",
    ),
    Field(
        "issued_date",
        "Ngày tháng năm",
        "date",
        None,
        True,
        "IssuedDate",
        from_page=True,
        hint="the date printed after the place name",
    ),
    Field("place", "Địa danh", "text", 100, False, from_page=True, hint="the place name before the date"),
    Field(
        "organ_name",
        "Cơ quan ban hành",
        "text",
        200,
        True,
        "OrganName",
        from_page=True,
        hint="the issuing organ as printed upper left",
    ),
    Field(
        "parent_organ",
        "Cơ quan chủ quản",
        "text",
        200,
        False,
        from_page=True,
        hint="the line above the issuing organ, when printed",
    ),
    Field(
        "subject",
        "Trích yếu nội dung",
        "text",
        500,
        True,
        "Subject",
        from_page=True,
        hint="the line(s) under the title, or the text after V/v",
    ),
    Field(
        "signer_position",
        "Chức vụ người ký",
        "text",
        100,
        False,
        "Signer.Position",
        from_page=True,
        hint="the signer's position, e.g. THỨ TRƯỞNG",
    ),
    Field(
        "signer_authority",
        "Thẩm quyền ký",
        "text",
        50,
        False,
        from_page=True,
        hint="the KT./TL./TM./Q./TUQ. line of the signature block",
    ),
    Field(
        "signer_name",
        "Họ tên người ký",
        "text",
        50,
        False,
        "Signer.FullName",
        from_page=True,
        hint="the name under the signature",
    ),
    Field(
        "language", "Ngôn ngữ", "code", None, True, "Language", codes=LANGUAGE_CODES, hint="01 for Tiếng Việt"
    ),
    Field(
        "page_amount",
        "Số lượng trang",
        "number",
        4,
        True,
        "PageAmount",
        hint="the number of pages kept, blanks excluded",
    ),
    Field(
        "file_code",
        "Mã hồ sơ",
        "text",
        50,
        True,
        "FileCode",
        hint="organ id . year . file notation, e.g. 000.00.00.G03.2021.01",
    ),
    Field(
        "doc_ordinal",
        "Số thứ tự văn bản trong hồ sơ",
        "number",
        3,
        True,
        "DocOrdinal",
        hint="the document's place in its file, from 1",
    ),
    Field(
        "procedure_code", "Mã thủ tục hành chính", "text", 50, False, hint="pick the procedure from the list"
    ),
    Field("dossier_code", "Mã hồ sơ TTHC", "text", 50, False, hint="the dossier code, or scan its barcode"),
    Field(
        "maintenance",
        "Thời hạn bảo quản",
        "code",
        None,
        True,
        "Maintenance",
        codes=MAINTENANCE_CODES,
        hint="01 permanent … 07 other",
    ),
    Field(
        "rights",
        "Chế độ sử dụng",
        "code",
        None,
        True,
        "Rights",
        codes=RIGHTS_CODES,
        hint="01 public, 02 conditional, 03 secret",
    ),
    Field(
        "confidence_level",
        "Mức độ tin cậy",
        "code",
        None,
        True,
        codes=CONFIDENCE_CODES,
        hint="02 (digitized)",
    ),
    Field(
        "paper_file_code",
        "Mã hồ sơ gốc giấy",
        "text",
        100,
        True,
        hint="the paper original's shelf code: archive . store-shelf-box . file number",
    ),
    Field(
        "physical_condition",
        "Tình trạng vật lý",
        "code",
        None,
        False,
        codes=PHYSICAL_CONDITION_CODES,
        hint="01 good, 02 fair, 03 damaged",
    ),
    Field("keywords", "Từ khóa", "text", 100, False),
    Field("description", "Ghi chú", "text", 500, False, "Description"),
)

FIELD_BY_KEY: Mapping[str, Field] = {f.key: f for f in FIELDS}
REQUIRED: frozenset[str] = frozenset(f.key for f in FIELDS if f.required)
SUGGESTED: tuple[str, ...] = tuple(f.key for f in FIELDS if f.from_page)

# Types that may be issued without a number (metadata.md R*): certificates and their kin. Matched
# on the upper-case name without diacritics, so "GIAY CHUNG NHAN" typed on a plain keyboard counts.
NUMBERLESS_TYPES: frozenset[str] = frozenset(
    {"GIAY CHUNG NHAN", "CHUNG NHAN", "CHUNG CHI", "BANG", "BANG TOT NGHIEP", "GIAY KHEN", "BANG KHEN"}
)

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_FILE_CODE = re.compile(
    r"^(?P<organ>[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z0-9]{3})\.(?P<year>\d{4})\.(?P<notation>\S+)$"
)


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass
class _Checker:
    today: date
    problems: list[Problem] = field(default_factory=list)

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(key, f"{key}: {message}"))


def to_iso_date(text: str) -> str:
    """``dd/mm/yyyy`` (also with ``.`` or ``-``, day and month unpadded) or ISO → ISO ``yyyy-mm-dd``.

    Raises ValueError with a sentence for the operator when the text is not a real date.
    """
    value = text.strip()
    if m := _ISO.match(value):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DMY.match(value):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        raise ValueError(f"{value!r} is not a date; enter it as dd/mm/yyyy")
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"{value} is not a real date; enter it as dd/mm/yyyy") from None


def fold(text: str) -> str:
    """Upper case without diacritics (Đ → D): the form two spellings of one word share."""
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in nfd if not unicodedata.combining(c)).upper().split())


def is_numberless_type(type_name: str) -> bool:
    return fold(type_name) in NUMBERLESS_TYPES


def validate(metadata: Mapping[str, str], today: date | None = None) -> list[Problem]:
    """Every problem that stops a document from being confirmed, one per field at most.

    Empty values count as missing. Keys that are not metadata fields are reported too: they are
    almost always a typo in ``--set KEY=VALUE``.
    """
    check = _Checker(today or date.today())
    values = {k: (v or "").strip() if isinstance(v, str) else v for k, v in metadata.items()}
    for key in values:
        if key not in FIELD_BY_KEY:
            check.add(key, f"not a metadata field; use one of {', '.join(FIELD_BY_KEY)}")
    for spec in FIELDS:
        value = values.get(spec.key)
        if value is not None and not isinstance(value, str):
            check.add(spec.key, f"must be text, not {type(value).__name__}")
            continue
        if not value:
            if spec.required:
                check.add(spec.key, f"required; enter {spec.hint or 'a value'}")
            continue
        _check_value(check, spec, value)
    _check_numbering(check, values)
    return check.problems


def _check_value(check: _Checker, spec: Field, value: str) -> None:
    if spec.type == "date":
        _check_date(check, spec.key, value)
        return
    if spec.type == "code":
        codes = spec.codes or {}
        if value not in codes:
            listed = ", ".join(f"{code} {label}" for code, label in codes.items())
            check.add(spec.key, f"{value!r} is not in the code list; use one of: {listed}")
        return
    if spec.type == "number":
        if not value.isascii() or not value.isdigit():
            check.add(spec.key, f"{value!r} is not a whole number; enter digits only")
            return
        if spec.max_length and len(value) > spec.max_length:
            check.add(spec.key, f"{value} has more than {spec.max_length} digits; check it")
            return
        if spec.key in ("page_amount", "doc_ordinal") and int(value) < 1:
            check.add(spec.key, f"{value} must be 1 or more")
        if spec.key == "code_year" and not 1945 <= int(value) <= check.today.year:
            check.add(spec.key, f"{value} is not a plausible year; enter the year printed in the number")
        return
    if spec.max_length and len(value) > spec.max_length:
        check.add(spec.key, f"{len(value)} characters, at most {spec.max_length} allowed; shorten it")
        return
    if value != unicodedata.normalize("NFC", value):
        check.add(spec.key, "is not in Unicode NFC form; re-enter it (the keyboard sent combining marks)")
        return
    if spec.key == "file_code":
        m = _FILE_CODE.match(value)
        if not m:
            check.add(
                spec.key,
                f"{value!r} is not 'organ id . year . file notation'; enter it as {spec.hint.split('e.g. ')[-1]}",
            )
        elif not 1945 <= int(m.group("year")) <= check.today.year + 1:
            check.add(
                spec.key, f"the year {m.group('year')} in {value!r} is not plausible; check the file code"
            )


def _check_date(check: _Checker, key: str, value: str) -> None:
    if not _ISO.match(value):
        try:
            iso = to_iso_date(value)
        except ValueError as exc:
            check.add(key, str(exc))
            return
        check.add(key, f"{value} must be stored as {iso} (yyyy-mm-dd); enter dates through to_iso_date")
        return
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        check.add(key, f"{value} is not a real date; enter it as dd/mm/yyyy")
        return
    if parsed > check.today:
        check.add(key, f"{parsed:%d/%m/%Y} is in the future; check the date printed on the page")


def _check_numbering(check: _Checker, values: Mapping[str, str]) -> None:
    number, notation = values.get("code_number") or "", values.get("code_notation") or ""
    type_name = values.get("type_name") or ""
    if not number and not notation and (not type_name or is_numberless_type(type_name)):
        # A certificate may carry no number; with no type yet the type's own problem is reported.
        return
    for key, present in (("code_number", number), ("code_notation", notation)):
        if not present:
            hint = FIELD_BY_KEY[key].hint
            check.add(key, f"required for a {type_name or 'document'} with a number; enter {hint}")
    if notation and re.search(r"\s", notation):
        check.add("code_notation", f"{notation!r} contains spaces; ND 30 notations have none (e.g. QĐ-BGDĐT)")
