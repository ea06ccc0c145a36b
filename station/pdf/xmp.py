"""The station's metadata in the document's XMP packet, in a form pikepdf's PDF/A-2b validator accepts.

PDF/A-2 lets a file carry a custom XMP schema (``station:type_name`` …) if the packet also
describes it with a ``pdfaExtension`` schema description, and veraPDF accepts that. pikepdf's
validator (pikepdf 10.17, ``pikepdf.pdfa``), which is the one the station must pass, is an
allowlist: it denies any namespace outside Dublin Core, XMP basic, XMP MM/Rights, Adobe PDF,
Photoshop and the PDF/A identification *on presence*, extension schema description included
(``data/dispositions.json``: ISO_19005_2:6.6.2.3.2-1 and 6.6.2.3.3-* are "denied_on_presence"),
and ``pikepdf.pdfa.prepare`` strips such properties ("Removed XMP metadata that is not permitted
in PDF/A: station:type_name"). Measured on pikepdf 10.17; see tests/test_pdf.py.

So the station record travels inside a Dublin Core property the validator permits: ``dc:relation``
(an ``rdf:Bag`` of text) holds one item per field, ``<namespace URI><key>=<value>``, the
namespace being the station schema's URI. Each item is a self-describing property IRI and its
value; every key is kept, empty ones included, and reads back exactly. The standard properties
are filled as well, so that any XMP reader finds title, creator, date and language.
The packet is built and read with pikepdf's metadata API, never by string concatenation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import pikepdf

from station.errors import ValidationFailed

STATION_NS = "https://schemas.moet.gov.vn/station/1.0/"
STATION_PREFIX = "station"
RECORD_PROPERTY = "dc:relation"

# metadata.md `language` codes to RFC 3066 tags for dc:language.
LANGUAGE_TAGS = {"01": "vi"}

_ITEM = re.compile(re.escape(STATION_NS) + r"([a-z][a-z0-9_]*)=(.*)\Z", re.DOTALL)
_KEY = re.compile(r"[a-z][a-z0-9_]*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# What XML 1.0 cannot carry: such a value would not read back as written.
_XML_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def record_items(metadata: Mapping[str, str]) -> set[str]:
    """The dc:relation items that hold the station record, one per field."""
    items = set()
    for key, value in metadata.items():
        if not _KEY.match(key):
            raise ValidationFailed(f"The metadata field name {key!r} cannot be stored in the PDF.")
        if not isinstance(value, str):
            raise ValidationFailed(f"The metadata field {key} is not text ({type(value).__name__}).")
        if _XML_ILLEGAL.search(value):
            raise ValidationFailed(f"The metadata field {key} contains control characters; remove them.")
        # XML parsers turn CR LF into LF: store LF, so that what is read back is what was stored.
        items.add(f"{STATION_NS}{key}={normalise_value(value)}")
    return items


def normalise_value(value: str) -> str:
    """A field value as the XMP packet can carry it: line ends as LF."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def parse_record(items: object) -> dict[str, str]:
    """The station fields in a dc:relation value; items that are not the station's are ignored."""
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, set | list | tuple | frozenset):
        return {}
    record: dict[str, str] = {}
    for item in items:
        match = _ITEM.match(str(item))
        if match:
            record[match.group(1)] = match.group(2)
    return record


def write_xmp(pdf: pikepdf.Pdf, metadata: Mapping[str, str], *, producer: str, now: dt.datetime) -> None:
    """Fill the document's XMP and DocInfo from the station metadata (before PDF/A preparation)."""
    items = record_items(metadata)
    values = {k: normalise_value(v) for k, v in metadata.items()}
    stamp = now.isoformat(timespec="seconds")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        if items:
            meta[RECORD_PROPERTY] = items
        if values.get("subject"):
            meta["dc:title"] = values["subject"]
        if values.get("organ_name"):
            meta["dc:creator"] = [values["organ_name"]]
        if _is_iso_date(values.get("issued_date", "")):
            # dc:date must be a valid XMP date; anything else stays in the station record only,
            # where the metadata checks report it.
            meta["dc:date"] = [values["issued_date"]]
        tag = LANGUAGE_TAGS.get(values.get("language", ""))
        if tag:
            meta["dc:language"] = {tag}
        if values.get("type_name"):
            meta["dc:type"] = {values["type_name"]}
        if values.get("description"):
            meta["dc:description"] = values["description"]
        if values.get("keywords"):
            meta["pdf:Keywords"] = values["keywords"]
        meta["dc:format"] = "application/pdf"
        meta["xmp:CreatorTool"] = producer
        meta["xmp:CreateDate"] = stamp
        meta["xmp:ModifyDate"] = stamp
        meta["pdf:Producer"] = producer


def _is_iso_date(text: str) -> bool:
    if not _ISO_DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def set_producer(pdf: pikepdf.Pdf, producer: str) -> None:
    """Put our producer back: pikepdf.pdfa.prepare records itself as the producer."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["pdf:Producer"] = producer


def read_record(pdf: pikepdf.Pdf) -> dict[str, str]:
    """The station fields stored in an open document's XMP ({} if there are none)."""
    meta = pdf.open_metadata()
    try:
        value = meta[RECORD_PROPERTY]
    except KeyError:
        return {}
    return parse_record(value)
