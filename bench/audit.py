#!/usr/bin/env python3
"""Audit and accounts benchmark: what the evidence trail costs.

    .venv/bin/python bench/audit.py [--entries 20000]

Prints one JSON document: the CPU time of one scrypt password hash (the login cost, paid once per
command or GUI login), of appending one chained audit entry in its own transaction (synchronous=FULL,
so mostly fsync: wall time is reported too), of verifying the whole chain per 1000 entries, and of
a canonical extract of all entries. Peer: the same append without the chain (a plain INSERT, as
before the audit log), to show what chaining adds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def main() -> None:
    from station import audit
    from station.auth import hash_password, password_matches
    from station.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=20000)
    args = ap.parse_args()
    n = args.entries
    out: dict[str, object] = {"entries": n, "note": "2 shared cores: wall times are inflated; CPU times are the figure"}
    stored = hash_password("mật-khẩu-thử-1")
    cpu, wall = _timed(lambda: [password_matches("mật-khẩu-thử-1", stored) for _ in range(5)])
    out["scrypt_check_cpu_ms"] = round(cpu / 5 * 1000, 1)
    out["scrypt_check_wall_ms"] = round(wall / 5 * 1000, 1)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        few = 200
        cpu, wall = _timed(lambda: [store.log("bench", user="lan", obj=str(i), pages=i) for i in range(few)])
        out["append_own_transaction_cpu_ms"] = round(cpu / few * 1000, 3)
        out["append_own_transaction_wall_ms"] = round(wall / few * 1000, 3)

        def batch() -> None:
            with store.transaction():
                for i in range(n - few):
                    store.log("bench", user="lan", obj=str(i), pages=i)

        cpu, wall = _timed(batch)
        out["append_in_transaction_cpu_us"] = round(cpu / (n - few) * 1e6, 1)

        def plain() -> None:
            with store.transaction():
                for i in range(n - few):
                    store.db.execute("INSERT INTO bench_plain(at, user, action, object, detail) VALUES (?,?,?,?,?)",
                                     ("2026-01-01T00:00:00Z", "lan", "bench", str(i), json.dumps({"pages": i})))

        store.db.execute("CREATE TABLE bench_plain(id INTEGER PRIMARY KEY, at, user, action, object, detail)")
        cpu, _ = _timed(plain)
        out["peer_plain_insert_cpu_us"] = round(cpu / (n - few) * 1e6, 1)
        verdicts = []
        cpu, wall = _timed(lambda: verdicts.append(audit.verify(store)))
        assert verdicts[0].ok and verdicts[0].entries == n
        out["verify_cpu_ms_per_1000"] = round(cpu / n * 1000 * 1000, 2)
        out["verify_wall_s_total"] = round(wall, 2)
        blobs: list[bytes] = []
        cpu, _ = _timed(lambda: blobs.append(audit.extract(store)))
        out["extract_cpu_ms_per_1000"] = round(cpu / n * 1000 * 1000, 2)
        out["extract_bytes_per_entry"] = round(len(blobs[0]) / n)
        store.close()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
