"""Sample Vietnamese administrative pages, kept as data and rendered on demand.

The station is demonstrated, benchmarked and tested on pages whose ground truth is known, and real
administrative documents cannot be shipped. So each sample is a JSON file (the page content and the
metadata a person would enter for it) and this module typesets it the way Decree 30/2020/NĐ-CP,
Appendix I prescribes: Times-like serif with Vietnamese glyphs, two-column header with the short
rules under the organ and the motto, italic place and date, bold title and subject, signature block
with a red round stamp over the signature. ``damage="scan"`` then makes a page look scanned, from a
seed, so every run (and every machine with the same libraries) sees the same pixels.

File output (:func:`write_sample_files`): one file per document. A one-page document is a PNG
(clean) or a JPEG (damaged); a document of several pages is one multi-page TIFF (LZW when clean,
JPEG-compressed when damaged). Every file carries its resolution.
"""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

import station
from station.errors import BadInput, NotFound, StationError

A4_MM = (210.0, 297.0)
MM_PER_INCH = 25.4
PT_PER_INCH = 72.0

Damage = Literal["scan"] | None

# ND 30/2020 Appendix I margins (mm): top and bottom 20-25, left 30-35, right 15-20.
_MARGIN_TOP, _MARGIN_BOTTOM, _MARGIN_LEFT, _MARGIN_RIGHT = 20.0, 20.0, 30.0, 15.0
_LEFT_COL_MM = 68.0  # the organ column; the motto column takes the rest of the text width
_TEXT_WIDTH_MM = A4_MM[0] - _MARGIN_LEFT - _MARGIN_RIGHT
_BODY_PT = 13.0
_INK = (20, 20, 20)
_SIGNATURE_INK = (25, 45, 140)
_STAMP_INK = (226, 38, 48)

_STYLES = ("para", "center", "center_bold")
_ARTICLE = re.compile(r"^(Điều\s+\d+\.)\s")


def samples_dir() -> Path:
    """Where the sample JSON files live: the one place to change when resources become package data."""
    return Path(station.__file__).resolve().parent.parent / "resources" / "samples"


@lru_cache(maxsize=1)
def fonts_dir() -> Path:
    """Liberation Serif 2: metric-compatible with Times New Roman and, unlike 1.x, has Vietnamese glyphs."""
    for candidate in (
        samples_dir().parent / "fonts",  # shipped by the Windows build, which has no Debian fonts
        Path("/usr/share/fonts/truetype/liberation2"),
        Path("/usr/share/fonts/liberation2"),
        Path("/usr/share/fonts/truetype/liberation"),
    ):
        if (candidate / "LiberationSerif-Regular.ttf").is_file() and _has_vietnamese(candidate):
            return candidate
    raise StationError(
        "The sample pages need the Liberation Serif 2 fonts; install the Debian package fonts-liberation2."
    )


def _has_vietnamese(folder: Path) -> bool:
    # Liberation 1.x has the same file names but no precomposed Vietnamese letters.
    font = ImageFont.truetype(
        str(folder / "LiberationSerif-Regular.ttf"), 40, layout_engine=ImageFont.Layout.BASIC
    )
    return font.getmask("Ệ").getbbox() != font.getmask("\ue000").getbbox()


def font_path(bold: bool = False, italic: bool = False) -> Path:
    suffix = {
        (False, False): "Regular",
        (True, False): "Bold",
        (False, True): "Italic",
        (True, True): "BoldItalic",
    }
    return fonts_dir() / f"LiberationSerif-{suffix[(bold, italic)]}.ttf"


_MEASURE_DPI = 1200


@lru_cache(maxsize=128)
def _font_file(path: str, size_px: int) -> ImageFont.FreeTypeFont:
    # BASIC layout: Vietnamese needs no shaping once NFC, and results do not depend on libraqm.
    return ImageFont.truetype(path, size_px, layout_engine=ImageFont.Layout.BASIC)


def _font(size_px: int, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
    return _font_file(str(font_path(bold, italic)), size_px)


@dataclass
class Block:
    """One body paragraph; ``para`` is justified with a first-line indent, as ND 30 sets body text."""

    text: str
    style: str = "para"


@dataclass
class Signer:
    position: tuple[str, ...]
    name: str
    authority: str | None = None


@dataclass
class Sample:
    name: str
    description: str
    organ: tuple[str, ...]
    place_date: str
    body: tuple[Block, ...]
    signer: Signer
    expected: dict[str, str]
    parent_organ: tuple[str, ...] = ()
    number: str | None = None
    subject_left: tuple[str, ...] = ()
    title: str | None = None
    subject: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    stamp: str = ""

    def all_text(self) -> str:
        """Every string that ends up on the page, to check a font has all its glyphs."""
        parts: list[str] = [*self.parent_organ, *self.organ, _MOTTO, _MOTTO_2, self.place_date]
        parts += [self.number or "", *self.subject_left, self.title or "", *self.subject]
        parts += [b.text for b in self.body] + ["Nơi nhận:", *self.recipients]
        parts += [self.signer.authority or "", *self.signer.position, self.signer.name, self.stamp]
        return "\n".join(p for p in parts if p)


_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


def list_samples() -> list[str]:
    return sorted(p.stem for p in samples_dir().glob("*.json"))


def load_sample(name: str) -> Sample:
    path = samples_dir() / f"{name}.json"
    if not path.is_file() or name not in list_samples():
        raise NotFound(f"No sample named {name!r}; the samples are: {', '.join(list_samples())}.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BadInput(
            f"The sample file {path.name} is not valid JSON ({exc}); restore it from the repository."
        ) from exc
    return _sample_from_dict(data)


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _lines(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (_nfc(value),)
    return tuple(_nfc(v) for v in value)


_KEYS = frozenset(
    {
        "name",
        "description",
        "organ",
        "place_date",
        "body",
        "signer",
        "expected",
        "parent_organ",
        "number",
        "subject_left",
        "title",
        "subject",
        "recipients",
        "stamp",
    }
)


def _sample_from_dict(data: dict[str, Any]) -> Sample:
    blocks: list[Block] = []
    for raw in data.get("body", []):
        block = (
            Block(text=_nfc(raw))
            if isinstance(raw, str)
            else Block(text=_nfc(raw["text"]), style=raw.get("style", "para"))
        )
        if block.style not in _STYLES:
            raise BadInput(
                f"Sample {data.get('name')!r}: body style {block.style!r} is not one of {', '.join(_STYLES)}."
            )
        blocks.append(block)
    unknown = set(data) - _KEYS
    missing = {"name", "organ", "place_date", "signer", "expected"} - set(data)
    if unknown or missing:
        raise BadInput(
            f"Sample {data.get('name')!r}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}; "
            "fix the JSON file."
        )
    signer = data["signer"]
    return Sample(
        name=data["name"],
        description=data.get("description", ""),
        organ=_lines(data["organ"]),
        place_date=_nfc(data["place_date"]),
        body=tuple(blocks),
        signer=Signer(
            position=_lines(signer["position"]),
            name=_nfc(signer["name"]),
            authority=_nfc(signer["authority"]) if signer.get("authority") else None,
        ),
        expected={k: _nfc(v) for k, v in data["expected"].items()},
        parent_organ=_lines(data.get("parent_organ")),
        number=_nfc(data["number"]) if data.get("number") else None,
        subject_left=_lines(data.get("subject_left")),
        title=_nfc(data["title"]) if data.get("title") else None,
        subject=_lines(data.get("subject")),
        recipients=_lines(data.get("recipients")),
        stamp=_nfc(data.get("stamp", "")),
    )


# --------------------------------------------------------------------------- typesetting


class _Typesetter:
    """Places text on A4 pages in millimetres and points; opens a new page when one is full."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi
        self.size = (round(A4_MM[0] / MM_PER_INCH * dpi), round(A4_MM[1] / MM_PER_INCH * dpi))
        self.pages: list[Image.Image] = []
        self.y = 0.0  # baseline cursor, mm from the top
        self.new_page()

    # units
    def px(self, mm: float) -> int:
        return round(mm / MM_PER_INCH * self.dpi)

    def pt_px(self, pt: float) -> int:
        return round(pt / PT_PER_INCH * self.dpi)

    @staticmethod
    def pt_mm(pt: float) -> float:
        return pt / PT_PER_INCH * MM_PER_INCH

    def font(self, pt: float, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
        return _font(self.pt_px(pt), bold, italic)

    def width_mm(self, text: str, font: ImageFont.FreeTypeFont) -> float:
        # Measured on a large copy of the font, so lines break the same way at every resolution.
        px = font.size / self.dpi * _MEASURE_DPI
        big = _font_file(str(font.path), round(px))
        return big.getlength(text) / round(px) * font.size / self.dpi * MM_PER_INCH

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.pages[-1])

    def new_page(self) -> None:
        self.pages.append(Image.new("RGB", self.size, "white"))
        self.y = _MARGIN_TOP
        if len(self.pages) > 1:
            # ND 30: page numbers from the second page, centred in the top margin.
            self.text_centered(
                str(len(self.pages)), 13, A4_MM[0] / 2 + (_MARGIN_LEFT - _MARGIN_RIGHT) / 2, 13.0
            )

    def ensure_room(self, mm: float) -> None:
        if self.y + mm > A4_MM[1] - _MARGIN_BOTTOM:
            self.new_page()

    # drawing primitives; y is a baseline in mm
    def text_at(
        self, text: str, pt: float, x_mm: float, y_mm: float, *, bold: bool = False, italic: bool = False
    ) -> None:
        self.draw.text(
            (self.px(x_mm), self.px(y_mm)), text, font=self.font(pt, bold, italic), fill=_INK, anchor="ls"
        )

    def text_centered(
        self, text: str, pt: float, cx_mm: float, y_mm: float, *, bold: bool = False, italic: bool = False
    ) -> float:
        w = self.width_mm(text, self.font(pt, bold, italic))
        self.text_at(text, pt, cx_mm - w / 2, y_mm, bold=bold, italic=italic)
        return w

    def rule(self, cx_mm: float, y_mm: float, length_mm: float) -> None:
        x0, x1 = self.px(cx_mm - length_mm / 2), self.px(cx_mm + length_mm / 2)
        y = self.px(y_mm)
        self.draw.line([(x0, y), (x1, y)], fill=_INK, width=max(1, self.px(0.25)))

    def wrap(
        self, text: str, pt: float, width_mm: float, *, bold: bool = False, first_indent: float = 0.0
    ) -> list[str]:
        font = self.font(pt, bold)
        lines: list[str] = []
        current: list[str] = []
        for word in text.split():
            avail = width_mm - (first_indent if not lines else 0.0)
            if current and self.width_mm(" ".join([*current, word]), font) > avail:
                lines.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        if current:
            lines.append(" ".join(current))
        return lines

    def centered_lines(
        self,
        lines: Iterable[str],
        pt: float,
        cx_mm: float,
        width_mm: float,
        *,
        bold: bool = False,
        italic: bool = False,
        leading: float = 1.2,
    ) -> list[float]:
        """Centred lines, wrapped to the column; returns the width of each printed line."""
        widths = []
        for logical in lines:
            for line in self.wrap(logical, pt, width_mm, bold=bold):
                self.ensure_room(self.pt_mm(pt * leading))
                self.y += self.pt_mm(pt * leading)
                widths.append(self.text_centered(line, pt, cx_mm, self.y, bold=bold, italic=italic))
        return widths

    def paragraph(
        self,
        text: str,
        pt: float = _BODY_PT,
        *,
        indent_mm: float = 10.0,
        leading: float = 1.25,
        space_before: float = 4.0,
    ) -> None:
        """A justified paragraph; an article heading (``Điều 1.``) is set bold, as ND 30 shows."""
        regular, bold = self.font(pt), self.font(pt, bold=True)
        article = _ARTICLE.match(text)
        bold_words = len(article.group(1).split()) if article else 0
        if article and not text.rstrip().endswith((".", ";", ":")):
            bold_words = len(text.split())  # an article title alone on its line
        words = text.split()
        lines = self.wrap(text, pt, _TEXT_WIDTH_MM, first_indent=indent_mm)
        self.y += self.pt_mm(space_before)
        index = 0
        for n, line in enumerate(lines):
            count = len(line.split())
            tokens = [
                (w, bold if index + i < bold_words else regular)
                for i, w in enumerate(words[index : index + count])
            ]
            index += count
            self.ensure_room(self.pt_mm(pt * leading))
            self.y += self.pt_mm(pt * leading)
            x0 = _MARGIN_LEFT + (indent_mm if n == 0 else 0.0)
            avail = _MARGIN_LEFT + _TEXT_WIDTH_MM - x0
            ink = sum(self.width_mm(w, f) for w, f in tokens)
            space = self.width_mm(" ", regular)
            last = n == len(lines) - 1
            gap = space if last or len(tokens) < 2 else max(space, (avail - ink) / (len(tokens) - 1))
            x = x0
            for w, f in tokens:
                self.draw.text((self.px(x), self.px(self.y)), w, font=f, fill=_INK, anchor="ls")
                x += self.width_mm(w, f) + gap


def render_sample(
    sample: Sample,
    dpi: int = 300,
    damage: Damage = None,
    *,
    mode: Literal["RGB", "L"] = "RGB",
    stamp: bool = True,
    seed: int | None = None,
) -> list[Image.Image]:
    """Typeset a sample on A4 pages; each image carries ``info['dpi']``.

    ``mode="L"`` gives what a grey scanner would: the page as printed (stamp included, in grey).
    ``seed`` changes the damage; by default it is derived from the sample name, so a given sample
    always gets the same skew and noise.
    """
    if dpi < 50 or dpi > 1200:
        raise BadInput(f"Render at a resolution between 50 and 1200 dpi, not {dpi}.")
    if damage not in (None, "scan"):
        raise BadInput(f"Unknown damage {damage!r}; use None or 'scan'.")
    ts = _Typesetter(dpi)
    left_cx = _MARGIN_LEFT + _LEFT_COL_MM / 2
    right_w = _TEXT_WIDTH_MM - _LEFT_COL_MM
    right_cx = _MARGIN_LEFT + _LEFT_COL_MM + right_w / 2
    text_cx = _MARGIN_LEFT + _TEXT_WIDTH_MM / 2

    # Header, left column: parent organ (regular), organ (bold), short rule under the organ.
    top = ts.y
    ts.centered_lines(sample.parent_organ, 12.5, left_cx, _LEFT_COL_MM - 2)
    widths = ts.centered_lines(sample.organ, 12.5, left_cx, _LEFT_COL_MM - 2, bold=True)
    ts.rule(left_cx, ts.y + 2.6, (widths[-1] if widths else 30.0) * 0.4)
    left_bottom = ts.y + 2.6
    # Header, right column: the national motto, the "Độc lập" line and a rule as long as it.
    ts.y = top
    ts.centered_lines([_MOTTO], 12.5, right_cx, right_w, bold=True)
    w2 = ts.centered_lines([_MOTTO_2], 13.5, right_cx, right_w, bold=True)
    ts.rule(right_cx, ts.y + 1.6, w2[0])
    right_bottom = ts.y + 1.6
    # Number (left) and place/date (right, italic) share a baseline.
    ts.y = max(left_bottom, right_bottom) + ts.pt_mm(13 * 1.6)
    if sample.number:
        ts.text_centered(sample.number, 13, left_cx, ts.y)
    ts.text_centered(sample.place_date, 13, right_cx, ts.y, italic=True)
    if sample.subject_left:
        ts.y += 1.0
        ts.centered_lines(sample.subject_left, 12, left_cx, _LEFT_COL_MM - 2)
    ts.y += ts.pt_mm(13 * 1.2)

    if sample.title:
        ts.y += ts.pt_mm(14 * 0.8)
        ts.centered_lines([sample.title], 14, text_cx, _TEXT_WIDTH_MM, bold=True)
        widths = ts.centered_lines(sample.subject, 14, text_cx, _TEXT_WIDTH_MM - 10, bold=True, leading=1.15)
        if widths:
            ts.rule(text_cx, ts.y + 3.0, max(widths) * 0.35)
        ts.y += ts.pt_mm(14 * 0.8)

    for block in sample.body:
        if block.style == "para":
            ts.paragraph(block.text)
        else:
            ts.y += ts.pt_mm(6)
            ts.centered_lines(
                [block.text], _BODY_PT, text_cx, _TEXT_WIDTH_MM, bold=block.style == "center_bold"
            )

    _signature_block(ts, sample, right_cx, stamp=stamp)

    pages = ts.pages
    rng_seed = seed if seed is not None else zlib.crc32(sample.name.encode("utf-8"))
    out: list[Image.Image] = []
    for index, page in enumerate(pages):
        if damage == "scan":
            page = _scan_damage(page, dpi, np.random.default_rng([rng_seed, index]))
        skew = page.info.get("skew_deg", 0.0)
        if mode == "L":
            page = page.convert("L")
        page.info["dpi"] = (dpi, dpi)
        page.info["skew_deg"] = skew
        out.append(page)
    return out


def _signature_block(ts: _Typesetter, sample: Sample, cx: float, *, stamp: bool) -> None:
    """Recipients on the left, signer on the right (ND 30): authority, position, signature space, name."""
    signer = sample.signer
    head = [*([signer.authority] if signer.authority else []), *signer.position]
    gap_mm = 38.0
    need = ts.pt_mm(13 * 1.2) * (len(head) + 2) + gap_mm
    ts.y += ts.pt_mm(10)
    ts.ensure_room(need)
    top = ts.y
    # Recipients: "Nơi nhận:" bold italic 12 pt, the list 11 pt, at the left margin.
    ts.y += ts.pt_mm(12 * 1.2)
    ts.text_at("Nơi nhận:", 12, _MARGIN_LEFT, ts.y, bold=True, italic=True)
    for line in sample.recipients:
        ts.y += ts.pt_mm(11 * 1.15)
        ts.text_at(line, 11, _MARGIN_LEFT, ts.y)
    ts.y = top
    ts.centered_lines(head, 13, cx, _TEXT_WIDTH_MM - _LEFT_COL_MM, bold=True)
    position_base = ts.y
    name_base = position_base + gap_mm
    ts.text_centered(signer.name, 13, cx, name_base, bold=True)
    rng = np.random.default_rng(zlib.crc32(signer.name.encode("utf-8")))
    sig_cy = position_base + gap_mm * 0.5
    _draw_signature(ts, cx, sig_cy, rng)
    if stamp and sample.stamp:
        # Over the left third of the signature, clear of the printed lines (ND 30 Appendix I).
        _draw_stamp(ts, cx - 21.0, position_base + 2.5 + 15.5, 15.5, sample.stamp)


def _draw_signature(ts: _Typesetter, cx: float, cy: float, rng: np.random.Generator) -> None:
    """A pen scribble: a few loops along a slanted stroke, different for each signer."""
    t = np.linspace(0, 1, 400)
    loops = rng.integers(3, 6)
    x = cx - 18 + 36 * t + 3.0 * np.sin(2 * math.pi * loops * t + rng.uniform(0, 3))
    y = cy + 4 - 8 * t + 4.5 * np.cos(2 * math.pi * loops * t) * (1 - 0.5 * t) + rng.uniform(-1, 1)
    points = [(ts.px(a), ts.px(b)) for a, b in zip(x, y, strict=True)]
    ts.draw.line(points, fill=_SIGNATURE_INK, width=max(1, ts.px(0.45)), joint="curve")
    ts.draw.line(
        [(ts.px(cx - 14), ts.px(cy + 6)), (ts.px(cx + 16), ts.px(cy + 4.5))],
        fill=_SIGNATURE_INK,
        width=max(1, ts.px(0.35)),
    )


def _draw_stamp(ts: _Typesetter, cx: float, cy: float, r: float, text: str) -> None:
    """A round organ seal: two rings, the organ name round the rim, a star in the middle.

    It is laid over the page as ink (multiplied), so the text and signature under it stay visible.
    """
    size = ts.px(2 * r) + 4
    layer = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(layer)
    c = size / 2
    outer, inner = ts.px(r), ts.px(r - 4.2)
    draw.ellipse([c - outer, c - outer, c + outer, c + outer], outline=255, width=max(1, ts.px(0.7)))
    draw.ellipse([c - inner, c - inner, c + inner, c + inner], outline=255, width=max(1, ts.px(0.35)))
    font = _font(ts.pt_px(8.5), bold=True)
    radius_text = ts.px(r - 2.9)
    widths = [font.getlength(ch) for ch in text]
    total = sum(widths) * 1.12
    span = min(300.0, math.degrees(total / radius_text))
    angle = -90 - span / 2  # degrees, 0 = east, going clockwise on screen
    per_px = span / (sum(widths) or 1)
    for ch, w in zip(text, widths, strict=True):
        mid = angle + per_px * w / 2
        glyph = Image.new("L", (ts.pt_px(12), ts.pt_px(12)), 0)
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-(mid + 90), resample=Image.Resampling.BICUBIC)
        gx = c + radius_text * math.cos(math.radians(mid)) - glyph.width / 2
        gy = c + radius_text * math.sin(math.radians(mid)) - glyph.height / 2
        layer.paste(255, (round(gx), round(gy)), glyph)
        angle += per_px * w
    star_r = ts.px(r * 0.28)
    pts = []
    for k in range(10):
        rad = star_r if k % 2 == 0 else star_r * 0.4
        a = math.radians(-90 + 36 * k)
        pts.append((c + rad * math.cos(a), c + rad * math.sin(a)))
    draw.polygon(pts, fill=255)
    page = ts.pages[-1]
    x0, y0 = ts.px(cx) - size // 2, ts.px(cy) - size // 2
    box = (x0, y0, x0 + size, y0 + size)
    region = np.asarray(page.crop(box), dtype=np.float32)
    alpha = np.asarray(layer, dtype=np.float32)[..., None] / 255.0 * 0.88
    ink = np.array(_STAMP_INK, dtype=np.float32) / 255.0
    mixed = region * (1 - alpha + alpha * ink)
    page.paste(Image.fromarray(mixed.clip(0, 255).astype(np.uint8), "RGB"), box[:2])


def _scan_damage(page: Image.Image, dpi: int, rng: np.random.Generator) -> Image.Image:
    """What a flatbed and a tired original do: off-white paper, a small skew, blur, noise, JPEG.

    The skew is recorded in ``info['skew_deg']``, positive when the content is turned
    counter-clockwise as seen on screen (the convention of shared/spec/cli.md).
    """
    scale = dpi / 300.0
    angle = float(rng.uniform(0.6, 3.0) * rng.choice([-1.0, 1.0]))
    paper = (np.full(3, rng.uniform(222, 236)) + rng.uniform(-4, 4, 3) * np.array([1.0, 0.6, -0.4])).astype(
        np.float32
    )
    arr = np.asarray(page)
    h, w = arr.shape[:2]
    # Uneven lighting: the page is darker towards one edge, as under a scanner lid.
    shade_x = 0.05 * rng.uniform(0.5, 1.0) * np.linspace(0, 1, w, dtype=np.float32)
    shade_y = 0.04 * rng.uniform(0.5, 1.0) * np.linspace(0, 1, h, dtype=np.float32)
    shade = 1.0 - shade_y[:, None] - shade_x[None, :]
    lit = (arr * (shade[..., None] * (paper / 255.0))).astype(np.uint8)
    fill = tuple(float(v) for v in paper * 0.97)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(
        lit, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )
    blurred = cv2.GaussianBlur(turned, (0, 0), 0.7 * scale)
    noise = rng.standard_normal((h, w), dtype=np.float32) * 7.0
    noisy = blurred.astype(np.float32) + noise[..., None]
    specks = rng.random((h, w), dtype=np.float32) < 0.0004
    noisy[specks] = rng.uniform(40, 120)
    img = Image.fromarray(noisy.clip(0, 255).astype(np.uint8), "RGB")
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=int(rng.integers(55, 70)))
    buffer.seek(0)
    out = Image.open(buffer)
    out.load()
    out = out.convert("RGB")
    out.info = {"skew_deg": angle}
    return out


def turn_content(image: np.ndarray, ccw_deg: float, fill: int = 255) -> np.ndarray:
    """The page turned counter-clockwise on screen, on a canvas that holds all of it.

    Test pages with a known skew: the tests and bench/cleanup.py measure deskew against it.
    """
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), ccw_deg, 1.0)
    c, s = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = math.ceil(w * c + h * s), math.ceil(w * s + h * c)
    m[0, 2] += (nw - 1) / 2 - (w - 1) / 2
    m[1, 2] += (nh - 1) / 2 - (h - 1) / 2
    border = fill if image.ndim == 2 else (fill, fill, fill)
    return cv2.warpAffine(image, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=border)


def write_sample_files(
    dest_dir: Path | str, dpi: int = 300, damage: Damage = None, *, mode: Literal["RGB", "L"] = "RGB"
) -> list[Path]:
    """Write every sample as one file per document (see the module docstring for the formats)."""
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in list_samples():
        pages = render_sample(load_sample(name), dpi=dpi, damage=damage, mode=mode)
        if len(pages) > 1:
            path = dest / f"{name}.tif"
            compression = "jpeg" if damage else "tiff_lzw"
            pages[0].save(
                path, save_all=True, append_images=pages[1:], compression=compression, dpi=(dpi, dpi)
            )
        elif damage:
            path = dest / f"{name}.jpg"
            pages[0].save(path, "JPEG", quality=90, dpi=(dpi, dpi))
        else:
            path = dest / f"{name}.png"
            pages[0].save(path, "PNG", dpi=(dpi, dpi))
        written.append(path)
    return written
