"""`station-archive`: the central archive's ingest service and its admin commands (shared/spec/cli.md)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from station.errors import StationError, UsageError


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, required=True, help="the archive's data folder")


def _trust(p: argparse.ArgumentParser) -> None:
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="FILE.pem",
                   help="a CA certificate the organs' signatures must chain to (repeatable; DATA/trust/ too)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station-archive", description="The central archive's ingest service.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the ingest service (tus uploads, submit, receipts)")
    _common(serve)
    _trust(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--receipt-key", type=Path, metavar="FILE.p12",
                       help="the receipt signing key (default: DATA/keys/receipt.p12, made at first start)")
    serve.add_argument("--tls-cert", type=Path, metavar="CERT.pem")
    serve.add_argument("--tls-key", type=Path, metavar="KEY.pem")
    serve.add_argument("--max-size", type=int, default=None, metavar="BYTES", help="largest package taken")
    serve.add_argument("--reserve-bytes", type=int, default=256 * 1024**2, metavar="BYTES",
                       help="disk space always kept free (default 256 MiB)")
    serve.add_argument("--capacity-bytes", type=int, default=None, metavar="BYTES",
                       help="a quota on the stored packages")
    serve.add_argument("--expire-days", type=int, default=14, metavar="N",
                       help="unfinished uploads untouched for N days are dropped at start (default 14)")
    serve.add_argument("--check-processes", type=int, default=2, metavar="N",
                       help="worker processes checking packages (default 2; 0: in the server's threads)")
    serve.add_argument("--accept-test-identities", action="store_true",
                       help="accept packages signed by `station signing test-identity` (demos only)")

    token = sub.add_parser("token", help="per-station tokens")
    token_sub = token.add_subparsers(dest="token_command", required=True)
    create = token_sub.add_parser("create", help="a new token for a station, printed once as the last line")
    create.add_argument("--station", required=True, metavar="ID")
    create.add_argument("--days", type=int, default=365)
    _common(create)
    revoke = token_sub.add_parser("revoke", help="revoke one token or every token of a station")
    revoke.add_argument("--station", metavar="ID")
    revoke.add_argument("--token", metavar="TOKEN")
    _common(revoke)

    listing = sub.add_parser("list", help="the packages in the archive")
    _common(listing)
    listing.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="ingest a sneakernet folder (station-outbox/) and write receipts")
    imp.add_argument("usb_dir", type=Path, metavar="USB_DIR")
    _common(imp)
    _trust(imp)
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--accept-test-identities", action="store_true",
                     help="accept packages signed by `station signing test-identity` (demos only)")
    return parser


def _serve(args: argparse.Namespace) -> int:
    import logging
    import ssl

    from aiohttp import web

    from station.archive.server import make_app
    from station.archive.service import DEFAULT_MAX_SIZE, Archive
    from station.signing.receipts import certificate_fingerprint

    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("Give both --tls-cert and --tls-key, or neither.")
    for f in args.trust:
        if not f.is_file():
            raise UsageError(f"The trust root {f} does not exist; give a CA certificate file.")
    archive = Archive(args.data, trust=args.trust, receipt_key=args.receipt_key,
                      max_size=args.max_size or DEFAULT_MAX_SIZE, reserve_bytes=args.reserve_bytes,
                      capacity_bytes=args.capacity_bytes, accept_test_identities=args.accept_test_identities)
    expired = archive.expire_uploads(args.expire_days)
    if expired:
        print(f"dropped {expired} unfinished upload(s) untouched for {args.expire_days} days", flush=True)
    roots = archive.trust_roots()
    if not roots:
        print("station-archive: warning: no trust roots (--trust or DATA/trust/); every package will be "
              "rejected as untrusted", file=sys.stderr)
    fingerprint = certificate_fingerprint(archive.signer.certificate_pem())
    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    scheme = "https" if context else "http"
    print(f"archive {archive.archive_id} listening on {scheme}://{args.host}:{args.port}", flush=True)
    print(f"receipt certificate sha256 {fingerprint}", flush=True)
    try:
        web.run_app(make_app(archive, check_processes=args.check_processes), host=args.host, port=args.port, ssl_context=context, print=None,
                    access_log=None)
    finally:
        archive.close()
    return 0


def _print_list(packages: list[dict[str, Any]]) -> None:
    if not packages:
        print("no packages")
    for p in packages:
        print(f"{p['received_at']}  {p['status']:<8}  {p['station_id']}  {p['package_id']}  {p['sha256'][:16]}")


def run(args: argparse.Namespace) -> int:
    from station.archive.service import Archive

    if args.command == "serve":
        return _serve(args)
    if args.command == "token":
        archive = Archive(args.data)
        try:
            if args.token_command == "create":
                token, expires = archive.create_token(args.station, args.days)
                print(f"token for station {args.station}, valid until {expires}; it is shown only now, give it "
                      "to the station (`station remote set URL --token-stdin`):")
                print(token)
            else:
                n = archive.revoke_tokens(station_id=args.station, token=args.token)
                print(f"revoked {n} token(s)")
        finally:
            archive.close()
        return 0
    if args.command == "list":
        archive = Archive(args.data)
        try:
            packages = archive.list_packages()
        finally:
            archive.close()
        if args.json:
            print(json.dumps({"packages": packages}, ensure_ascii=False, indent=2))
        else:
            _print_list(packages)
        return 0
    if args.command == "import":
        archive = Archive(args.data, trust=args.trust, accept_test_identities=args.accept_test_identities)
        try:
            result = archive.import_folder(args.usb_dir)
        finally:
            archive.close()
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            for p in result["packages"]:
                detail = p.get("error") or "; ".join(p.get("reasons") or [])
                print(f"{p['result']:<8}  {p['station_id']}  {p['package_id']}" + (f"  {detail}" if detail else ""))
            for a in result["audit"]:
                span = f"entries {a['first']}-{a['last']}" if a["result"] == "stored" else a["error"]
                print(f"{'audit' if a['result'] == 'stored' else 'error':<8}  {a['station_id']}  {a['file']}  {span}")
            print(f"{result['accepted']} accepted, {result['rejected']} rejected, {result['error']} not imported; "
                  f"receipts in {args.usb_dir / 'station-receipts'}")
        return 0 if result["error"] == 0 else 3
    raise UsageError(f"unknown command {args.command}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except StationError as exc:
        print(f"station-archive: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
