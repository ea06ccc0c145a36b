"""`station demo`: the whole flow on the bundled Vietnamese sample documents, headless.

It renders the samples (resources/samples), imports them into a fresh data dir, processes them,
confirms each as an operator would (suggestions accepted, the fields the page cannot give typed
in), approves as a supervisor, seals each (PDF/A, PAdES signature with a self-signed test identity,
BagIt package) and exports and verifies the signed PDF/A files and the packages into a local
archive folder.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

from station.errors import ValidationFailed
from station.workflow.station import Station

ADMIN = "admin.demo"
OPERATOR = "operator.demo"
SUPERVISOR = "supervisor.demo"

# What the batch gives every document (metadata.md): the organ's file code and the paper's shelf code.
BATCH_FIELDS = {
    "file_code": "000.00.00.G03.2026.01",
    "paper_file_code": "G03.K1-02-05.0001",
}


def run_demo(*, keep: bool = False, out: IO[str] | None = None, root: Path | None = None) -> dict[str, Any]:
    from station.samples import list_samples, load_sample, write_sample_files

    def say(text: str) -> None:
        if out is not None:
            print(text, file=out, flush=True)

    base = root or Path(tempfile.mkdtemp(prefix="station-demo-"))
    samples_dir, data_dir, archive = base / "samples", base / "data", base / "archive"
    archive.mkdir(parents=True, exist_ok=True)
    files = write_sample_files(samples_dir, dpi=300)
    say(f"Rendered {len(files)} sample documents into {samples_dir}")
    station = Station(data_dir)
    documents: list[dict[str, Any]] = []
    # The demo's own accounts: an admin (the first account), an operator and a supervisor, so the
    # roles and the four-eyes rule apply to the demo as to an office.
    password = secrets.token_urlsafe(12)
    try:
        station.accounts.add(ADMIN, "admin", password, by=None)
        station.accounts.add(OPERATOR, "operator", password, by=ADMIN)
        station.accounts.add(SUPERVISOR, "supervisor", password, by=ADMIN)
        say(f"Created the demo accounts {ADMIN}, {OPERATOR} and {SUPERVISOR}")
        from station.signing.identity import PASSPHRASE_ENV
        from station.workflow import sealing

        # The test identity's passphrase: a headless demo has no OS keyring, so this process's
        # environment keeps it, as for any unattended station (cli.md).
        os.environ.setdefault(PASSPHRASE_ENV, secrets.token_urlsafe(24))
        identity = sealing.test_identity(station, organization="Station demo")
        say(f"Made a self-signed test signing identity (serial {identity['certificate']['serial']}); "
            "verify names it as a test identity")
        report = station.import_files(files, batch="demo", user=OPERATOR)
        say(f"Imported {len(report.documents)} documents ({sum(d['page_count'] for d in report.documents)} pages)")

        def progress(done: int, total: int, message: str) -> None:
            if done == total or done % 5 == 0:
                say(f"  processed {done}/{total} pages")

        processed = station.process(batch="demo", progress=progress)
        say(f"Cleanup and OCR took {processed.seconds:.1f} s")
        expected_by_file = {}
        for name in list_samples():
            expected_by_file[name] = load_sample(name).expected
        for imported, path in zip(report.documents, files, strict=True):
            doc_id = imported["id"]
            name = sample_name(path, list(expected_by_file))
            expected = expected_by_file.get(name, {})
            shown = station.show(doc_id)
            suggested = {k: s["value"] for k, s in shown["suggestions"].items()}
            right = sorted(k for k, v in suggested.items() if expected.get(k) == v)
            wrong = sorted(k for k, v in suggested.items() if k in expected and expected[k] != v)
            # The operator accepts the suggestions and types what the page cannot give or what was misread.
            typed = dict(BATCH_FIELDS)
            typed.update({k: expected[k] for k in wrong})
            try:
                station.confirm(doc_id, sets=typed, accept_suggestions=True, user=OPERATOR)
            except ValidationFailed as exc:
                missing = {p["field"] for p in (exc.detail or []) if p["field"] in expected}  # type: ignore[union-attr]
                typed.update({k: expected[k] for k in missing})
                station.confirm(doc_id, sets=typed, accept_suggestions=True, user=OPERATOR)
            station.approve(doc_id, user=SUPERVISOR)
            sealed = sealing.seal(station, doc_id, user=SUPERVISOR)
            pdf = archive / f"{name or doc_id}.pdf"
            exported = station.export_pdf(doc_id, pdf, user=SUPERVISOR)
            package = sealing.export_package(station, doc_id, archive / f"{name or doc_id}.zip")
            verdict = station.verify(pdf)
            package_verdict = station.verify(Path(package["package"]))
            verified = bool(verdict["ok"] and package_verdict["ok"])
            say(f"{path.name}: {shown['suggestions'].get('type_name', {}).get('value', '?')} "
                f"— {len(right)} fields read right, {len(wrong)} corrected; "
                f"{exported['pages']} page(s), {exported['bytes'] // 1024} KiB signed PDF/A "
                f"({sealed['signature_level']}), package {package['bytes'] // 1024} KiB, "
                f"verify {'ok' if verified else 'FAILED'}")
            documents.append({"id": doc_id, "sample": name, "pdf": str(pdf), "package": package["package"],
                              "fields_right": right, "fields_corrected": wrong, "verified": verified,
                              "bytes": exported["bytes"], "signature_level": sealed["signature_level"]})
    finally:
        station.close()
    ok = bool(documents) and all(d["verified"] for d in documents)
    result = {"ok": ok, "documents": documents, "data_dir": str(data_dir), "archive": str(archive)}
    if keep:
        say(f"Kept: data in {data_dir}, signed PDF/A files and packages in {archive}")
        say(f"The demo accounts' password (shown once, stored only as a scrypt hash): {password}")
        result["demo_password"] = password
    elif root is None:
        shutil.rmtree(base, ignore_errors=True)
        result.pop("data_dir")
        result.pop("archive")
    say("Demo finished: every document verified." if ok else "Demo finished with failures (see above).")
    return result


def sample_name(path: Path, names: list[str]) -> str:
    """The sample a rendered file came from: files are named after their sample."""
    stem = path.stem
    for name in sorted(names, key=len, reverse=True):
        if stem == name or stem.startswith(name):
            return name
    return ""
