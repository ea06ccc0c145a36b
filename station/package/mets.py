"""METS.xml of the package: descriptive record, files, page structure and PREMIS provenance events.

Built with ElementTree (never by string concatenation), so any value — Vietnamese text, a user
name with `<` in it — is escaped by the library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

METS = "http://www.loc.gov/METS/"
PREMIS = "http://www.loc.gov/premis/v3"
XLINK = "http://www.w3.org/1999/xlink"
DC = "http://purl.org/dc/elements/1.1/"
for _prefix, _uri in (("mets", METS), ("premis", PREMIS), ("xlink", XLINK), ("dc", DC)):
    ET.register_namespace(_prefix, _uri)

# The steps a document goes through, in order (package.md); each is a PREMIS event type.
EVENT_TYPES = ("capture", "cleanup", "ocr", "confirm", "approve", "sign", "package")


@dataclass
class Agent:
    name: str
    kind: str  # "person" | "software" | "hardware" | "organization"
    role: str = ""


@dataclass
class Event:
    type: str
    at: str  # ISO 8601
    detail: str
    agents: list[Agent] = field(default_factory=list)
    outcome: str = "success"
    outcome_detail: str = ""
    objects: list[str] = field(default_factory=list)  # page or file identifiers the event acted on


@dataclass
class FileEntry:
    id: str
    href: str
    mimetype: str
    sha256: str
    size: int


def _m(tag: str) -> str:
    return f"{{{METS}}}{tag}"


def _p(tag: str) -> str:
    return f"{{{PREMIS}}}{tag}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def build_mets(*, package_id: str, created: str, software: str, dublin_core: Sequence[tuple[str, str]],
               files: Sequence[FileEntry], pages: int, events: Sequence[Event]) -> bytes:
    root = ET.Element(_m("mets"), {"OBJID": package_id, "TYPE": "digitized administrative document",
                                   "PROFILE": "station package 1"})
    hdr = _sub(root, _m("metsHdr"), CREATEDATE=created)
    agent = _sub(hdr, _m("agent"), ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _sub(agent, _m("name"), software)

    dmd = _sub(root, _m("dmdSec"), ID="dmd-1")
    wrap = _sub(dmd, _m("mdWrap"), MDTYPE="DC", LABEL="Dublin Core")
    data = _sub(wrap, _m("xmlData"))
    for name, value in dublin_core:
        _sub(data, f"{{{DC}}}{name}", value)

    amd = _sub(root, _m("amdSec"), ID="amd-1")
    agents: dict[tuple[str, str], str] = {}
    event_ids = []
    for n, event in enumerate(events, 1):
        if event.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {event.type!r}")
        event_id = f"event-{n}"
        event_ids.append(event_id)
        md = _sub(amd, _m("digiprovMD"), ID=event_id)
        xml = _sub(_sub(md, _m("mdWrap"), MDTYPE="PREMIS:EVENT"), _m("xmlData"))
        ev = _sub(xml, _p("event"))
        ident = _sub(ev, _p("eventIdentifier"))
        _sub(ident, _p("eventIdentifierType"), "local")
        _sub(ident, _p("eventIdentifierValue"), event_id)
        _sub(ev, _p("eventType"), event.type)
        _sub(ev, _p("eventDateTime"), event.at)
        _sub(_sub(ev, _p("eventDetailInformation")), _p("eventDetail"), event.detail)
        outcome = _sub(ev, _p("eventOutcomeInformation"))
        _sub(outcome, _p("eventOutcome"), event.outcome)
        if event.outcome_detail:
            _sub(_sub(outcome, _p("eventOutcomeDetail")), _p("eventOutcomeDetailNote"), event.outcome_detail)
        for a in event.agents:
            agent_id = agents.setdefault((a.kind, a.name), f"agent-{len(agents) + 1}")
            link = _sub(ev, _p("linkingAgentIdentifier"))
            _sub(link, _p("linkingAgentIdentifierType"), "local")
            _sub(link, _p("linkingAgentIdentifierValue"), agent_id)
            if a.role:
                _sub(link, _p("linkingAgentRole"), a.role)
        for obj in event.objects:
            link = _sub(ev, _p("linkingObjectIdentifier"))
            _sub(link, _p("linkingObjectIdentifierType"), "local")
            _sub(link, _p("linkingObjectIdentifierValue"), obj)
    for (kind, name), agent_id in agents.items():
        md = _sub(amd, _m("digiprovMD"), ID=agent_id)
        xml = _sub(_sub(md, _m("mdWrap"), MDTYPE="PREMIS:AGENT"), _m("xmlData"))
        ag = _sub(xml, _p("agent"))
        ident = _sub(ag, _p("agentIdentifier"))
        _sub(ident, _p("agentIdentifierType"), "local")
        _sub(ident, _p("agentIdentifierValue"), agent_id)
        _sub(ag, _p("agentName"), name)
        _sub(ag, _p("agentType"), kind)

    file_sec = _sub(root, _m("fileSec"))
    group = _sub(file_sec, _m("fileGrp"), USE="archival")
    for f in files:
        el = _sub(group, _m("file"), ID=f.id, MIMETYPE=f.mimetype, SIZE=str(f.size), CHECKSUM=f.sha256,
                  CHECKSUMTYPE="SHA-256")
        _sub(el, _m("FLocat"), LOCTYPE="URL", **{f"{{{XLINK}}}href": f.href})

    struct = _sub(root, _m("structMap"), TYPE="physical")
    doc = _sub(struct, _m("div"), TYPE="document", DMDID="dmd-1", ADMID=" ".join(event_ids))
    pdf_id = next((f.id for f in files if f.mimetype == "application/pdf"), None)
    for n in range(1, pages + 1):
        div = _sub(doc, _m("div"), TYPE="page", ORDER=str(n), LABEL=f"page {n}")
        if pdf_id:
            _sub(div, _m("fptr"), FILEID=pdf_id)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def read_event_types(xml: bytes) -> list[str]:
    """The PREMIS event types in a METS document, in order (for verification and tests)."""
    root = ET.fromstring(xml)
    return [el.text or "" for el in root.iter(_p("eventType"))]
