"""Fetch what the Windows installer ships beside the station, into one folder (build/windows/).

Run on the Windows build machine (.github/workflows/windows.yml) before Inno Setup; the installer
then needs no network at the office. Layout, as installers/windows/station.iss and
installers/station_main.py expect it:

    tesseract/           Tesseract (UB Mannheim's build, installed silently here) with
    tesseract/tessdata/  vie.traineddata and osd.traineddata (tessdata_fast, as Debian ships)
    poppler/bin/         pdftoppm, pdftotext, pdfimages (imports of damaged PDF files)
    twain/TWAINDSM.dll   the 64-bit TWAIN data source manager, installed only where it is missing
    fonts/               Liberation Serif 2 for `station demo`'s sample pages (copied into resources/fonts)

Each download is checked against SOURCES' SHA-256 where one is pinned; the hashes of the others are
printed so a release can pin them. Versions are pinned by URL.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import shutil
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path

TESSERACT = "5.3.3.20231005"
SOURCES: dict[str, tuple[str, str | None]] = {
    "tesseract": (f"https://digi.bib.uni-mannheim.de/tesseract/tesseract-ocr-w64-setup-{TESSERACT}.exe", None),
    "vie": ("https://github.com/tesseract-ocr/tessdata_fast/raw/4.1.0/vie.traineddata", None),
    "osd": ("https://github.com/tesseract-ocr/tessdata_fast/raw/4.1.0/osd.traineddata", None),
    "poppler": ("https://github.com/oschwartz10612/poppler-windows/releases/download/v24.08.0-0/"
                "Release-24.08.0-0.zip", None),
    "twaindsm": ("https://github.com/twain/twain-dsm/releases/download/v2.5.1/TWAINDSM-2.5.1.msi", None),
    # Debian 12's fonts-liberation2 (the fonts the Linux station uses), checked by Debian's own hash.
    "fonts": ("https://deb.debian.org/debian/pool/main/f/fonts-liberation2/fonts-liberation2_2.1.5-1_all.deb",
              "35ffaa54f117e633e89a5da89af235a073b34dbe582726fbf6989568f7fd9bda"),
}


def download(name: str, dest: Path) -> Path:
    url, sha256 = SOURCES[name]
    dest.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 (fixed https URLs above)
        data = response.read()
    digest = hashlib.sha256(data).hexdigest()
    if sha256 is not None and digest != sha256:
        raise SystemExit(f"{url}: SHA-256 {digest} is not the pinned {sha256}; refusing it")
    print(f"{name}: {url} sha256={digest}", flush=True)
    dest.write_bytes(data)
    return dest


def deb_data_members(deb: bytes) -> tarfile.TarFile:
    """The data archive of a .deb (an `ar` archive holding control and data tarballs)."""
    if not deb.startswith(b"!<arch>\n"):
        raise ValueError("not a Debian package (no ar header)")
    pos = 8
    while pos + 60 <= len(deb):
        header = deb[pos:pos + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        body = deb[pos + 60:pos + 60 + size]
        if name.startswith("data.tar"):
            if name.endswith(".xz"):
                body = lzma.decompress(body)
                return tarfile.open(fileobj=io.BytesIO(body), mode="r:")
            return tarfile.open(fileobj=io.BytesIO(body), mode="r:*")
        pos += 60 + size + (size % 2)
    raise ValueError("the Debian package has no data archive")


def extract_fonts(deb: Path, out: Path, pattern: str = "LiberationSerif-") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with deb_data_members(deb.read_bytes()) as tar:
        for member in tar.getmembers():
            leaf = Path(member.name).name
            if member.isfile() and leaf.startswith(pattern) and leaf.endswith(".ttf"):
                f = tar.extractfile(member)
                assert f is not None
                (out / leaf).write_bytes(f.read())
                written.append(out / leaf)
    if not written:
        raise SystemExit(f"{deb} holds no {pattern}*.ttf")
    return sorted(written)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    downloads = out / "downloads"
    # Tesseract: its NSIS installer, silently, into our folder; then the two language files.
    setup = download("tesseract", downloads / "tesseract-setup.exe")
    tesseract = (out / "tesseract").resolve()
    subprocess.run([str(setup), "/S", f"/D={tesseract}"], check=True)
    for lang in ("vie", "osd"):
        download(lang, tesseract / "tessdata" / f"{lang}.traineddata")
    if not (tesseract / "tesseract.exe").is_file():
        raise SystemExit(f"Tesseract did not install into {tesseract}")
    # poppler: the zip's Library/bin folder.
    archive = download("poppler", downloads / "poppler.zip")
    with zipfile.ZipFile(archive) as z:
        z.extractall(downloads / "poppler")
    bins = [p for p in (downloads / "poppler").rglob("pdftoppm.exe")]
    if not bins:
        raise SystemExit("the poppler archive has no pdftoppm.exe")
    shutil.copytree(bins[0].parent, out / "poppler" / "bin", dirs_exist_ok=True)
    # The TWAIN DSM: an administrative install of its MSI only unpacks it.
    msi = download("twaindsm", downloads / "twaindsm.msi")
    unpacked = (downloads / "twaindsm").resolve()
    subprocess.run(["msiexec", "/a", str(msi.resolve()), "/qn", f"TARGETDIR={unpacked}"], check=True)
    dlls = [p for p in unpacked.rglob("TWAINDSM.dll") if "64" in str(p) or "System32" in str(p)] \
        or list(unpacked.rglob("TWAINDSM.dll"))
    if not dlls:
        raise SystemExit("the TWAIN DSM package has no TWAINDSM.dll")
    (out / "twain").mkdir(exist_ok=True)
    shutil.copyfile(dlls[0], out / "twain" / "TWAINDSM.dll")
    # Fonts for the sample pages.
    extract_fonts(download("fonts", downloads / "fonts-liberation2.deb"), out / "fonts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/windows")))
