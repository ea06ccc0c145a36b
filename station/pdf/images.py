"""Page images as PDF image XObjects, encoded the way the archive rules ask.

- Bitonal pages: CCITT Group 4, the best bitonal codec available here (no JBIG2 encoder,
  shared/NOTES.md); Pillow's libtiff writer does the G4 coding and we take the single strip out
  of the TIFF it writes.
- Grey text pages: mixed raster content as below with a grey background; other grey pages
  JPEG at GRAY_QUALITY. A JPEG file from the cleanup is embedded byte for byte unless
  re-encoding makes it clearly smaller (re-encoding costs quality, so it must pay).
- Colour pages (the cleanup calls a page colour only when it has coloured marks: stamps,
  signatures) are mixed raster content when they are text pages: the dark neutral ink (the
  printed text) becomes a full-resolution G4 stencil mask painted in the text's own colour, and
  everything else, the red stamp and the blue signature included, stays in a colour background
  at MRC_BACKGROUND_DPI, JPEG-coded. The text pixels are filled from their surroundings before
  the background is reduced, so the JPEG spends no bits on text edges. Text is what OCR and
  readers need sharp; stamps and signatures are large strokes that survive 150 dpi.
  A colour page that is not mostly text (a photograph) stays one JPEG at COLOUR_QUALITY.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import pikepdf
from PIL import Image, TiffImagePlugin

from station.errors import BadInput

# A cleaned page is at most A3 at 600 dpi (7016 x 9921); anything much larger is not a page.
MAX_PIXELS = 120_000_000
JPEG_QUALITY = 85  # for a page image that is neither colour nor grey JPEG yet (PNG, TIFF)
COLOUR_QUALITY = 75
GRAY_QUALITY = 70
MRC_BACKGROUND_DPI = 150.0
MRC_BACKGROUND_QUALITY = 55
# A stencil over a background: how dark and how neutral a pixel must be to count as text ink.
# Red stamp ink (226, 38, 48) and blue pen (25, 45, 140) have a chroma far above this.
MRC_MAX_CHROMA = 60
# Text covers a few percent of a page; far more dark ink than this is a picture, not text.
MRC_MAX_INK = 0.30
# Re-encoding a cleanup JPEG must save at least this much to be worth a second generation.
REENCODE_MIN_SAVING = 0.15

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
    colour_space: str  # "/DeviceRGB" | "/DeviceGray"; "" for a stencil mask
    bits: int
    filter: str  # "/DCTDecode" | "/CCITTFaxDecode"
    decode_parms: dict[str, int | bool] | None
    # A stencil mask (ImageMask): its 0 samples (CCITT black) are painted in `fill` (RGB 0-1).
    fill: tuple[float, float, float] | None = None

    def to_stream(self, pdf: pikepdf.Pdf) -> pikepdf.Stream:
        stream = pdf.make_stream(self.data)
        stream.Type = pikepdf.Name.XObject
        stream.Subtype = pikepdf.Name.Image
        stream.Width = self.width
        stream.Height = self.height
        if self.fill is not None:
            # The filter's output is the image's own values (ink 0, see _ccitt_g4), and a
            # stencil paints its 0 samples: the ink.
            stream.ImageMask = True
        else:
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


@dataclass
class EncodedPage:
    """The layers of one page, bottom first, each covering the whole page."""

    width: int  # pixels of the page image at its own resolution
    height: int
    layers: list[EncodedImage] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(len(layer.data) for layer in self.layers)


def encode_page(path: Path, colour_mode: str, dpi: float, *, mrc: bool = True) -> EncodedPage:
    """Encode one page image for embedding, the codec and quality chosen from its colour mode."""
    with _open(path) as img:
        if colour_mode == "bilevel":
            layers = [_ccitt_g4(img)]
        elif colour_mode == "gray":
            layers = (_mrc(img, dpi, grey=True) if mrc else None) or [
                _jpeg_or_passthrough(path, img, "gray", GRAY_QUALITY)
            ]
        elif colour_mode == "color":
            layers = (_mrc(img, dpi) if mrc else None) or [
                _jpeg_or_passthrough(path, img, "color", COLOUR_QUALITY)
            ]
        else:
            raise ValueError(f"unknown colour mode {colour_mode!r}")
        return EncodedPage(img.width, img.height, layers)


def encode_page_image(path: Path, colour_mode: str) -> EncodedImage:
    """One image for the page, without mixed raster content (a single layer)."""
    return encode_page(path, colour_mode, 300.0, mrc=False).layers[0]


def _jpeg_or_passthrough(path: Path, img: Image.Image, colour_mode: str, quality: int) -> EncodedImage:
    encoded = _jpeg_encode(img, colour_mode, quality)
    if img.format == "JPEG" and img.mode in ("RGB", "L") and (img.mode == "L") == (colour_mode == "gray"):
        kept = _jpeg_passthrough(path, img)
        if len(encoded.data) > len(kept.data) * (1 - REENCODE_MIN_SAVING):
            return kept
    return encoded


def _rgb_array(img: Image.Image) -> np.ndarray:
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        background.alpha_composite(img.convert("RGBA"))
        return np.asarray(background.convert("RGB"))
    return np.asarray(img.convert("RGB"))


def text_mask(rgb: np.ndarray) -> np.ndarray:
    """True where a pixel is dark neutral ink: printed text, not stamp or signature colour.

    The darkness threshold is Otsu's over the grey page; a pixel also has to be near-neutral, so
    the red of a seal and the blue of a pen stay in the colour background.
    """
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    threshold, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Otsu on a page that is nearly all paper can settle inside the paper's noise: never above
    # the midpoint between paper and black ink.
    paper = float(np.percentile(grey, 90))
    limit = min(float(threshold), paper * 0.6)
    chroma = rgb.max(axis=2).astype(np.int16) - rgb.min(axis=2).astype(np.int16)
    # The darkest, most blurred rim of a blue or red stroke can look neutral: leave whatever
    # touches coloured ink to the background, so strokes keep one colour.
    coloured = cv2.dilate((chroma >= MRC_MAX_CHROMA).astype(np.uint8), np.ones((5, 5), np.uint8))
    return (grey < limit) & (chroma < MRC_MAX_CHROMA) & (coloured == 0)


def _mrc(img: Image.Image, dpi: float, *, grey: bool = False) -> list[EncodedImage] | None:
    """Background + text stencil for a text page; None when the page is not text."""
    rgb = _rgb_array(img)
    mask = text_mask(rgb)
    ink = float(mask.mean())
    if ink == 0.0 or ink > MRC_MAX_INK:
        return None
    factor = max(1, round(dpi / MRC_BACKGROUND_DPI))
    h, w = mask.shape
    # Fill the text pixels (and their antialiased rims) from the paper around them: a
    # normalised box average of the unmasked pixels at the background's resolution.
    covered = cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    weight = (~covered).astype(np.float32)
    bw, bh = max(1, -(-w // factor)), max(1, -(-h // factor))
    summed = cv2.resize(rgb.astype(np.float32) * weight[..., None], (bw, bh), interpolation=cv2.INTER_AREA)
    norm = cv2.resize(weight, (bw, bh), interpolation=cv2.INTER_AREA)
    paper = np.median(rgb[~covered], axis=0) if weight.any() else np.array([255.0, 255.0, 255.0])
    holes = norm < 0.05
    background = np.where(holes[..., None], paper, summed / np.maximum(norm, 1e-6)[..., None])
    if holes.any():
        # Blocks that were all text: the local paper, from a wider neighbourhood.
        blurred = cv2.blur(np.where(holes[..., None], 0, background).astype(np.float32), (9, 9))
        support = cv2.blur((~holes).astype(np.float32), (9, 9))
        wide = np.where(support[..., None] > 0.05, blurred / np.maximum(support, 1e-6)[..., None], paper)
        background = np.where(holes[..., None], wide, background)
    bg_img = Image.fromarray(background.clip(0, 255).astype(np.uint8), "RGB")
    # Full chroma (4:4:4): at 150 dpi, 4:2:0 would leave thin red and blue strokes 75 dpi of colour.
    bg = _jpeg_encode(bg_img, "gray" if grey else "color", MRC_BACKGROUND_QUALITY, subsampling=0)
    text = rgb[mask]
    fill = tuple(float(v) / 255.0 for v in np.median(text, axis=0)) if len(text) else (0.0, 0.0, 0.0)
    stencil = _ccitt_g4(Image.fromarray(np.where(mask, 0, 255).astype(np.uint8), "L"))
    stencil.fill = (fill[0], fill[1], fill[2])
    stencil.colour_space = ""
    return [bg, stencil]


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


def _jpeg_encode(
    img: Image.Image, colour_mode: str, quality: int = JPEG_QUALITY, subsampling: int = 2
) -> EncodedImage:
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
    converted.save(buf, "JPEG", quality=quality, optimize=True, subsampling=subsampling)
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
