"""The organ's signing identity: where its key lives and how the station gets at it.

Settings hold only where the key is (a PKCS#12 path, or a PKCS#11 module and labels). Secrets
never do: a PKCS#12 passphrase lives in the OS keyring (or `STATION_PKCS12_PASSPHRASE` for
unattended use), and a token PIN is asked through a `SecretPrompt` each time the token is opened.
A wrong PIN is reported with what the token says about the tries left and never retried.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from asn1crypto import x509 as asn1_x509

from station.errors import NotAllowed, StationError, UsageError, ValidationFailed
from station.secrets import keep_secret, read_secret

KEYRING_SERVICE = "station-signing"
PASSPHRASE_ENV = "STATION_PKCS12_PASSPHRASE"
KINDS = ("pkcs12", "pkcs11", "test")


class SecretPrompt(Protocol):
    """Asks a person for a secret (a token PIN); the CLI uses getpass, the GUI a dialog."""

    def secret(self, question: str) -> str | None:
        """The secret typed, or None when the person cancelled."""


@dataclass
class SigningConfig:
    kind: str = ""  # "" (none) | pkcs12 | pkcs11 | test
    pkcs12_path: str = ""
    pkcs11_module: str = ""
    token_label: str = ""
    key_label: str = ""
    timestamp_url: str = ""
    revocation: bool = True
    trust_roots: list[str] = field(default_factory=list)

    @classmethod
    def from_settings(cls, settings: Any) -> SigningConfig:
        return cls(
            kind=str(settings.get("signing.kind")),
            pkcs12_path=str(settings.get("signing.pkcs12_path")),
            pkcs11_module=str(settings.get("signing.pkcs11_module")),
            token_label=str(settings.get("signing.token_label")),
            key_label=str(settings.get("signing.key_label")),
            timestamp_url=str(settings.get("signing.timestamp_url")),
            revocation=bool(settings.get("signing.revocation")),
            trust_roots=[str(p) for p in settings.get("signing.trust_roots")],
        )


@dataclass
class LoadedSigner:
    """A pyHanko signer and what the station reports about it; close() ends a token session."""

    signer: Any  # pyhanko.sign.signers.Signer
    cert: asn1_x509.Certificate
    chain: list[asn1_x509.Certificate]
    session: Any = None

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    def __enter__(self) -> LoadedSigner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- keyring -----------------------------------------------------------------------------------
def _keyring_user(path: Path) -> str:
    return "pkcs12:" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]


def store_passphrase(path: Path, passphrase: str) -> None:
    keep_secret(PASSPHRASE_ENV, KEYRING_SERVICE, _keyring_user(path), passphrase, "the passphrase")


def passphrase_for(path: Path) -> str | None:
    return read_secret(PASSPHRASE_ENV, KEYRING_SERVICE, _keyring_user(path))


# -- key checks --------------------------------------------------------------------------------
def key_problem(cert: asn1_x509.Certificate) -> str | None:
    """None for RSA ≥ 2048 or ECDSA P-256/P-384/P-521; otherwise why the key is refused."""
    info = cert.public_key
    algo = info.algorithm
    if algo == "rsa":
        bits = info.bit_size
        return None if bits >= 2048 else f"an RSA key of {bits} bits (at least 2048 are required)"
    if algo == "ec":
        curve = info.curve[1]
        return None if curve in ("secp256r1", "secp384r1", "secp521r1") else f"an EC key on {curve}"
    return f"a {algo} key (RSA ≥ 2048 or ECDSA P-256 are accepted)"


def describe(cert: asn1_x509.Certificate) -> dict[str, Any]:
    from station.signing.testca import TEST_MARK

    subject = cert.subject.native
    not_after: dt.datetime = cert["tbs_certificate"]["validity"]["not_after"].native
    info = cert.public_key
    key = f"RSA {info.bit_size}" if info.algorithm == "rsa" else f"ECDSA {info.curve[1]}"
    return {
        "subject": cert.subject.human_friendly,
        "issuer": cert.issuer.human_friendly,
        "serial": format(cert.serial_number, "X"),
        "not_before": cert["tbs_certificate"]["validity"]["not_before"].native.isoformat(),
        "not_after": not_after.isoformat(),
        "days_left": (not_after - dt.datetime.now(dt.UTC)).days,
        "key": key,
        "test_identity": subject.get("organizational_unit_name") == TEST_MARK,
        "sha256": hashlib.sha256(cert.dump()).hexdigest(),
    }


def _check_cert(cert: asn1_x509.Certificate) -> None:
    problem = key_problem(cert)
    if problem:
        raise ValidationFailed(f"The signing certificate has {problem}; ask the CA for an RSA 2048 or ECDSA "
                               "P-256 certificate.")
    validity = cert["tbs_certificate"]["validity"]
    now = dt.datetime.now(dt.UTC)
    if not validity["not_before"].native <= now <= validity["not_after"].native:
        raise ValidationFailed(
            f"The signing certificate is valid from {validity['not_before'].native:%Y-%m-%d} to "
            f"{validity['not_after'].native:%Y-%m-%d}, not today; renew it with the CA.")


# -- loading -----------------------------------------------------------------------------------
def load_pkcs12_file(path: Path, passphrase: str | None) -> LoadedSigner:
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"The PKCS#12 file {path} cannot be read ({exc.strerror}); "
                         "run `station signing use-pkcs12 FILE` again with the right file.") from exc
    try:
        pkcs12.load_key_and_certificates(data, passphrase.encode() if passphrase else None)
    except ValueError as exc:
        raise NotAllowed(f"The PKCS#12 file {path.name} did not open with the stored passphrase; run "
                         "`station signing use-pkcs12 FILE --passphrase-stdin` with the right one.") from exc
    signer = signers.SimpleSigner.load_pkcs12_data(data, [], passphrase.encode() if passphrase else None)
    cert = signer.signing_cert
    chain = [c for c in signer.cert_registry if c.dump() != cert.dump()]
    _check_cert(cert)
    return LoadedSigner(signer, cert, chain)


def _pin_message(token: Any) -> str:
    from pkcs11 import TokenFlag

    flags = TokenFlag(token.flags)
    if TokenFlag.USER_PIN_LOCKED in flags:
        return "the token is now locked; its security officer must unlock it"
    if TokenFlag.USER_PIN_FINAL_TRY in flags:
        return "one try is left before the token locks"
    if TokenFlag.USER_PIN_COUNT_LOW in flags:
        return "the token says few tries are left before it locks"
    return "the token does not say how many tries are left; it may lock after a few wrong PINs"


def load_token(config: SigningConfig, prompt: SecretPrompt | None) -> LoadedSigner:
    import pkcs11
    from pkcs11 import exceptions as p11err
    from pyhanko.sign.pkcs11 import PKCS11Signer

    if not config.pkcs11_module or not Path(config.pkcs11_module).is_file():
        raise UsageError(f"The PKCS#11 module {config.pkcs11_module!r} is missing; install the token's driver "
                         "and run `station signing use-token --module LIB` again.")
    try:
        lib = pkcs11.lib(config.pkcs11_module)
        tokens = list(lib.get_tokens(token_label=config.token_label or None))
    except (p11err.PKCS11Error, RuntimeError, OSError) as exc:
        raise StationError(f"The PKCS#11 module {config.pkcs11_module} cannot be used ({exc!r}); reinstall "
                           "the token's driver.") from exc
    if not tokens:
        label = f" labelled {config.token_label!r}" if config.token_label else ""
        raise UsageError(f"No signing token{label} is plugged in; plug it in and try again.")
    if len(tokens) > 1:
        raise UsageError("More than one token is plugged in; unplug the others or name one with "
                         "`station signing use-token --token-label L`.")
    token = tokens[0]
    if prompt is None:
        raise NotAllowed("The signing token needs its PIN and nobody can be asked here; set STATION_TOKEN_PIN "
                         "for unattended runs.")
    pin = prompt.secret(f"PIN of the signing token {token.label!r}: ")
    if not pin:
        raise NotAllowed("No PIN was given for the signing token; nothing was signed.")
    try:
        session = token.open(user_pin=pin)
    except p11err.PinIncorrect as exc:
        # Read the flags afresh: the token updates them after the failed login.
        again = next(iter(lib.get_tokens(token_label=token.label)), token)
        raise NotAllowed(f"The token refused the PIN: {_pin_message(again)}. Nothing was signed; check the PIN "
                         "before trying again.") from exc
    except p11err.PinLocked as exc:
        raise NotAllowed("The token's PIN is locked; its security officer must unlock it. Nothing was "
                         "signed.") from exc
    except p11err.PKCS11Error as exc:
        raise StationError(f"The signing token cannot be opened ({exc!r}); unplug it, plug it in again and "
                           "retry.") from exc
    try:
        signer = PKCS11Signer(session, key_label=config.key_label or None,
                              cert_label=config.key_label or None, other_certs_to_pull=None)
        cert = signer.signing_cert
        # Tokens (SoftHSM2 among them) often lack the combined CKM_ECDSA_SHA256; raw CKM_ECDSA
        # over a digest computed here is what every ECDSA token offers.
        signer.use_raw_mechanism = cert.public_key.algorithm == "ec"
    except Exception as exc:
        session.close()
        raise UsageError(f"The token holds no key and certificate labelled {config.key_label!r} ({exc}); name "
                         "the key with `station signing use-token --key-label L`.") from exc
    try:
        _check_cert(cert)
    except BaseException:
        session.close()
        raise
    return LoadedSigner(signer, cert, [], session=session)


def load_signer(config: SigningConfig, data_dir: Path, prompt: SecretPrompt | None) -> LoadedSigner:
    if config.kind in ("pkcs12", "test"):
        path = Path(config.pkcs12_path)
        passphrase = passphrase_for(path)
        if passphrase is None:
            raise NotAllowed(f"The passphrase of {path.name} is not in the OS keyring; run `station signing "
                             f"use-pkcs12 {path} --passphrase-stdin`, or set {PASSPHRASE_ENV} for unattended runs.")
        return load_pkcs12_file(path, passphrase)
    if config.kind == "pkcs11":
        return load_token(config, prompt)
    raise UsageError("No signing identity is set up; run `station signing use-pkcs12 FILE`, "
                     "`station signing use-token --module LIB` or `station signing test-identity`.")


def load_trust_roots(paths: list[str] | tuple[str, ...], extra: Mapping[str, bytes] | None = None
                     ) -> list[asn1_x509.Certificate]:
    """PEM or DER files (a PEM file may hold several certificates)."""
    from asn1crypto import pem

    roots: list[asn1_x509.Certificate] = []
    for raw in paths:
        path = Path(raw)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"The trust root {path} cannot be read ({exc.strerror}); fix the setting "
                             "signing.trust_roots.") from exc
        blobs = [der for _t, _h, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
        for der in blobs:
            try:
                roots.append(asn1_x509.Certificate.load(der))
            except ValueError as exc:
                raise UsageError(f"{path} holds something that is not a certificate; fix signing.trust_roots."
                                 ) from exc
    return roots
