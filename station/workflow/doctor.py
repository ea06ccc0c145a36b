"""`station doctor`: what works on this machine and what to do about what does not.

It is read by an IT officer at a regional office, in Vietnamese or English (`--lang`, else the
station's `ui.language`): every line says what is wrong and how to fix it, in that language. The
texts are a small catalogue here, keyed like gettext by their English source; the signing check's
sentences come from station.workflow.sealing in English and are translated through SIGNING_VI.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGS = ("vi", "en")
HEALTH_PATH = "/api/v1/health"
HEALTH_TIMEOUT = 3.0


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "status": self.status, "detail": self.detail}


WINDOWS = sys.platform == "win32"
# How each missing piece is installed: Debian's package on Linux, the station's installer on Windows.
_INSTALL = {
    "en": "reinstall the station (its installer brings {what})" if WINDOWS else "sudo apt install {pkg}",
    "vi": "cài lại trạm (bộ cài có kèm {what})" if WINDOWS else "sudo apt install {pkg}",
}

TEXTS: dict[str, str] = {
    # English source -> Vietnamese.
    "Tesseract is not installed, so pages cannot be read; fix: {fix}":
        "Chưa cài Tesseract nên không nhận dạng được chữ; cách sửa: {fix}",
    "Tesseract does not run ({error}); fix: {fix}":
        "Tesseract không chạy được ({error}); cách sửa: {fix}",
    "installed": "đã cài",
    "the Vietnamese data (vie) is missing, so pages cannot be read in Vietnamese; fix: {fix}":
        "thiếu dữ liệu tiếng Việt (vie) nên không nhận dạng được chữ tiếng Việt; cách sửa: {fix}",
    "the orientation data (osd) is missing, so turned pages are not set upright; fix: {fix}":
        "thiếu dữ liệu hướng trang (osd) nên trang bị xoay không được dựng lại; cách sửa: {fix}",
    "found": "có",
    "{tool} is missing, so some PDF files cannot be imported; fix: {fix}":
        "thiếu {tool} nên một số tệp PDF không nhập được; cách sửa: {fix}",
    "SANE and its network-scanner backend (sane-airscan) are installed":
        "đã cài SANE và trình điều khiển máy quét mạng (sane-airscan)",
    "no scanner driver: SANE is not installed, so USB scanners cannot be used; fix: {fix}":
        "không có trình điều khiển máy quét: chưa cài SANE nên không dùng được máy quét USB; cách sửa: {fix}",
    "the SANE tools (scanimage) are missing, so scanners cannot be checked by hand; fix: {fix}":
        "thiếu công cụ SANE (scanimage) nên không kiểm tra máy quét thủ công được; cách sửa: {fix}",
    "the network-scanner backend (sane-airscan) is missing; fix: {fix}":
        "thiếu trình điều khiển máy quét mạng (sane-airscan); cách sửa: {fix}",
    "the TWAIN data source manager (TWAINDSM.dll) is installed": "đã cài trình quản lý nguồn TWAIN (TWAINDSM.dll)",
    "no TWAIN data source manager (TWAINDSM.dll): only WIA scanners can be used; fix: {fix}":
        "không có trình quản lý nguồn TWAIN (TWAINDSM.dll): chỉ dùng được máy quét WIA; cách sửa: {fix}",
    "{n} device(s){names}": "{n} thiết bị{names}",
    "; connect a scanner or add one with `station devices add URL`":
        "; hãy cắm máy quét hoặc thêm bằng `station devices add URL`",
    "{n} network scanner(s) answered on this network": "{n} máy quét mạng trả lời trên mạng này",
    "; if yours is on another subnet, add it with `station devices add URL`":
        "; nếu máy quét ở mạng con khác, hãy thêm bằng `station devices add URL`",
    "no archive is set, so packages stay in the outbox; fix: `station remote set URL`":
        "chưa đặt kho lưu trữ nên các gói nằm lại trong hộp thư đi; cách sửa: `station remote set URL`",
    "the archive {url} answers": "kho lưu trữ {url} trả lời bình thường",
    "the archive {url} cannot be reached ({error}); fix: check the network and the address "
    "(`station remote set URL`), or carry packages with `station export-outbox DIR`":
        "không kết nối được kho lưu trữ {url} ({error}); cách sửa: kiểm tra mạng và địa chỉ "
        "(`station remote set URL`), hoặc chuyển gói bằng `station export-outbox DIR`",
    "the archive's certificate authority file {path} is missing; fix: `station remote set URL --ca-bundle FILE`":
        "thiếu tệp chứng thư của kho lưu trữ {path}; cách sửa: `station remote set URL --ca-bundle FILE`",
    "{free} GiB free for {path}": "còn trống {free} GiB cho {path}",
    "; free space before scanning more": "; hãy giải phóng dung lượng trước khi quét tiếp",
    "{path} cannot be checked ({error})": "không kiểm tra được {path} ({error})",
    "some checks failed; do what the lines marked fail say.":
        "một số mục kiểm tra bị lỗi; hãy làm theo các dòng ghi fail.",
}

# station.workflow.sealing.doctor_check's sentences (English) -> Vietnamese, applied in this order.
SIGNING_VI: list[tuple[str, str]] = [
    (r"no signing identity is set up; run `station signing use-pkcs12 FILE` or `use-token`",
     "chưa thiết lập chữ ký số; cách sửa: `station signing use-pkcs12 FILE` hoặc `use-token`"),
    (r"the PKCS#12 file (.+?) is missing; run `station signing use-pkcs12 FILE` again",
     r"thiếu tệp PKCS#12 \1; cách sửa: chạy lại `station signing use-pkcs12 FILE`"),
    (r"the PKCS#11 module (.+?) is missing; install the token's driver",
     r"thiếu thư viện PKCS#11 \1; cách sửa: cài trình điều khiển của token"),
    (r"the PKCS#11 module cannot be loaded \((.+?)\)",
     r"không nạp được thư viện PKCS#11 (\1); cách sửa: cài lại trình điều khiển của token"),
    (r"its passphrase is not in the OS keyring",
     "mật khẩu của tệp chưa có trong kho khoá của hệ điều hành (chạy lại `station signing use-pkcs12 FILE`)"),
    (r"the token is not plugged in", "chưa cắm token"),
    (r"(\w+) identity; certificate not read yet \(it is read at the first seal\)",
     r"danh tính \1; chưa đọc chứng thư (sẽ đọc khi ký lần đầu)"),
    (r"(\w+) identity (.+?), valid until (\d{4}-\d{2}-\d{2})", r"danh tính \1 \2, hiệu lực đến \3"),
    (r": the certificate has expired; renew it with the CA",
     ": chứng thư số đã hết hạn; cách sửa: gia hạn với tổ chức cấp chứng thư (CA)"),
    (r"it is a TEST identity, not for archiving", "đây là danh tính THỬ NGHIỆM, không dùng để nộp lưu trữ"),
    (r"the certificate expires in (\d+) day\(s\); renew it with the CA now",
     r"chứng thư số hết hạn sau \1 ngày; cách sửa: gia hạn ngay với tổ chức cấp chứng thư (CA)"),
]


def say(lang: str, english: str, **values: Any) -> str:
    """The sentence in the chosen language (English when it has no Vietnamese yet)."""
    text = TEXTS.get(english, english) if lang == "vi" else english
    return text.format(**values)


def _fix(lang: str, pkg: str, what: str) -> str:
    return _INSTALL[lang].format(pkg=pkg, what=what)


def translate_signing(detail: str, lang: str) -> str:
    if lang != "vi":
        return detail
    for pattern, vi in SIGNING_VI:
        detail = re.sub(pattern, vi, detail)
    return detail


def _run(cmd: list[str], timeout: float = 20) -> tuple[int, str]:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return 127, str(exc)
    return p.returncode, (p.stdout + p.stderr).strip()


def tesseract_checks(lang: str) -> list[Check]:
    exe = shutil.which("tesseract")
    if exe is None:
        return [Check("tesseract", "fail", say(lang, "Tesseract is not installed, so pages cannot be read; fix: {fix}",
                                               fix=_fix(lang, "tesseract-ocr tesseract-ocr-vie", "Tesseract")))]
    rc, out = _run([exe, "--version"])
    if rc != 0:
        return [Check("tesseract", "fail", say(lang, "Tesseract does not run ({error}); fix: {fix}",
                                               error=(out.splitlines() or ["?"])[-1][:120],
                                               fix=_fix(lang, "--reinstall tesseract-ocr", "Tesseract")))]
    checks = [Check("tesseract", "ok", out.splitlines()[0] if out else "tesseract")]
    rc, out = _run([exe, "--list-langs"])
    langs = {line.strip() for line in out.splitlines()[1:]} if rc == 0 else set()
    for code, pkg, missing in (
        ("vie", "tesseract-ocr-vie",
         "the Vietnamese data (vie) is missing, so pages cannot be read in Vietnamese; fix: {fix}"),
        ("osd", "tesseract-ocr-osd",
         "the orientation data (osd) is missing, so turned pages are not set upright; fix: {fix}"),
    ):
        if code in langs:
            checks.append(Check(f"tesseract_{code}", "ok", say(lang, "installed")))
        else:
            checks.append(Check(f"tesseract_{code}", "fail",
                                say(lang, missing, fix=_fix(lang, pkg, f"Tesseract {code}.traineddata"))))
    return checks


def _airscan_installed() -> bool:
    patterns = ("/usr/lib/*/sane/libsane-airscan.so*", "/usr/lib/sane/libsane-airscan.so*",
                "/usr/lib64/sane/libsane-airscan.so*")
    return any(glob.glob(p) for p in patterns)


def driver_check(lang: str) -> Check:
    """Is there a scanner driver at all (SANE on Linux, the TWAIN manager on Windows)?"""
    if WINDOWS:
        dsm = Path(os.environ.get("WINDIR", r"C:\Windows")) / "System32" / "TWAINDSM.dll"
        if dsm.is_file():
            return Check("scanner_driver", "ok", say(lang, "the TWAIN data source manager (TWAINDSM.dll) is installed"))
        return Check("scanner_driver", "warn", say(
            lang, "no TWAIN data source manager (TWAINDSM.dll): only WIA scanners can be used; fix: {fix}",
            fix=_fix(lang, "", "TWAINDSM")))
    if importlib.util.find_spec("sane") is None:
        return Check("scanner_driver", "warn", say(
            lang, "no scanner driver: SANE is not installed, so USB scanners cannot be used; fix: {fix}",
            fix=_fix(lang, "libsane1 sane-utils sane-airscan", "SANE")))
    if shutil.which("scanimage") is None:
        return Check("scanner_driver", "warn", say(
            lang, "the SANE tools (scanimage) are missing, so scanners cannot be checked by hand; fix: {fix}",
            fix=_fix(lang, "sane-utils", "SANE")))
    if not _airscan_installed():
        return Check("scanner_driver", "warn", say(
            lang, "the network-scanner backend (sane-airscan) is missing; fix: {fix}",
            fix=_fix(lang, "sane-airscan", "sane-airscan")))
    return Check("scanner_driver", "ok", say(lang, "SANE and its network-scanner backend (sane-airscan) are installed"))


def scanner_checks(escl_devices: list[dict[str, str]], lang: str = "en") -> list[Check]:
    """One line per scanner driver: does it load, and which devices does it see."""
    from station.errors import ScannerError
    from station.scanner.escl import discover
    from station.scanner.registry import available_drivers

    checks: list[Check] = [driver_check(lang)]
    for driver in available_drivers(escl_devices):
        try:
            devices = driver.list_devices()
        except ScannerError as exc:
            checks.append(Check(f"scanner_{driver.name}", "warn", exc.message))
            continue
        names = ", ".join(d.name for d in devices[:4]) + (" …" if len(devices) > 4 else "")
        checks.append(Check(f"scanner_{driver.name}", "ok" if devices or driver.name == "demo" else "warn",
                            say(lang, "{n} device(s){names}", n=len(devices), names=": " + names if names else "")
                            + ("" if devices else say(lang, "; connect a scanner or add one with "
                                                            "`station devices add URL`"))))
    found = discover(timeout=2.0)
    checks.append(Check("escl_discovery", "ok", say(lang, "{n} network scanner(s) answered on this network",
                                                    n=len(found))
                        + ("" if found else say(lang, "; if yours is on another subnet, add it with "
                                                      "`station devices add URL`"))))
    return checks


def _setting(settings: Any, key: str) -> Any:
    """A setting that another part of the station defines (the sync work's remote.*): absent is empty."""
    try:
        return settings.get(key)
    except KeyError:
        return None


def archive_check(settings: Any, lang: str, timeout: float = HEALTH_TIMEOUT) -> Check:
    """GET <remote.url>/api/v1/health, trusting remote.ca_bundle when one is set."""
    import httpx

    url = str(_setting(settings, "remote.url") or "").strip()
    if not url:
        return Check("archive", "warn", say(lang, "no archive is set, so packages stay in the outbox; "
                                                  "fix: `station remote set URL`"))
    ca_bundle = str(_setting(settings, "remote.ca_bundle") or "").strip()
    verify: Any = True
    if ca_bundle:
        if not Path(ca_bundle).is_file():
            return Check("archive", "fail", say(lang, "the archive's certificate authority file {path} is missing; "
                                                      "fix: `station remote set URL --ca-bundle FILE`",
                                                path=ca_bundle))
        import ssl

        verify = ssl.create_default_context(cafile=ca_bundle)
    unreachable = ("the archive {url} cannot be reached ({error}); fix: check the network and the address "
                   "(`station remote set URL`), or carry packages with `station export-outbox DIR`")
    try:
        response = httpx.get(url.rstrip("/") + HEALTH_PATH, timeout=timeout, verify=verify)
    except httpx.HTTPError as exc:
        return Check("archive", "fail", say(lang, unreachable, url=url,
                                            error=f"{exc.__class__.__name__}: {exc}"[:160]))
    if response.status_code != 200:
        return Check("archive", "fail", say(lang, unreachable, url=url, error=f"HTTP {response.status_code}"))
    return Check("archive", "ok", say(lang, "the archive {url} answers", url=url))


def disk_check(data_dir: Path, lang: str) -> Check:
    try:
        existing = data_dir
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        free_gb = shutil.disk_usage(existing).free / 2**30
    except OSError as exc:
        return Check("disk", "fail", say(lang, "{path} cannot be checked ({error})", path=data_dir, error=exc))
    status = "ok" if free_gb >= 5 else ("warn" if free_gb >= 1 else "fail")
    return Check("disk", status, say(lang, "{free} GiB free for {path}", free=f"{free_gb:.1f}", path=data_dir)
                 + ("" if status == "ok" else say(lang, "; free space before scanning more")))


def choose_language(requested: str | None, settings: Any) -> str:
    language = requested or str(_setting(settings, "ui.language") or "vi")
    return language if language in LANGS else "vi"


def run_checks(data_dir: Path, escl_devices: list[dict[str, str]] | None = None, *,
               lang: str | None = None) -> list[Check]:
    from station import config
    from station.workflow.sealing import doctor_check

    settings = config.Settings.load(data_dir)
    lang = choose_language(lang, settings)
    checks = tesseract_checks(lang)
    for tool in ("pdftoppm", "pdftotext"):
        found = shutil.which(tool) is not None
        checks.append(Check(tool, "ok" if found else "fail", say(lang, "found") if found else say(
            lang, "{tool} is missing, so some PDF files cannot be imported; fix: {fix}",
            tool=tool, fix=_fix(lang, "poppler-utils", "poppler"))))
    checks += scanner_checks(escl_devices or [], lang)
    status, detail = doctor_check(data_dir, settings)
    checks.append(Check("signing", status, translate_signing(detail, lang)))
    checks.append(archive_check(settings, lang))
    checks.append(disk_check(data_dir, lang))
    return checks
