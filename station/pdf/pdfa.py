"""The PDF/A-2b verdict the station relies on: pikepdf's validator plus the extension-schema clause.

pikepdf.pdfa (veraPDF's rule set, an allowlist) checks the written bytes. It denies every XMP
namespace outside its list on presence, so a custom schema described by a PDF/A extension schema,
which ISO 19005-2 6.6.2.3.2 permits and veraPDF accepts, is reported under rule 6.6.2.3.1-1 as
"XMP namespace ... is not permitted" and "XMP property ... is not permitted". Those findings,
and only those, are answered by station.pdf.xmp.check_extension_schemas, which checks the
description the clause asks for; a namespace or property that the packet does not describe
stays a violation. Every other finding, violation or "not checked", fails the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pikepdf
import pikepdf.pdfa

from station.pdf import xmp

FLAVOUR = "2b"
_NAMESPACE_RULE = "ISO_19005_2:6.6.2.3.1-1"
_NS_MESSAGE = re.compile(r"XMP namespace ([\w.-]+)=(\S+) is not permitted\Z")
_PROPERTY_MESSAGE = re.compile(r"XMP property ([\w.-]+):([\w.-]+) is not permitted\Z")


@dataclass
class Verdict:
    """pikepdf's report, the findings the extension schemas answer, and what remains."""

    report: pikepdf.pdfa.Report
    remaining: list[pikepdf.pdfa.Finding] = field(default_factory=list)
    answered: list[pikepdf.pdfa.Finding] = field(default_factory=list)
    schema_problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.remaining and not self.schema_problems

    def sentence(self, limit: int = 5) -> str:
        """A short account: the distinct problems, the first few of them."""
        messages = list(dict.fromkeys(
            [f"{f.rule}: {f.message}" for f in self.remaining]
            + [f"ISO_19005_2:6.6.2.3.3: {p}" for p in self.schema_problems]
        ))
        text = "; ".join(messages[:limit])
        if len(messages) > limit:
            text += f"; and {len(messages) - limit} more"
        return text or "pass"

    def detail(self) -> str:
        lines = [self.report.summary(limit=50)]
        if self.answered:
            lines.append(f"{len(self.answered)} finding(s) about the described extension schema(s) "
                         "checked by station.pdf.xmp.check_extension_schemas")
        lines += [f"  extension schema: {p}" for p in self.schema_problems]
        return "\n".join(lines)


def validate(source: Path | str | BinaryIO, flavour: str = FLAVOUR) -> Verdict:
    """Validate a written file; `passed` only if nothing but described extension schemas was found."""
    report = pikepdf.pdfa.validate_written(source, flavour)
    verdict = Verdict(report)
    if report.passed:
        return verdict
    if hasattr(source, "seek"):
        source.seek(0)  # type: ignore[union-attr]
    extension_findings = [f for f in report.findings if f.rule == _NAMESPACE_RULE and f.kind == "violation"
                          and (_NS_MESSAGE.match(f.message) or _PROPERTY_MESSAGE.match(f.message))]
    if not extension_findings:
        verdict.remaining = list(report.findings)
        return verdict
    try:
        with pikepdf.open(source) as pdf:
            packet = pdf.Root.Metadata.read_bytes()
    except (pikepdf.PdfError, AttributeError, OSError):
        verdict.remaining = list(report.findings)
        return verdict
    # The namespaces the validator did not name are the ones it permits.
    refused = {m.group(2) for f in extension_findings if (m := _NS_MESSAGE.match(f.message))}
    declared_here = {uri for _p, _q, uri in xmp.XMLNS.findall(packet.decode("utf-8", "replace"))}
    declared = xmp.check_extension_schemas(packet, frozenset(declared_here - refused))
    verdict.schema_problems = declared.problems
    uris = set(declared.namespaces.values())
    described = {(p, local) for p, u in declared.namespaces.items() for uu, local in declared.properties if uu == u}
    for finding in report.findings:
        ns = _NS_MESSAGE.match(finding.message) if finding.rule == _NAMESPACE_RULE else None
        prop = _PROPERTY_MESSAGE.match(finding.message) if finding.rule == _NAMESPACE_RULE else None
        if ns and (ns.group(2) in uris or xmp.EXTENSION_NAMESPACES.get(ns.group(1)) == ns.group(2)):
            verdict.answered.append(finding)
        elif prop and (prop.groups() in described or prop.groups() == ("pdfaExtension", "schemas")):
            verdict.answered.append(finding)
        else:
            verdict.remaining.append(finding)
    return verdict
