"""Build the archival PDF/A-2b: page images at 100 % scale, an invisible OCR text layer, XMP.

reportlab draws the text layer (it embeds and subsets TrueType fonts with a ToUnicode map);
pikepdf then adds the page images as XObjects with the exact bytes we choose (JPEG passthrough,
CCITT G4, which reportlab cannot write), fills the XMP, and `pikepdf.pdfa.save` prepares, writes
and validates the file. Only a file that passed reaches `out`, and it is fsynced before it is
renamed into place (the station's durability habit; pikepdf itself does not fsync).

Pages are handled one at a time: a page image is read from disk, encoded and handed to pikepdf
before the next is opened, so at most one decoded image is in memory. The encoded image streams
(about the size of the final file) stay in memory until the file is written.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pikepdf.pdfa
from reportlab.pdfgen.canvas import Canvas

from station.errors import BadInput, ValidationFailed
from station.files import fsync_dir
from station.pdf import pdfa, textlayer, xmp
from station.pdf.images import encode_page, image_size
from station.pdf.textlayer import OcrLine

FLAVOUR = "2b"
COLOUR_MODES = ("color", "gray", "bilevel")


@dataclass
class PdfPage:
    image_path: Path  # the cleaned page image file (JPEG for colour/grey, PNG for bilevel/grey), upright
    dpi: float
    colour_mode: str  # "color" | "gray" | "bilevel"
    # station.ocr.tesseract.Line objects: OCR lines with word boxes in pixels of that image, in
    # reading order (typed by the protocol they satisfy, station.ocr being a sibling layer).
    lines: Sequence[OcrLine] = field(default_factory=list)


def page_size_pt(width_px: int, height_px: int, dpi: float) -> tuple[float, float]:
    """The page size that shows the image at 100 %: pixels / dpi inches."""
    return width_px * 72.0 / dpi, height_px * 72.0 / dpi


def _text_layer(pages: Sequence[PdfPage], sizes: Sequence[tuple[int, int]]) -> bytes:
    """A reportlab document with one page per station page, holding only the invisible text."""
    fonts = textlayer.fonts()
    buf = io.BytesIO()
    # initialFontName: otherwise reportlab puts an unembedded Helvetica in every page's
    # resources, which PDF/A forbids (shared/NOTES.md).
    canvas = Canvas(buf, invariant=True, pageCompression=1, initialFontName=fonts[0].name)
    for page, (w, h) in zip(pages, sizes, strict=True):
        width_pt, height_pt = page_size_pt(w, h, page.dpi)
        canvas.setPageSize((width_pt, height_pt))
        textlayer.draw_lines(canvas, page.lines, page.dpi, height_pt)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _check_pages(pages: Sequence[PdfPage]) -> None:
    if not pages:
        raise BadInput("A document needs at least one page.")
    for n, page in enumerate(pages, 1):
        if page.colour_mode not in COLOUR_MODES:
            raise BadInput(f"Page {n}: unknown colour mode {page.colour_mode!r}.")
        if not math.isfinite(page.dpi) or page.dpi <= 0:
            raise BadInput(f"Page {n}: the resolution is missing.")
        if not Path(page.image_path).is_file():
            raise BadInput(f"Page {n}: the image {page.image_path} is missing.")


def _add_image(pdf: pikepdf.Pdf, pdf_page: pikepdf.Page, page: PdfPage, mrc: bool) -> int:
    """Put the page's image layers under its text; returns the bytes of image data added."""
    encoded = encode_page(Path(page.image_path), page.colour_mode, page.dpi, mrc=mrc)
    resources = pdf_page.obj.get("/Resources")
    if resources is None:
        resources = pdf_page.obj.Resources = pikepdf.Dictionary()
    if "/XObject" not in resources:
        resources.XObject = pikepdf.Dictionary()
    width_pt, height_pt = page_size_pt(encoded.width, encoded.height, page.dpi)
    draw = []
    for n, layer in enumerate(encoded.layers):
        name = f"/Im{n}"
        resources.XObject[name] = layer.to_stream(pdf)
        # Every layer covers the whole page, whatever its own resolution.
        paint = f"{width_pt:.4f} 0 0 {height_pt:.4f} 0 0 cm {name} Do"
        if layer.fill is not None:
            r, g, b = layer.fill
            paint = f"{r:.3f} {g:.3f} {b:.3f} rg " + paint
        draw.append(f"q {paint} Q\n")
    # Before the text, so the invisible text sits on top of the image it describes.
    pdf_page.contents_add(pdf.make_stream("".join(draw).encode("ascii")), prepend=True)
    return encoded.bytes


def build_pdfa(
    pages: list[PdfPage],
    metadata: dict[str, str],
    out: Path,
    *,
    producer: str,
    labels: Mapping[str, str] | None = None,
    mrc: bool = True,
) -> None:
    """Write a validated PDF/A-2b at `out`; raise ValidationFailed (nothing at `out`) if it fails.

    `labels` (optional) names each metadata field in the XMP extension schema, e.g. the
    Vietnamese labels of station.metadata.fields. `mrc=False` keeps every colour page a single
    JPEG (mixed raster content is the default for colour text pages, see station.pdf.images).
    """
    _check_pages(pages)
    xmp.check_record(metadata)
    out = Path(out)
    sizes = [image_size(Path(p.image_path)) for p in pages]
    text_pdf = _text_layer(pages, sizes)
    now = dt.datetime.now(dt.UTC).astimezone()
    with pikepdf.open(io.BytesIO(text_pdf)) as pdf:
        for page, pdf_page in zip(pages, pdf.pages, strict=True):
            _add_image(pdf, pdf_page, page, mrc)
            # reportlab writes an empty /Trans on every page; PDF/A validators reject it.
            trans = pdf_page.obj.get("/Trans")
            if isinstance(trans, pikepdf.Dictionary) and len(trans.keys()) == 0:
                del pdf_page.obj.Trans
        for key in list(pdf.docinfo.keys()):
            del pdf.docinfo[key]
        xmp.write_xmp(pdf, metadata, producer=producer, now=now)
        prepared = pikepdf.pdfa.prepare(pdf, FLAVOUR)
        if prepared.xmp_dropped:
            # Nothing we write may be lost on the way: a dropped field is a bug, not a warning.
            raise ValidationFailed(
                "The PDF/A preparation dropped metadata: " + ", ".join(prepared.xmp_dropped),
                detail=prepared.describe(),
            )
        xmp.set_producer(pdf, producer)
        # After prepare, which keeps only the properties its allowlist knows.
        xmp.add_station_schema(pdf, metadata, labels)
        _save_validated(pdf, out)


def _save_validated(pdf: pikepdf.Pdf, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        pdf.save(tmp, **pikepdf.pdfa.resolve_save_kwargs(FLAVOUR))
        # The written bytes are validated, not the document in memory.
        verdict = pdfa.validate(tmp, FLAVOUR)
        if not verdict.passed:
            raise ValidationFailed(
                "The PDF/A-2b document did not pass validation: " + verdict.sentence(),
                detail=verdict.detail(),
            )
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(out.parent)
