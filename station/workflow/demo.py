"""`station demo`: the whole flow on the bundled Vietnamese sample documents, headless.

It renders the samples (resources/samples), imports them into a fresh data dir, processes them,
confirms each as an operator would (suggestions accepted, the fields the page cannot give typed
in), approves as a supervisor, seals each (PDF/A, PAdES signature with a self-signed test identity,
BagIt package), exports and verifies the signed PDF/A files and the packages, and then sends the
packages to a real archive: `station-archive`'s ingest service, started in this process on a
loopback port (a thread with its own event loop, so the demo also runs inside the one-folder
bundle, where no second program is at hand). The station is pointed at it as an admin would
(`remote set`: the archive's token, the pinned receipt certificate) and one `station sync` pass
sends every package over tus and brings back the signed receipts.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from station.errors import StationError, ValidationFailed
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
    samples_dir, data_dir, exports, archive = base / "samples", base / "data", base / "exports", base / "archive"
    exports.mkdir(parents=True, exist_ok=True)
    files = write_sample_files(samples_dir, dpi=300)
    say(f"Rendered {len(files)} sample documents into {samples_dir}")
    station = Station(data_dir)
    documents: list[dict[str, Any]] = []
    sent: dict[str, Any] = {}
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
            pdf = exports / f"{name or doc_id}.pdf"
            exported = station.export_pdf(doc_id, pdf, user=SUPERVISOR)
            package = sealing.export_package(station, doc_id, exports / f"{name or doc_id}.zip")
            verdict = station.verify(pdf)
            package_verdict = station.verify(Path(package["package"]))
            verified = bool(verdict["ok"] and package_verdict["ok"])
            say(f"{path.name}: {shown['suggestions'].get('type_name', {}).get('value', '?')} "
                f"— {len(right)} fields read right, {len(wrong)} corrected; "
                f"{exported['pages']} page(s), {exported['bytes'] // 1024} KiB signed PDF/A "
                f"({sealed['signature_level']}), package {package['bytes'] // 1024} KiB, "
                f"verify {'ok' if verified else 'FAILED'}")
            documents.append({"id": doc_id, "sample": name, "pdf": str(pdf), "package": package["package"],
                              "package_id": sealed["package_id"], "sha256": sealed["sha256"],
                              "fields_right": right, "fields_corrected": wrong, "verified": verified,
                              "bytes": exported["bytes"], "signature_level": sealed["signature_level"]})
        if documents:
            labels = {d["package_id"]: Path(f).name for d, f in zip(documents, files, strict=False)}
            sent = send_to_local_archive(station, archive, say=say, labels=labels)
    finally:
        station.close()
    for d in documents:
        d["receipt"] = sent.get("receipts", {}).get(d["package_id"])
    sync = {k: v for k, v in sent.items() if k != "receipts"}
    archived = bool(sent) and sent["failed"] == 0 and all(
        d["receipt"] is not None and d["receipt"]["status"] == "accepted" for d in documents)
    ok = bool(documents) and all(d["verified"] for d in documents) and archived
    result = {"ok": ok, "documents": documents, "sync": sync, "data_dir": str(data_dir), "exports": str(exports),
              "archive": str(archive)}
    if keep:
        say(f"Kept: data in {data_dir}, signed PDF/A files and packages in {exports}, the archive's folder in "
            f"{archive} (`station-archive list --data {archive}`)")
        say(f"The demo accounts' password (shown once, stored only as a scrypt hash): {password}")
        result["demo_password"] = password
    else:
        if sent.get("token_in") == "keyring":
            from station.sync.remote import forget_token

            forget_token(sent["station_id"])  # the station it belongs to is gone with the temporary dir
        if root is None:
            shutil.rmtree(base, ignore_errors=True)
            for key in ("data_dir", "exports", "archive"):
                result.pop(key)
    if ok:
        say("Demo finished: every document verified, every package accepted by the archive.")
    else:
        say("Demo finished with failures (see above).")
    return result


def send_to_local_archive(station: Station, folder: Path, *, say: Callable[[str], None],
                          labels: dict[str, str] | None = None) -> dict[str, Any]:
    """The station's sealed packages into a real archive served from this process, by one sync pass.

    The archive is `station-archive serve` minus the separate process: the same Archive and aiohttp
    app (station.archive.server.ThreadedServer), its data in `folder`, the demo's test CA as its
    trust root and test identities accepted explicitly (a real archive refuses them). The token is
    made with the archive's own call (`station-archive token create`) and given to the station as
    `remote set --token-stdin` does: into the OS keyring, or, with no keyring (a headless machine),
    into this process's STATION_ARCHIVE_TOKEN, the unattended stations' mechanism; never into the
    database, the settings or a log line. The server is closed before this returns, whatever happens.
    """
    from station.archive.server import ThreadedServer
    from station.archive.service import Archive
    from station.sync import remote as rm
    from station.sync.outbox import Outbox
    from station.workflow import syncing

    station_id = station.store.station_id
    trust = [Path(p) for p in station.settings.get("signing.trust_roots")]
    archive = Archive(folder, trust=trust, accept_test_identities=True)
    server = ThreadedServer(archive)
    # A token of a real archive in this environment must neither reach the demo's archive nor be lost.
    inherited = os.environ.pop(rm.TOKEN_ENV, None)
    try:
        url = server.start()
        say(f"Started a local archive {archive.archive_id} (station-archive's ingest service, test identities "
            f"accepted) at {url}, its data in {folder}")
        token, expires = archive.create_token(station_id, days=7)
        say(f"Made the archive token of station {station_id} (as `station-archive token create` does), "
            f"valid until {expires}")
        try:
            rm.store_token(station_id, token)
        except StationError:
            os.environ[rm.TOKEN_ENV] = token
        shown = syncing.remote_set(station, url, user=ADMIN, token=token)
        token_in = shown["token"]
        kept = "the OS keyring" if token_in == "keyring" else f"this process's {rm.TOKEN_ENV} (no OS keyring here)"
        say(f"Pointed the station at it (`station remote set {url}`): receipt certificate sha256 "
            f"{shown['archive_cert_sha256']} pinned, token kept in {kept}")
        waiting = Outbox(station.store).count_waiting()
        say(f"Syncing {waiting} package(s) (`station sync --once`)")
        passed = syncing.sync(station, user=None, once=True, say=say)
        for error in passed.errors:
            say(f"  {error['package_id']}: {error['error']}")
        outbox = Outbox(station.store)
        receipts: dict[str, dict[str, Any]] = {}
        for row in outbox.rows():
            envelope = outbox.receipt(row["package_id"])
            if envelope is None:
                continue
            r = envelope["receipt"]
            receipts[row["package_id"]] = {"status": r["status"], "reasons": r.get("reasons") or [],
                                           "archive_id": r["archive_id"], "received_at": r["received_at"],
                                           "station_id": r["station_id"], "sha256": r["sha256"]}
        for package_id, r in receipts.items():
            say(f"  {(labels or {}).get(package_id, 'package')} → {package_id}: {r['status']} by archive {r['archive_id']} at {r['received_at']} "
                "(signed receipt verified against the pinned certificate)"
                + (f": {'; '.join(r['reasons'])}" if r["reasons"] else ""))
        accepted = sum(1 for r in receipts.values() if r["status"] == "accepted")
        listed = archive.list_packages(station_id)
        say(f"Sync pass: {passed.sent} package(s) sent, {passed.already_there} already there, {passed.failed} "
            f"failed, {passed.rejected} rejected; {accepted} accepted receipt(s); the archive lists "
            f"{len(listed)} package(s) from this station")
        return {"archive_url": url, "archive_id": archive.archive_id, "station_id": station_id,
                "token_in": token_in, **passed.to_dict(), "accepted": accepted, "archive_lists": len(listed),
                "receipts": receipts}
    finally:
        try:
            server.close()
        finally:
            archive.close()
            os.environ.pop(rm.TOKEN_ENV, None)
            if inherited is not None:
                os.environ[rm.TOKEN_ENV] = inherited


def sample_name(path: Path, names: list[str]) -> str:
    """The sample a rendered file came from: files are named after their sample."""
    stem = path.stem
    for name in sorted(names, key=len, reverse=True):
        if stem == name or stem.startswith(name):
            return name
    return ""
