"""The command line (shared/spec/cli.md): a thin face over station.workflow."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from station import __version__
from station.domain import DocState, SplitMode
from station.errors import StationError, UsageError


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one sentence, as the contract says
        self.print_usage(sys.stderr)
        print(f"station: {message}; see `station --help`.", file=sys.stderr)
        raise SystemExit(2)


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after the command's name."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--data-dir", default=argparse.SUPPRESS, help="the station's store (default: STATION_DATA_DIR "
                   "or the user data folder)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document")
    return p


def build_parser() -> Parser:
    common = _common()
    parser = Parser(prog="station", description="Scanning station: scan, clean, read, confirm, seal, archive.",
                    parents=[common])
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    def cmd(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, parents=[common], description=help)

    p = cmd("doctor", "check Tesseract, SANE, signing, archive and disk")
    p.add_argument("--lang", choices=["vi", "en"], help="the language of the report (default: the station's "
                   "ui.language setting)")
    p = cmd("devices", "list scanners; `devices add URL` / `devices remove ID` for network scanners")
    p.add_argument("action", nargs="?", choices=["add", "remove"])
    p.add_argument("target", nargs="?", metavar="URL|ID")
    p.add_argument("--name")
    p.add_argument("--pin", metavar="SHA256", help="trust this https scanner's self-signed certificate by its "
                   "sha256 fingerprint")
    p = cmd("scan", "scan with a profile; pages stream into the pipeline while the feeder runs")
    p.add_argument("--device", help="a device id from `station devices` (default: the configured one)")
    p.add_argument("--profile")
    p.add_argument("--batch")
    p.add_argument("--user")
    _batch_context_options(p)
    p = cmd("import", "import PNG, JPEG, TIFF and PDF files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--batch")
    p.add_argument("--split", choices=[m.value for m in SplitMode], default=SplitMode.FILE.value)
    p.add_argument("--user")
    _batch_context_options(p)
    cmd("procedures", "list the administrative procedures a batch can be scanned for, with their defaults")
    p = cmd("watch", "import what scanners drop into a (shared) folder, each complete file once")
    p.add_argument("folder", type=Path, metavar="FOLDER")
    p.add_argument("--batch")
    p.add_argument("--process", action="store_true", help="process what was imported after each poll")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between polls (default 2)")
    p.add_argument("--settle", type=float, default=2.0, help="seconds a file must stay unchanged (default 2)")
    p.add_argument("--once", action="store_true", help="handle the files present, then stop")
    p = cmd("process", "run cleanup, OCR and metadata suggestions on every pending page")
    p.add_argument("--batch")
    p = cmd("list", "list documents")
    p.add_argument("--batch")
    p.add_argument("--state", choices=[s.value for s in DocState])
    p = cmd("show", "show one document")
    p.add_argument("doc", metavar="DOC")
    p = cmd("confirm", "confirm a document's metadata (operator)")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--accept-suggestions", action="store_true")
    p.add_argument("--user")
    p = cmd("approve", "approve a confirmed document (supervisor)")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--user", required=True)
    p = cmd("reject", "send a confirmed document back to its operator (supervisor)")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--reason", required=True)
    p.add_argument("--user", required=True)
    p = cmd("seal", "PDF/A, signature and package for an approved document (supervisor)")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--user", required=True)
    p = cmd("export", "write a document's PDF/A (signed once sealed) or its package (zip)")
    p.add_argument("doc", metavar="DOC")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", type=Path, metavar="OUT")
    out.add_argument("--package", type=Path, metavar="OUT")
    p = cmd("verify", "verify a package or a PDF offline: bag, signature, PDF/A, metadata")
    p.add_argument("file", type=Path, metavar="FILE")
    p = cmd("user", "local accounts: add, list, reset-password (the first admin needs no --user)")
    p.add_argument("action", choices=["add", "list", "reset-password"])
    p.add_argument("name", nargs="?", metavar="NAME")
    p.add_argument("--role", choices=["operator", "supervisor", "admin"])
    p.add_argument("--password-stdin", action="store_true", help="read the new account's password from stdin")
    p.add_argument("--user", help="the admin (or, for reset-password, the account's owner) acting")
    p = cmd("audit", "check the audit log's hash chain")
    p.add_argument("action", choices=["verify"])
    p = cmd("report", "progress against the inventory, per procedure, operator and day; sync backlog")
    p.add_argument("--pdf", type=Path, metavar="OUT", help="also write the report as PDF")
    p.add_argument("--csv", type=Path, metavar="OUT", help="also write the figures as CSV (UTF-8)")
    p = cmd("inventory", "import the inventory of paper files to digitize (CSV)")
    p.add_argument("action", choices=["import"])
    p.add_argument("file", type=Path, metavar="CSV")
    p.add_argument("--user", required=True)
    p = cmd("signing", "the organ's signing identity: use-pkcs12 | use-token | test-identity | show")
    p.add_argument("action", choices=["use-pkcs12", "use-token", "test-identity", "show"])
    p.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the PKCS#12 file (use-pkcs12)")
    p.add_argument("--passphrase-stdin", action="store_true", help="read the PKCS#12 passphrase from stdin")
    p.add_argument("--module", metavar="LIB", help="the token's PKCS#11 library (use-token)")
    p.add_argument("--token-label", metavar="L")
    p.add_argument("--key-label", metavar="L")
    _sync_parsers(cmd)
    cmd("gui", "open the operator's window (also what `station` alone does)")
    p = cmd("demo", "run the whole flow on bundled sample pages in a temporary data dir")
    p.add_argument("--keep", action="store_true", help="keep the temporary data dir and print where it is")
    return parser


def _sync_parsers(cmd: Any) -> None:
    """The archive link (issue 7): sync, sneakernet, remote."""
    p = cmd("sync", "send every sealed package to the archive; resumes partial uploads")
    p.add_argument("--once", action="store_true", help="one pass, then stop (default: go on with backoff until "
                   "the outbox is empty)")
    p.add_argument("--user", help="someone acting (a supervisor); without it the station itself sends")
    p = cmd("export-outbox", "sneakernet: every unsent package and an index to a folder (a USB drive)")
    p.add_argument("folder", type=Path, metavar="DIR")
    p.add_argument("--user", help="someone acting (a supervisor); without it the station itself acts")
    p = cmd("import-receipts", "sneakernet: the archive's receipts back from a folder (a USB drive)")
    p.add_argument("folder", type=Path, metavar="DIR")
    p.add_argument("--user", help="someone acting (a supervisor); without it the station itself acts")
    p = cmd("remote", "the archive to sync to: `remote set URL [--token-stdin] [--ca-bundle FILE]` | `remote show`")
    p.add_argument("action", choices=["set", "show"])
    p.add_argument("url", nargs="?", metavar="URL")
    p.add_argument("--token-stdin", action="store_true", help="read the archive token from stdin (kept in the "
                   "OS keyring)")
    p.add_argument("--ca-bundle", type=Path, metavar="FILE", help="the CA certificate(s) (PEM) that sign the "
                   "archive's TLS certificate")
    p.add_argument("--archive-cert", type=Path, metavar="FILE", help="the archive's receipt certificate (PEM), "
                   "instead of fetching it")
    p.add_argument("--user", help="the admin acting (remote set)")


def _syncing(args: argparse.Namespace, station: Any) -> int:
    import threading

    from station.workflow import syncing

    def say(text: str) -> None:
        print(f"station: {text}", file=sys.stderr)

    if args.command == "remote":
        if args.action == "show":
            r = syncing.remote_show(station)
        else:
            if not args.url:
                raise UsageError("Give the archive's address: station remote set URL [--token-stdin].")
            actor = _login(args, station, "remote_setup")
            token = sys.stdin.readline().strip() if args.token_stdin else None
            r = syncing.remote_set(station, args.url, user=actor, token=token, ca_bundle=args.ca_bundle,
                                   archive_cert=args.archive_cert)
        cert = r["archive_certificate"]
        _emit(args, r, f"archive: {r['url'] or 'not set'}\n  CA bundle: {r['ca_bundle'] or 'system'}\n"
              f"  receipt certificate: {cert['subject'] + ', sha256 ' + cert['sha256'] if cert else 'not pinned'}"
              f"\n  token: {r['token'] or 'missing'}\n  outbox: " + ", ".join(f"{k} {v}" for k, v in r["outbox"].items()))
        return 0
    actor = _login(args, station, "sync") if getattr(args, "user", None) else None
    if args.command == "export-outbox":
        r = syncing.export_outbox(station, args.folder, user=actor)
        _emit(args, r, f"exported {r['exported']} package(s) ({r['bytes']} bytes) to {r['folder']}"
              + "".join(f"\n  problem: {p}" for p in r["problems"]))
        return 4 if r["problems"] else 0
    if args.command == "import-receipts":
        r = syncing.import_receipts(station, args.folder, user=actor)
        _emit(args, r, f"receipts: {r['accepted']} accepted, {r['rejected']} rejected, {len(r['refused'])} refused, "
              f"{len(r['unknown'])} unknown; {r['pending']} package(s) still waiting"
              + "".join(f"\n  refused {x['file']}: {x['error']}" for x in r["refused"]))
        if r["refused"]:
            print("station: some receipts were refused (see above); the packages stay in the outbox.", file=sys.stderr)
            return 6
        return 0
    stop = threading.Event()
    if not args.once:
        say("syncing until the outbox is empty; press Ctrl+C to stop (nothing is lost)")
    try:
        result = syncing.sync(station, user=actor, once=args.once, stop=stop, say=say)
    except KeyboardInterrupt:
        stop.set()
        raise
    _emit(args, result.to_dict(), f"sent {result.sent}, already there {result.already_there}, rejected "
          f"{result.rejected}, failed {result.failed}, pending {result.pending}"
          + "".join(f"\n  {e['package_id']}: {e['error']}" for e in result.errors[:10]))
    code, sentence = syncing.sync_exit(result)
    if sentence:
        print(f"station: {sentence}", file=sys.stderr)
    return code


def _batch_context_options(p: argparse.ArgumentParser) -> None:
    """What every document of the batch shares (metadata.md): set once, kept with the batch."""
    p.add_argument("--organ", metavar="ID", help="the organ identifier, e.g. 000.00.00.G03")
    p.add_argument("--file-code", metavar="CODE", help="the file code (organ . year . notation, or year . notation)")
    p.add_argument("--paper-file-code", metavar="CODE", help="the paper original's shelf code")
    p.add_argument("--procedure", metavar="CODE", help="the procedure (mã TTHC), from `station procedures`")


def _batch_context(args: argparse.Namespace) -> dict[str, str | None]:
    return {"organ": args.organ, "file_code": args.file_code, "paper_file_code": args.paper_file_code,
            "procedure": args.procedure}


class TerminalProgress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self.open = False

    def __call__(self, done: int, total: int, message: str) -> None:
        if not self.active or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {message[:40]:<40}")
        self.open = done < total
        if not self.open:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.open:
            sys.stderr.write("\n")
            self.open = False


def _emit(args: argparse.Namespace, payload: dict[str, Any], human: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif human:
        print(human)


def _sets(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set takes KEY=VALUE, not {item!r}.")
        out[key.strip()] = value
    return out


def _show_text(doc: dict[str, Any]) -> str:
    lines = [f"{doc['id']}  {doc['state']}  batch {doc['batch']}  {doc['page_count']} page(s)"]
    for p in doc["pages"]:
        flags = ", ".join(p["flags"]) if p["flags"] else ""
        lines.append(
            f"  page {p['index']}: {p['source']} {p['width']}x{p['height']} @{p['dpi']:g} dpi"
            f" skew {p['skew_deg']}° orientation {p['orientation_deg']}°"
            f"{' BLANK' if p['blank'] else ''}{' [' + flags + ']' if flags else ''}"
        )
    for key, s in doc["suggestions"].items():
        lines.append(f"  suggested {key}: {s['value']} ({s['confidence']:.2f})")
    for key, value in doc["metadata"].items():
        lines.append(f"  {key}: {value}")
    for problem in doc["problems"]:
        lines.append(f"  problem {problem['field']}: {problem['message']}")
    return "\n".join(lines)


def _devices(args: argparse.Namespace, station: Any) -> int:
    from station.workflow import scanning

    if args.action == "add":
        if not args.target:
            raise UsageError("Give the scanner's address: station devices add http://HOST/eSCL [--name NAME].")
        added = scanning.add_network_scanner(station, args.target, args.name, args.pin)
        _emit(args, {"added": added}, f"added network scanner {added['name']} at {added['url']}")
        return 0
    if args.action == "remove":
        if not args.target:
            raise UsageError("Give the address or name of the network scanner to remove.")
        scanning.remove_network_scanner(station, args.target)
        _emit(args, {"removed": args.target}, f"removed {args.target}")
        return 0
    listed = scanning.device_list(station)
    human = "\n".join(
        f"{d['id']:<28} {d['name']}" + (f"  ({', '.join(d['sources'])}; {', '.join(map(str, d['resolutions']))} dpi)"
                                        if "sources" in d else "  (not answering)")
        for d in listed["devices"]
    )
    _emit(args, listed, human + "".join(f"\n  warning: {p}" for p in listed["problems"]))
    return 0


class _PrintEvents:
    def status(self, message: str) -> None:
        print(f"station: {message}", file=sys.stderr)

    def page_started(self, index: int) -> None:
        if sys.stderr.isatty():
            print(f"station: scanning page {index}", file=sys.stderr)


def _scan(args: argparse.Namespace, station: Any) -> int:
    from station.scanner.base import CancelToken
    from station.workflow import scanning

    cancel = CancelToken()
    context = _batch_context(args)
    if any(context.values()):
        from station.workflow.station import default_batch_name

        args.batch = args.batch or default_batch_name()
        station.set_batch_context(args.batch, **context)
    try:
        report = scanning.scan(station, args.device, profile=args.profile, batch=args.batch, user=args.user,
                               events=_PrintEvents(), cancel=cancel, progress=TerminalProgress())
    except KeyboardInterrupt:
        cancel.cancel()
        raise
    human = (f"scanned {report.pages} page(s) from {report.device} into {len(report.documents)} document(s)"
             + (f"; {report.process.pages_done} processed" if report.process else ""))
    _emit(args, report.to_dict(), human)
    if report.error is not None:
        print(f"station: {report.error.message} The {report.pages} page(s) received are kept.", file=sys.stderr)
        return report.error.exit_code
    return 0


def _watch(args: argparse.Namespace, station: Any) -> int:
    import threading

    from station.workflow import scanning

    if not args.folder.is_dir():
        raise UsageError(f"{args.folder} is not a folder; give the folder the scanners save into.")
    stop = threading.Event()
    if not args.once:
        print(f"station: watching {args.folder}; press Ctrl+C to stop.", file=sys.stderr)
    try:
        outcome = scanning.watch_folder(
            station, args.folder, batch=args.batch, settle_seconds=args.settle, interval=args.interval, stop=stop,
            once=args.once, process=args.process,
            say=lambda text: print(f"station: {text}", file=sys.stderr),
        )
    except KeyboardInterrupt:
        stop.set()
        return 0
    _emit(args, outcome, f"imported {len(outcome['imported'])} document(s), {len(outcome['failed'])} file(s) "
                         f"refused (moved to failed/), {len(outcome['duplicates'])} already imported")
    return 3 if outcome["failed"] else 0


# -- people: --user, passwords, accounts, audit, progress (issue 9) -------------------------------------
def _password(prompt: str) -> str | None:
    """From the prompt on a terminal; without one, from STATION_PASSWORD (never from an argument)."""
    import getpass
    import os

    if sys.stdin.isatty():
        try:
            return getpass.getpass(prompt)
        except EOFError:
            return None
    return os.environ.get("STATION_PASSWORD")


def _login(args: argparse.Namespace, station: Any, action: str) -> str:
    """Authenticate --user for `action`: exit 7 (and an audit entry) for anyone who may not."""
    from station.auth import Action

    name = getattr(args, "user", None)
    if not name:
        station.accounts.require(None, Action(action))  # logs the refusal and raises NotAllowed
    session = station.accounts.authenticate(name or "", _password(f"Password for {name}: "), action=Action(action))
    return str(session.user)


def _new_password(args: argparse.Namespace, name: str) -> str:
    import getpass

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"New password for {name}: ")
        if getpass.getpass("Type it again: ") != password:
            raise UsageError("The two passwords differ; run the command again.")
    else:
        raise UsageError("There is no terminal to type the new password: pipe it in with --password-stdin.")
    from station.auth import check_password_rules

    check_password_rules(password)
    return password


def _user(args: argparse.Namespace, station: Any) -> int:
    accounts = station.accounts
    if args.action == "list":
        if accounts.count():
            _login(args, station, "user_list")
        listed = [a.to_dict() for a in accounts.list()]
        _emit(args, {"users": listed}, "\n".join(f"{a['name']:<24} {a['role']:<10}"
                                                  f"{'' if a['active'] else ' (disabled)'}" for a in listed))
        return 0
    if not args.name:
        raise UsageError(f"Name the account: station user {args.action} NAME.")
    if args.action == "add":
        if not args.role:
            raise UsageError("Give the account's role: --role operator, supervisor or admin.")
        actor = _login(args, station, "user_manage") if accounts.count() else None
        account = accounts.add(args.name, args.role, _new_password(args, args.name), by=actor)
        _emit(args, {"user": account.to_dict()}, f"added {account.name} ({account.role.value})")
        return 0
    from station.auth import account_key

    own = bool(args.user) and account_key(args.user) == account_key(args.name)
    actor = _login(args, station, "own_password" if own else "user_manage")
    accounts.reset_password(args.name, _new_password(args, args.name), by=actor)
    _emit(args, {"user": args.name, "password_reset": True}, f"password of {args.name} reset")
    return 0


def _audit(args: argparse.Namespace, station: Any) -> int:
    from station import audit

    verdict = audit.verify(station.store)
    if verdict.ok:
        _emit(args, verdict.to_dict(), f"audit log ok: {verdict.entries} entries, chain head {verdict.head[:16]}…")
        return 0
    _emit(args, verdict.to_dict(), f"audit log BROKEN: {verdict.problem}\nfirst bad entry: "
                                   f"{json.dumps(verdict.first_bad, ensure_ascii=False)}")
    print(f"station: the audit log was tampered with ({verdict.problem}); keep this data dir as it is and "
          "tell your supervisor and IT security.", file=sys.stderr)
    return 4


def _report(args: argparse.Namespace, station: Any) -> int:
    from station.workflow import progress

    report = progress.progress_report(station)
    if args.csv:
        progress.report_csv(report, args.csv)
    if args.pdf:
        progress.report_pdf(report, args.pdf)
    o = report["overall"]
    lines = [f"{'procedure':<28} {'expected':>9} {'digitized':>9} {'approved':>9} {'archived':>9}"]
    for p in [*report["procedures"], {**o, "procedure": "TOTAL"}]:
        lines.append(f"{(p['procedure'] or '(none)')[:28]:<28} {p['expected_documents']:>9} "
                     f"{p['digitized_documents']:>9} {p['approved_documents']:>9} {p['archived_documents']:>9}"
                     f"  {'' if p['digitized_percent'] is None else str(p['digitized_percent']) + ' %'}")
    lines.append(f"outside the inventory: {report['outside_inventory']['digitized_documents']} document(s)")
    lines.append(f"sync backlog: {report['sync_backlog']['documents']} document(s), "
                 f"{report['sync_backlog']['pages']} page(s)")
    _emit(args, report, "\n".join(lines))
class TerminalPrompt:
    """The core's SecretPrompt on a terminal: STATION_TOKEN_PIN for unattended runs, else getpass."""

    def secret(self, question: str) -> str | None:
        import getpass
        import os

        env = os.environ.get("STATION_TOKEN_PIN")
        if env:
            return env
        if not sys.stdin.isatty():
            return None
        try:
            return getpass.getpass(question, stream=sys.stderr)
        except EOFError:
            return None


def _signing(args: argparse.Namespace, station: Any) -> int:
    from station.workflow import sealing

    if args.action == "use-pkcs12":
        if args.file is None:
            raise UsageError("Give the PKCS#12 file: station signing use-pkcs12 FILE [--passphrase-stdin].")
        if args.passphrase_stdin:
            passphrase: str | None = sys.stdin.readline().rstrip("\r\n")
        else:
            import getpass

            passphrase = getpass.getpass("PKCS#12 passphrase: ", stream=sys.stderr) if sys.stdin.isatty() else None
        result = sealing.use_pkcs12(station, args.file, passphrase)
    elif args.action == "use-token":
        if not args.module:
            raise UsageError("Give the token's PKCS#11 library: station signing use-token --module LIB.")
        result = sealing.use_token(station, args.module, args.token_label, args.key_label, TerminalPrompt())
    elif args.action == "test-identity":
        result = sealing.test_identity(station)
    else:
        result = sealing.show(station)
    cert = result.get("certificate")
    human = f"signing identity: {result['kind'] or 'none'}"
    if cert:
        human += (f"\n  {cert['subject']}\n  serial {cert['serial']}, {cert['key']}, valid until "
                  f"{cert['not_after'][:10]} ({cert['days_left']} days)" + ("\n  TEST identity: not for archiving"
                                                                             if cert["test_identity"] else ""))
    _emit(args, result, human)
    return 0


def run(args: argparse.Namespace) -> int:
    from station.workflow import Station

    if args.command == "demo":
        from station.workflow.demo import run_demo

        result = run_demo(keep=args.keep, out=None if getattr(args, "json", False) else sys.stdout)
        if getattr(args, "json", False):
            print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0 if result["ok"] else 1

    if args.command == "doctor":
        from station import config
        from station.workflow.doctor import choose_language, run_checks, say

        data = config.data_dir(getattr(args, "data_dir", None))
        settings = config.Settings.load(data)
        lang = choose_language(args.lang, settings)
        checks = run_checks(data, settings.get("scanner.escl_devices"), lang=lang)
        ok = all(c.status != "fail" for c in checks)
        human = "\n".join(f"{c.status:<4}  {c.name:<16} {c.detail}" for c in checks)
        _emit(args, {"ok": ok, "lang": lang, "checks": [c.to_dict() for c in checks]}, human)
        if not ok:
            print(f"station: {say(lang, 'some checks failed; do what the lines marked fail say.')}",
                  file=sys.stderr)
        return 0 if ok else 1

    station = Station(getattr(args, "data_dir", None))
    try:
        if args.command == "devices":
            return _devices(args, station)
        if args.command == "user":
            return _user(args, station)
        if args.command == "audit":
            return _audit(args, station)
        if args.command == "report":
            return _report(args, station)
        if args.command == "inventory":
            from station.workflow.progress import import_inventory

            result = import_inventory(station, args.file, user=_login(args, station, "inventory_import"))
            _emit(args, result, f"inventory: {result['files']} paper file(s) ({result['added']} new), "
                                f"{result['expected_documents']} documents, {result['expected_pages']} pages expected")
            return 0
        if args.command == "scan":
            return _scan(args, station)
        if args.command == "watch":
            return _watch(args, station)
        if args.command == "import":
            bar = TerminalProgress()
            report = station.import_files(
                args.paths, batch=args.batch, split=SplitMode(args.split), user=args.user,
                on_file=lambda n, total, path: bar(n - 1, total, f"reading {path.name}"),
                context=_batch_context(args),
            )
            bar.finish()
            human = "\n".join(
                [f"imported {d['id']} ({d['page_count']} page(s)) into batch {d['batch']}" for d in report.documents]
                + [f"refused {r['path']}: {r['reason']}" for r in report.refused]
            )
            _emit(args, report.to_dict(), human)
            if report.refused:
                n = len(report.refused)
                print(f"station: {n} file(s) were refused and nothing was stored for them; "
                      "fix or rescan them and import them again.", file=sys.stderr)
                return 3
            return 0
        if args.command == "procedures":
            from station.metadata.procedures import load_procedures, procedures_file

            listed = [p.to_dict() for p in load_procedures()]
            _emit(args, {"file": str(procedures_file()), "procedures": listed},
                  "\n".join(f"{p['code']:<10} {p['maintenance']} {p['rights']}  {p['name']}" for p in listed))
            return 0
        if args.command == "process":
            r = station.process(batch=args.batch, progress=TerminalProgress())
            payload = {
                "pages_done": r.pages_done, "pages_failed": r.pages_failed,
                "documents_ready": r.documents_ready, "documents_failed": r.documents_failed,
                "seconds": round(r.seconds, 2),
                "stage_seconds": {k: round(v, 2) for k, v in r.stage_seconds.items()},
                "errors": r.errors,
            }
            human = (f"processed {r.pages_done} page(s) in {r.seconds:.1f} s; "
                     f"{len(r.documents_ready)} document(s) ready for review"
                     + (f"; {r.pages_failed} page(s) failed" if r.pages_failed else ""))
            _emit(args, payload, human + "".join(f"\n  {e}" for e in r.errors))
            if r.documents_failed:
                print("station: some documents failed; `station show DOC` says why: rescan or re-import "
                      "those pages.", file=sys.stderr)
                return 1
            return 0
        if args.command == "list":
            docs = station.list_documents(batch=args.batch, state=args.state)
            human = "\n".join(f"{d['id']}  {d['state']:<12} {d['batch']:<12} {d['page_count']:>3}p  {d['title']}"
                              for d in docs)
            _emit(args, {"documents": docs}, human)
            return 0
        if args.command == "show":
            doc = station.show(args.doc)
            _emit(args, doc, _show_text(doc))
            return 0
        if args.command == "confirm":
            doc = station.confirm(args.doc, sets=_sets(args.set), accept_suggestions=args.accept_suggestions,
                                  user=_login(args, station, "confirm"))
            _emit(args, doc, f"confirmed {doc['id']} by {args.user}")
            return 0
        if args.command == "approve":
            doc = station.approve(args.doc, user=_login(args, station, "approve"))
            _emit(args, doc, f"approved {doc['id']} by {args.user}")
            return 0
        if args.command == "reject":
            doc = station.reject(args.doc, reason=args.reason, user=_login(args, station, "reject"))
            _emit(args, doc, f"rejected {doc['id']}: {args.reason}")
            return 0
        if args.command == "signing":
            return _signing(args, station)
        if args.command in ("sync", "export-outbox", "import-receipts", "remote"):
            return _syncing(args, station)
        if args.command == "seal":
            from station.workflow import sealing

            result = sealing.seal(station, args.doc, user=_login(args, station, "seal"), prompt=TerminalPrompt())
            _emit(args, result, f"sealed {result['id']}: {result['signature_level']}, package {result['package']}"
                  + "".join(f"\n  warning: {w}" for w in result["warnings"]))
            return 0
        if args.command == "export" and args.package is not None:
            from station.workflow import sealing

            result = sealing.export_package(station, args.doc, args.package)
            _emit(args, result, f"wrote {result['package']} ({result['bytes']} bytes, sha256 {result['sha256']})")
            return 0
        if args.command == "export":
            result = station.export_pdf(args.doc, args.pdf)
            _emit(args, result, f"wrote {result['pdf']} ({result['pages']} page(s), {result['bytes']} bytes)")
            return 0
        if args.command == "verify":
            result = station.verify(args.file)
            human = "\n".join(f"{'ok  ' if c['ok'] else 'FAIL'}  {c['name']:<12} {c['detail']}"
                              for c in result["checks"])
            _emit(args, result, human)
            if not result["ok"]:
                print(f"station: {args.file} did not pass verification; see the checks marked FAIL.",
                      file=sys.stderr)
                return 4
            return 0
    finally:
        station.close()
    raise UsageError(f"unknown command {args.command!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None or args.command == "gui":
        # The window opens through station.entry (the installed `station`), which sits above the layers.
        parser.print_help()
        return 0
    try:
        return run(args)
    except StationError as exc:
        if getattr(args, "json", False):
            err: dict[str, Any] = {"code": exc.exit_code, "message": exc.message}
            if exc.detail is not None:
                err["detail"] = exc.detail
            print(json.dumps({"error": err}, ensure_ascii=False, indent=2))
        print(f"station: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("station: interrupted; run the same command again to carry on where it stopped.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last resort: one sentence, and the trace in a file for IT staff
        trace = Path(tempfile.gettempdir()) / "station-crash.txt"
        trace.write_text(traceback.format_exc(), encoding="utf-8")
        print(f"station: unexpected error ({exc.__class__.__name__}: {exc}); the details are in {trace}, "
              "send them to IT support.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
