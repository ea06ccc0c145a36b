"""The station's metadata in the document's XMP packet: Dublin Core plus the station's own schema.

Every field of shared/spec/metadata.md is a ``station:<key>`` Text property in the namespace
STATION_NS. PDF/A-2 (ISO 19005-2, 6.6.2.3.2 and 6.6.2.3.3) allows a schema outside the XMP
specification only if the same packet describes it with a PDF/A extension schema:
``pdfaExtension:schemas`` holds one ``pdfaSchema`` per custom namespace, listing each property
with ``pdfaProperty:name``, ``valueType``, ``category`` and ``description``. We write that
description for every property we use, and check_extension_schemas reads it back the way
veraPDF does, because pikepdf's validator does not: it is an allowlist that denies any
namespace outside its own list on presence, extension schema or not (its dispositions.json
marks 6.6.2.3.2-1 and 6.6.2.3.3-* "denied_on_presence"), see station.pdf.pdfa.

The standard properties (dc:title, dc:creator, dc:date, dc:language, dc:type, xmp and pdf
basics) are written with pikepdf's metadata API before PDF/A preparation; the extension schema
and the station properties are added after it (pikepdf.pdfa.prepare would strip them) with
ElementTree, never by string concatenation.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass

import pikepdf

from station.errors import ValidationFailed

STATION_NS = "https://schemas.moet.gov.vn/station/1.0/"
STATION_PREFIX = "station"
STATION_SCHEMA_NAME = "Vietnamese digitized administrative document (scanning station)"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
X = "adobe:ns:meta/"
EXT = "http://www.aiim.org/pdfa/ns/extension/"
SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PROP = "http://www.aiim.org/pdfa/ns/property#"
PDFA_TYPE = "http://www.aiim.org/pdfa/ns/type#"
FIELD = "http://www.aiim.org/pdfa/ns/field#"
# The namespaces that only describe extension schemas.
EXTENSION_NAMESPACES = {"pdfaExtension": EXT, "pdfaSchema": SCHEMA, "pdfaProperty": PROP, "pdfaType": PDFA_TYPE,
                        "pdfaField": FIELD}
# Simple value types of XMP 2005 (ISO 19005-2, 6.6.2.3.3, Table 3): the ones a text value can have.
SIMPLE_TYPES = frozenset(
    {"Text", "Integer", "Boolean", "Date", "URI", "URL", "Real", "MIMEType", "ProperName", "AgentName",
     "GUID", "RenditionClass", "ResourceRef", "Locale", "XPath", "Lang Alt", "Bag Text", "Seq Text"}
)

# metadata.md `language` codes to RFC 3066 tags for dc:language.
LANGUAGE_TAGS = {"01": "vi"}

_KEY = re.compile(r"[a-z][a-z0-9_]*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# What XML 1.0 cannot carry: such a value would not read back as written.
_XML_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
XMLNS = re.compile(r"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2""")
_XPACKET_HEAD = re.compile(r"\A\s*(<\?xpacket begin=.*?\?>)", re.DOTALL)
_XPACKET_TAIL = re.compile(r"(<\?xpacket end=.*?\?>)\s*\Z", re.DOTALL)

for _prefix, _uri in {"x": X, "rdf": RDF, "pdfaExtension": EXT, "pdfaSchema": SCHEMA, "pdfaProperty": PROP,
                      STATION_PREFIX: STATION_NS}.items():
    etree.register_namespace(_prefix, _uri)


def normalise_value(value: str) -> str:
    """A field value as the XMP packet can carry it: line ends as LF (XML parsers turn CR LF into LF)."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def check_record(metadata: Mapping[str, str]) -> dict[str, str]:
    """The record as it will be stored, or ValidationFailed naming the field that cannot be."""
    record = {}
    for key, value in metadata.items():
        if not _KEY.match(key):
            raise ValidationFailed(f"The metadata field name {key!r} cannot be stored in the PDF.")
        if not isinstance(value, str):
            raise ValidationFailed(f"The metadata field {key} is not text ({type(value).__name__}).")
        if _XML_ILLEGAL.search(value):
            raise ValidationFailed(f"The metadata field {key} contains control characters; remove them.")
        record[key] = normalise_value(value)
    return record


def write_xmp(pdf: pikepdf.Pdf, metadata: Mapping[str, str], *, producer: str, now: dt.datetime) -> None:
    """Fill the standard XMP properties and DocInfo from the station metadata (before PDF/A preparation)."""
    values = check_record(metadata)
    stamp = now.isoformat(timespec="seconds")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
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


def _split_packet(packet: bytes) -> tuple[str, etree.Element, str]:
    text = packet.decode("utf-8")
    # ElementTree names namespaces it does not know ns0, ns1…: keep the packet's own prefixes
    # (PDF/A wants pdfaid as pdfaid, and readers expect dc, xmp, pdf).
    for prefix, _q, uri in XMLNS.findall(text):
        if not re.fullmatch(r"ns\d+", prefix):
            etree.register_namespace(prefix, uri)
    head = _XPACKET_HEAD.match(text)
    tail = _XPACKET_TAIL.search(text)
    return (head.group(1) if head else "", etree.fromstring(packet), tail.group(1) if tail else "")


def _description(root: etree.Element) -> etree.Element:
    rdf = root if root.tag == f"{{{RDF}}}RDF" else root.find(f"{{{RDF}}}RDF")
    if rdf is None:
        raise ValidationFailed("The XMP packet has no rdf:RDF element; the PDF cannot carry the station record.")
    desc = rdf.find(f"{{{RDF}}}Description")
    if desc is None:
        desc = etree.SubElement(rdf, f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""})
    return desc


def add_station_schema(pdf: pikepdf.Pdf, metadata: Mapping[str, str],
                       labels: Mapping[str, str] | None = None) -> None:
    """Add the station properties and their PDF/A extension schema description to the XMP packet.

    Runs after pikepdf.pdfa.prepare, which would strip both. `labels` gives each property's
    description (the Vietnamese field name); a key without one is described by its name.
    """
    record = check_record(metadata)
    if not record:
        return
    head, root, tail = _split_packet(pdf.Root.Metadata.read_bytes())
    desc = _description(root)
    for old in [*desc.findall(f"{{{EXT}}}schemas"), *(c for c in desc if c.tag.startswith(f"{{{STATION_NS}}}"))]:
        desc.remove(old)
    bag = etree.SubElement(etree.SubElement(desc, f"{{{EXT}}}schemas"), f"{{{RDF}}}Bag")
    schema = etree.SubElement(bag, f"{{{RDF}}}li", {f"{{{RDF}}}parseType": "Resource"})
    etree.SubElement(schema, f"{{{SCHEMA}}}schema").text = STATION_SCHEMA_NAME
    etree.SubElement(schema, f"{{{SCHEMA}}}namespaceURI").text = STATION_NS
    etree.SubElement(schema, f"{{{SCHEMA}}}prefix").text = STATION_PREFIX
    seq = etree.SubElement(etree.SubElement(schema, f"{{{SCHEMA}}}property"), f"{{{RDF}}}Seq")
    for key in record:
        prop = etree.SubElement(seq, f"{{{RDF}}}li", {f"{{{RDF}}}parseType": "Resource"})
        etree.SubElement(prop, f"{{{PROP}}}name").text = key
        etree.SubElement(prop, f"{{{PROP}}}valueType").text = "Text"
        etree.SubElement(prop, f"{{{PROP}}}category").text = "external"
        etree.SubElement(prop, f"{{{PROP}}}description").text = (labels or {}).get(key) or key
    for key, value in record.items():
        etree.SubElement(desc, f"{{{STATION_NS}}}{key}").text = value
    body = etree.tostring(root, encoding="unicode")
    packet = f"{head}\n{body}\n{tail}" if head else body
    pdf.Root.Metadata.write(packet.encode("utf-8"))


def read_record(pdf: pikepdf.Pdf) -> dict[str, str]:
    """The station fields stored in an open document's XMP ({} if there are none)."""
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return {}
    try:
        root = etree.fromstring(stream.read_bytes())
    except etree.ParseError:
        return {}
    record: dict[str, str] = {}
    for desc in root.iter(f"{{{RDF}}}Description"):
        for name, value in desc.attrib.items():
            if name.startswith(f"{{{STATION_NS}}}"):
                record[name[len(STATION_NS) + 2:]] = value
        for child in desc:
            if child.tag.startswith(f"{{{STATION_NS}}}") and len(child) == 0:
                record[child.tag[len(STATION_NS) + 2:]] = child.text or ""
    return record


@dataclass(frozen=True)
class Declared:
    """The custom properties an XMP packet uses, each with its extension schema description."""

    namespaces: dict[str, str]  # prefix used in the packet -> namespace URI, custom schemas only
    properties: set[tuple[str, str]]  # (namespace URI, name) used
    problems: list[str]


def check_extension_schemas(packet: bytes, permitted: frozenset[str]) -> Declared:
    """Check ISO 19005-2 6.6.2.3.2/6.6.2.3.3: every property outside `permitted` namespaces is
    described by a well-formed extension schema in the same packet.
    """
    problems: list[str] = []
    try:
        root = etree.fromstring(packet)
    except etree.ParseError as exc:
        return Declared({}, set(), [f"the XMP packet is not well-formed XML ({exc})"])
    text = packet.decode("utf-8", "replace")
    skip = permitted | set(EXTENSION_NAMESPACES.values())
    prefixes = {uri: prefix for prefix, _q, uri in XMLNS.findall(text) if uri not in skip}
    declared: dict[str, tuple[str, dict[str, str]]] = {}  # uri -> (prefix, {name: valueType})
    for schemas in root.iter(f"{{{EXT}}}schemas"):
        bag = schemas.find(f"{{{RDF}}}Bag")
        if bag is None:
            problems.append("pdfaExtension:schemas is not an rdf:Bag")
            continue
        for n, item in enumerate(bag.findall(f"{{{RDF}}}li"), 1):
            fields = {c.tag: c for c in item}
            uri, prefix, name = (
                (fields[f"{{{SCHEMA}}}{k}"].text or "") if f"{{{SCHEMA}}}{k}" in fields else None
                for k in ("namespaceURI", "prefix", "schema")
            )
            if not uri or not prefix or name is None:
                problems.append(f"extension schema {n} lacks pdfaSchema:namespaceURI, prefix or schema")
                continue
            if f"{{{SCHEMA}}}valueType" in fields:
                problems.append(f"extension schema {uri} defines value types, which the station does not check")
            props: dict[str, str] = {}
            seq = fields.get(f"{{{SCHEMA}}}property")
            for li in seq.iter(f"{{{RDF}}}li") if seq is not None else ():
                p = {c.tag[len(PROP) + 2:]: (c.text or "") for c in li if c.tag.startswith(f"{{{PROP}}}")}
                if not p.get("name") or p.get("category") not in ("internal", "external") \
                        or "description" not in p or p.get("valueType") not in SIMPLE_TYPES:
                    problems.append(f"extension schema {uri}: property {p.get('name')!r} is not fully described")
                    continue
                props[p["name"]] = p["valueType"]
            declared[uri] = (prefix, props)
    used: set[tuple[str, str]] = set()
    for desc in root.iter(f"{{{RDF}}}Description"):
        names = [*desc.attrib, *(c.tag for c in desc)]
        for tag in names:
            if not tag.startswith("{"):
                continue
            uri, _, local = tag[1:].partition("}")
            if uri in skip or uri == RDF:
                continue
            used.add((uri, local))
            if uri not in declared:
                problems.append(f"property {local} of namespace {uri} has no extension schema")
            elif local not in declared[uri][1]:
                problems.append(f"property {declared[uri][0]}:{local} is not described in its extension schema")
            elif prefixes.get(uri) != declared[uri][0]:
                problems.append(f"namespace {uri} is used with prefix {prefixes.get(uri)!r}, "
                                f"its schema says {declared[uri][0]!r}")
    for uri, local in used:
        if uri in declared and declared[uri][1].get(local) == "Text":
            for desc in root.iter(f"{{{RDF}}}Description"):
                for child in desc.findall(f"{{{uri}}}{local}"):
                    if len(child):
                        problems.append(f"{declared[uri][0]}:{local} is declared Text but holds structure")
    return Declared({p: u for u, p in prefixes.items() if u in declared}, used, problems)
