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
    from station.auth import Accounts, Session
    from station.barcode import BarcodeRules
    from station.pipeline.runner import ProcessReport, Progress, Runner

IMPORTABLE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}


@dataclass
class ImportReport:
    documents: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    separators: int = 0  # separator sheets found and left out (--split separator)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents, "refused": self.refused}
        if self.separators:
            out["separators"] = self.separators
        return out


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

    @property
    def accounts(self) -> Accounts:
        """Accounts and role checks (station.auth) on this station's store."""
        from station.auth import Accounts

        return Accounts(self.store)

    def change_setting(self, key: str, value: Any, *, user: str | Session) -> None:
        """The one way a person changes a setting: an admin's role, and an audit entry."""
        from station.auth import Action

        actor = self.accounts.require(user, Action.SETTINGS_CHANGE, key).name
        old = self.settings.get(key)
        self.settings.set(key, value)
        self.store.log("setting_change", user=actor, obj=key, old=old, new=value)

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
        context: dict[str, str | None] | None = None,
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
        if context and any(context.values()):
            self.set_batch_context(batch_name, **context)
        rules = self.barcode_rules() if split is SplitMode.SEPARATOR else None
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
            if split is SplitMode.SEPARATOR:
                assert rules is not None
                for page in pages:
                    if self.is_separator_page(page, rules):
                        report.separators += 1
                        if gathered:
                            self._add_documents(batch_name, [gathered], user, report, source=str(path))
                        gathered = []
                    else:
                        gathered.append(page)
            elif split is SplitMode.NONE:
                gathered += pages
            elif split is SplitMode.FILE:
                self._add_documents(batch_name, [pages], user, report, source=str(path))
            else:
                self._add_documents(batch_name, [[p] for p in pages], user, report, source=str(path))
        if split in (SplitMode.NONE, SplitMode.SEPARATOR) and gathered:
            self._add_documents(batch_name, [gathered], user, report, source=", ".join(map(str, files)))
        return report

    # -- barcodes and batch context (issue 5) ---------------------------------------------------
    def barcode_rules(self) -> BarcodeRules:
        from station.barcode import BarcodeRules

        return BarcodeRules(
            dossier_pattern=str(self.settings.get("barcode.dossier_pattern") or ""),
            separator_prefix=str(self.settings.get("barcode.separator_prefix") or ""),
            patch_t=bool(self.settings.get("barcode.patch_t")),
        )

    def is_separator_page(self, page: NewPage, rules: BarcodeRules) -> bool:
        """A separator sheet starts a new document and is not kept: its image is read, never stored
        as a page (the blob stays in the content store, unreferenced, like any refused input)."""
        from station.barcode import is_separator, read_codes

        return is_separator(read_codes(self.store.blobs.path(page.blob)), rules)

    def set_batch_context(
        self,
        batch: str,
        *,
        organ: str | None = None,
        file_code: str | None = None,
        paper_file_code: str | None = None,
        procedure: str | None = None,
    ) -> dict[str, str]:
        """The organ identifier, file code, paper file code and procedure every document of a batch
        shares; checked here so that a typo is caught once, not on every confirmation."""
        import re

        from station.metadata.procedures import find_procedure

        values: dict[str, str | None] = {}
        if organ is not None:
            organ = nfc(organ).upper()
            if not re.fullmatch(r"[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}", organ):
                raise UsageError(f"--organ {organ!r} is not an organ identifier; give its 13 characters, "
                                 "e.g. 000.00.00.G03.")
            values["organ_id"] = organ
        with self.store.transaction():
            batch_id = self.store.batch_id(batch, create=True)
            current = self.store.batch_context(batch_id)
            organ_id = values.get("organ_id") or current.get("organ_id")
            if file_code is not None:
                code = nfc(file_code)
                if organ_id and not code.startswith(organ_id + "."):
                    code = f"{organ_id}.{code}"  # given as year.notation: the organ comes from the batch
                if not re.fullmatch(r"[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}\.\d{4}\.\S+", code) \
                        or len(code) > 50:
                    raise UsageError(f"--file-code {file_code!r} is not 'organ id . year . file notation' "
                                     "(e.g. 000.00.00.G03.2021.01, or 2021.01 with --organ).")
                values["file_code"] = code
            if paper_file_code is not None:
                code = nfc(paper_file_code)
                if not code or len(code) > 100:
                    raise UsageError("--paper-file-code takes the paper original's shelf code, at most 100 "
                                     "characters (archive . store-shelf-box . file number).")
                values["paper_file_code"] = code
            if procedure is not None:
                values["procedure_code"] = find_procedure(nfc(procedure)).code
            self.store.set_batch_context(batch_id, **values)
            if values:
                self.store.log("batch_context", obj=batch, **{k: v for k, v in values.items() if v})
            return self.store.batch_context(batch_id)

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
        suggestions.update(self._barcode_suggestions(doc_id))
        with self.store.transaction():
            self.store.set_state(doc_id, DocState.NEEDS_REVIEW, suggestions=suggestions)
            self.store.log("processed", obj=doc_id, suggested=sorted(suggestions))

    def _barcode_suggestions(self, doc_id: str) -> dict[str, Any]:
        """A QR code or barcode matching the configured dossier pattern fills dossier_code."""
        from station.barcode import dossier_code, read_codes

        rules = self.barcode_rules()
        if not rules.dossier_pattern:
            return {}
        for page, cleanup, _ocr in self._ocr_pages(doc_id):
            blob = cleanup.get("blob") if cleanup.get("status") == "done" else None
            path = self.store.blobs.path(blob) if blob else self.store.blobs.path(page.source_blob)
            code = dossier_code(read_codes(path), rules)
            if code is not None:
                # A decoded barcode carries its own checksum: it is read right or not at all.
                return {"dossier_code": {"value": code.text, "confidence": 0.99, "page": page.idx,
                                         "bbox": list(code.bbox)}}
        return {}

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
        meta.update(self._batch_defaults(doc["batch_id"]))
        meta["doc_ordinal"] = str(doc["ordinal"])
        if doc["state"] != DocState.PROCESSING.value:
            meta["page_amount"] = str(self.store.kept_page_count(doc_id))
        if accept_suggestions:
            meta.update(self.sure_suggestions(doc["suggestions"]))
        meta.update(doc["metadata"])
        return meta

    @staticmethod
    def sure_suggestions(suggestions: dict[str, Any]) -> dict[str, str]:
        """Only suggestions the station is sure of fill a field; an unsure one is shown, not filled."""
        from station.metadata.extract import CONFIDENT

        return {k: s["value"] for k, s in suggestions.items()
                if s.get("value") and float(s.get("confidence", 0)) >= CONFIDENT}

    def _batch_defaults(self, batch_id: int) -> dict[str, str]:
        """The batch context as metadata: its file codes, and its procedure's code and defaults."""
        from station.metadata.procedures import find_procedure

        context = self.store.batch_context(batch_id)
        out = {k: context[k] for k in ("file_code", "paper_file_code") if k in context}
        if "procedure_code" in context:
            out["procedure_code"] = context["procedure_code"]
            try:
                procedure = find_procedure(context["procedure_code"])
            except StationError:
                return out  # taken off the list since: the code stays, its defaults are gone
            out["maintenance"], out["rights"] = procedure.maintenance, procedure.rights
        return out

    def duplicate_problems(self, doc_id: str, meta: dict[str, str]) -> list[dict[str, str]]:
        """ND 30's duplicate warning: same number, notation, organ and date already in the store."""
        keys = ("code_number", "code_notation", "organ_name", "issued_date")
        if not all(meta.get(k) for k in keys):
            return []
        others = self.store.likely_duplicates(doc_id, *(meta[k] for k in keys))
        if not others:
            return []
        return [{"field": "code_number", "severity": "warning",
                 "message": f"likely duplicate of document {', '.join(others[:3])}: the same number, notation, "
                            "organ and date are already in the station; check before confirming, nothing is merged"}]

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
            draft = self.draft_metadata(doc_id)
            problems += [{"field": p.field, "message": p.message} for p in validate(draft)]
            problems += self.duplicate_problems(doc_id, draft)
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
            out["confirmed_at"] = doc["confirmed_at"]
            if doc["confirmation"]:
                out["confirmation"] = doc["confirmation"]
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
        self, ref: str, *, sets: dict[str, str] | None = None, accept_suggestions: bool = False,
        user: str | Session | None = None,
    ) -> dict[str, Any]:
        """The operator's confirmation: refused while a required field is missing or invalid."""
        from station.metadata.fields import FIELDS, to_iso_date, validate

        doc_id = self.store.resolve_document(ref)
        doc = self.store.document(doc_id)
        state = DocState(doc["state"])
        if state not in (DocState.NEEDS_REVIEW, DocState.REJECTED, DocState.CONFIRMED):
            raise UsageError(f"Document {doc_id} is {state.value}; only a processed document can be confirmed.")
        from station.auth import Action
        from station.workflow.review import reset_sample_check

        user = self.accounts.require(user, Action.CONFIRM, doc_id).name
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
        sure = self.sure_suggestions(doc["suggestions"])
        provenance = {}
        for key, value in meta.items():
            suggested = doc["suggestions"].get(key, {}).get("value")
            if key in entered:
                provenance[key] = "accepted" if value == suggested else ("overridden" if suggested else "entered")
            elif accept_suggestions and key in sure and value == sure[key]:
                provenance[key] = "accepted"
            else:
                provenance[key] = "default"
        duplicates = self.duplicate_problems(doc_id, meta)
        confirmation = {"by": user, "at": now(), "fields": provenance,
                        **({"warnings": [d["message"] for d in duplicates]} if duplicates else {})}
        with self.store.transaction():
            self.store.set_state(doc_id, DocState.CONFIRMED, metadata=meta, confirmed_by=user,
                                 confirmed_at=confirmation["at"], decided_by=None, decided_at=None,
                                 confirmation=confirmation)
            edits = {k: {"old": doc["metadata"].get(k), "new": v} for k, v in entered.items()
                     if doc["metadata"].get(k) != v}
            if edits:
                self.store.log("edit", user=user, obj=doc_id, fields=edits)
            self.store.log("confirm", user=user, obj=doc_id, entered=sorted(entered),
                           accepted_suggestions=accept_suggestions,
                           overridden=sorted(k for k, v in provenance.items() if v == "overridden"),
                           **({"duplicate_warning": True} if duplicates else {}))
            reset_sample_check(self, doc_id)
        return self.show(doc_id)

    def _decide(
        self, ref: str, user: str | Session | None, new: DocState, reason: str | None = None
    ) -> dict[str, Any]:
        from station.auth import Action
        from station.workflow.review import approval_blocker, four_eyes

        doc_id = self.store.resolve_document(ref)
        doc = self.store.document(doc_id)
        action = "approve" if new is DocState.APPROVED else "reject"
        user = self.accounts.require(user, Action(action), doc_id).name
        if doc["state"] != DocState.CONFIRMED.value:
            raise UsageError(f"Document {doc_id} is {doc['state']}; only a confirmed document can be {action}d.")
        if not four_eyes(self.accounts, doc["confirmed_by"], user):
            with self.store.transaction():
                self.store.log(f"{action}_refused", user=user, obj=doc_id, reason="four eyes")
            raise NotAllowed(
                f"{user} confirmed document {doc_id}; another supervisor must {action} it (four-eyes rule)."
            )
        blocker = approval_blocker(self, doc_id) if new is DocState.APPROVED else None
        if blocker:
            self.store.log("approve_refused", user=user, obj=doc_id, reason="sample check")
            raise NotAllowed(blocker)
        with self.store.transaction():
            self.store.set_state(doc_id, new, decided_by=user, decided_at=now(), reject_reason=reason)
            self.store.log(action, user=user, obj=doc_id, **({"reason": reason} if reason else {}))
        return self.show(doc_id)

    def approve(self, ref: str, *, user: str | Session | None) -> dict[str, Any]:
        return self._decide(ref, user, DocState.APPROVED)

    def reject(self, ref: str, *, reason: str, user: str | Session | None) -> dict[str, Any]:
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
        from station.metadata.fields import FIELDS

        build_pdfa(pages, self.draft_metadata(doc_id), out, producer=f"station {__version__}",
                   labels={f.key: f.label for f in FIELDS})  # the schema describes each field in Vietnamese
        return len(pages)

    def verify(self, path: Path) -> dict[str, Any]:
        from station.workflow import sealing

        return sealing.verify_file(self, path)


__all__ = ["Station", "ImportReport", "StationError"]
