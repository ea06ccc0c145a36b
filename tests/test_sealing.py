"""Sealing end to end: signed PDF/A-2b in a BagIt package, checked by independent tools.

Real components where they run here: Tesseract (the approved document), pyHanko, SoftHSM2 as the
token, poppler's `pdfsig` with an NSS database trusting the test CA, the Library of Congress
`bagit` package, a loopback RFC 3161 server and a loopback CRL server. The OS keyring is the
in-memory backend of NOTES.md.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import bagit
import pytest

from station.errors import NotAllowed, UsageError, ValidationFailed
from station.package.mets import EVENT_TYPES, read_event_types
from station.signing import testca
from station.workflow import Station, sealing
from tests.seal_fixtures import (
    ACCOUNT_PASSWORD,
    PASSPHRASE,
    SEALER,
    MemoryKeyring,
    approved_documents,
    write_ca,
)

SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")

pytestmark = pytest.mark.usefixtures("memory_keyring")  # tests/conftest.py



@pytest.fixture(scope="module")
def approved_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """One processed, confirmed and approved data dir (real OCR), copied for each test."""
    work = tmp_path_factory.mktemp("approved")
    station, docs = approved_documents(work / "data", work, copies=2)
    station.close()
    return work / "data", docs


@pytest.fixture
def approved(approved_template: tuple[Path, list[str]], tmp_path: Path) -> Iterator[tuple[Station, list[str]]]:
    src, docs = approved_template
    shutil.copytree(src, tmp_path / "data")
    station = Station(tmp_path / "data")
    yield station, docs
    station.close()


@pytest.fixture
def ca(tmp_path: Path) -> tuple[Any, Any, Path, Path]:
    return write_ca(tmp_path / "ca")


def _use_p12(station: Station, ca: tuple[Any, Any, Path, Path]) -> None:
    sealing.use_pkcs12(station, ca[3], PASSPHRASE)
    station.settings.set("signing.trust_roots", [str(ca[2])])


def _unzip(package: Path, into: Path) -> Path:
    with zipfile.ZipFile(package) as zf:
        zf.extractall(into)
    (root,) = list(into.iterdir())
    return root


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _nss(tmp: Path, ca_pem: Path) -> Path:
    db = tmp / "nss"
    db.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{db}", "-n", "CA", "-t", "CT,C,C", "-i", str(ca_pem)],
                   check=True, capture_output=True)
    return db


def _pdfsig(pdf: Path, nss: Path) -> str:
    p = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True)
    return p.stdout + p.stderr


def _failed(result: dict[str, Any]) -> set[str]:
    return {c["name"] for c in result["checks"] if not c["ok"]}


@pytest.mark.slow
def test_sealed_package_is_a_valid_signed_bag(approved: tuple[Station, list[str]], ca: Any, tmp_path: Path) -> None:
    station, docs = approved
    _use_p12(station, ca)
    result = sealing.seal(station, docs[0], user=SEALER)
    assert result["state"] == "sealed" and result["signature_level"] == "PAdES B-B"
    assert any("timestamp" in w for w in result["warnings"])

    # Stored with the document for the outbox: path and sha256 of the zip, state sealed.
    package = Path(result["package"])
    record = station.store.seal(docs[0])
    assert record is not None and record["package_path"] == str(package)
    assert record["package_sha256"] == hashlib.sha256(package.read_bytes()).hexdigest() == result["sha256"]
    assert record["sealed_by"] == "chief" and record["warnings"] == result["warnings"]
    assert station.store.document(docs[0])["state"] == "sealed"
    shown = station.show(docs[0])
    assert shown["seal"]["package_sha256"] == result["sha256"] and shown["seal"]["warnings"] == result["warnings"]

    root = _unzip(package, tmp_path / "unzipped")
    assert root.name == result["package_id"]
    bag = bagit.Bag(str(root))
    assert bag.is_valid()
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == [
        "bag-info.txt", "bagit.txt", "data/METS.xml", "data/document.pdf", "data/metadata.json",
        "manifest-sha256.txt", "signature/tagmanifest-sha256.txt.p7s", "tagmanifest-sha256.txt"]
    assert (root / "bagit.txt").read_text() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    info = bag.info
    meta = station.store.document(docs[0])["metadata"]
    assert info["Source-Organization"] == meta["organ_name"]
    assert info["External-Identifier"] == f"{meta['file_code']}/{meta['doc_ordinal']}"
    assert info["Package-Id"] == result["package_id"] and info["Station-Id"].startswith("station-")
    assert info["Payload-Oxum"].endswith(".3") and info["Bagging-Date"]

    record_json = json.loads((root / "data" / "metadata.json").read_text(encoding="utf-8"))
    from station.metadata.fields import FIELDS

    assert set(record_json["fields"]) == {f.key for f in FIELDS}
    assert record_json["fields"]["subject"] == meta["subject"]
    assert record_json["schema_version"] == 1 and record_json["blank_pages"] == 0
    assert [p["index"] for p in record_json["pages"]] == [1]
    assert record_json["signature"]["certificate_serial"] == result["certificate_serial"]

    # PREMIS: every step, with the operator, supervisor and the certificate serial.
    mets = (root / "data" / "METS.xml").read_bytes()
    assert set(EVENT_TYPES) <= set(read_event_types(mets))
    text = mets.decode("utf-8")
    for needle in ("lan", "minh", "chief", result["certificate_serial"], "Tesseract", "vie"):
        assert needle in text, needle

    verdict = sealing.verify_file(station, package)
    assert verdict["ok"], _failed(verdict)
    assert verdict["signer"]["level"] == "B-B" and verdict["signer"]["test_identity"] is False

    # poppler, an independent implementation, agrees.
    nss = _nss(tmp_path, ca[2])
    out = _pdfsig(root / "data" / "document.pdf", nss)
    assert "Signature is Valid" in out and "Certificate is Trusted" in out and "Total document signed" in out

    # export --pdf now gives the signed PDF; --package the zip, byte for byte.
    pdf = tmp_path / "out.pdf"
    exported = station.export_pdf(docs[0], pdf)
    assert exported["signed"] and pdf.read_bytes() == (root / "data" / "document.pdf").read_bytes()
    copied = sealing.export_package(station, docs[0], tmp_path / "copy.zip")
    assert Path(copied["package"]).read_bytes() == package.read_bytes()
    assert station.verify(pdf)["ok"]
    with pytest.raises(NotAllowed, match="approved"):
        sealing.seal(station, docs[0], user=SEALER)


@pytest.mark.slow
def test_any_changed_byte_is_caught(approved: tuple[Station, list[str]], ca: Any, tmp_path: Path) -> None:
    station, docs = approved
    _use_p12(station, ca)
    package = Path(sealing.seal(station, docs[0], user=SEALER)["package"])
    nss = _nss(tmp_path, ca[2])

    def tampered(rel: str, offset: int) -> dict[str, Any]:
        root = _unzip(package, tmp_path / f"t{abs(hash((rel, offset)))}")
        target = root / rel
        _flip(target, offset if offset >= 0 else target.stat().st_size + offset)
        return sealing.verify_file(station, root)

    # A byte inside the signed PDF's image data (the middle of the file).
    pdf_size = len(zipfile.ZipFile(package).read(f"{package.stem}/data/document.pdf"))
    v = tampered("data/document.pdf", pdf_size // 2)
    assert not v["ok"] and {"bag", "signature"} <= _failed(v)
    v = tampered("data/metadata.json", 40)
    assert not v["ok"] and "bag" in _failed(v)
    v = tampered("manifest-sha256.txt", 3)
    assert not v["ok"] and "bag" in _failed(v)  # the tag manifest's digest of it no longer matches
    v = tampered("tagmanifest-sha256.txt", 3)
    assert not v["ok"] and {"bag", "bag_signature"} <= _failed(v)
    v = tampered("bag-info.txt", -3)
    assert not v["ok"] and "bag" in _failed(v)

    # The signed PDF alone: our verify and pdfsig both call a flipped byte invalid.
    pdf = tmp_path / "signed.pdf"
    station.export_pdf(docs[0], pdf)
    assert "Signature is Valid" in _pdfsig(pdf, nss)
    for offset in (1000, pdf.stat().st_size // 2):
        bad = tmp_path / f"bad{offset}.pdf"
        shutil.copyfile(pdf, bad)
        _flip(bad, offset)
        assert not station.verify(bad)["ok"]
        out = _pdfsig(bad, nss)
        assert "Signature is Valid" not in out, out

    # A zip whose every byte is intact but from another trust world: the chain check fails.
    station.settings.set("signing.trust_roots", [])
    v = sealing.verify_file(station, package)
    assert {"signature_chain", "bag_signature"} == _failed(v)


@pytest.mark.slow
def test_secrets_stay_out_of_settings_database_and_logs(approved: tuple[Station, list[str]], ca: Any,
                                                       memory_keyring: MemoryKeyring) -> None:
    station, docs = approved
    _use_p12(station, ca)
    sealing.seal(station, docs[0], user=SEALER)
    assert PASSPHRASE in memory_keyring.items.values()
    station.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    needles = [PASSPHRASE.encode("utf-8"), PASSPHRASE.encode("utf-16-le")]
    for path in station.data_dir.rglob("*"):
        if path.is_file() and path.suffix not in (".p12", ".jpg", ".png", ".zip"):
            data = path.read_bytes()
            assert not any(n in data for n in needles), path
    db = sqlite3.connect(station.data_dir / "station.sqlite3")
    assert PASSPHRASE not in json.dumps(db.execute("SELECT * FROM events").fetchall(), ensure_ascii=False)


@pytest.mark.slow
def test_missing_passphrase_and_weak_keys_are_refused(approved: tuple[Station, list[str]], ca: Any,
                                                      memory_keyring: MemoryKeyring, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    station, docs = approved
    _use_p12(station, ca)
    memory_keyring.items.clear()
    with pytest.raises(NotAllowed, match="keyring"):
        sealing.seal(station, docs[0], user=SEALER)
    # Unattended: the environment gives it.
    monkeypatch.setenv("STATION_PKCS12_PASSPHRASE", PASSPHRASE)
    assert sealing.seal(station, docs[0], user=SEALER)["state"] == "sealed"
    monkeypatch.delenv("STATION_PKCS12_PASSPHRASE")

    with pytest.raises(NotAllowed, match="passphrase"):
        sealing.use_pkcs12(station, ca[3], "wrong")
    from cryptography.hazmat.primitives.asymmetric import rsa

    weak = testca.issue(ca[0], "weak", test=False)
    weak.key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    weak.cert = (x509.CertificateBuilder().subject_name(weak.cert.subject).issuer_name(weak.cert.issuer)
                 .public_key(weak.key.public_key()).serial_number(5).not_valid_before(weak.cert.not_valid_before_utc)
                 .not_valid_after(weak.cert.not_valid_after_utc).sign(ca[0].key, hashes.SHA256()))
    (tmp_path / "weak.p12").write_bytes(weak.pkcs12(b"pw"))
    with pytest.raises(ValidationFailed, match="1024"):
        sealing.use_pkcs12(station, tmp_path / "weak.p12", "pw")


@pytest.mark.slow
def test_a_document_failing_pdfa_is_never_sealed(approved: tuple[Station, list[str]], ca: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    station, docs = approved
    _use_p12(station, ca)

    def failing(*args: Any, **kwargs: Any) -> None:
        raise ValidationFailed("The PDF/A-2b document did not pass validation: test")

    monkeypatch.setattr("station.pdf.build.build_pdfa", failing)
    with pytest.raises(ValidationFailed):
        sealing.seal(station, docs[0], user=SEALER)
    assert station.store.document(docs[0])["state"] == "approved" and station.store.seal(docs[0]) is None
    packages = station.data_dir / "packages"
    assert not packages.exists() or not list(packages.glob("*.zip"))
    assert not list((station.data_dir / "tmp").iterdir())


def test_unapproved_document_is_not_sealed(tmp_path: Path) -> None:
    from station.store.db import NewPage

    station = Station(tmp_path / "data")
    station.accounts.add("admin", "admin", ACCOUNT_PASSWORD, by=None)
    station.accounts.add(SEALER, "supervisor", ACCOUNT_PASSWORD, by="admin")
    try:
        blob = station.store.blobs.put(b"\x89PNG fake", ".png")
        with station.store.transaction():
            batch = station.store.batch_id("b", create=True)
            doc = station.store.add_document(batch, [NewPage(blob, 10, 10, 300, "file", "L", "x.png", 1)])
        with pytest.raises(NotAllowed, match="only an approved document"):
            sealing.seal(station, doc, user=SEALER)
        with pytest.raises(UsageError, match="not sealed"):
            sealing.export_package(station, doc, tmp_path / "x.zip")
    finally:
        station.close()


# -- timestamps and revocation over loopback servers ------------------------------------------
class _Loopback:
    """An HTTP server on 127.0.0.1 answering RFC 3161 requests (pyHanko's DummyTimeStamper) and a CRL."""

    def __init__(self, tsa: Any, crl: dict[str, bytes] | None) -> None:
        from asn1crypto import tsp

        outer = self
        self.requests = 0

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                outer.requests += 1
                body = self.rfile.read(int(self.headers["Content-Length"]))
                answer = tsa.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def do_GET(self) -> None:  # noqa: N802
                if not crl or self.path != "/ca.crl":
                    self.send_error(404)
                    return
                body = crl["der"]
                self.send_response(200)
                self.send_header("Content-Type", "application/pkix-crl")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> _Loopback:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def _tsa(ca: testca.Identity) -> Any:
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from pyhanko.sign.general import load_private_key_from_pemder_data
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa = testca.issue(ca, "Test TSA", test=False)
    cert = (x509.CertificateBuilder().subject_name(tsa.cert.subject).issuer_name(ca.cert.subject)
            .public_key(tsa.key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(tsa.cert.not_valid_before_utc).not_valid_after(tsa.cert.not_valid_after_utc)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .sign(ca.key, hashes.SHA256()))
    from cryptography.hazmat.primitives import serialization

    return DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=load_private_key_from_pemder_data(tsa.key_pem(), None),
    )


@pytest.mark.slow
def test_timestamp_gives_b_t_and_a_dead_server_gives_b_b_with_a_warning(
        approved: tuple[Station, list[str]], ca: Any, tmp_path: Path) -> None:
    station, docs = approved
    _use_p12(station, ca)
    with _Loopback(_tsa(ca[0]), None) as server:
        station.settings.set("signing.timestamp_url", server.url + "/tsa")
        result = sealing.seal(station, docs[0], user=SEALER)
        assert server.requests >= 1
    assert result["signature_level"] == "PAdES B-T"
    # The certificate names no CRL or OCSP source: B-LT cannot be reached, and that is recorded.
    assert any("revocation" in w for w in result["warnings"])
    assert station.store.seal(docs[0])["warnings"] == result["warnings"]
    verdict = sealing.verify_file(station, Path(result["package"]))
    assert verdict["ok"], _failed(verdict)
    assert verdict["signer"]["level"] == "B-T"

    station.settings.set("signing.timestamp_url", server.url + "/tsa")  # the server is gone now
    dead = sealing.seal(station, docs[1], user=SEALER)
    assert dead["signature_level"] == "PAdES B-B"
    assert any("did not answer" in w for w in dead["warnings"])
    assert sealing.verify_file(station, Path(dead["package"]))["ok"]


@pytest.mark.slow
def test_crl_reachable_gives_b_lt(approved: tuple[Station, list[str]], tmp_path: Path) -> None:
    station, docs = approved
    root_ca = testca.make_ca("Test Root CA for Vietnam", organization="Test CA", test=False)
    crl: dict[str, bytes] = {}
    with _Loopback(_tsa(root_ca), crl) as server:
        # The certificate names this server's CRL, signed by the CA: revocation data can be fetched.
        signer = testca.issue(root_ca, "Signer with CRL", test=False, crl_url=f"{server.url}/ca.crl")
        crl["der"] = testca.make_crl(root_ca)
        (tmp_path / "ca.pem").write_bytes(root_ca.cert_pem())
        (tmp_path / "s.p12").write_bytes(signer.pkcs12(b"pw"))
        sealing.use_pkcs12(station, tmp_path / "s.p12", "pw")
        station.settings.set("signing.trust_roots", [str(tmp_path / "ca.pem")])
        station.settings.set("signing.timestamp_url", server.url + "/tsa")
        result = sealing.seal(station, docs[0], user=SEALER)
    assert result["signature_level"] == "PAdES B-LT", result["warnings"]
    assert not any("revocation" in w for w in result["warnings"])
    # Offline now: the file carries what it needs.
    verdict = sealing.verify_file(station, Path(result["package"]))
    assert verdict["ok"], [c for c in verdict["checks"] if not c["ok"]]
    assert verdict["signer"]["level"] == "B-LT"


# -- PKCS#11: SoftHSM2 as the organ's USB token -----------------------------------------------
class FakePrompt:
    """The station's SecretPrompt as a test drives it: counts the questions, answers one PIN."""

    def __init__(self, pin: str | None) -> None:
        self.pin = pin
        self.questions: list[str] = []

    def secret(self, question: str) -> str | None:
        self.questions.append(question)
        return self.pin


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A SoftHSM2 token holding an ECDSA P-256 key and its certificate; (CA pem, module)."""
    if not SOFTHSM.is_file():
        pytest.fail("SoftHSM2 is missing: run `make venv` as root (Debian softhsm2)")
    import pkcs11
    from cryptography.hazmat.primitives import serialization
    from pkcs11 import Attribute, CertificateType, ObjectClass

    work = tmp_path_factory.mktemp("softhsm")
    (work / "tokens").mkdir()
    conf = work / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {work / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    patch = pytest.MonkeyPatch()
    patch.setenv("SOFTHSM2_CONF", str(conf))
    ca = testca.make_ca("Test Root CA for Vietnam", organization="Test CA", test=False)
    signer = testca.issue(ca, "Token signer", key_kind="ec", test=False)
    (work / "ca.pem").write_bytes(ca.cert_pem())
    (work / "key.pem").write_bytes(signer.key_pem())
    run = {"check": True, "capture_output": True, "env": {"SOFTHSM2_CONF": str(conf), "PATH": "/usr/bin:/bin"}}
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "station-test", "--so-pin", "5678",
                    "--pin", "1234"], **run)  # type: ignore[call-overload]
    subprocess.run(["softhsm2-util", "--import", str(work / "key.pem"), "--token", "station-test", "--label",
                    "signer", "--id", "01", "--pin", "1234"], **run)  # type: ignore[call-overload]
    (work / "key.pem").unlink()
    lib = pkcs11.lib(str(SOFTHSM))
    with lib.get_token(token_label="station-test").open(user_pin="1234", rw=True) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: "signer", Attribute.ID: b"\x01",
            Attribute.SUBJECT: signer.cert.subject.public_bytes(),
            Attribute.VALUE: signer.cert.public_bytes(serialization.Encoding.DER),
        })
    yield work / "ca.pem", SOFTHSM
    patch.undo()


@pytest.mark.slow
def test_seal_with_a_pkcs11_token(approved: tuple[Station, list[str]], token: tuple[Path, Path],
                                  tmp_path: Path) -> None:
    station, docs = approved
    ca_pem, module = token
    shown = sealing.use_token(station, str(module), "station-test", "signer", FakePrompt("1234"))
    assert shown["kind"] == "pkcs11" and shown["certificate"]["key"] == "ECDSA secp256r1"
    station.settings.set("signing.trust_roots", [str(ca_pem)])

    # A wrong PIN: reported with what the token says about tries left, asked once, never retried.
    wrong = FakePrompt("0000")
    with pytest.raises(NotAllowed, match="refused the PIN.*tr(y|ies)"):
        sealing.seal(station, docs[0], user=SEALER, prompt=wrong)
    assert len(wrong.questions) == 1
    assert station.store.document(docs[0])["state"] == "approved"
    with pytest.raises(NotAllowed, match="No PIN"):
        sealing.seal(station, docs[0], user=SEALER, prompt=FakePrompt(None))

    right = FakePrompt("1234")
    result = sealing.seal(station, docs[0], user=SEALER, prompt=right)
    assert len(right.questions) == 1 and "station-test" in right.questions[0]
    verdict = sealing.verify_file(station, Path(result["package"]))
    assert verdict["ok"], _failed(verdict)
    pdf = tmp_path / "token.pdf"
    station.export_pdf(docs[0], pdf)
    out = _pdfsig(pdf, _nss(tmp_path, ca_pem))
    assert "Signature is Valid" in out and "Certificate is Trusted" in out
    settings_text = station.settings.user_file.read_text(encoding="utf-8")
    assert "1234" not in settings_text


# -- the command line, in process (the in-memory keyring lives in this process) ----------------
def _cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any, str]:
    from station.cli import main

    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else out), err


@pytest.mark.slow
def test_cli_signing_seal_export_verify(approved: tuple[Station, list[str]], ca: Any, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    station, docs = approved
    data = station.data_dir
    code, shown, _ = _cli(capsys, "signing", "show", "--json", "--data-dir", data)
    assert code == 0 and shown["kind"] is None and shown["certificate"] is None

    # A test identity: seals, and verify names it as a test identity.
    code, shown, _ = _cli(capsys, "signing", "test-identity", "--json", "--data-dir", data)
    assert code == 0 and shown["kind"] == "test" and shown["certificate"]["test_identity"] is True
    station.settings = type(station.settings).load(data)
    monkeypatch.setenv("STATION_PASSWORD", ACCOUNT_PASSWORD)  # no terminal: the password rule of cli.md
    code, sealed, _ = _cli(capsys, "seal", docs[0], "--user", SEALER, "--json", "--data-dir", data)
    assert code == 0 and sealed["state"] == "sealed" and sealed["test_identity"] is True
    out = tmp_path / "pkg.zip"
    code, exported, _ = _cli(capsys, "export", docs[0], "--package", out, "--json", "--data-dir", data)
    assert code == 0 and exported["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    code, verdict, _ = _cli(capsys, "verify", out, "--json", "--data-dir", data)
    assert code == 0 and verdict["ok"] and verdict["signer"]["test_identity"] is True
    chain = next(c for c in verdict["checks"] if c["name"] == "signature_chain")
    assert "TEST identity" in chain["detail"]

    # The organ's PKCS#12, passphrase on stdin; a changed byte makes verify exit 4 with one sentence.
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    code, shown, _ = _cli(capsys, "signing", "use-pkcs12", ca[3], "--passphrase-stdin", "--json", "--data-dir", data)
    assert code == 0 and shown["kind"] == "pkcs12" and shown["certificate"]["test_identity"] is False
    code, text, _ = _cli(capsys, "signing", "show", "--data-dir", data)
    assert "RSA 2048" in text and "serial" in text
    _flip(out, out.stat().st_size // 3)
    code, verdict, err = _cli(capsys, "verify", out, "--json", "--data-dir", data)
    assert code in (3, 4) and "station:" in err

    # Sealing an already sealed document (exit 7: not allowed), or exporting a package of an unsealed one (exit 2).
    code, _, err = _cli(capsys, "seal", docs[0], "--user", SEALER, "--data-dir", data)
    assert code == 7 and "approved" in err
    code, _, err = _cli(capsys, "seal", docs[1], "--user", "lan", "--data-dir", data)
    assert code == 7 and "supervisor" in err  # an operator may not seal
    code, _, err = _cli(capsys, "export", docs[1], "--package", tmp_path / "x.zip", "--data-dir", data)
    assert code == 2 and "station seal" in err


def test_doctor_warns_before_the_certificate_expires(tmp_path: Path) -> None:
    from station import config

    data = tmp_path / "data"
    status, detail = sealing.doctor_check(data, config.Settings.load(data))
    assert status == "warn" and "no signing identity" in detail
    ca = testca.make_ca(test=False)
    station = Station(data)
    try:
        for days, want in ((400, "ok"), (12, "warn")):
            signer = testca.issue(ca, f"signer {days}", days=days, test=False)
            (tmp_path / f"s{days}.p12").write_bytes(signer.pkcs12(b"pw"))
            sealing.use_pkcs12(station, tmp_path / f"s{days}.p12", "pw")
            status, detail = sealing.doctor_check(data, config.Settings.load(data))
            assert status == want, detail
        assert "expires in 11 day" in detail or "expires in 12 day" in detail
    finally:
        station.close()
