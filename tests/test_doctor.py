"""`station doctor` on broken installations, in Vietnamese and English: each missing piece is named with
its fix. Broken machines are simulated with PATH (fake or absent programs) and settings."""

from __future__ import annotations

import http.server
import json
import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from station import config
from station.workflow import doctor
from tests.helpers import station


class FakeSettings:
    def __init__(self, **values: Any) -> None:
        self.values = values

    def get(self, key: str) -> Any:
        if key in self.values:
            return self.values[key]
        return config.DEFAULTS[key]


def _fake_tesseract(folder: Path, langs: list[str], rc: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "tesseract"
    listing = "\\n".join([f'List of available languages in "/x/" ({len(langs)}):', *langs])
    exe.write_text("#!/bin/sh\n"
                   f'if [ "$1" = "--version" ]; then echo "tesseract 5.3.0"; exit {rc}; fi\n'
                   f'printf "{listing}\\n"; exit {rc}\n', encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return folder


def test_no_tesseract_is_a_failure_with_its_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing there
    [en] = doctor.tesseract_checks("en")
    [vi] = doctor.tesseract_checks("vi")
    assert en.status == vi.status == "fail"
    assert "Tesseract is not installed" in en.detail and "apt install tesseract-ocr" in en.detail
    assert "Chưa cài Tesseract" in vi.detail and "cách sửa: sudo apt install tesseract-ocr" in vi.detail


def test_no_vietnamese_data_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(_fake_tesseract(tmp_path / "bin", ["eng", "osd"])))
    checks = {c.name: c for c in doctor.tesseract_checks("vi")}
    assert checks["tesseract"].status == "ok"
    assert checks["tesseract_osd"].status == "ok"
    vie = checks["tesseract_vie"]
    assert vie.status == "fail" and "thiếu dữ liệu tiếng Việt (vie)" in vie.detail
    assert "tesseract-ocr-vie" in vie.detail
    en = {c.name: c for c in doctor.tesseract_checks("en")}["tesseract_vie"]
    assert "Vietnamese data (vie) is missing" in en.detail


def test_a_tesseract_that_does_not_run_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(_fake_tesseract(tmp_path / "bin", ["vie"], rc=1)))
    [check] = doctor.tesseract_checks("en")
    assert check.status == "fail" and "does not run" in check.detail and "reinstall" in check.detail


def test_no_scanner_driver_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no scanimage
    check = doctor.driver_check("vi")
    assert check.status == "warn" and "scanimage" in check.detail and "sudo apt install sane-utils" in check.detail
    real_find_spec = doctor.importlib.util.find_spec
    monkeypatch.setattr(doctor.importlib.util, "find_spec",
                        lambda name, *a: None if name == "sane" else real_find_spec(name, *a))
    check = doctor.driver_check("en")
    assert check.status == "warn" and check.detail.startswith("no scanner driver")
    assert "libsane1" in check.detail


def test_sane_without_airscan_and_with_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "scanimage").write_text("#!/bin/sh\n", encoding="utf-8")
    (bin_dir / "scanimage").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(doctor.importlib.util, "find_spec", lambda name, *a: object())
    monkeypatch.setattr(doctor, "_airscan_installed", lambda: False)
    check = doctor.driver_check("vi")
    assert check.status == "warn" and "sane-airscan" in check.detail and "cách sửa" in check.detail
    monkeypatch.setattr(doctor, "_airscan_installed", lambda: True)
    assert doctor.driver_check("en").status == "ok"


def test_expiring_certificate_is_explained_in_both_languages(tmp_path: Path) -> None:
    import keyring

    from station.signing import testca
    from station.workflow import Station, sealing
    from tests.seal_fixtures import MemoryKeyring

    data = tmp_path / "data"
    status, detail = sealing.doctor_check(data, config.Settings.load(data))
    assert doctor.translate_signing(detail, "vi").startswith("chưa thiết lập chữ ký số; cách sửa")
    ca = testca.make_ca(test=False)
    signer = testca.issue(ca, "Văn thư Sở GD&ĐT", days=12, test=False)
    (tmp_path / "s.p12").write_bytes(signer.pkcs12(b"pw"))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    st = Station(data)
    try:
        sealing.use_pkcs12(st, tmp_path / "s.p12", "pw")
        status, detail = sealing.doctor_check(data, config.Settings.load(data))
    finally:
        st.close()
        keyring.set_keyring(previous)
    assert status == "warn" and "renew it with the CA now" in detail
    vi = doctor.translate_signing(detail, "vi")
    assert "hiệu lực đến" in vi and "chứng thư số hết hạn sau" in vi and "gia hạn ngay" in vi
    assert "renew" not in vi and "valid until" not in vi
    assert doctor.translate_signing(detail, "en") == detail
    p12 = Path(config.Settings.load(data).get("signing.pkcs12_path"))
    p12.unlink()
    status, detail = sealing.doctor_check(data, config.Settings.load(data))
    assert status == "fail"
    assert doctor.translate_signing(detail, "vi").startswith("thiếu tệp PKCS#12")


class _Health(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        code = self.status if self.path == doctor.HEALTH_PATH else 404
        body = json.dumps({"ok": code == 200}).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def archive() -> Iterator[tuple[str, type[_Health]]]:
    handler = type("Health", (_Health,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_archive_not_set_is_a_warning_only() -> None:
    check = doctor.archive_check(FakeSettings(), "vi")
    assert check.status == "warn" and "chưa đặt kho lưu trữ" in check.detail and "station remote set URL" in check.detail


def test_archive_reachable_and_unreachable(archive: tuple[str, type[_Health]], tmp_path: Path) -> None:
    url, handler = archive
    ok = doctor.archive_check(FakeSettings(**{"remote.url": url}), "en")
    assert ok.status == "ok" and url in ok.detail
    handler.status = 503
    down = doctor.archive_check(FakeSettings(**{"remote.url": url}), "vi")
    assert down.status == "fail" and "HTTP 503" in down.detail and "không kết nối được kho lưu trữ" in down.detail
    # Nothing listens on the port any more; the check gives up within its short timeout.
    closed = doctor.archive_check(FakeSettings(**{"remote.url": "http://127.0.0.1:9/"}), "en", timeout=1.0)
    assert closed.status == "fail" and "cannot be reached" in closed.detail and "export-outbox" in closed.detail
    missing_ca = doctor.archive_check(FakeSettings(**{"remote.url": "https://archive.example/",
                                                      "remote.ca_bundle": str(tmp_path / "none.pem")}), "en")
    assert missing_ca.status == "fail" and "--ca-bundle" in missing_ca.detail


def test_archive_settings_come_from_the_settings_files(archive: tuple[str, type[_Health]], tmp_path: Path) -> None:
    """remote.url as the sync work writes it into the user's settings file (a key not in this tree's
    defaults must not break the doctor)."""
    url, _ = archive
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"remote.url": url}), encoding="utf-8")
    assert doctor.archive_check(config.Settings.load(data), "en").status == "ok"
    assert doctor.archive_check(config.Settings.load(tmp_path / "empty"), "en").status == "warn"


def test_language_follows_the_setting_unless_asked() -> None:
    assert doctor.choose_language(None, FakeSettings()) == "vi"
    assert doctor.choose_language(None, FakeSettings(**{"ui.language": "en"})) == "en"
    assert doctor.choose_language("vi", FakeSettings(**{"ui.language": "en"})) == "vi"
    assert doctor.choose_language(None, FakeSettings(**{"ui.language": "fr"})) == "vi"


def test_every_catalogue_entry_keeps_its_placeholders() -> None:
    import string

    for english, vi in doctor.TEXTS.items():
        names = {f[1] for f in string.Formatter().parse(english) if f[1]}
        assert names == {f[1] for f in string.Formatter().parse(vi) if f[1]}, english


@pytest.mark.slow
def test_doctor_command_on_a_machine_without_tesseract(tmp_path: Path) -> None:
    """The whole command, as an IT officer runs it: exit 1, the failing lines and the closing sentence
    in the language of the station's setting."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"ui.language": "en"}), encoding="utf-8")
    bare = tmp_path / "bin"
    bare.mkdir()
    python_dir = os.path.dirname(os.path.realpath(sys.executable))
    env_path = os.pathsep.join([str(bare), python_dir])
    p = station("doctor", data_dir=data, check=1, env={"PATH": env_path})
    assert "fail  tesseract" in p.stdout and "Tesseract is not installed" in p.stdout
    assert "station: some checks failed" in p.stderr
    p = station("doctor", "--lang", "vi", "--json", data_dir=data, check=1, env={"PATH": env_path})
    out = json.loads(p.stdout)
    checks = {c["name"]: c for c in out["checks"]}
    assert out["lang"] == "vi" and out["ok"] is False
    assert checks["tesseract"]["status"] == "fail" and "Chưa cài Tesseract" in checks["tesseract"]["detail"]
    assert checks["pdftoppm"]["status"] == "fail" and "poppler-utils" in checks["pdftoppm"]["detail"]
    assert checks["archive"]["status"] == "warn"
    assert "một số mục kiểm tra bị lỗi" in p.stderr
