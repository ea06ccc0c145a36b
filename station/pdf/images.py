"""Page images as PDF image XObjects, encoded the way the archive rules ask.

Colour and grey JPEG files are embedded byte for byte (DCTDecode passthrough): re-encoding a JPEG
only loses quality and time. Bitonal pages are CCITT Group 4, the best bitonal codec available
here (no JBIG2 encoder, shared/NOTES.md); Pillow's libtiff writer does the G4 coding and we take
the single strip out of the TIFF it writes. Anything else (a grey or colour PNG) is JPEG-encoded.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image, TiffImagePlugin

from station.errors import BadInput

# A cleaned page is at most A3 at 600 dpi (7016 x 9921); anything much larger is not a page.
MAX_PIXELS = 120_000_000
JPEG_QUALITY = 85

_TIFF_STRIP_OFFSETS = 273
_TIFF_STRIP_BYTE_COUNTS = 279
_TIFF_PHOTOMETRIC = 262
_TIFF_ROWS_PER_STRIP = 278


@dataclass
class EncodedImage:
    """An image ready to become an XObject: its stream bytes and dictionary entries."""

    data: bytes
    width: int
    height: int
    colour_space: str  # "/DeviceRGB" | "/DeviceGray"
    bits: int
    filter: str  # "/DCTDecode" | "/CCITTFaxDecode"
    decode_parms: dict[str, int | bool] | None

    def to_stream(self, pdf: pikepdf.Pdf) -> pikepdf.Stream:
        stream = pdf.make_stream(self.data)
        stream.Type = pikepdf.Name.XObject
        stream.Subtype = pikepdf.Name.Image
        stream.Width = self.width
        stream.Height = self.height
        stream.ColorSpace = pikepdf.Name(self.colour_space)
        stream.BitsPerComponent = self.bits
        # The bytes are already compressed: pikepdf must store them as they are.
        stream.Filter = pikepdf.Name(self.filter)
        if self.decode_parms is not None:
            stream.DecodeParms = pikepdf.Dictionary({f"/{k}": v for k, v in self.decode_parms.items()})
        return stream


def _open(path: Path) -> Image.Image:
    try:
        img = Image.open(path)
    except (OSError, Image.DecompressionBombError) as exc:
        raise BadInput(f"The page image {path.name} cannot be read ({exc}).") from exc
    if img.width * img.height > MAX_PIXELS:
        raise BadInput(f"The page image {path.name} is too large ({img.width}x{img.height} pixels).")
    return img


def image_size(path: Path) -> tuple[int, int]:
    """(width, height) in pixels, from the header only."""
    with _open(path) as img:
        return img.width, img.height


def encode_page_image(path: Path, colour_mode: str) -> EncodedImage:
    """Encode one page image for embedding.

    A JPEG in RGB or grey is kept as it is whatever the colour mode says: the cleanup stage chose
    its colours, and decoding it again would only lose quality.
    """
    with _open(path) as img:
        if colour_mode == "bilevel":
            return _ccitt_g4(img)
        if colour_mode not in ("color", "gray"):
            raise ValueError(f"unknown colour mode {colour_mode!r}")
        if img.format == "JPEG" and img.mode in ("RGB", "L"):
            return _jpeg_passthrough(path, img)
        return _jpeg_encode(img, colour_mode)


def _jpeg_passthrough(path: Path, img: Image.Image) -> EncodedImage:
    return EncodedImage(
        data=path.read_bytes(),
        width=img.width,
        height=img.height,
        colour_space="/DeviceRGB" if img.mode == "RGB" else "/DeviceGray",
        bits=8,
        filter="/DCTDecode",
        decode_parms=None,
    )


def _jpeg_encode(img: Image.Image, colour_mode: str) -> EncodedImage:
    if colour_mode == "gray" or img.mode in ("1", "L", "LA", "I;16", "I"):
        target = "L"
    else:
        target = "RGB"
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        # PDF/A forbids transparency groups only when used; flattening on white is what a
        # scan of the paper would show anyway.
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        background.alpha_composite(img.convert("RGBA"))
        converted = background.convert(target)
    elif img.mode.startswith("I;16") or img.mode == "I":
        converted = img.point(lambda v: v / 256).convert("L")
    else:
        converted = img.convert(target)
    buf = io.BytesIO()
    converted.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return EncodedImage(
        data=buf.getvalue(),
        width=img.width,
        height=img.height,
        colour_space="/DeviceRGB" if target == "RGB" else "/DeviceGray",
        bits=8,
        filter="/DCTDecode",
        decode_parms=None,
    )


def _ccitt_g4(img: Image.Image) -> EncodedImage:
    bilevel = (
        img if img.mode == "1" else img.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1")
    )
    buf = io.BytesIO()
    # One strip for the whole page: G4 strips are coded independently, so only a single strip
    # is a valid CCITT stream on its own.
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[_TIFF_ROWS_PER_STRIP] = bilevel.height
    bilevel.save(buf, "TIFF", compression="group4", tiffinfo=info)
    buf.seek(0)
    with Image.open(buf) as tiff:
        offsets = tiff.tag_v2[_TIFF_STRIP_OFFSETS]
        counts = tiff.tag_v2[_TIFF_STRIP_BYTE_COUNTS]
        photometric = int(tiff.tag_v2.get(_TIFF_PHOTOMETRIC, 0))
    if len(offsets) != 1:
        raise RuntimeError(f"libtiff wrote {len(offsets)} G4 strips; one was asked for")
    raw = buf.getvalue()[offsets[0] : offsets[0] + counts[0]]
    # libtiff's fax coder codes 1-bits as CCITT black whatever the photometric tag says; with
    # min-is-white (0) those are the black pixels, and PDF's default (BlackIs1 false) fits. With
    # min-is-black (1) the 1-bits are the white pixels, so the decoder must be told BlackIs1.
    return EncodedImage(
        data=raw,
        width=bilevel.width,
        height=bilevel.height,
        colour_space="/DeviceGray",
        bits=1,
        filter="/CCITTFaxDecode",
        decode_parms={
            "K": -1,
            "Columns": bilevel.width,
            "Rows": bilevel.height,
            "BlackIs1": photometric == 1,
        },
    )
