"""Sealing: the approved document becomes a signed PDF/A-2b inside a BagIt package, ready for the outbox.

Also the signing set-up (`station signing ...`) and offline verification of a package or a PDF.
Secrets pass through here only in memory: a PKCS#12 passphrase goes straight to the OS keyring,
a token PIN is asked through the caller's `SecretPrompt` when the key is opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import tempfile
import uuid
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station import __version__
from station.domain import DocState
from station.errors import StationError, UsageError, ValidationFailed
from station.files import atomic_write
from station.signing.identity import (
    PASSPHRASE_ENV,
    LoadedSigner,
    SecretPrompt,
    SigningConfig,
    describe,
    load_pkcs12_file,
    load_signer,
    load_trust_roots,
    store_passphrase,
)
from station.verify import METADATA_SCHEMA_VERSION

if TYPE_CHECKING:
    from station.auth import Session
    from station.workflow.station import Station

EXPIRY_WARNING_DAYS = 30


def _signing_dir(station: Station) -> Path:
    d = station.data_dir / "signing"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _cert_file(station: Station | Path) -> Path:
    data_dir = station if isinstance(station, Path) else station.data_dir
    return data_dir / "signing" / "certificate.pem"


def _save_settings(station: Station, values: dict[str, Any]) -> None:
    for key, value in values.items():
        station.settings.set(key, value)


def _write_cert(station: Station, loaded: LoadedSigner) -> None:
    from asn1crypto import pem

    atomic_write(_cert_file(station), pem.armor("CERTIFICATE", loaded.cert.dump()))


# -- signing set-up ----------------------------------------------------------------------------
def use_pkcs12(station: Station, file: Path, passphrase: str | None) -> dict[str, Any]:
    """Copy the PKCS#12 file into the station, keep its passphrase in the OS keyring."""
    if not file.is_file():
        raise UsageError(f"{file}: there is no such file; give the path of the .p12/.pfx file.")
    if passphrase is None:
        raise UsageError("Give the PKCS#12 passphrase on standard input with --passphrase-stdin, or type it "
                         "when asked.")
    data = file.read_bytes()
    target = _signing_dir(station) / f"identity-{hashlib.sha256(data).hexdigest()[:16]}.p12"
    atomic_write(target, data)
    target.chmod(0o600)
    loaded = load_pkcs12_file(target, passphrase)
    store_passphrase(target, passphrase)
    _write_cert(station, loaded)
    _save_settings(station, {"signing.kind": "pkcs12", "signing.pkcs12_path": str(target)})
    with station.store.transaction():
        station.store.log("signing_identity", kind="pkcs12", serial=format(loaded.cert.serial_number, "X"))
    return show(station)


def use_token(station: Station, module: str, token_label: str | None, key_label: str | None,
              prompt: SecretPrompt | None) -> dict[str, Any]:
    """Point the station at a PKCS#11 token; when a prompt is given, open it once to read the certificate."""
    config = SigningConfig(kind="pkcs11", pkcs11_module=module, token_label=token_label or "",
                           key_label=key_label or "")
    if prompt is not None:
        with load_signer(config, station.data_dir, prompt) as loaded:
            _write_cert(station, loaded)
            serial = format(loaded.cert.serial_number, "X")
    else:
        _cert_file(station).unlink(missing_ok=True)
        serial = ""
    _save_settings(station, {"signing.kind": "pkcs11", "signing.pkcs11_module": module,
                             "signing.token_label": token_label or "", "signing.key_label": key_label or ""})
    with station.store.transaction():
        station.store.log("signing_identity", kind="pkcs11", module=module, serial=serial)
    return show(station)


def test_identity(station: Station, organization: str = "Station test organ") -> dict[str, Any]:
    """A self-signed identity for trying the station; its CA joins the trust roots, `verify` names it."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from station.signing.testca import test_identity as make

    identity = make(organization)
    # Unattended stations without a keyring give the passphrase in the environment.
    passphrase = os.environ.get(PASSPHRASE_ENV) or secrets.token_urlsafe(24)
    folder = _signing_dir(station)
    target = folder / "test-identity.p12"
    atomic_write(target, identity.pkcs12(passphrase.encode()))
    target.chmod(0o600)
    store_passphrase(target, passphrase)
    ca_file = folder / "test-ca.pem"
    atomic_write(ca_file, identity.chain[0].public_bytes(Encoding.PEM))
    loaded = load_pkcs12_file(target, passphrase)
    _write_cert(station, loaded)
    roots = [r for r in station.settings.get("signing.trust_roots") if r != str(ca_file)] + [str(ca_file)]
    _save_settings(station, {"signing.kind": "test", "signing.pkcs12_path": str(target),
                             "signing.trust_roots": roots})
    with station.store.transaction():
        station.store.log("signing_identity", kind="test", serial=format(loaded.cert.serial_number, "X"))
    return show(station)


def _stored_cert(station: Station | Path) -> Any | None:
    from asn1crypto import pem, x509

    path = _cert_file(station)
    if not path.is_file():
        return None
    _, _, der = pem.unarmor(path.read_bytes())
    return x509.Certificate.load(der)


def show(station: Station) -> dict[str, Any]:
    config = SigningConfig.from_settings(station.settings)
    out: dict[str, Any] = {"kind": config.kind or None, "timestamp_url": config.timestamp_url or None,
                           "trust_roots": config.trust_roots}
    if config.kind in ("pkcs12", "test"):
        out["pkcs12_path"] = config.pkcs12_path
    elif config.kind == "pkcs11":
        out.update(module=config.pkcs11_module, token_label=config.token_label or None,
                   key_label=config.key_label or None)
    cert = _stored_cert(station)
    out["certificate"] = describe(cert) if cert is not None and config.kind else None
    return out


def doctor_check(data_dir: Path, settings: Any) -> tuple[str, str]:
    """(status, detail) of the signing set-up, without asking for any secret or opening the store."""
    from station.signing.identity import passphrase_for

    config = SigningConfig.from_settings(settings)
    if not config.kind:
        return "warn", "no signing identity is set up; run `station signing use-pkcs12 FILE` or `use-token`"
    problems: list[str] = []
    if config.kind in ("pkcs12", "test"):
        path = Path(config.pkcs12_path)
        if not path.is_file():
            return "fail", f"the PKCS#12 file {path} is missing; run `station signing use-pkcs12 FILE` again"
        if passphrase_for(path) is None:
            problems.append("its passphrase is not in the OS keyring")
    elif not Path(config.pkcs11_module).is_file():
        return "fail", f"the PKCS#11 module {config.pkcs11_module} is missing; install the token's driver"
    else:
        try:
            import pkcs11

            tokens = list(pkcs11.lib(config.pkcs11_module).get_tokens(token_label=config.token_label or None))
        except Exception as exc:  # a broken vendor module can raise anything
            return "fail", f"the PKCS#11 module cannot be loaded ({exc.__class__.__name__})"
        if not tokens:
            problems.append("the token is not plugged in")
    cert = _stored_cert(data_dir)
    if cert is None:
        detail = f"{config.kind} identity; certificate not read yet (it is read at the first seal)"
        return ("warn" if problems else "ok"), "; ".join([detail, *problems])
    info = describe(cert)
    days = info["days_left"]
    detail = f"{config.kind} identity {info['subject']}, valid until {info['not_after'][:10]}"
    if info["test_identity"]:
        problems.append("it is a TEST identity, not for archiving")
    if days < 0:
        return "fail", f"{detail}: the certificate has expired; renew it with the CA"
    if days < EXPIRY_WARNING_DAYS:
        problems.append(f"the certificate expires in {days} day(s); renew it with the CA now")
    return ("warn" if problems else "ok"), "; ".join([detail, *problems])


# -- sealing -----------------------------------------------------------------------------------
def _station_id(station: Station) -> str:
    """The store's own identifier, the one every audit entry carries."""
    return station.store.station_id


def _agent(name: str | None, kind: str, role: str = "") -> Any:
    from station.package.mets import Agent

    return Agent(name=name or "unknown", kind=kind, role=role)


def _events(station: Station, doc_id: str, doc: dict[str, Any], sign_detail: str,
            signer_subject: str, sealed_by: str | None, package_at: str) -> list[Any]:
    """PREMIS events from the store: capture, cleanup, OCR per page; confirm, approve, sign, package."""
    from station.package.mets import Event

    software = _agent(f"station {__version__}", "software", "executing program")
    log = station.store.events(doc_id)
    intake = next((e for e in log if e["action"] in ("scan", "import")), None)
    events: list[Event] = []
    for page, cleanup, ocr in station._ocr_pages(doc_id):
        obj = [f"page-{page.idx}"]
        if intake and intake["action"] == "scan":
            d = intake["detail"]
            device = _agent(str(d.get("device", "scanner")), "hardware", "capture device")
            detail = (f"scanned on {d.get('device')}: {d.get('dpi')} dpi, {d.get('mode')}, source "
                      f"{d.get('source')}; page {page.idx} as {page.source_name}")
            events.append(Event("capture", intake["at"], detail, [device, _agent(intake["user"], "person",
                                                                                 "operator")], objects=obj))
        else:
            at = intake["at"] if intake else doc["created_at"]
            detail = (f"imported from {page.source_name} (page {page.source_page}): {page.width}x{page.height} px, "
                      f"{page.dpi:g} dpi ({page.dpi_source}), {page.mode}")
            events.append(Event("capture", at, detail, [software], objects=obj))
        c = cleanup.get("result", {})
        if cleanup.get("status") == "done":
            detail = (f"deskewed {c.get('skew_deg')}°, turned {c.get('orientation_deg')}°, cropped to "
                      f"{c.get('crop')}, colour mode {c.get('colour_mode')}, blank {bool(c.get('blank'))}, "
                      f"flags {', '.join(c.get('flags', [])) or 'none'}")
            events.append(Event("cleanup", cleanup["updated_at"], detail, [software], objects=obj))
        o = ocr.get("result", {})
        if ocr.get("status") == "done":
            engine = o.get("engine") or "none (blank page)"
            detail = f"OCR engine {engine}, language {o.get('language')}, confidence {o.get('confidence')}"
            events.append(Event("ocr", ocr["updated_at"], detail, [_agent(f"Tesseract {engine}".strip(),
                                                                          "software", "OCR engine")],
                                objects=obj))
    events.append(Event("confirm", doc["confirmed_at"] or "", "metadata confirmed by the operator",
                        [_agent(doc["confirmed_by"], "person", "operator")]))
    events.append(Event("approve", doc["decided_at"] or "", "approved by the supervisor (four-eyes rule)",
                        [_agent(doc["decided_by"], "person", "supervisor")]))
    signer_agents = [_agent(signer_subject, "organization", "signer"), software]
    if sealed_by:
        signer_agents.append(_agent(sealed_by, "person", "sealed by"))
    events.append(Event("sign", package_at, sign_detail, signer_agents, objects=["document.pdf"]))
    events.append(Event("package", package_at, "BagIt 1.0 bag with SHA-256 manifests and a detached CMS "
                        "signature over the tag manifest", [software], objects=["document.pdf", "metadata.json"]))
    return events


def _metadata_json(station: Station, doc_id: str, package_id: str, meta: dict[str, str],
                   signature: dict[str, Any]) -> bytes:
    from station.metadata.fields import FIELDS

    pages = []
    blanks = 0
    pdf_page = 0
    for page, cleanup, _ocr in station._ocr_pages(doc_id):
        c = cleanup.get("result", {})
        blank = bool(c.get("blank"))
        kept = not blank or page.keep_blank
        blanks += blank
        if kept:
            pdf_page += 1
        pages.append({"index": page.idx, "source": page.source_name, "source_page": page.source_page,
                      "blank": blank, "kept": kept, "pdf_page": pdf_page if kept else None,
                      "width": c.get("width", page.width), "height": c.get("height", page.height),
                      "dpi": round(page.dpi, 2), "colour_mode": c.get("colour_mode")})
    record = {
        "schema_version": METADATA_SCHEMA_VERSION,
        "package_id": package_id,
        "document_id": doc_id,
        "fields": {f.key: meta.get(f.key, "") for f in FIELDS},
        "pages": pages,
        "page_count": len(pages),
        "pages_kept": pdf_page,
        "blank_pages": blanks,
        "signature": signature,
    }
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")


def seal(station: Station, ref: str, *, user: str | Session | None, prompt: SecretPrompt | None = None) -> dict[str, Any]:
    """PDF/A (validated), PAdES signature, BagIt package; the document becomes sealed."""
    from station.metadata.fields import validate
    from station.package.bag import write_bag, zip_bag
    from station.package.mets import FileEntry, build_mets
    from station.signing.cms import sign_detached
    from station.signing.pades import sign_pdf
    from station.workflow.review import sealable

    doc_id, user = sealable(station, ref, user)  # approved, and by someone whose role may seal
    doc = station.store.document(doc_id)
    meta = station.draft_metadata(doc_id, accept_suggestions=False)
    problems = validate(meta)
    if problems:
        raise ValidationFailed(f"Document {doc_id} cannot be sealed: "
                               + "; ".join(f"{p.field}: {p.message}" for p in problems) + ".")
    config = SigningConfig.from_settings(station.settings)
    roots = load_trust_roots(config.trust_roots)
    package_id = str(uuid.uuid4())
    work_root = station.data_dir / "tmp"
    work_root.mkdir(parents=True, exist_ok=True)
    with load_signer(config, station.data_dir, prompt) as loaded, \
            tempfile.TemporaryDirectory(dir=work_root, prefix="seal-") as tmp_name:
        tmp = Path(tmp_name)
        pages = station.build_pdf(doc_id, tmp / "unsigned.pdf")  # validated PDF/A-2b or ValidationFailed
        result = sign_pdf(tmp / "unsigned.pdf", tmp / "document.pdf", loaded, timestamp_url=config.timestamp_url,
                          revocation=config.revocation, trust_roots=roots)
        cert = describe(loaded.cert)
        package_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        signature = {"level": f"PAdES {result.level}", "certificate_serial": cert["serial"],
                     "signer": cert["subject"], "test_identity": cert["test_identity"], "warnings": result.warnings}
        metadata_json = _metadata_json(station, doc_id, package_id, meta, signature)
        pdf_sha = hashlib.sha256((tmp / "document.pdf").read_bytes()).hexdigest()
        files = [
            FileEntry("file-pdf", "document.pdf", "application/pdf", pdf_sha, (tmp / "document.pdf").stat().st_size),
            FileEntry("file-metadata", "metadata.json", "application/json",
                      hashlib.sha256(metadata_json).hexdigest(), len(metadata_json)),
        ]
        dublin_core = [("title", meta.get("subject", "")), ("creator", meta.get("organ_name", "")),
                       ("date", meta.get("issued_date", "")), ("type", meta.get("type_name", "")),
                       ("language", "vi" if meta.get("language", "01") == "01" else meta.get("language", "")),
                       ("identifier", f"{meta.get('file_code', '')}/{meta.get('doc_ordinal', '')}")]
        sign_detail = (f"PAdES {result.level} signature, SHA-256, certificate serial {cert['serial']}"
                       + "".join(f"; warning: {w}" for w in result.warnings))
        events = _events(station, doc_id, doc, sign_detail, cert["subject"], user, package_at)
        mets = build_mets(package_id=package_id, created=package_at, software=f"station {__version__}",
                          dublin_core=dublin_core, files=files, pages=pages, events=events)
        info = {
            "Source-Organization": meta.get("organ_name", ""),
            "External-Identifier": f"{meta.get('file_code', '')}/{meta.get('doc_ordinal', '')}",
            "Bagging-Date": package_at[:10],
            "Station-Id": _station_id(station),
            "Package-Id": package_id,
            "Bag-Software-Agent": f"station {__version__}",
        }
        bag_root = tmp / package_id
        write_bag(bag_root, {"document.pdf": tmp / "document.pdf", "metadata.json": metadata_json,
                             "METS.xml": mets}, info, lambda data: sign_detached(data, loaded))
        out = station.data_dir / "packages" / f"{package_id}.zip"
        sha = zip_bag(bag_root, out)
    with station.store.transaction():
        station.store.record_seal(doc_id, package_id=package_id, package_path=str(out), package_sha256=sha,
                                  sealed_by=user, signature_level=result.level, certificate_serial=cert["serial"],
                                  warnings=result.warnings)
        station.store.set_state(doc_id, DocState.SEALED)
        station.store.log("seal", user=user, obj=doc_id, package_id=package_id, sha256=sha,
                          level=result.level, serial=cert["serial"], warnings=result.warnings)
    return {"id": doc_id, "state": DocState.SEALED.value, "package_id": package_id, "package": str(out),
            "sha256": sha, "bytes": out.stat().st_size, "pages": pages, "signature_level": f"PAdES {result.level}",
            "certificate_serial": cert["serial"], "test_identity": cert["test_identity"],
            "warnings": result.warnings, "sealed_by": user}


def _sealed(station: Station, ref: str) -> tuple[str, dict[str, Any]]:
    doc_id = station.store.resolve_document(ref)
    record = station.store.seal(doc_id)
    if record is None:
        state = station.store.document(doc_id)["state"]
        raise UsageError(f"Document {doc_id} is {state}, not sealed; run `station seal {doc_id}` first.")
    path = Path(record["package_path"])
    if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != record["package_sha256"]:
        raise StationError(f"The package of document {doc_id} at {path} is missing or changed since sealing; "
                           "restore it from a backup.")
    return doc_id, record


def export_package(station: Station, ref: str, out: Path, *, user: str | None = None) -> dict[str, Any]:
    doc_id, record = _sealed(station, ref)
    if out.is_dir():
        out = out / f"{record['package_id']}.zip"
    atomic_write(out, Path(record["package_path"]).read_bytes())
    with station.store.transaction():
        station.store.log("export_package", user=user, obj=doc_id, path=str(out))
    return {"id": doc_id, "package": str(out), "package_id": record["package_id"],
            "sha256": record["package_sha256"], "bytes": out.stat().st_size}


def export_signed_pdf(station: Station, doc_id: str, out: Path, *, user: str | None = None) -> dict[str, Any]:
    _, record = _sealed(station, doc_id)
    name = f"{record['package_id']}/data/document.pdf"
    with zipfile.ZipFile(record["package_path"]) as zf:
        data = zf.read(name)
    atomic_write(out, data)
    meta = json.loads(zipfile.ZipFile(record["package_path"]).read(f"{record['package_id']}/data/metadata.json"))
    with station.store.transaction():
        station.store.log("export_pdf", user=user, obj=doc_id, path=str(out), signed=True)
    return {"id": doc_id, "pdf": str(out), "pages": meta["pages_kept"], "bytes": len(data), "signed": True}


# -- verification ------------------------------------------------------------------------------
def verify_file(station: Station, path: Path) -> dict[str, Any]:
    """A package (zip or bag folder) or a PDF, offline, against the station's trust roots."""
    from station.verify import verify_path

    config = SigningConfig.from_settings(station.settings)
    roots = load_trust_roots(config.trust_roots)
    work = station.data_dir / "tmp"
    work.mkdir(parents=True, exist_ok=True)
    return verify_path(path, roots, work)


__all__ = ["seal", "export_package", "export_signed_pdf", "verify_file", "use_pkcs12", "use_token",
           "test_identity", "show", "doctor_check"]
