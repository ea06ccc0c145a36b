"""Metadata suggestions read from the OCR of a Vietnamese administrative document (ND 30/2020 layout).

The rules follow where ND 30 puts each element on the page rather than the order Tesseract reads
it in: Tesseract often reads the two header columns as one line ("BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA
XÃ HỘI…") or left block first, so lines are first cut at wide gaps into segments and placed by
their boxes. Matching is done on a copy without diacritics (đ→d), because OCR loses accents on
bold capitals; values are taken back from the original text, NFC. Closed vocabularies (document
types, common organ and position words, province names, notation groups) restore the accents OCR
dropped. Body text quotes other documents ("Căn cứ Nghị định số 45/2018/NĐ-CP ngày…"): number and
date are only looked for in the header, above the title and the first body line.

A field the rules are not sure of is left out rather than guessed: the operator types a missing
value faster than they notice and fix a wrong one.

This module only needs lines with ``text``, ``bbox`` and ``words`` (``text``, ``bbox``, ``conf``),
as :class:`station.ocr.tesseract.Line` has; it does not import the OCR package, which is a
sibling layer.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol


class WordLike(Protocol):
    text: str
    bbox: tuple[int, int, int, int]
    conf: float


class LineLike(Protocol):
    text: str
    bbox: tuple[int, int, int, int]
    words: Any  # a sequence of WordLike


@dataclass
class PageText:
    """The OCR of one page: lines in any order, boxes (x, y, w, h) in pixels of a page this big."""

    lines: Sequence[LineLike]
    width: int
    height: int


# A suggestion at least this confident fills its field in the draft; a weaker one is shown to the
# operator beside an empty field. The rules lower a confidence for every repair they make (accents
# restored, a letter guessed), so a value read cleanly is filled and a guessed one is asked for.
CONFIDENT = 0.75


@dataclass
class Suggestion:
    value: str
    confidence: float  # 0..1
    page: int  # 1-based
    bbox: tuple[int, int, int, int]  # x, y, w, h on that page

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": round(self.confidence, 3),
            "page": self.page,
            "bbox": list(self.bbox),
        }


# --------------------------------------------------------------------------- vocabularies

TYPE_NAMES = (
    "QUYẾT ĐỊNH",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "THÔNG CÁO",
    "THÔNG BÁO",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "KẾ HOẠCH",
    "PHƯƠNG ÁN",
    "ĐỀ ÁN",
    "DỰ ÁN",
    "BÁO CÁO",
    "BIÊN BẢN",
    "TỜ TRÌNH",
    "HỢP ĐỒNG",
    "CÔNG ĐIỆN",
    "BẢN GHI NHỚ",
    "BẢN THỎA THUẬN",
    "GIẤY ỦY QUYỀN",
    "GIẤY MỜI",
    "GIẤY GIỚI THIỆU",
    "GIẤY NGHỈ PHÉP",
    "PHIẾU GỬI",
    "PHIẾU CHUYỂN",
    "PHIẾU BÁO",
    "BẢN SAO Y",
    "BẢN TRÍCH SAO",
    "BẢN SAO LỤC",
    "THÔNG TƯ",
    "THÔNG TƯ LIÊN TỊCH",
    "NGHỊ ĐỊNH",
    "LUẬT",
    "GIẤY CHỨNG NHẬN",
    "GIẤY PHÉP",
    "CHỨNG CHỈ",
    "GIẤY XÁC NHẬN",
    "BẰNG TỐT NGHIỆP",
    "GIẤY KHEN",
    "BẰNG KHEN",
    "CÔNG VĂN",
)

# Words and phrases of headers and signature blocks, with their accents: OCR of bold capitals
# often drops or changes a mark ("THÀNH PHÔ", "ĐÀO TAO"); a run of words whose accent-free form
# matches one of these is replaced by it. Longest match first.
HEADER_PHRASES = (
    "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    "GIÁO DỤC VÀ ĐÀO TẠO",
    "GIÁO DỤC ĐẠI HỌC",
    "GIÁO DỤC TRUNG HỌC",
    "GIÁO DỤC THƯỜNG XUYÊN",
    "GIÁO DỤC MẦM NON",
    "GIÁO DỤC TIỂU HỌC",
    "GIÁO DỤC",
    "ĐÀO TẠO",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "HỘI ĐỒNG NHÂN DÂN",
    "THÀNH PHỐ",
    "TỈNH",
    "HUYỆN",
    "QUẬN",
    "THỊ XÃ",
    "XÃ",
    "PHƯỜNG",
    "TRƯỜNG ĐẠI HỌC",
    "TRƯỜNG CAO ĐẲNG",
    "TRƯỜNG TRUNG HỌC PHỔ THÔNG",
    "TRƯỜNG TRUNG HỌC CƠ SỞ",
    "TRƯỜNG TIỂU HỌC",
    "TRƯỜNG MẦM NON",
    "TRƯỜNG",
    "ĐẠI HỌC QUỐC GIA",
    "ĐẠI HỌC",
    "CAO ĐẲNG",
    "HỌC VIỆN",
    "VIỆN",
    "TRUNG TÂM",
    "CỤC",
    "VỤ",
    "VĂN PHÒNG",
    "THANH TRA",
    "TỔNG CỤC",
    "BỘ",
    "SỞ",
    "SƯ PHẠM",
    "KỸ THUẬT",
    "KHOA HỌC",
    "QUẢN LÝ",
    "NAM TRUNG BỘ",
    "TRUNG BỘ",
    "NAM BỘ",
    "BẮC BỘ",
    "TÂY NGUYÊN",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "HIỆU TRƯỞNG",
    "PHÓ HIỆU TRƯỞNG",
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "VỤ TRƯỞNG",
    "PHÓ VỤ TRƯỞNG",
    "CỤC TRƯỞNG",
    "PHÓ CỤC TRƯỞNG",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "VIỆN TRƯỞNG",
    "TRƯỞNG KHOA",
    "CHÁNH THANH TRA",
    "TỔNG CỤC TRƯỞNG",
    "THỦ TRƯỞNG",
    "GIÁM ĐỐC SỞ",
)

# Province-level names (before and after the 2025 merger) and common place names printed before
# the date; used to restore their accents and as the list of places the rules trust most.
PLACES = (
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "TP. Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
    "Nha Trang",
    "Quy Nhơn",
    "Vinh",
    "Buôn Ma Thuột",
    "Đà Lạt",
    "Biên Hòa",
    "Thủ Dầu Một",
    "Hạ Long",
)

# Notation groups whose Đ OCR tends to read as D; the accent-free form maps back.
NOTATION_GROUPS = (
    "QĐ",
    "QyĐ",
    "ĐA",
    "HĐ",
    "CĐ",
    "BGDĐT",
    "SGDĐT",
    "PGDĐT",
    "GDĐH",
    "GDĐT",
    "ĐHQGHN",
    "ĐHQG",
    "ĐHSP",
    "ĐHGD",
    "ĐT",
    "NĐ",
    "KHĐT",
    "TCCB",
    "GDTrH",
    "GDTX",
    "GDMN",
    "GDTH",
    "GDTC",
    "UBND",
    "HĐND",
)

_BARE_LOCAL_BODIES = ("UY BAN NHAN DAN", "HOI DONG NHAN DAN", "UBND", "HDND")

# Words an organ name starts with: a header line starting otherwise continues the line above
# ("TRƯỜNG ĐẠI HỌC GIÁO DỤC" / "NAM TRUNG BỘ"; "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ ĐÀ NẴNG").
_ORGAN_HEADS = (
    "BO",
    "SO",
    "UY BAN",
    "UBND",
    "HOI DONG",
    "TRUONG",
    "DAI HOC",
    "HOC VIEN",
    "VIEN",
    "CUC",
    "TONG CUC",
    "VU",
    "VAN PHONG",
    "THANH TRA",
    "TRUNG TAM",
    "PHONG",
    "BAN",
    "KHOA",
    "CONG TY",
    "NHA XUAT BAN",
    "DANG UY",
    "CHINH PHU",
    "QUOC HOI",
    "TAP DOAN",
    "TONG CONG TY",
    "BENH VIEN",
    "THU VIEN",
    "BAO TANG",
    "DOAN",
)

_POSITION_WORDS = ("TRUONG", "GIAM DOC", "CHU TICH", "THU TRUONG", "CHANH", "TONG", "HIEU", "VIEN")

# Family names, and the middle names Văn and Thị: a name's first word whose accent-free form is one
# of these gets its accents back ("Đỉnh Công Tường" → "Đinh Công Tường").
SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Lương",
    "Trịnh",
    "Đoàn",
    "Đào",
    "Cao",
    "Lâm",
    "Mai",
    "Tạ",
    "Tô",
    "Chu",
    "Vương",
    "Trương",
    "Lưu",
    "Kiều",
    "Quách",
    "Tăng",
    "Phùng",
    "Triệu",
    "Đàm",
    "Hứa",
    "Lã",
    "Mạc",
    "Khúc",
    "Thân",
    "Nông",
    "Lò",
    "Hà",
    "Tống",
    "Từ",
    "Diệp",
    "Châu",
    "Giáp",
    "Văn",
    "Thái",
)
_MIDDLE = ("Văn", "Thị")

_MOTTO_KEYS = ("CONG HOA", "XA HOI CHU", "CHU NGHIA", "VIET NAM", "DOC LAP", "TU DO", "HANH PHUC")


# --------------------------------------------------------------------------- folding


def _fold_char(c: str) -> str:
    if c in "đð":
        return "d"
    if c in "ĐÐ":
        return "D"
    return "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """The text without diacritics, and for each of its characters the index it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        for f in _fold_char(c):
            out.append(f)
            index.append(i)
    return "".join(out), index


def fold(text: str) -> str:
    return fold_with_map(text)[0]


def _key(text: str) -> str:
    """Comparison key: folded, upper case, letters and digits separated by single spaces."""
    return " ".join(re.sub(r"[^0-9A-Za-z]+", " ", fold(text)).upper().split())


_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})  # Icelandic eth: OCR's twin of Vietnamese Đ


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).translate(_LOOKALIKES)


_TYPE_BY_KEY = {_key(t): t for t in TYPE_NAMES}
_PLACE_BY_KEY = {_key(p): p for p in PLACES}
_NOTATION_BY_KEY = {fold(g).upper(): g for g in NOTATION_GROUPS}
_JOINED = {
    _key(a) + _key(b): (a, b)
    for phrase in (*HEADER_PHRASES, *(p.upper() for p in PLACES))
    for a, b in zip(phrase.split(), phrase.split()[1:], strict=False)
}
_PHRASES = sorted(
    ((tuple(_key(p).split()), tuple(p.split())) for p in HEADER_PHRASES), key=lambda x: -len(x[0])
)


def restore_accents(text: str) -> str:
    """Put back the accents of known header words that OCR dropped; other words are left as read."""
    words: list[str] = []
    for w in text.split():
        pair = _JOINED.get(_key(w)) if w.isupper() else None
        words.extend(pair if pair else [w])  # "ĐÀOTẠO": OCR lost the space between two known words
    keys = [_key(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for key, phrase in _PHRASES:
            n = len(key)
            if tuple(keys[i : i + n]) == key and all(
                w.isupper() or not w.isalpha() for w in words[i : i + n]
            ):
                # Keep trailing punctuation the OCR attached to the last word.
                tail = re.sub(r"^[\wÀ-ỹĐđ]+", "", words[i + n - 1])
                out.extend(phrase[:-1])
                out.append(phrase[-1] + tail)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


# --------------------------------------------------------------------------- segments


@dataclass
class _Seg:
    page: int
    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    confs: list[float] = field(default_factory=list)
    lh: float = 0.0  # median word height: unlike the box, it does not grow when the page is skewed

    def __post_init__(self) -> None:
        if not self.lh:
            self.lh = float(self.y1 - self.y0)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def letters(self) -> int:
        return sum(c.isalpha() for c in self.text)

    def follows(self, prev: _Seg, factor: float = 1.75) -> bool:
        """The next line of the same block: its centre is at most ``factor`` line heights lower."""
        return 0 < self.cy - prev.cy <= factor * max(self.lh, prev.lh)

    @property
    def fold(self) -> str:
        return fold(self.text)

    @property
    def key(self) -> str:
        return _key(self.text)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def h(self) -> int:
        return self.y1 - self.y0

    @property
    def w(self) -> int:
        return self.x1 - self.x0

    @property
    def conf(self) -> float:
        return float(statistics.fmean(self.confs)) if self.confs else 0.6

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return (self.x0, self.y0, self.x1 - self.x0, self.y1 - self.y0)

    def confs_in(self, start: int, end: int) -> list[float]:
        """Confidences of the words under characters start..end of the text (one word per token)."""
        out, pos = [], 0
        for i, token in enumerate(self.text.split(" ")):
            if pos < end and pos + len(token) > start and i < len(self.confs):
                out.append(self.confs[i])
            pos += len(token) + 1
        return out or [self.conf]

    def word_confs(self) -> list[float]:
        return self.confs or [self.conf]

    def upper_ratio(self) -> float:
        letters = [c for c in self.text if c.isalpha()]
        return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _segments(page_no: int, page: PageText) -> list[_Seg]:
    """Cut OCR lines at wide gaps (two columns read as one line) and at the national motto."""
    segs: list[_Seg] = []
    for line in page.lines:
        words = [w for w in (line.words or []) if w.text.strip()]
        if not words:
            x, y, w, h = line.bbox
            if line.text.strip():
                segs.append(_Seg(page_no, _nfc(line.text), x, y, x + w, y + h))
            continue
        words.sort(key=lambda w: w.bbox[0])
        heights = sorted(w.bbox[3] for w in words)
        gap_limit = max(2.2 * heights[len(heights) // 2], 0.03 * page.width)
        groups: list[list[WordLike]] = [[words[0]]]
        for prev, word in zip(words, words[1:], strict=False):
            gap = word.bbox[0] - (prev.bbox[0] + prev.bbox[2])
            starts_motto = (
                _key(word.text) in ("CONG", "DOC") and len(groups[-1]) > 0 and _motto_follows(words, word)
            )
            if gap > gap_limit or starts_motto:
                groups.append([word])
            else:
                groups[-1].append(word)
        for group in groups:
            segs.append(
                _Seg(
                    page_no,
                    _nfc(" ".join(w.text for w in group)),
                    min(w.bbox[0] for w in group),
                    min(w.bbox[1] for w in group),
                    max(w.bbox[0] + w.bbox[2] for w in group),
                    max(w.bbox[1] + w.bbox[3] for w in group),
                    [float(w.conf) for w in group],
                    float(statistics.median(w.bbox[3] for w in group)),
                )
            )
    segs.sort(key=lambda s: (s.y0 + s.y1) / 2)
    return _rows_in_order(segs)


def _motto_follows(words: Sequence[WordLike], word: WordLike) -> bool:
    i = next(k for k, w in enumerate(words) if w is word)
    nxt = _key(words[i + 1].text) if i + 1 < len(words) else ""
    return (_key(word.text), nxt) in (("CONG", "HOA"), ("DOC", "LAP"))


def _rows_in_order(segs: list[_Seg]) -> list[_Seg]:
    """Top to bottom; segments sharing a row go left to right."""
    out: list[_Seg] = []
    row: list[_Seg] = []
    for s in segs:
        if row and (s.y0 + s.y1) / 2 > statistics.fmean((r.y0 + r.y1) / 2 for r in row) + 0.5 * max(
            r.h for r in row
        ):
            out.extend(sorted(row, key=lambda r: r.x0))
            row = []
        row.append(s)
    out.extend(sorted(row, key=lambda r: r.x0))
    return out


def _union(segs: Sequence[_Seg]) -> tuple[int, int, int, int]:
    x0, y0 = min(s.x0 for s in segs), min(s.y0 for s in segs)
    x1, y1 = max(s.x1 for s in segs), max(s.y1 for s in segs)
    return (x0, y0, x1 - x0, y1 - y0)


def _span(text: str, folded_start: int, folded_end: int, index: list[int]) -> str:
    """The original text under a span of its folded copy."""
    if folded_end <= folded_start:
        return ""
    return text[index[folded_start] : index[folded_end - 1] + 1]


# --------------------------------------------------------------------------- field rules

_NUMBER = re.compile(
    r"(?<![A-Za-z])S\s?[o0O6]\s*[:.;,]?\s*"
    r"(?P<num>[0-9OIl][0-9OIl]{0,6})\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    r"(?P<notation>[A-Za-z0-9&]+(?:\s?-\s?[A-Za-z0-9&]+)*)"
)
_NUMBER_BARE = re.compile(
    r"(?<![\w/])(?P<num>\d{1,7})\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    r"(?P<notation>[A-Za-z]{1,8}(?:\s?-\s?[A-Za-z0-9&]+)+)"
)
_DATE = re.compile(
    r"ngay\s*(?P<d>[0-9OIl]{1,2})\s*thang\s*(?P<m>[0-9OIl]{1,2})\s*n[aă]m\s*(?P<y>[0-9OIl]{4})", re.IGNORECASE
)
_VV = re.compile(r"^\W*V\s?[/lI1|\\]\s?[vVy]\b\.?\s*")
_AUTHORITY = re.compile(r"^\W*(?P<tag>KT|TL|TM|TUQ|Q)\s*[.,:]\s*(?P<rest>\S.*)$")
_QUOTE_WORDS = ("CAN CU", "NGHI DINH", "THEO DE NGHI", "XET DE NGHI", "THONG TU SO", "QUYET DINH SO")
_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})


@dataclass
class _Found:
    value: str
    confidence: float
    segs: list[_Seg]

    def suggestion(self) -> Suggestion:
        return Suggestion(
            self.value, max(0.0, min(1.0, self.confidence)), self.segs[0].page, _union(self.segs)
        )


class _Reader:
    def __init__(self, pages: Sequence[PageText]) -> None:
        self.pages = list(pages)
        self.segs = [_segments(i + 1, p) for i, p in enumerate(self.pages)]
        self.found: dict[str, _Found] = {}
        self._number_end: tuple[_Seg, int] | None = None

    # ---- page 1 layout
    def first(self) -> tuple[PageText, list[_Seg]]:
        return self.pages[0], self.segs[0]

    def title(self) -> _Seg | None:
        page, segs = self.first()
        mid = page.width * 0.52
        for s in segs:
            if s.y0 > page.height * 0.6:
                break
            key = s.key
            if (
                key in _TYPE_BY_KEY
                and key != "CONG VAN"
                and abs(s.cx - mid) < page.width * 0.18
                and not s.text.rstrip().endswith(":")
            ):
                if s.upper_ratio() > 0.7:
                    return s
            elif _close_type(key) and abs(s.cx - mid) < page.width * 0.18 and s.upper_ratio() > 0.8:
                return s
        return None

    def header_end(self, title: _Seg | None) -> float:
        """Where the header stops: the title, or the first wide body line, or the first quotation."""
        page, segs = self.first()
        end = float(title.y0) if title else page.height * 0.45
        for s in segs:
            if s.y0 >= end:
                break
            if s.w > page.width * 0.55 or s.key.startswith(("CAN CU", "KINH GUI")):
                return float(s.y0)
        return end

    def header(self, end: float) -> list[_Seg]:
        return [s for s in self.first()[1] if s.y1 <= end + 2]

    # ---- fields
    def read(self) -> dict[str, _Found]:
        title = self.title()
        end = self.header_end(title)
        header = self.header(end)
        number_seg = self._number(header)
        self._date_place(header)
        self._organs(header, number_seg)
        vv = self._subject_left(header, number_seg)
        if title is not None:
            self.found["type_name"] = _Found(
                _TYPE_BY_KEY.get(title.key) or _close_type(title.key) or "",
                title.conf * (0.98 if title.key in _TYPE_BY_KEY else 0.8),
                [title],
            )
            self._subject_under_title(title)
        elif vv is not None:
            self.found["type_name"] = _Found("CÔNG VĂN", 0.9 * vv.conf, [vv])
        self._signer()
        return {k: f for k, f in self.found.items() if f.value}

    def _number(self, header: list[_Seg]) -> _Seg | None:
        page = self.pages[0]
        best: tuple[float, _Seg, re.Match[str], str, list[int]] | None = None
        for s in header:
            if any(k in s.key for k in _QUOTE_WORDS):
                continue
            folded, index = fold_with_map(s.text)
            m = _NUMBER.search(folded)
            score = 1.0
            if m is None:
                m = _NUMBER_BARE.search(folded)
                score = 0.75
                if m is None or s.cx > page.width * 0.5:
                    continue
            if s.cx > page.width * 0.55 and m.start() < 3:
                score *= 0.8  # a number is printed in the left column
            if best is None or score > best[0]:
                best = (score, s, m, s.text, index)
        if best is None:
            return None
        score, s, m, text, index = best
        num = _span(text, m.start("num"), m.end("num"), index).translate(_DIGITS)
        notation = re.sub(r"\s+", "", _span(text, m.start("notation"), m.end("notation"), index))
        notation, repaired = _repair_notation(notation)
        if not num.isdigit() or not re.search(r"[A-Za-zĐđ]", notation):
            return None
        own = s.confs_in(index[m.start("num")], index[m.end("notation") - 1] + 1)
        conf = _strict(own) * score * (0.85 if repaired else 1.0)
        if score == 1.0 and not repaired and _plausible_notation(notation) and (
            notation.split("-")[0] in _TYPE_ABBREVIATIONS or notation.split("-")[0] in NOTATION_GROUPS
        ):
            conf = max(conf, 0.5 + 0.5 * _strict(own))  # "Số: n/X-Y" as ND 30 prints it
        self.found["code_number"] = _Found(num, conf, [s])
        self.found["code_notation"] = _Found(notation, conf, [s])
        if m.group("year"):
            self.found["code_year"] = _Found(m.group("year"), conf, [s])
        self._number_end = (s, index[m.end() - 1] + 1)  # the place rule cuts the line there
        return s

    def _date_place(self, header: list[_Seg]) -> None:
        for s in header:
            folded, index = fold_with_map(s.text)
            m = _DATE.search(folded)
            if not m:
                continue
            if any(k in s.key for k in _QUOTE_WORDS):
                continue
            try:
                d, mo, y = (int(m.group(g).translate(_DIGITS)) for g in ("d", "m", "y"))
                iso = date(y, mo, d).isoformat()
            except ValueError:
                continue
            digits = s.confs_in(index[m.start()], index[m.end() - 1] + 1)
            conf = (0.5 + 0.5 * _strict(digits)) * 0.98
            if any(iso < quoted for quoted in self._quoted_dates()):
                conf *= 0.5  # a document cites only earlier ones: a digit was misread
            self.found["issued_date"] = _Found(iso, conf, [s])
            start = 0
            cut = self._number_end
            if cut is not None and cut[0] is s:
                start = cut[1]
            before = s.text[start : index[m.start()]]
            place = _clean_place(before)
            if place:
                known = _PLACE_BY_KEY.get(_key(place))
                in_organ = _key(place) in " ".join(_key(x.text) for x in header if x.cx < self.pages[0].width * 0.5)
                own = s.confs_in(start, index[m.start()])
                conf = (0.5 + 0.5 * _strict(own)) if (known or in_organ) else _strict(own) * 0.75
                self.found["place"] = _Found(known or place, conf, [s])
            return

    def _quoted_dates(self) -> list[str]:
        """Dates of the documents the body cites as its basis ("Căn cứ … ngày …")."""
        out = []
        for s in self.segs[0]:
            if "CAN CU" not in s.key:
                continue
            for m in _DATE.finditer(s.fold):
                try:
                    d, mo, y = (int(m.group(g).translate(_DIGITS)) for g in ("d", "m", "y"))
                    out.append(date(y, mo, d).isoformat())
                except ValueError:
                    continue
        return out

    def _organs(self, header: list[_Seg], number_seg: _Seg | None) -> None:
        page = self.pages[0]
        date_seg = self.found.get("issued_date")
        limit = number_seg.y0 if number_seg else (date_seg.segs[0].y0 if date_seg else None)
        lines: list[_Seg] = []
        for s in header:
            if limit is not None and s.y0 >= limit - 2:
                break
            if s.cx > page.width * 0.5 or any(k in s.key for k in _MOTTO_KEYS):
                continue
            text = _strip_junk(s.text)
            if sum(c.isalpha() for c in text) < 2 or s.upper_ratio() < 0.7:
                continue
            lines.append(_Seg(s.page, text, s.x0, s.y0, s.x1, s.y1, s.confs, s.lh))
        if not lines:
            return
        units: list[list[_Seg]] = []
        for s in lines:
            if units and not s.key.startswith(_ORGAN_HEADS):
                units[-1].append(s)
            elif units and _continues(units[-1], s):
                units[-1].append(s)
            else:
                units.append([s])
        organ = units[-1]
        # A people's committee or council is always named with its place ("ỦY BAN NHÂN DÂN" /
        # "THÀNH PHỐ HẢI PHÒNG"): a bare one means its place line was read elsewhere in the header
        # (a skewed scan), so neither name can be trusted as assembled.
        bare = len(units) >= 2 and fold(_clean_upper(" ".join(s.text for s in units[-2]))) in _BARE_LOCAL_BODIES
        doubt = 0.5 if bare else 1.0
        value = _clean_upper(" ".join(s.text for s in organ))
        self.found["organ_name"] = _Found(value, _vocab_conf(value, organ, 0.95) * doubt, organ)
        if len(units) >= 2:
            parent = units[-2]
            value = _clean_upper(" ".join(s.text for s in parent))
            self.found["parent_organ"] = _Found(
                value, _vocab_conf(value, parent, 0.9) * (1.0 if len(units) == 2 else 0.6) * doubt, parent
            )

    def _subject_left(self, header: list[_Seg], number_seg: _Seg | None) -> _Seg | None:
        page = self.pages[0]
        for i, s in enumerate(header):
            if s.cx > page.width * 0.5:
                continue
            m = _VV.match(fold(s.text))
            if not m:
                continue
            _, index = fold_with_map(s.text)
            first = s.text[index[m.end()] if m.end() < len(index) else len(s.text) :]
            parts = [first.strip()]
            used = [s]
            last = s
            for t in header[i + 1 :] + [x for x in self.first()[1] if x not in header and x.y0 > s.y0]:
                if t.cx > page.width * 0.5 or t.x1 < last.x0 or t.x0 > last.x1 or sum(c.isalnum() for c in t.text) < 2:
                    continue
                if not t.follows(last) or t.w > page.width * 0.5:
                    break
                parts.append(t.text.strip())
                used.append(t)
                last = t
            self.found["subject"] = _Found(
                _repair_subject(_nfc(" ".join(parts))), _strict_segs(used) * 0.95, used
            )
            return s
        return None

    def _subject_under_title(self, title: _Seg) -> None:
        page, segs = self.first()
        after = [s for s in segs if s.cy > title.cy and s is not title]
        parts: list[_Seg] = []
        last = title
        for s in after:
            if s.letters() < 4 or s.conf < 0.4:
                continue  # the short rule under the subject, read as a few marks
            if abs(s.cx - title.cx) > page.width * 0.12 and not (s.x0 < title.cx < s.x1):
                if s.cy - last.cy < 0.5 * last.lh:
                    continue  # a stray mark beside the line
                break
            if not s.follows(last):
                break
            if s.key.startswith(("CAN CU", "KINH GUI")) or (
                parts and s.upper_ratio() > 0.9 and parts[-1].upper_ratio() < 0.5
            ):
                break
            parts.append(s)
            last = s
        if not parts:
            return
        value = _repair_subject(_nfc(" ".join(_strip_junk(s.text) for s in parts)))
        if value:
            self.found["subject"] = _Found(value, _strict_segs(parts) * 0.93, parts)

    def _signer(self) -> None:
        for page_index in range(len(self.pages) - 1, -1, -1):
            if self._signer_on(page_index):
                return

    def _signer_on(self, page_index: int) -> bool:
        page, segs = self.pages[page_index], self.segs[page_index]
        right = [s for s in segs if s.cx > page.width * 0.5 and s.y0 > page.height * 0.15]
        if page_index == 0:
            body_end = self.found.get("subject") or self.found.get("type_name")
            if body_end:
                right = [s for s in right if s.y0 > body_end.segs[-1].y1]
        authority_i = None
        for i, s in enumerate(right):
            if _AUTHORITY.match(fold(s.text)) and s.upper_ratio() > 0.7:
                authority_i = i
        head: list[_Seg] = []
        if authority_i is not None:
            auth = right[authority_i]
            m = _AUTHORITY.match(fold(auth.text))
            assert m is not None
            _, index = fold_with_map(auth.text)
            rest = _clean_upper(auth.text[index[m.start("rest")] :])
            value = f"{m.group('tag')}. {rest}"
            self.found["signer_authority"] = _Found(value, _vocab_conf(rest, [auth], 0.95), [auth])
            last = auth
            for s in right[authority_i + 1 :]:
                if s.letters() < 2:
                    continue  # a speck or a piece of the stamp
                if not s.follows(last) or s.upper_ratio() < 0.7 or abs(s.cx - auth.cx) > page.width * 0.12:
                    break
                head.append(s)
                last = s
                if len(head) == 2:
                    break
            start = authority_i + 1 + len(head)
        else:
            start = 0
        name_seg = None
        for s in right[start:]:
            if _looks_like_name(s.text):
                if head and s.cy - head[-1].cy < 3.0 * head[-1].lh:
                    continue  # the name sits below the signature space, not right under the position
                name_seg = s
                if head:
                    break
        if name_seg is None:
            return authority_i is not None
        if not head:
            # No authority line: the position is the upper-case block just above the signature space.
            above = [
                s
                for s in right
                if s.y1 <= name_seg.y0
                and s.upper_ratio() > 0.8
                and abs(s.cx - name_seg.cx) < page.width * 0.12
                and any(k in s.key for k in _POSITION_WORDS)
            ]
            if above:
                head = [above[-1]]
                prev = [s for s in right if head[0].follows(s) and s.upper_ratio() > 0.8 and s.letters() >= 2]
                if prev and not _AUTHORITY.match(fold(prev[-1].text)) and len(_key(prev[-1].text)) > 2:
                    head.insert(0, prev[-1])
                    if any(k in _key(head[0].text) for k in ("BO", "SO", "UY BAN")) and len(head[0].key) > 20:
                        head.pop(0)  # a body heading ("GIÁM ĐỐC SỞ…"), not part of the position
        if head:
            value = _clean_upper(" ".join(s.text for s in head))
            if sum(c.isalpha() for c in value) >= 3:
                self.found["signer_position"] = _Found(value, _vocab_conf(value, head, 0.92), head)
        name, repaired = _repair_name(_strip_junk(name_seg.text))
        known = _key(name.split()[0]) in _SURNAME_BY_KEY if name.split() else False
        conf = (0.45 + 0.5 * _strict(name_seg.word_confs())) if known else _strict(name_seg.word_confs()) * 0.8
        self.found["signer_name"] = _Found(name, conf * (0.85 if repaired else 1.0), [name_seg])
        return True


def _close_type(key: str) -> str | None:
    """A type name read with one letter wrong (e.g. 'QUYFT DINH'); only for longer names."""
    if len(key) < 8:
        return None
    for k, name in _TYPE_BY_KEY.items():
        if len(k) == len(key) and k != "CONG VAN" and sum(a != b for a, b in zip(k, key, strict=True)) == 1:
            return name
    return None


def _continues(unit: list[_Seg], s: _Seg) -> bool:
    """A line starting with a head word still continues the unit when it is a place ('TỈNH …')."""
    return s.key.startswith(("TINH ", "THANH PHO ", "HUYEN ", "QUAN ", "THI XA ")) and unit[-1].key in (
        "UY BAN NHAN DAN",
        "HOI DONG NHAN DAN",
    )


_TYPE_ABBREVIATIONS = frozenset(
    "NQ QĐ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB SY TrS SL "
    "GCN GP TT NĐ VP".split()
)


def _repair_notation(notation: str) -> tuple[str, bool]:
    """Known groups get their Đ back, a doubled Đ ('QĐÐ', a glyph read twice) is made single. A
    repair is reported unless it is that doubling, which OCR does to Đ and nothing else."""
    groups = notation.split("-")
    out = []
    repaired = False
    for g in groups:
        if re.fullmatch(r"[A-Za-z]*(ĐĐ|đđ)[A-Za-zĐđ]*", g):
            single = g.replace("ĐĐ", "Đ").replace("đđ", "đ")
            if single in NOTATION_GROUPS or single in _TYPE_ABBREVIATIONS:
                out.append(single)
                continue
        if g not in NOTATION_GROUPS and g not in _TYPE_ABBREVIATIONS and not g.isupper() and g.upper() in (
            *NOTATION_GROUPS, *_TYPE_ABBREVIATIONS, "VP", "TCCB", "KHTC"
        ):
            out.append(g.upper())  # "UBND-Vp": a capital read small
            repaired = True
            continue
        known = _NOTATION_BY_KEY.get(fold(g).upper())
        if known and known != g and "Đ" not in g and "đ" not in g and fold(g) == g:
            out.append(known)
            repaired = True
            continue
        single = re.sub(r"(.)\1+", r"\1", g)  # "QĐĐ": one letter read twice
        if single != g and single in NOTATION_GROUPS and g not in NOTATION_GROUPS:
            out.append(single)
            repaired = True
            continue
        out.append(g)
    return "-".join(out), repaired


def _strip_junk(text: str) -> str:
    """Marks OCR reads from rules, stamps and noise at the ends of a line."""
    return _nfc(re.sub(r"^[\W_]+|[\s_|~\-—–=:;,.'\"‘’“”]+$", "", text.strip()))


def _clean_upper(text: str) -> str:
    """An organ or position line: letters, digits and the few signs names use, accents restored."""
    text = re.sub(r"(?<=\w)[.,;:](?=\s|$)", "", _strip_junk(text))
    words = [w for w in text.split() if any(unicodedata.category(c) in ("Lu", "Ll", "Nd") for c in w)]
    return _repair_place_in_organ(restore_accents(" ".join(words)))


_PLACE_UPPER = {_key(p): p.upper() for p in PLACES}
_ADMIN_UNIT = re.compile(r"^(?P<head>.*?\b(?:TỈNH|THÀNH PHỐ))\s+(?P<place>\S.*)$")


def _repair_place_in_organ(text: str) -> str:
    """'… TỈNH BẮC NỊNNH' → '… TỈNH BẮC NINH': a province name one or two letters off a known one."""
    m = _ADMIN_UNIT.match(text)
    if not m:
        return text
    key = _key(m.group("place"))
    if key in _PLACE_UPPER:
        return f"{m.group('head')} {_PLACE_UPPER[key]}"
    limit = 1 if len(key) < 8 else 2
    near = [(d, p) for k, p in _PLACE_UPPER.items() if (d := _edit_distance(key, k, limit)) <= limit]
    near.sort()
    if near and (len(near) == 1 or near[0][0] < near[1][0]):
        return f"{m.group('head')} {near[0][1]}"
    return text


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or limit + 1 as soon as it must exceed the limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _clean_place(text: str) -> str:
    words = [w for w in _strip_junk(text).split() if w]
    # Keep the last run of capitalised words: "Số: 12/QĐ-X Hà Nội" leaves "Hà Nội".
    kept: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or w in ("-", "phố") or (kept and w.lower() in ("thành", "tp.")):
            kept.insert(0, w)
        else:
            break
    place = _strip_junk(" ".join(kept))
    if not place or any(c.isdigit() for c in place) or "/" in place:
        return ""
    return place


def _looks_like_name(text: str) -> bool:
    words = _strip_junk(text).split()
    if not 2 <= len(words) <= 6:
        return False
    return all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


_SURNAME_BY_KEY = {_key(n): n for n in SURNAMES}
_MIDDLE_BY_KEY = {_key(n): n for n in _MIDDLE}


def _repair_name(name: str) -> tuple[str, bool]:
    words = name.split()
    fixed = list(words)
    if words:
        fixed[0] = _SURNAME_BY_KEY.get(_key(words[0]), words[0])
    if len(words) >= 3:
        fixed[1] = _MIDDLE_BY_KEY.get(_key(words[1]), words[1])
    return " ".join(fixed), fixed != words


_YEAR_WORD = re.compile(r"\b(\w{3})(?=\s+(?:19|20)\d\d\b)")


def _repair_subject(text: str) -> str:
    """Fixed expressions OCR garbles in subject lines: "năm" before a year."""
    return _YEAR_WORD.sub(
        lambda m: "năm" if _key(m.group(1)) == "NAM" and m.group(1).islower() else m.group(1), text
    )


def _strict(confs: Sequence[float]) -> float:
    """A value is as sure as its least sure word, give or take: one misread word makes it wrong."""
    if not confs:
        return 0.0
    return min(float(statistics.fmean(confs)), min(confs) + 0.12)


def _strict_segs(segs: Sequence[_Seg]) -> float:
    return _strict([c for s in segs for c in s.word_confs()])


_VOCAB = frozenset(
    w
    for phrase in (*HEADER_PHRASES, *(p.upper() for p in PLACES), "NHÂN DÂN", "QUỐC GIA", "HÀ NỘI", "VIỆT NAM",
                   "TỰ NHIÊN", "CHẤT LƯỢNG", "NHÀ GIÁO", "CÁN BỘ", "GIÁO DỤC", "CHỦ TỊCH", "ỦY BAN", "UỶ BAN")
    for w in phrase.split()
)


def _vocab_conf(value: str, segs: Sequence[_Seg], prior: float) -> float:
    """Organ and position lines are made of a small vocabulary: a line whose every word (accents
    included) is in it was read right even when Tesseract doubts its accents; a line with a word
    outside it is as sure as its least sure word."""
    words = value.split()
    if words and all(w in _VOCAB for w in words):
        return max(_strict_segs(segs), 0.9) * prior / 0.9 if prior < 0.9 else max(_strict_segs(segs), 0.92)
    return _strict_segs(segs) * prior


def _plausible_notation(notation: str) -> bool:
    """Groups of letters (ND 30 abbreviations), the first one or two starting upper case."""
    groups = notation.split("-")
    return 1 <= len(groups) <= 4 and all(re.fullmatch(r"[A-ZĐ][A-Za-zĐđ&]{0,11}", g) for g in groups)


def _mean_conf(segs: Sequence[_Seg]) -> float:
    return float(statistics.fmean(s.conf for s in segs)) if segs else 0.0


def suggest(pages: Sequence[PageText]) -> dict[str, Suggestion]:
    """Suggestions for the page-filled fields of metadata.md; fields not found are absent."""
    if not pages:
        return {}
    found = _Reader(pages).read()
    return {key: f.suggestion() for key, f in found.items()}
