"""The command line end to end, in real subprocesses, with real Tesseract and real files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import PASSWORD, add_users, station, station_json


def test_version_and_help(tmp_path: Path) -> None:
    from station import __version__

    assert station("--version", data_dir=tmp_path).stdout.strip() == f"station {__version__}"
    p = station("import", data_dir=tmp_path, check=2)
    assert "station:" in p.stderr and "--help" in p.stderr


def test_doctor_reports_every_check(tmp_path: Path) -> None:
    out = station_json("doctor", data_dir=tmp_path)
    names = {c["name"] for c in out["checks"]}
    assert {"tesseract", "tesseract_vie", "tesseract_osd", "scanner_demo", "scanner_sane", "scanner_escl",
            "escl_discovery", "signing", "archive", "disk"} <= names
    assert all(c["status"] in {"ok", "warn", "fail"} for c in out["checks"])
    assert out["ok"] is True


def test_unknown_document_is_a_usage_error(tmp_path: Path) -> None:
    p = station("show", "abcdef", data_dir=tmp_path, check=2)
    assert "station list" in p.stderr
    out = station_json("show", "abcdef", data_dir=tmp_path, check=2)
    assert out["error"]["code"] == 2


def test_corrupt_files_are_refused_and_the_others_imported(tmp_path: Path, corpus: Path) -> None:
    data = tmp_path / "data"
    good = corpus / "tesseract_test" / "phototest.tif"
    out = station_json("import", good, corpus / "pillow" / "broken.png", corpus / "qpdf" / "bad1.pdf",
                       corpus / "pillow" / "decompression_bomb.gif", tmp_path / "missing.png",
                       data_dir=data, check=3)
    assert len(out["documents"]) == 1 and out["documents"][0]["page_count"] == 1
    refused = {Path(r["path"]).name: r["reason"] for r in out["refused"]}
    assert set(refused) == {"broken.png", "bad1.pdf", "decompression_bomb.gif", "missing.png"}
    for name, reason in refused.items():
        assert name in reason
    listed = station_json("list", data_dir=data)["documents"]
    assert len(listed) == 1 and listed[0]["state"] == "processing"
    # Exit 3 prints one sentence that says what to do.
    p = station("import", corpus / "pillow" / "broken.png", data_dir=data, check=3)
    assert "import them again" in p.stderr


def test_split_modes(tmp_path: Path, corpus: Path) -> None:
    tiff = corpus / "pillow" / "multipage.tiff"
    png = corpus / "tesseract_test" / "phototest-rotated-R.png"
    by_file = station_json("import", tiff, png, "--batch", "f", data_dir=tmp_path / "a")
    assert [d["page_count"] for d in by_file["documents"]] == [3, 1]
    none = station_json("import", tiff, png, "--split", "none", data_dir=tmp_path / "b")
    assert [d["page_count"] for d in none["documents"]] == [4]
    page = station_json("import", tiff, png, "--split", "page", data_dir=tmp_path / "c")
    assert [d["page_count"] for d in page["documents"]] == [1, 1, 1, 1]


@pytest.mark.slow
def test_whole_flow_on_rendered_vietnamese_documents(tmp_path: Path) -> None:
    from station.samples import list_samples, load_sample, write_sample_files

    data = tmp_path / "data"
    files = write_sample_files(tmp_path / "in", dpi=300)[:2]
    imported = station_json("import", *files, "--batch", "qd", data_dir=data)
    docs = [d["id"] for d in imported["documents"]]
    processed = station_json("process", data_dir=data)
    assert processed["pages_failed"] == 0 and sorted(processed["documents_ready"]) == sorted(docs)
    listed = station_json("list", "--state", "needs_review", data_dir=data)["documents"]
    assert sorted(d["id"] for d in listed) == sorted(docs)

    doc = docs[0]
    shown = station_json("show", doc, data_dir=data)
    assert set(shown) >= {"id", "batch", "state", "page_count", "pages", "text", "suggestions", "metadata", "problems"}
    page = shown["pages"][0]
    assert set(page) >= {"index", "source", "width", "height", "dpi", "skew_deg", "orientation_deg", "blank",
                         "crop", "flags", "ocr_confidence", "text"}
    assert page["orientation_deg"] == 0 and page["blank"] is False and page["dpi"] == 300
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in shown["text"].replace("HOÀ", "HÒA")
    names = {n: load_sample(n).expected for n in list_samples()}
    expected = next(v for n, v in names.items() if files[0].stem.startswith(n))
    for key in ("type_name", "code_number", "code_notation", "issued_date"):
        assert shown["suggestions"][key]["value"] == expected[key], key

    # Required fields that the page cannot give: confirm refuses and names them.
    add_users(data, {"lan": "operator", "minh": "supervisor"})
    pw = PASSWORD
    p = station("confirm", doc, "--accept-suggestions", "--user", "lan", data_dir=data, check=4, password=pw)
    assert "file_code" in p.stderr and "paper_file_code" in p.stderr
    station("confirm", doc, "--accept-suggestions", "--set", "file_code=000.00.00.G03.2026.01",
            "--set", "paper_file_code=G03.K1-02-05.0001", "--set", "keywords=Tuyển sinh", "--user", "lan",
            data_dir=data, password=pw)
    confirmed = station_json("show", doc, data_dir=data)
    assert confirmed["state"] == "confirmed" and confirmed["metadata"]["keywords"] == "Tuyển sinh"
    assert confirmed["problems"] == []

    # Four eyes: the operator who confirmed may not approve.
    p = station("approve", doc, "--user", "lan", data_dir=data, check=7, password=pw)
    assert "may approve" in p.stderr  # an operator's role may not approve at all
    station("reject", doc, "--reason", "Sai ngày ban hành", "--user", "minh", data_dir=data, password=pw)
    assert station_json("show", doc, data_dir=data)["reject_reason"] == "Sai ngày ban hành"
    station("confirm", doc, "--user", "lan", data_dir=data, password=pw)
    station("approve", doc, "--user", "minh", data_dir=data, password=pw)
    assert station_json("show", doc, data_dir=data)["state"] == "approved"

    pdf = tmp_path / "out.pdf"
    exported = station_json("export", doc, "--pdf", pdf, data_dir=data)
    assert exported["pages"] == shown["page_count"]
    verdict = station_json("verify", pdf, data_dir=data)
    assert verdict["ok"], verdict
    want = [ln.strip() for ln in shown["text"].splitlines() if ln.strip()]

    def pdftotext(*mode: str) -> list[str]:
        text = subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        return [ln.strip() for ln in text.replace("\f", "\n").splitlines() if ln.strip()]

    # In content order (-raw) the text layer is the OCR text exactly, in the station's reading order;
    # poppler's default mode applies its own column guess to the two-column header, so same lines.
    assert pdftotext("-raw") == want
    assert sorted(pdftotext()) == sorted(want)

    # An unconfirmed document exports too (a draft), but verify of a non-PDF is bad input.
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf")
    station("verify", bad, data_dir=data, check=3)


@pytest.mark.slow
def test_real_scans_come_out_upright(tmp_path: Path, corpus: Path) -> None:
    data = tmp_path / "data"
    imported = station_json("import", corpus / "ocrmypdf" / "cardinal.pdf", corpus / "naps2" / "blank1.jpg",
                            data_dir=data)
    station("process", data_dir=data)
    cardinal = station_json("show", imported["documents"][0]["id"], data_dir=data)
    assert [p["orientation_deg"] for p in cardinal["pages"]] == [0, 90, 180, 270]
    blank = station_json("show", imported["documents"][1]["id"], data_dir=data)
    assert blank["pages"][0]["blank"] is True
    pdf = tmp_path / "c.pdf"
    station("export", cardinal["id"], "--pdf", pdf, data_dir=data)
    # A draft (nothing confirmed) is valid PDF/A, but its metadata is incomplete: verify says so, exit 4.
    verdict = station_json("verify", pdf, data_dir=data, check=4)
    checks = {c["name"]: c for c in verdict["checks"]}
    assert checks["pdfa_2b"]["ok"] and not verdict["ok"]
    assert not checks["metadata"]["ok"] and "type_name" in checks["metadata"]["detail"]
    # A document made only of a blank page has nothing to export, and says so.
    p = station("export", blank["id"], "--pdf", tmp_path / "b.pdf", data_dir=data, check=4)
    assert "blank" in p.stderr


def test_network_scanners_are_added_and_removed(tmp_path: Path) -> None:
    station_json("devices", "add", "http://192.0.2.10:8080/eSCL", "--name", "MFP tầng 2", data_dir=tmp_path)
    p = station("devices", "add", "ftp://x", data_dir=tmp_path, check=2)
    assert "scanner address" in p.stderr
    station("devices", "remove", "MFP tầng 2", data_dir=tmp_path)
    station("devices", "remove", "MFP tầng 2", data_dir=tmp_path, check=2)


@pytest.mark.slow
def test_scan_from_the_demo_scanner_streams_into_documents(tmp_path: Path) -> None:
    listed = station_json("devices", data_dir=tmp_path)["devices"]
    demo = next(d for d in listed if d["id"] == "demo:station")
    assert set(demo) >= {"id", "driver", "name", "sources", "resolutions", "color_modes", "duplex"}
    out = station_json("scan", "--device", "demo:station", "--batch", "scan", data_dir=tmp_path)
    assert out["pages"] >= 7 and out["pages_processed"] == out["pages"]
    assert out["documents_ready"] == out["documents"]
    doc = station_json("show", out["documents"][0], data_dir=tmp_path)
    assert doc["state"] == "needs_review" and doc["pages"][0]["source"].startswith("scan_0001")
    p = station("scan", "--device", "nope:1", data_dir=tmp_path, check=2)
    assert "station devices" in p.stderr


def test_watch_imports_each_complete_file_once(tmp_path: Path, corpus: Path) -> None:
    import shutil

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(corpus / "tesseract_test" / "phototest.tif", inbox / "scan1.tif")
    shutil.copy(corpus / "pillow" / "broken.png", inbox / "scan2.png")
    (inbox / "scan3.pdf.part").write_bytes(b"%PDF-1.4 still being written")
    out = station_json("watch", inbox, "--once", "--settle", "0.2", "--interval", "0.3", "--batch", "mfp",
                       data_dir=tmp_path / "data", check=3)
    assert len(out["imported"]) == 1 and out["failed"] == ["scan2.png"]
    assert (inbox / "done" / "scan1.tif").exists() and (inbox / "failed" / "scan2.png").exists()
    assert (inbox / "scan3.pdf.part").exists()
    # The same scan dropped again is not imported twice.
    shutil.copy(corpus / "tesseract_test" / "phototest.tif", inbox / "again.tif")
    (inbox / "scan3.pdf.part").unlink()
    again = station_json("watch", inbox, "--once", "--settle", "0.2", "--interval", "0.3", "--batch", "mfp",
                         data_dir=tmp_path / "data")
    assert again["imported"] == [] and again["duplicates"] == ["again.tif"]
    assert len(station_json("list", data_dir=tmp_path / "data")["documents"]) == 1


@pytest.mark.slow
def test_demo_runs_the_whole_flow_to_signed_packages_in_the_archive(tmp_path: Path) -> None:
    """`station demo`: every sample confirmed, approved, sealed, exported and verified (PDF and package),
    then sent by a sync pass to the archive it serves in-process: every package in the archive once,
    byte-identical to the station's outbox, with an accepted receipt; the server gone afterwards.

    Headless like `make demo` on a server (no keyring backend) and with a token of some other archive
    in the environment, which the demo must neither use nor lose."""
    import hashlib
    import json
    import socket

    import bagit

    from station.archive.service import Archive
    from station.store import Store
    from station.sync.outbox import Outbox

    p = station("demo", "--keep", "--json", data_dir=tmp_path / "unused",
                env={"STATION_ARCHIVE_TOKEN": "token-of-another-archive",
                     "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    out = json.loads(p.stdout)
    try:
        assert out["ok"] is True and len(out["documents"]) == 7
        for doc in out["documents"]:
            assert doc["verified"] and doc["signature_level"].startswith("PAdES B-")
            assert Path(doc["pdf"]).is_file() and Path(doc["package"]).is_file()
        with zipfile.ZipFile(out["documents"][0]["package"]) as z:
            z.extractall(tmp_path / "bag")
        (root,) = [p for p in (tmp_path / "bag").iterdir() if p.is_dir()]
        assert bagit.Bag(str(root)).is_valid()

        sync = out["sync"]
        assert (sync["sent"], sync["failed"], sync["rejected"], sync["accepted"], sync["pending"]) == (7, 0, 0, 7, 0)
        assert sync["token_in"] == "environment" and sync["archive_lists"] == 7
        for doc in out["documents"]:
            receipt = doc["receipt"]
            assert receipt["status"] == "accepted" and receipt["archive_id"] == sync["archive_id"]
            assert receipt["sha256"] == doc["sha256"] and receipt["station_id"] == sync["station_id"]

        # The station's side: every package accepted, with the sha256 sealing gave it.
        store = Store(Path(out["data_dir"]))
        try:
            outbox = {r["package_id"]: r for r in Outbox(store).rows()}
        finally:
            store.close()
        assert {r["state"] for r in outbox.values()} == {"accepted"}
        assert {d["package_id"]: d["sha256"] for d in out["documents"]} == {k: r["sha256"] for k, r in outbox.items()}

        # The archive's side, read by its own command and from its storage: each package once, the same bytes.
        listed = json.loads(subprocess.run([sys.executable, "-m", "station.archive", "list", "--data", out["archive"],
                                            "--json"], capture_output=True, text=True, check=True).stdout)["packages"]
        ids = [p["package_id"] for p in listed]
        assert len(ids) == len(set(ids)) == 7 and set(ids) == set(outbox)
        archive = Archive(Path(out["archive"]))
        try:
            for entry in listed:
                row = outbox[entry["package_id"]]
                assert entry["status"] == "accepted" and entry["station_id"] == sync["station_id"]
                assert entry["sha256"] == row["sha256"]
                with archive.storage.open(archive.package(entry["package_id"])["storage_key"]) as f:
                    assert hashlib.sha256(f.read()).hexdigest() == row["sha256"]
                assert hashlib.sha256(Path(row["package_path"]).read_bytes()).hexdigest() == row["sha256"]
        finally:
            archive.close()

        # The server ended with the demo (tests/test_demo.py checks the in-process server leaves no thread).
        host, port = sync["archive_url"].removeprefix("http://").split(":")
        with socket.socket() as s:
            assert s.connect_ex((host, int(port))) != 0  # nobody listens there any more
    finally:
        shutil.rmtree(Path(out["data_dir"]).parent, ignore_errors=True)


def test_window_without_a_screen_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    p = station(data_dir=tmp_path, check=1)
    assert "no screen" in p.stderr and "station demo" in p.stderr and "Traceback" not in p.stderr
