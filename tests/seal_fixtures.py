"""Shared for the sealing tests and bench/seal.py: an approved document, a test CA, an in-memory keyring."""

from __future__ import annotations

import shutil
from pathlib import Path

import keyring.backend

from station.domain import SplitMode
from station.signing import testca
from station.workflow import Station
from station.workflow.demo import BATCH_FIELDS, sample_name

OPERATOR = "lan"
SUPERVISOR = "minh"
SEALER = "chief"  # a second supervisor: sealing is a supervisor's action
ACCOUNT_PASSWORD = "mật-khẩu-thử-1"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The in-memory backend of NOTES.md: priority -1 so it never becomes anyone's default."""

    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def approved_documents(data_dir: Path, work: Path, *, copies: int = 1, pages: int = 1) -> tuple[Station, list[str]]:
    """Render, import, process (real Tesseract), confirm and approve `copies` documents of `pages` pages."""
    from station.metadata.fields import FIELDS
    from station.samples import list_samples, load_sample, write_sample_files

    files = write_sample_files(work / "samples", dpi=300)[:1]
    name = sample_name(files[0], list_samples())
    expected = load_sample(name).expected
    inputs = []
    for c in range(copies):
        for p in range(pages):
            target = work / "in" / f"doc{c:02d}" / f"p{p:03d}{files[0].suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(files[0], target)
        inputs.append(target.parent)
    station = Station(data_dir)
    station.accounts.add("admin", "admin", ACCOUNT_PASSWORD, by=None)
    for name, role in ((OPERATOR, "operator"), (SUPERVISOR, "supervisor"), (SEALER, "supervisor")):
        station.accounts.add(name, role, ACCOUNT_PASSWORD, by="admin")
    docs = []
    keys = {f.key for f in FIELDS}
    for folder in inputs:
        report = station.import_files([folder], batch="seal", split=SplitMode.NONE, user=OPERATOR)
        docs += [d["id"] for d in report.documents]
    station.process(batch="seal")
    for doc in docs:
        sets = {**BATCH_FIELDS, **{k: v for k, v in expected.items() if k in keys}}
        sets.pop("page_amount", None)
        station.confirm(doc, sets=sets, accept_suggestions=True, user=OPERATOR)
        station.approve(doc, user=SUPERVISOR)
    return station, docs


def write_ca(folder: Path, *, key_kind: str = "rsa", days: int = 730, crl_url: str | None = None
             ) -> tuple[testca.Identity, testca.Identity, Path, Path]:
    """A test CA standing in for a Vietnamese root (not marked as a station test identity) and a signer."""
    folder.mkdir(parents=True, exist_ok=True)
    ca = testca.make_ca("Test Root CA for Vietnam", organization="Test CA", test=False)
    signer = testca.issue(ca, "Sở Giáo dục và Đào tạo (ký số)", organization="Sở Giáo dục và Đào tạo",
                          key_kind=key_kind, days=days, test=False, crl_url=crl_url)
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.cert_pem())
    p12 = folder / "signer.p12"
    p12.write_bytes(signer.pkcs12(b"m\xe1\xba\xadt kh\xe1\xba\xa9u 1"))  # "mật khẩu 1"
    return ca, signer, ca_pem, p12


PASSPHRASE = "mật khẩu 1"
