#!/usr/bin/env python3
"""Sealing benchmark: seconds to seal a 1-page and a 20-page approved document, and bytes per page.

    .venv/bin/python bench/seal.py [--pages 1 20] [--keep DIR]

Sealing = the PDF/A-2b build and its validation, the PAdES B-B signature (PKCS#12 RSA 2048, no
network), METS/metadata.json and the BagIt bag zipped. The documents are rendered Vietnamese pages
at 300 dpi, imported, processed (real Tesseract: setup, not measured), confirmed and approved.
Prints one JSON document: per size, wall and CPU seconds for the whole seal and for its parts
(build, sign; package = the rest), bytes of the signed PDF and of the package zip, per page.
CPU seconds are this process's user+system time (the build runs here, not in a pool), so they
are less inflated than wall time on a machine shared with other jobs.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(pages: int, work: Path) -> dict[str, object]:
    import keyring

    from station.signing.identity import SigningConfig, load_signer, load_trust_roots
    from station.signing.pades import sign_pdf
    from station.workflow import sealing
    from tests.seal_fixtures import PASSPHRASE, MemoryKeyring, approved_documents, write_ca

    keyring.set_keyring(MemoryKeyring())
    station, docs = approved_documents(work / "data", work, copies=2, pages=pages)
    try:
        _ca, _signer, ca_pem, p12 = write_ca(work / "ca")
        sealing.use_pkcs12(station, p12, PASSPHRASE)
        station.settings.set("signing.trust_roots", [str(ca_pem)])

        # The parts, on the second copy.
        t0, c0 = time.perf_counter(), _cpu()
        station.build_pdf(docs[1], work / "unsigned.pdf")
        build = (time.perf_counter() - t0, _cpu() - c0)
        config = SigningConfig.from_settings(station.settings)
        with load_signer(config, station.data_dir, None) as loaded:
            t0, c0 = time.perf_counter(), _cpu()
            sign_pdf(work / "unsigned.pdf", work / "signed.pdf", loaded, trust_roots=load_trust_roots(config.trust_roots))
            sign = (time.perf_counter() - t0, _cpu() - c0)

        # The whole seal, on the first copy.
        t0, c0 = time.perf_counter(), _cpu()
        result = sealing.seal(station, docs[0], user="chief")
        total = (time.perf_counter() - t0, _cpu() - c0)
        pdf = work / "sealed.pdf"
        station.export_pdf(docs[0], pdf)
        verdict = sealing.verify_file(station, Path(str(result["package"])))
    finally:
        station.close()
    kept = int(result["pages"])  # type: ignore[call-overload]
    return {
        "pages": kept,
        "seal_seconds": round(total[0], 3),
        "seal_cpu_seconds": round(total[1], 3),
        "parts_seconds": {"pdfa_build": round(build[0], 3), "sign": round(sign[0], 3),
                          "package": round(max(total[0] - build[0] - sign[0], 0.0), 3)},
        "parts_cpu_seconds": {"pdfa_build": round(build[1], 3), "sign": round(sign[1], 3)},
        "seconds_per_page": round(total[0] / kept, 3),
        "pdf_bytes": pdf.stat().st_size,
        "pdf_bytes_per_page": pdf.stat().st_size // kept,
        "package_bytes": int(result["bytes"]),  # type: ignore[call-overload]
        "package_bytes_per_page": int(result["bytes"]) // kept,  # type: ignore[call-overload]
        "signature_level": result["signature_level"],
        "verified": verdict["ok"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--keep", type=Path, help="keep the work folders here")
    args = parser.parse_args()
    results = {}
    for n in args.pages:
        if args.keep:
            work = args.keep / f"seal-{n}"
            work.mkdir(parents=True, exist_ok=True)
            results[f"{n}_page"] = measure(n, work)
        else:
            with tempfile.TemporaryDirectory(prefix=f"seal-bench-{n}-") as tmp:
                results[f"{n}_page"] = measure(n, Path(tmp))
        print(f"bench/seal.py: {n} page(s) done", file=sys.stderr)
    print(json.dumps({"machine_note": "2 shared cores: wall times are inflated by other jobs", **results},
                     indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
