"""PDF pages to page images: a scan's own pixels where the page is just a scan, a render otherwise.

A scanner's PDF holds one image per page, painted upright over the whole page. Taking that
image as it is keeps its resolution, its bilevel-ness and (for a colour JPEG) its bytes;
re-rasterising it would blur it for nothing. Everything else — text, vector drawing, several
images, an image turned or skewed by its matrix (ocrmypdf's skew.pdf, cardinal.pdf) — is
rendered by poppler at the configured resolution, so what the operator sees is what was on the
paper. The test is strict on purpose: when in doubt, render.
"""

from __future__ import annotations

import logging
import math
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image

from station.errors import BadInput
from station.files import BlobStore
from station.intake.images import (
    MAX_SANE_DPI,
    MIN_SANE_DPI,
    DecodedPage,
    Limits,
    check_deadline,
    check_pixels,
    normalise,
    pillow_size_check_off,
    square_pixels,
    store_bytes,
    store_png,
    tidy_dpi,
)

__all__ = ["PagePlan", "decode_pdf", "plan_pdf_page"]

log = logging.getLogger(__name__)

# The image must cover this much of the visible page to be "the page"; a photo on a poster
# sheet or a stamp-sized picture is rendered with its margins instead.
MIN_COVERAGE = 0.85
# ... and lie on the page: pixels outside the crop box are not what the operator sees.
MIN_INSIDE = 0.97

Matrix = tuple[float, float, float, float, float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 with x0 <= x1, y0 <= y1
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
LETTER: Rect = (0.0, 0.0, 612.0, 792.0)

_STATE_OPS = frozenset(
    "w J j M d ri i CS cs SC SCN sc scn G g RG rg K k BX EX MP DP EMC".split()
    + ["BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Ts", "Td", "TD", "Tm", "T*"]
)
_TEXT_SHOW = frozenset(["Tj", "TJ", "'", '"'])
_PATH_BUILD = frozenset("m l c v y h".split())
_PATH_PAINT = frozenset("S s f F f* B B* b b*".split())
_INVISIBLE_TEXT = 3  # Tr 3: an OCR layer over a scan, paints nothing
_HARMLESS_ANNOTS = frozenset(["/Link", "/Popup"])
_TIMEOUT_SENTENCE = (
    "it is probably damaged or too complex — save or export a fresh copy (or split it) and import that"
)


@dataclass
class PagePlan:
    """How one page becomes an image; `reason` says why a page is rendered (for logs and tests)."""

    method: str  # "native" | "render"
    reason: str = ""
    image: pikepdf.Object | None = None
    dpi_x: float = 0.0
    dpi_y: float = 0.0


@dataclass
class _GState:
    ctm: Matrix = IDENTITY
    clip: Rect | None = None  # None: nothing clipped
    clip_complex: bool = False
    text_render: int = 0


@dataclass
class _Path:
    rects: list[Rect] = field(default_factory=list)
    complex: bool = False
    clip_pending: bool = False


# ---------------------------------------------------------------------------------------------
# geometry


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n, in PDF's row-vector convention (cm: CTM' = M × CTM)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _numbers(values: object, count: int) -> tuple[float, ...] | None:
    try:
        nums = tuple(float(v) for v in values)  # type: ignore[attr-defined]
    except (TypeError, ValueError, pikepdf.PdfError):
        return None
    if len(nums) != count or not all(math.isfinite(v) for v in nums):
        return None
    return nums


def _rect(values: object) -> Rect | None:
    nums = _numbers(values, 4)
    if nums is None:
        return None
    x0, y0, x1, y1 = nums
    r = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return r if r[2] - r[0] > 0 and r[3] - r[1] > 0 else None


def _intersect(a: Rect, b: Rect) -> Rect | None:
    r = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return r if r[2] > r[0] and r[3] > r[1] else None


def _area(r: Rect | None) -> float:
    return 0.0 if r is None else (r[2] - r[0]) * (r[3] - r[1])


def _transform_rect(r: Rect, m: Matrix) -> Rect | None:
    """Device bbox of a user-space rectangle; None when the matrix turns it (then it is no box)."""
    a, b, c, d, e, f = m
    if abs(b) > 1e-6 * max(abs(a), abs(d), 1e-9) or abs(c) > 1e-6 * max(abs(a), abs(d), 1e-9):
        return None
    xs = (r[0] * a + e, r[2] * a + e)
    ys = (r[1] * d + f, r[3] * d + f)
    return (min(xs), min(ys), max(xs), max(ys))


def _inherited(obj: pikepdf.Object, key: str) -> pikepdf.Object | None:
    """Page attributes may sit on an ancestor /Pages node; the chain may loop in a damaged file."""
    node = obj
    seen: set[tuple[int, int]] = set()
    for _ in range(64):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        if parent is None or not isinstance(parent, pikepdf.Dictionary):
            return None
        ident = parent.objgen
        if ident != (0, 0):
            if ident in seen:
                return None
            seen.add(ident)
        node = parent
    return None


def page_box(obj: pikepdf.Object) -> Rect:
    """The visible area: CropBox clipped to MediaBox, as viewers and `pdftoppm -cropbox` show it."""
    media = _rect(_inherited(obj, "/MediaBox") or ()) or LETTER
    crop = _rect(_inherited(obj, "/CropBox") or ())
    if crop is None:
        return media
    return _intersect(crop, media) or media


def page_rotation(obj: pikepdf.Object) -> int:
    try:
        value = int(_inherited(obj, "/Rotate") or 0)  # type: ignore[call-overload]
    except (TypeError, ValueError, pikepdf.PdfError):
        return 0
    return value % 360 if value % 90 == 0 else 0


# ---------------------------------------------------------------------------------------------
# is this page a scan?


def _render(reason: str) -> PagePlan:
    return PagePlan("render", reason)


def _is_name(obj: object, *names: str) -> bool:
    return isinstance(obj, pikepdf.Name) and str(obj) in names


def _extgstate_is_plain(resources: pikepdf.Object, name: object) -> bool:
    """False for a graphics state that changes how an image looks (transparency, blending, transfer)."""
    try:
        gs = resources.get("/ExtGState", pikepdf.Dictionary()).get(name)  # type: ignore[union-attr]
    except (pikepdf.PdfError, TypeError, ValueError):
        return False
    if gs is None:
        return True
    if not isinstance(gs, pikepdf.Dictionary):
        return False
    smask = gs.get("/SMask")
    if smask is not None and not _is_name(smask, "/None"):
        return False
    for key in ("/CA", "/ca"):
        value = gs.get(key)
        if value is not None:
            try:
                if float(value) < 0.999:
                    return False
            except (TypeError, ValueError):
                return False
    blend = gs.get("/BM")
    if blend is not None:
        modes = list(blend) if isinstance(blend, pikepdf.Array) else [blend]
        if not modes or not all(_is_name(m, "/Normal", "/Compatible") for m in modes[:1]):
            return False
    for key in ("/TR", "/TR2"):
        value = gs.get(key)
        if value is not None and not _is_name(value, "/Identity", "/Default"):
            return False
    return True


def _visible_annotations(obj: pikepdf.Object) -> bool:
    annots = obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return False
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        if str(annot.get("/Subtype", "")) in _HARMLESS_ANNOTS:
            continue
        try:
            hidden = int(annot.get("/F", 0)) & 0b10  # Hidden flag
        except (TypeError, ValueError):
            hidden = 0
        if not hidden:
            return True
    return False


def plan_pdf_page(page: pikepdf.Page) -> PagePlan:
    """Decide between taking the page's one image as it is and rendering the page.

    Native only when the content stream paints exactly one image XObject, and nothing else
    (text in render mode 3 — an OCR layer — paints nothing and is allowed), through an
    upright, unflipped, unskewed matrix that covers most of the crop box. A page whose
    objects cannot even be inspected is rendered: poppler is the more forgiving reader.
    """
    try:
        return _plan(page)
    except MemoryError:
        raise
    except Exception as exc:
        return _render(f"content not understood ({type(exc).__name__}: {_brief(exc)})")


def _plan(page: pikepdf.Page) -> PagePlan:
    obj = page.obj
    box = page_box(obj)
    if _visible_annotations(obj):
        return _render("annotations are drawn over the page")
    resources = _inherited(obj, "/Resources")
    if not isinstance(resources, pikepdf.Dictionary):
        resources = pikepdf.Dictionary()
    try:
        instructions = pikepdf.parse_content_stream(page)
    except (pikepdf.PdfError, ValueError, TypeError) as exc:
        return _render(f"content stream does not parse ({exc})")

    state = _GState()
    stack: list[_GState] = []
    path = _Path()
    painted: tuple[pikepdf.Object, _GState] | None = None
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            return _render("inline image")
        op = bytes(instruction.operator.unparse()).decode("latin-1")
        operands = instruction.operands
        if op == "q":
            stack.append(_GState(state.ctm, state.clip, state.clip_complex, state.text_render))
        elif op == "Q":
            if stack:
                state = stack.pop()
        elif op == "cm":
            m = _numbers(operands, 6)
            if m is None:
                return _render("malformed cm")
            state.ctm = _mul(m, state.ctm)  # type: ignore[arg-type]
        elif op == "gs":
            if not operands or not _extgstate_is_plain(resources, operands[0]):
                return _render("transparency or blending in the graphics state")
        elif op in ("BDC", "BMC"):
            if operands and _is_name(operands[0], "/OC"):
                return _render("optional content")
        elif op == "Tr":
            try:
                state.text_render = int(operands[0])
            except (IndexError, TypeError, ValueError):
                return _render("malformed Tr")
        elif op in _TEXT_SHOW:
            if state.text_render != _INVISIBLE_TEXT:
                return _render("visible text")
        elif op in _STATE_OPS:
            pass
        elif op == "re":
            r = _rect_from_re(operands)
            device = _transform_rect(r, state.ctm) if r is not None else None
            if device is None:
                path.complex = True
            else:
                path.rects.append(device)
        elif op in _PATH_BUILD:
            path.complex = True
        elif op in ("W", "W*"):
            path.clip_pending = True
        elif op == "n":
            if path.clip_pending:
                _clip(state, path)
            path = _Path()
        elif op in _PATH_PAINT or op == "sh":
            return _render("vector drawing")
        elif op == "Do":
            xobject = _xobject(resources, operands)
            if xobject is None:
                return _render("missing XObject")
            if not _is_name(xobject.get("/Subtype"), "/Image"):
                return _render("form XObject")
            if painted is not None:
                return _render("more than one image")
            painted = (xobject, _GState(state.ctm, state.clip, state.clip_complex, state.text_render))
        else:
            return _render(f"operator {op}")
    if painted is None:
        return _render("no image")
    return _judge_image(painted[0], painted[1], box)


def _rect_from_re(operands: object) -> Rect | None:
    nums = _numbers(operands, 4)
    if nums is None:
        return None
    x, y, w, h = nums
    return (min(x, x + w), min(y, y + h), max(x, x + w), max(y, y + h))


def _clip(state: _GState, path: _Path) -> None:
    if path.complex or len(path.rects) != 1:
        state.clip_complex = True
        return
    rect = path.rects[0]
    state.clip = rect if state.clip is None else _intersect(state.clip, rect) or (0.0, 0.0, 0.0, 0.0)


def _xobject(resources: pikepdf.Object, operands: object) -> pikepdf.Object | None:
    try:
        name = operands[0]  # type: ignore[index]
        xobjects = resources.get("/XObject")  # type: ignore[union-attr]
        if not isinstance(xobjects, pikepdf.Dictionary):
            return None
        found = xobjects.get(name)
    except (IndexError, TypeError, KeyError, pikepdf.PdfError):
        return None
    return found if isinstance(found, pikepdf.Stream) else None


def _judge_image(image: pikepdf.Object, state: _GState, box: Rect) -> PagePlan:
    if bool(image.get("/ImageMask", False)):
        return _render("stencil mask")
    if "/OC" in image:
        return _render("optional content")
    try:
        width, height = int(image.get("/Width")), int(image.get("/Height"))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return _render("image without a size")
    if width <= 0 or height <= 0:
        return _render("image without a size")
    a, b, c, d, e, f = state.ctm
    if abs(b) > 1e-3 * max(abs(a), abs(d)) or abs(c) > 1e-3 * max(abs(a), abs(d)):
        return _render("image is rotated or skewed")
    if a <= 0 or d <= 0:
        return _render("image is flipped or turned")
    placed = (e, f, e + a, f + d)
    if state.clip_complex:
        return _render("image is clipped by a path")
    if state.clip is not None and _area(_intersect(state.clip, placed)) < MIN_INSIDE * _area(placed):
        return _render("image is clipped")
    shown = _intersect(placed, box)
    if _area(shown) < MIN_COVERAGE * _area(box):
        return _render("image does not cover the page")
    if _area(shown) < MIN_INSIDE * _area(placed):
        return _render("image extends past the page")
    dpi_x, dpi_y = width / (a / 72.0), height / (d / 72.0)
    if not (MIN_SANE_DPI <= min(dpi_x, dpi_y) and max(dpi_x, dpi_y) <= MAX_SANE_DPI):
        return _render(f"implausible image resolution {dpi_x:.0f}x{dpi_y:.0f} dpi")
    return PagePlan("native", "", image, dpi_x, dpi_y)


# ---------------------------------------------------------------------------------------------
# size checks before anything is decoded


def _page_images(resources: object, seen: set[tuple[int, int]], depth: int = 0) -> list[pikepdf.Object]:
    """Every image reachable from a page, through forms and patterns: poppler decodes them whole."""
    found: list[pikepdf.Object] = []
    if depth > 12 or not isinstance(resources, pikepdf.Dictionary):
        return found
    for group in ("/XObject", "/Pattern"):
        entries = resources.get(group)
        if not isinstance(entries, pikepdf.Dictionary):
            continue
        for key in list(entries.keys()):
            try:
                item = entries[key]
            except (KeyError, pikepdf.PdfError):
                continue
            if not isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
                continue
            ident = item.objgen
            if ident != (0, 0):
                if ident in seen:
                    continue
                seen.add(ident)
            if _is_name(item.get("/Subtype"), "/Image"):
                found.append(item)
            else:
                found.extend(_page_images(item.get("/Resources"), seen, depth + 1))
    return found


def _check_page_images(obj: pikepdf.Object, subject: str, limits: Limits) -> None:
    try:
        images = _page_images(_inherited(obj, "/Resources"), set())
    except (pikepdf.PdfError, TypeError, ValueError, RecursionError):
        return  # damaged resources: the address-space limit of the isolated run still holds
    for image in images:
        try:
            width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))  # type: ignore[call-overload]
        except (TypeError, ValueError, pikepdf.PdfError):
            continue
        check_pixels(subject, width, height, limits, what="holds an image of")


# ---------------------------------------------------------------------------------------------
# decoding


def decode_pdf(
    path: Path, name: str, blobs: BlobStore, limits: Limits, deadline: float, workdir: Path
) -> list[DecodedPage]:
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError as exc:
        raise BadInput(f"{name} is password-protected; remove the password and import it again") from exc
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        return _decode_with_poppler(path, name, blobs, limits, deadline, workdir, _brief(exc, path))
    with pdf:
        try:
            count = len(pdf.pages)
        except (pikepdf.PdfError, RuntimeError) as exc:
            return _decode_with_poppler(path, name, blobs, limits, deadline, workdir, _brief(exc, path))
        if count == 0:
            raise BadInput(f"{name} has no pages; check that it is the right file")
        if count > limits.max_pages:
            raise BadInput(
                f"{name} has {count} pages, over the limit of {limits.max_pages}; split it into smaller files "
                "and import them one by one"
            )
        pages = []
        for index in range(count):
            check_deadline(name, deadline, limits)
            pages.append(_decode_page(pdf, index, count, name, blobs, limits, deadline, workdir))
        return pages


_PDFINFO_PAGES = re.compile(rb"^Pages:\s+(\d+)", re.MULTILINE)
_PDFINFO_SIZE = re.compile(rb"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts", re.MULTILINE)


def _decode_with_poppler(
    path: Path, name: str, blobs: BlobStore, limits: Limits, deadline: float, workdir: Path, qpdf_reason: str
) -> list[DecodedPage]:
    """qpdf gave up on the file (a loop in the page tree, say) but poppler, like the operator's
    viewer, may still show it: render what poppler sees, or refuse with qpdf's reason."""
    refusal = BadInput(
        f"{name} is not a readable PDF ({qpdf_reason}); it is probably damaged — open it in a viewer, "
        "save or print it to a fresh PDF, and import that"
    )
    done = _run(
        ["pdfinfo", "-f", "1", "-l", str(limits.max_pages + 1), str(path)], deadline, name, name, limits
    )
    found = _PDFINFO_PAGES.search(done.stdout)
    count = int(found.group(1)) if found else 0
    if done.returncode != 0 or count == 0:
        raise refusal
    if count > limits.max_pages:
        raise BadInput(
            f"{name} has {count} pages, over the limit of {limits.max_pages}; split it into smaller files "
            "and import them one by one"
        )
    sizes = {
        int(m.group(1)): (float(m.group(2)), float(m.group(3))) for m in _PDFINFO_SIZE.finditer(done.stdout)
    }
    dpi = limits.render_dpi
    pages = []
    for number in range(1, count + 1):
        check_deadline(name, deadline, limits)
        subject = f"{name} page {number}"
        width_pt, height_pt = sizes.get(number, (LETTER[2], LETTER[3]))
        check_pixels(subject, width_pt / 72 * dpi, height_pt / 72 * dpi, limits, what=f"at {dpi} dpi is")
        picture, mode = normalise(_pdftoppm(path, number, workdir, dpi, deadline, subject, name, limits))
        blob = store_png(blobs, picture, float(dpi))
        source_name = name if count == 1 else f"{name}#p{number}"
        pages.append(
            DecodedPage(blob, picture.width, picture.height, float(dpi), "pdf", mode, source_name, number)
        )
    return pages


def _brief(exc: BaseException, path: Path | None = None, limit: int = 160) -> str:
    """The library's own words, without our temp or source paths (the sentence names the file)."""
    text = str(exc)
    if path is not None:
        text = text.replace(f"{path}: ", "").replace(str(path), path.name)
    text = " ".join(text.split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decode_page(
    pdf: pikepdf.Pdf,
    index: int,
    count: int,
    name: str,
    blobs: BlobStore,
    limits: Limits,
    deadline: float,
    workdir: Path,
) -> DecodedPage:
    page = pdf.pages[index]
    subject = f"{name} page {index + 1}"
    source_name = name if count == 1 else f"{name}#p{index + 1}"
    plan = plan_pdf_page(page)
    log.debug("%s: %s %s", subject, plan.method, plan.reason)
    if plan.method == "native" and plan.image is not None:
        finest = max(plan.dpi_x, plan.dpi_y)
        width, height = int(plan.image.Width), int(plan.image.Height)
        check_pixels(subject, width * finest / plan.dpi_x, height * finest / plan.dpi_y, limits)
    # Whatever is drawn, poppler would decode every image of the page whole on a fallback.
    _check_page_images(page.obj, subject, limits)
    rotate = page_rotation(page.obj)
    native_failure: str | None = None
    single: Path | None = None

    if plan.method == "native" and plan.image is not None:
        try:
            return _store_native(plan, rotate, blobs, source_name, index)
        except (MemoryError, BadInput):
            raise
        except Exception as exc:  # undecodable stream, codec missing (JBIG2), odd colour space
            native_failure = f"{type(exc).__name__}: {_brief(exc)}"
            log.info(
                "%s: the scan's image did not decode natively (%s); trying poppler", subject, native_failure
            )
        if _poppler_can_extract(plan.image):
            single = _single_page_copy(pdf, index, workdir)
            extracted = _pdfimages(single, workdir, deadline, (width, height))
            if extracted is not None:
                picture, mode = normalise(extracted)
                return _store_picture(
                    picture, mode, plan.dpi_x, plan.dpi_y, rotate, blobs, source_name, index
                )

    box = page_box(page.obj)
    dpi = limits.render_dpi
    check_pixels(
        subject, (box[2] - box[0]) / 72 * dpi, (box[3] - box[1]) / 72 * dpi, limits, what=f"at {dpi} dpi is"
    )
    if single is None:
        single = _single_page_copy(pdf, index, workdir)
    try:
        rendered = _pdftoppm(single, 1, workdir, dpi, deadline, subject, name, limits)
    finally:
        single.unlink(missing_ok=True)
    lowest, highest = rendered.convert("L").getextrema()
    if (
        native_failure is not None and highest - lowest <= 8
    ):  # poppler paints a failed image as (near) nothing
        raise BadInput(
            f"{subject} is a scanned image that cannot be decoded ({native_failure}); the file is damaged — "
            "scan the page again or export a fresh copy, and import that"
        )
    picture, mode = normalise(rendered)
    blob = store_png(blobs, picture, float(dpi))
    return DecodedPage(blob, picture.width, picture.height, float(dpi), "pdf", mode, source_name, index + 1)


_ROTATE_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


def _store_native(plan: PagePlan, rotate: int, blobs: BlobStore, source_name: str, index: int) -> DecodedPage:
    assert plan.image is not None
    pim = pikepdf.PdfImage(plan.image)
    with pillow_size_check_off():
        raw = pim.as_pil_image()
        raw.load()
    bits = pim.bits_per_component if raw.mode.startswith("I") else None
    picture, mode = normalise(raw, bits=bits)
    if mode == "color" and _jpeg_passthrough_ok(plan.image, raw, rotate, plan):
        blob = store_bytes(blobs, plan.image.read_raw_bytes(), ".jpg")
        return DecodedPage(
            blob, raw.width, raw.height, tidy_dpi(plan.dpi_x), "pdf", mode, source_name, index + 1
        )
    return _store_picture(picture, mode, plan.dpi_x, plan.dpi_y, rotate, blobs, source_name, index)


def _store_picture(
    picture: Image.Image,
    mode: str,
    dpi_x: float,
    dpi_y: float,
    rotate: int,
    blobs: BlobStore,
    source_name: str,
    index: int,
) -> DecodedPage:
    picture, dpi = square_pixels(picture, dpi_x, dpi_y)
    if rotate in _ROTATE_CLOCKWISE:
        picture = picture.transpose(_ROTATE_CLOCKWISE[rotate])
    dpi = tidy_dpi(dpi)
    blob = store_png(blobs, picture, dpi)
    return DecodedPage(blob, picture.width, picture.height, dpi, "pdf", mode, source_name, index + 1)


def _jpeg_passthrough_ok(image: pikepdf.Object, raw: Image.Image, rotate: int, plan: PagePlan) -> bool:
    """A colour DCT image drawn as it is may be kept byte for byte, like a JPEG file."""
    filters = image.get("/Filter")
    if isinstance(filters, pikepdf.Array):
        filters = filters[0] if len(filters) == 1 else None
    return (
        _is_name(filters, "/DCTDecode")
        and "/DecodeParms" not in image
        and "/Decode" not in image
        and "/SMask" not in image
        and "/Mask" not in image
        and raw.format == "JPEG"
        and raw.mode == "RGB"
        and rotate == 0
        and abs(plan.dpi_x - plan.dpi_y) <= 0.01 * max(plan.dpi_x, plan.dpi_y)
    )


def _poppler_can_extract(image: pikepdf.Object) -> bool:
    """pdfimages decodes JBIG2 (pikepdf needs jbig2dec, absent here); only where the
    result needs no colour handling: 1-bit DeviceGray, default /Decode, no mask."""
    filters = image.get("/Filter")
    names = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    colorspace = image.get("/ColorSpace")
    if isinstance(colorspace, pikepdf.Array) and len(colorspace) == 1:
        colorspace = colorspace[0]
    decode = _numbers(image.get("/Decode", [0, 1]), 2)
    return (
        any(_is_name(f, "/JBIG2Decode") for f in names)
        and int(image.get("/BitsPerComponent", 0)) == 1
        and (colorspace is None or _is_name(colorspace, "/DeviceGray"))
        and decode == (0.0, 1.0)
        and "/SMask" not in image
        and "/Mask" not in image
    )


def _single_page_copy(pdf: pikepdf.Pdf, index: int, workdir: Path) -> Path:
    """A one-page PDF that qpdf wrote: poppler then sees the same page qpdf numbered, even in a
    file whose page tree poppler reads differently (loops, repaired xref)."""
    target = workdir / f"page-{index + 1}.pdf"
    single = pikepdf.Pdf.new()
    single.pages.append(pdf.pages[index])
    single.save(target, stream_decode_level=pikepdf.StreamDecodeLevel.none, compress_streams=False)
    return target


def _run(
    args: list[str], deadline: float, subject: str, name: str, limits: Limits
) -> subprocess.CompletedProcess:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        check_deadline(name, deadline, limits)
    try:
        return subprocess.run(args, capture_output=True, timeout=max(1.0, remaining), check=False)
    except subprocess.TimeoutExpired as exc:
        raise BadInput(
            f"{subject}: rendering took longer than {limits.seconds:g} s and was stopped; {_TIMEOUT_SENTENCE}"
        ) from exc


def _pdfimages(single: Path, workdir: Path, deadline: float, size: tuple[int, int]) -> Image.Image | None:
    prefix = workdir / f"{single.stem}-img"
    remaining = deadline - time.monotonic()
    try:
        done = subprocess.run(
            ["pdfimages", "-png", "-f", "1", "-l", "1", str(single), str(prefix)],
            capture_output=True,
            timeout=max(1.0, remaining),
            check=False,
        )
    except (subprocess.TimeoutExpired, OSError):
        return None
    outputs = sorted(workdir.glob(f"{prefix.name}-*.png"))
    try:
        if done.returncode != 0 or len(outputs) != 1:
            return None
        with pillow_size_check_off():
            img = Image.open(outputs[0], formats=["PNG"])
            img.load()
        if img.size != size or img.mode != "1":
            return None
        return img
    except OSError:
        return None
    finally:
        for output in outputs:
            output.unlink(missing_ok=True)


def _pdftoppm(
    source: Path,
    number: int,
    workdir: Path,
    dpi: int,
    deadline: float,
    subject: str,
    name: str,
    limits: Limits,
) -> Image.Image:
    stem = workdir / f"{source.stem}-{number}-render"
    done = _run(
        ["pdftoppm", "-r", str(dpi), "-cropbox", "-png", "-f", str(number), "-l", str(number), "-singlefile"]
        + [str(source), str(stem)],
        deadline,
        subject,
        name,
        limits,
    )
    output = stem.with_name(stem.name + ".png")
    try:
        if done.returncode != 0 or not output.exists():
            stderr = done.stderr.decode("utf-8", "replace").replace(str(source), name)
            reason = " ".join(stderr.split())[:160] or f"exit code {done.returncode}"
            raise BadInput(
                f"{subject} cannot be rendered ({reason}); the file is probably damaged — open it in a viewer, "
                "save or print it to a fresh PDF, and import that"
            )
        with pillow_size_check_off():
            img = Image.open(output, formats=["PNG"])
            img.load()
        return img
    finally:
        output.unlink(missing_ok=True)
