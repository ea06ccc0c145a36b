"""The station's use cases over its store: import, process, confirm, approve, export, verify."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station import config
from station.domain import DocState, SplitMode, Stage
from station.errors import BadInput, NotAllowed, StationError, UsageError, ValidationFailed
from station.store import Store
from station.store.db import NewPage, now

if TYPE_CHECKING:
    from station.pipeline.runner import ProcessReport, Progress, Runner

IMPORTABLE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}


@dataclass
class ImportReport:
    documents: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "refused": self.refused}


def default_batch_name() -> str:
    return date.today().isoformat()


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


class Station:
    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.data_dir = config.data_dir(data_dir)
        self.settings = config.Settings.load(self.data_dir)
        self.store = Store(self.data_dir)

    def close(self) -> None:
        self.store.close()

    # -- import ------------------------------------------------------------------------------
    def expand_inputs(self, paths: list[str | Path]) -> list[Path]:
        """Files as given; a folder gives its importable files in name order."""
        out: list[Path] = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMPORTABLE_SUFFIXES)
            else:
                out.append(path)
        return out

    def import_files(
        self,
        paths: list[str | Path],
        *,
        batch: str | None = None,
        split: SplitMode = SplitMode.FILE,
        user: str | None = None,
        on_file: Callable[[int, int, Path], None] | None = None,
    ) -> ImportReport:
        """Decode each file in an isolated process, then record its pages in one transaction.

        A refused file stores nothing and stops nothing: the other files are imported.
        """
        from station.intake.decode import Limits
        from station.intake.sandbox import decode_file_isolated

        limits = Limits(
            max_pixels=int(self.settings.get("import.max_pixels")),
            max_pages=int(self.settings.get("import.max_pages_per_file")),
            seconds=float(self.settings.get("import.seconds_per_file")),
            render_dpi=int(self.settings.get("import.render_dpi")),
        )
        batch_name = batch or default_batch_name()
        report = ImportReport()
        gathered: list[NewPage] = []
        files = self.expand_inputs(paths)
        if not files:
            raise UsageError("No files to import were given (PNG, JPEG, TIFF or PDF).")
        for n, path in enumerate(files, start=1):
            if on_file:
                on_file(n, len(files), path)
            try:
                if not path.is_file():
                    raise BadInput(f"{path}: there is no such file; check the path.")
                decoded = decode_file_isolated(path, self.store.blobs.root, limits)
            except BadInput as exc:
                report.refused.append({"path": str(path), "reason": exc.message})
                with self.store.transaction():
                    self.store.log("import_refused", user=user, obj=str(path), reason=exc.message)
                continue
            pages = [
                NewPage(blob=d.blob, width=d.width, height=d.height, dpi=d.dpi, dpi_source=d.dpi_source,
                        mode=d.mode, source_name=d.source_name, source_page=d.source_page)
                for d in decoded
            ]
            if split is SplitMode.NONE:
                gathered += pages
            elif split is SplitMode.FILE:
                self._add_documents(batch_name, [pages], user, report, source=str(path))
            else:
                self._add_documents(batch_name, [[p] for p in pages], user, report, source=str(path))
        if split is SplitMode.NONE and gathered:
            self._add_documents(batch_name, [gathered], user, report, source=", ".join(map(str, files)))
        return report

    def _add_documents(
        self, batch_name: str, groups: list[list[NewPage]], user: str | None, report: ImportReport, source: str
    ) -> None:
        with self.store.transaction():
            batch_id = self.store.batch_id(batch_name, create=True)
            for pages in groups:
                if not pages:
                    continue
                doc_id = self.store.add_document(batch_id, pages)
                self.store.log("import", user=user, obj=doc_id, source=source, pages=len(pages))
                report.documents.append({"id": doc_id, "batch": batch_name, "page_count": len(pages)})

    # -- process -------------------------------------------------------------------------------
    def runner(self) -> Runner:
        """The stage runner on this station's store and settings (process and scan share it)."""
        from station.pipeline.runner import Runner

        return Runner(
            self.store,
            self._suggest,
            workers=int(self.settings.get("pipeline.workers")),
            language=str(self.settings.get("ocr.language")),
            ocr_timeout=float(self.settings.get("ocr.seconds_per_page")),
        )

    def process(self, batch: str | None = None, progress: Progress | None = None) -> ProcessReport:
        return self.runner().run(batch=batch, progress=progress)

    def _ocr_pages(self, doc_id: str) -> list[tuple[Any, dict[str, Any], dict[str, Any]]]:
        """(page row, cleanup result, ocr result) of every page, in order."""
        out = []
        for page in self.store.pages(doc_id):
            results = self.store.stage_results(page.id)
            cleanup = results.get(Stage.CLEANUP.value, {})
            ocr = results.get(Stage.OCR.value, {})
            out.append((page, cleanup, ocr))
        return out

    def _suggest(self, doc_id: str) -> None:
        from station.metadata.extract import PageText, suggest
        from station.ocr.tesseract import OcrResult

        texts = []
        for _page, cleanup, ocr in self._ocr_pages(doc_id):
            lines = OcrResult.from_dict(ocr["result"]).lines if ocr.get("result", {}).get("lines") else []
            r = cleanup.get("result", {})
            texts.append(PageText(lines=lines, width=int(r.get("width", 0)), height=int(r.get("height", 0))))
        suggestions = {k: v.to_dict() for k, v in suggest(texts).items()}
        with self.store.transaction():
            self.store.set_state(doc_id, DocState.NEEDS_REVIEW, suggestions=suggestions)
            self.store.log("processed", obj=doc_id, suggested=sorted(suggestions))

    # -- reading -------------------------------------------------------------------------------
    def list_documents(self, batch: str | None = None, state: str | None = None) -> list[dict[str, Any]]:
        if state is not None and state not in {s.value for s in DocState}:
            raise UsageError(f"{state!r} is not a state; use one of {', '.join(s.value for s in DocState)}.")
        out = []
        for d in self.store.documents(batch=batch, state=state):
            title = d["metadata"].get("subject") or d["suggestions"].get("subject", {}).get("value") or ""
            out.append({"id": d["id"], "batch": d["batch"], "state": d["state"],
                        "page_count": d["page_count"], "title": title})
        return out

    def kept_pages(self, doc_id: str) -> list[tuple[Any, dict[str, Any], dict[str, Any]]]:
        """Pages that go into the PDF: blank pages stay out unless an operator kept them."""
        return [
            (p, c, o) for p, c, o in self._ocr_pages(doc_id)
            if not c.get("result", {}).get("blank") or p.keep_blank
        ]

    def draft_metadata(self, doc_id: str, *, accept_suggestions: bool = True) -> dict[str, str]:
        """Defaults, batch context and counts, then suggestions, then what a person entered."""
        doc = self.store.document(doc_id)
        meta: dict[str, str] = {
            key.split(".", 1)[1]: str(self.settings.get(key))
            for key in ("metadata.language", "metadata.maintenance", "metadata.rights", "metadata.confidence_level")
        }
        meta.update({k: str(v) for k, v in self.store.batch_settings(doc["batch_id"]).items() if isinstance(v, str)})
        meta["doc_ordinal"] = str(doc["ordinal"])
        if doc["state"] != DocState.PROCESSING.value:
            meta["page_amount"] = str(self.store.kept_page_count(doc_id))
        if accept_suggestions:
            meta.update({k: s["value"] for k, s in doc["suggestions"].items() if s.get("value")})
        meta.update(doc["metadata"])
        return meta

    def show(self, ref: str) -> dict[str, Any]:
        from station.metadata.fields import validate

        doc_id = self.store.resolve_document(ref)
        doc = self.store.document(doc_id)
        pages = []
        texts = []
        for page, cleanup, ocr in self._ocr_pages(doc_id):
            c = cleanup.get("result", {}) if cleanup.get("status") == "done" else {}
            o = ocr.get("result", {}) if ocr.get("status") == "done" else {}
            text = "\n".join(line["text"] for line in o.get("lines", []))
            entry: dict[str, Any] = {
                "index": page.idx,
                "source": page.source_name,
                "width": page.width,
                "height": page.height,
                "dpi": round(page.dpi, 2),
                "skew_deg": c.get("skew_deg"),
                "orientation_deg": c.get("orientation_deg"),
                "blank": c.get("blank"),
                "crop": c.get("crop"),
                "flags": c.get("flags", []),
                "ocr_confidence": o.get("confidence"),
                "text": text,
            }
            if page.keep_blank:
                entry["keep_blank"] = True
            for stage, r in ((Stage.CLEANUP, cleanup), (Stage.OCR, ocr)):
                if r.get("status") == "failed":
                    entry.setdefault("errors", []).append(f"{stage.value}: {r['error']}")
            pages.append(entry)
            if text and (not c.get("blank") or page.keep_blank):
                texts.append(text)
        problems: list[dict[str, str]] = []
        if doc["state"] == DocState.FAILED.value and doc["error"]:
            problems.append({"field": "", "message": f"Processing failed: {doc['error']}"})
        if doc["state"] != DocState.PROCESSING.value:
            problems += [{"field": p.field, "message": p.message} for p in validate(self.draft_metadata(doc_id))]
        out: dict[str, Any] = {
            "id": doc_id,
            "batch": doc["batch"],
            "state": doc["state"],
            "page_count": len(pages),
            "pages": pages,
            "text": "\n".join(texts),
            "suggestions": doc["suggestions"],
            "metadata": doc["metadata"],
            "problems": problems,
        }
        if doc["confirmed_by"]:
            out["confirmed_by"] = doc["confirmed_by"]
        if doc["decided_by"]:
            out["decided_by"] = doc["decided_by"]
        if doc["reject_reason"]:
            out["reject_reason"] = doc["reject_reason"]
        seal = self.store.seal(doc_id)
        if seal is not None:
            out["seal"] = {k: seal[k] for k in ("package_id", "package_path", "package_sha256", "sealed_at",
                                                "sealed_by", "signature_level", "certificate_serial", "warnings")}
        return out

    # -- decisions -------------------------------------------------------------------------------
    def confirm(
        self, ref: str, *, sets: dict[str, str] | None = None, accept_suggestions: bool = False, user: str | None = None
    ) -> dict[str, Any]:
        """The operator's confirmation: refused while a required field is missing or invalid."""
        from station.metadata.fields import FIELDS, to_iso_date, validate

        doc_id = self.store.resolve_document(ref)
        doc = self.store.document(doc_id)
        state = DocState(doc["state"])
        if state not in (DocState.NEEDS_REVIEW, DocState.REJECTED, DocState.CONFIRMED):
            raise UsageError(f"Document {doc_id} is {state.value}; only a processed document can be confirmed.")
        if not user:
            raise NotAllowed("Say who confirms with --user NAME.")
        known = {f.key for f in FIELDS}
        entered = dict(doc["metadata"])
        for key, value in (sets or {}).items():
            if key not in known:
                raise UsageError(f"{key!r} is not a metadata field; the fields are: {', '.join(sorted(known))}.")
            value = nfc(value)
            if key == "issued_date" and value:
                try:
                    value = to_iso_date(value)
                except ValueError as exc:
                    raise ValidationFailed(f"issued_date: {exc}",
                                           detail=[{"field": key, "message": str(exc)}]) from exc
            entered[key] = value
        meta = self.draft_metadata(doc_id, accept_suggestions=accept_suggestions)
        meta.update(entered)
        meta = {k: v for k, v in meta.items() if v != ""}
        problems = validate(meta)
        if problems:
            listed = "; ".join(f"{p.field}: {p.message}" for p in problems)
            raise ValidationFailed(f"Document {doc_id} cannot be confirmed: {listed}.",
                                   detail=[{"field": p.field, "message": p.message} for p in problems])
        with self.store.transaction():
            self.store.set_state(doc_id, DocState.CONFIRMED, metadata=meta, confirmed_by=user, confirmed_at=now(),
                                 decided_by=None, decided_at=None)
            self.store.log("confirm", user=user, obj=doc_id, entered=sorted(entered),
                           accepted_suggestions=accept_suggestions)
        return self.show(doc_id)

    def _decide(self, ref: str, user: str | None, new: DocState, reason: str | None = None) -> dict[str, Any]:
        doc_id = self.store.resolve_document(ref)
        doc = self.store.document(doc_id)
        action = "approve" if new is DocState.APPROVED else "reject"
        if not user:
            raise NotAllowed(f"Say who decides with --user NAME to {action} document {doc_id}.")
        if doc["state"] != DocState.CONFIRMED.value:
            raise UsageError(f"Document {doc_id} is {doc['state']}; only a confirmed document can be {action}d.")
        if nfc(user).casefold() == nfc(doc["confirmed_by"] or "").casefold():
            with self.store.transaction():
                self.store.log(f"{action}_refused", user=user, obj=doc_id, reason="four eyes")
            raise NotAllowed(
                f"{user} confirmed document {doc_id}; another supervisor must {action} it (four-eyes rule)."
            )
        with self.store.transaction():
            self.store.set_state(doc_id, new, decided_by=user, decided_at=now(), reject_reason=reason)
            self.store.log(action, user=user, obj=doc_id, **({"reason": reason} if reason else {}))
        return self.show(doc_id)

    def approve(self, ref: str, *, user: str | None) -> dict[str, Any]:
        return self._decide(ref, user, DocState.APPROVED)

    def reject(self, ref: str, *, reason: str, user: str | None) -> dict[str, Any]:
        if not reason or not reason.strip():
            raise UsageError("Give the reason for the rejection with --reason TEXT; the operator will see it.")
        return self._decide(ref, user, DocState.REJECTED, reason=nfc(reason))

    # -- output --------------------------------------------------------------------------------
    def export_pdf(self, ref: str, out: Path, *, user: str | None = None) -> dict[str, Any]:
        doc_id = self.store.resolve_document(ref)
        doc = self.store.document(doc_id)
        if doc["state"] in (DocState.PROCESSING.value, DocState.FAILED.value):
            raise UsageError(f"Document {doc_id} is {doc['state']}; run `station process` first.")
        if self.store.seal(doc_id) is not None:
            from station.workflow import sealing

            return sealing.export_signed_pdf(self, doc_id, out, user=user)
        pages = self.build_pdf(doc_id, out)
        with self.store.transaction():
            self.store.log("export_pdf", user=user, obj=doc_id, path=str(out), pages=pages)
        return {"id": doc_id, "pdf": str(out), "pages": pages, "bytes": out.stat().st_size}

    def build_pdf(self, doc_id: str, out: Path) -> int:
        """The validated, unsigned PDF/A-2b of a document's kept pages at `out`; the page count."""
        from station.ocr.tesseract import OcrResult
        from station.pdf.build import PdfPage, build_pdfa

        pages = []
        for page, cleanup, ocr in self.kept_pages(doc_id):
            pages.append(
                PdfPage(
                    image_path=self.store.blobs.path(cleanup["blob"]),
                    dpi=page.dpi,
                    colour_mode=cleanup["result"].get("colour_mode", "color"),
                    lines=OcrResult.from_dict(ocr["result"]).lines if ocr["result"].get("lines") else [],
                )
            )
        if not pages:
            raise ValidationFailed(f"Document {doc_id} has no page to export: every page is blank.")
        from station import __version__

        build_pdfa(pages, self.draft_metadata(doc_id), out, producer=f"station {__version__}")
        return len(pages)

    def verify(self, path: Path) -> dict[str, Any]:
        from station.workflow import sealing

        return sealing.verify_file(self, path)


__all__ = ["Station", "ImportReport", "StationError"]
