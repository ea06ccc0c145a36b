"""What can be checked here of the Windows installer, which only builds on a Windows runner: the
Inno Setup script installs the files the PyInstaller spec produces and the tools where the frozen
station looks for them, writes the machine settings where station.config reads them, speaks both
languages; the CI workflow parses and builds and runs what it says."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from station import config

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "installers" / "windows" / "station.iss"
SPEC = ROOT / "installers" / "station.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
sys.path.insert(0, str(ROOT / "installers" / "windows"))
import fetch_tools  # noqa: E402


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", stripped)
        if match:
            current = match.group(1)
            sections[current] = []
        elif current:
            sections[current].append(stripped)
    return sections


def _entries(lines: list[str]) -> list[dict[str, str]]:
    """Inno's `Key: value; Key: "quoted; value"` lines as dicts."""
    out = []
    for line in lines:
        fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
        out.append({k: v.strip().strip('"').replace('""', '"') for k, v in fields})
    return out


@pytest.fixture(scope="module")
def iss() -> tuple[str, dict[str, list[str]]]:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Vietnamese text only from a UTF-8 file with a BOM"
    text = raw.decode("utf-8-sig")
    return text, _sections(text)


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', text))


def _resolve(value: str, defines: dict[str, str]) -> Path:
    for name, target in defines.items():
        value = value.replace("{#" + name + "}", target)
    return (ISS.parent / value.replace("\\", "/")).resolve()


def test_iss_installs_the_folder_the_spec_builds(iss: tuple[str, dict[str, list[str]]]) -> None:
    text, sections = iss
    spec = SPEC.read_text(encoding="utf-8")
    defines = _defines(text)
    files = _entries(sections["Files"])
    # The spec's COLLECT name under the workflow's --distpath dist: dist/station/.
    collect = re.search(r"COLLECT\((?:.|\n)*?name=\"(\w+)\"", spec)
    assert collect
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "--distpath dist" in workflow and "installers/station.spec" in workflow
    program = next(f for f in files if f["DestDir"] == "{app}")
    assert _resolve(program["Source"], defines) == ROOT / "dist" / collect.group(1) / "*"
    # Every program the Start menu and [Run] start is an EXE the spec makes (station, stationw).
    exes = set(re.findall(r'EXE\((?:.|\n)*?name="(\w+)"', spec))
    assert {"station", "stationw"} <= exes
    started = {Path(e["Filename"].replace("\\", "/")).name for e in _entries(sections["Icons"] + sections["Run"])}
    started |= {Path(e["IconFilename"].replace("\\", "/")).name for e in _entries(sections["Icons"]) if "IconFilename" in e}
    for name in started - {"{cmd}", "{uninstallexe}"}:
        assert name.removesuffix(".exe") in exes, name
    assert "{app}\\station.exe" in text and "doctor" in text
    # The icon the spec and the installer use is the one make_icon.py writes.
    assert _resolve(defines["Icon"], defines) == ROOT / "build" / "station.ico"
    assert 'ROOT / "build" / "station.ico"' in spec


def test_iss_puts_the_tools_where_the_frozen_station_finds_them(iss: tuple[str, dict[str, list[str]]]) -> None:
    text, sections = iss
    defines = _defines(text)
    files = {f["DestDir"]: f for f in _entries(sections["Files"])}
    tools = _resolve(defines["Tools"], defines)
    assert tools == ROOT / "build" / "windows"  # where the workflow runs fetch_tools.py
    assert "fetch_tools.py build/windows" in WORKFLOW.read_text(encoding="utf-8")
    main = (ROOT / "installers" / "station_main.py").read_text(encoding="utf-8")
    assert 'here / "tesseract"' in main and 'here / "poppler" / "bin"' in main
    assert _resolve(files["{app}\\tesseract"]["Source"], defines) == tools / "tesseract" / "*"
    assert _resolve(files["{app}\\poppler\\bin"]["Source"], defines) == tools / "poppler" / "bin" / "*"
    # fetch_tools lays out exactly those folders, with the vie and osd data inside tesseract/.
    source = (ROOT / "installers" / "windows" / "fetch_tools.py").read_text(encoding="utf-8")
    assert 'out / "tesseract"' in source and '"poppler" / "bin"' in source and 'out / "twain"' in source
    assert set(fetch_tools.SOURCES) >= {"tesseract", "vie", "osd", "poppler", "twaindsm", "fonts"}
    dsm = files["{sys}"]
    assert dsm["Source"].endswith("twain\\TWAINDSM.dll")
    assert {"onlyifdoesntexist", "uninsneveruninstall"} <= set(dsm["Flags"].split())
    assert dsm["Check"] == "not TwainDsmPresent"


def test_iss_machine_settings_are_the_admin_layer_of_station_config(
        iss: tuple[str, dict[str, list[str]]], monkeypatch: pytest.MonkeyPatch) -> None:
    """{commonappdata}\\station\\settings.json is where config.admin_settings_file() points on Windows,
    and every key written there is locked (config.Settings.locked)."""
    import platformdirs
    import platformdirs.windows

    text, _ = iss
    monkeypatch.delenv("STATION_ADMIN_SETTINGS", raising=False)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder",
                        lambda csidl: {"CSIDL_COMMON_APPDATA": "C:\\ProgramData"}[csidl])
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(config.platformdirs, "site_config_dir",
                        lambda app, appauthor=None: platformdirs.windows.Windows(app, appauthor).site_config_dir)
    windows_path = str(config.admin_settings_file()).replace("/", "\\")
    assert windows_path == "C:\\ProgramData\\station\\settings.json"
    assert "Result := ExpandConstant('{commonappdata}\\station\\settings.json');" in text
    written = set(re.findall(r"'  \"([\w.]+)\": ", text))
    assert written == {"ui.language", "remote.url"}
    assert "ui.language" in config.DEFAULTS
    settings = config.Settings(user_file=Path("unused"), admin={"ui.language": "vi"})
    assert settings.locked("ui.language") and settings.get("ui.language") == "vi"
    # Unattended installs take the same choices as parameters.
    assert "{param:LOCKLANG|}" in text and "{param:ARCHIVEURL|}" in text


def test_iss_uninstaller_keeps_the_data_unless_asked(iss: tuple[str, dict[str, list[str]]]) -> None:
    text, sections = iss
    assert not sections.get("UninstallDelete"), "the uninstaller must not delete data unconditionally"
    uninstall = text[text.index("procedure CurUninstallStepChanged"):]
    assert "MB_DEFBUTTON2" in uninstall  # No (keep) is the default answer
    assert "{param:REMOVEDATA|0}" in uninstall  # silent uninstalls keep the data unless told
    assert "DelTree" in uninstall.split("if Remove then")[1]
    assert "DelTree" not in uninstall.split("if Remove then")[0]
    # The machine settings folder outlives the program.
    assert any("uninsneveruninstall" in e.get("Flags", "") for e in _entries(sections["Dirs"]))


def test_iss_texts_exist_in_both_languages(iss: tuple[str, dict[str, list[str]]]) -> None:
    text, sections = iss
    languages = {e["Name"] for e in _entries(sections["Languages"])}
    assert languages == {"vi", "en"}
    messages: dict[str, set[str]] = {}
    for line in sections["CustomMessages"]:
        lang, key = line.split("=", 1)[0].split(".")
        messages.setdefault(key, set()).add(lang)
    assert all(langs == languages for langs in messages.values()), messages
    used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    inno_own = {"UninstallProgram", "LaunchProgram"}  # in Inno's Default.isl
    assert used - inno_own <= set(messages), used - set(messages)
    assert "Trạm số hoá tài liệu" in text


def test_workflow_builds_and_runs_the_station_on_windows() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # PyYAML reads the key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    triggers = workflow.get("on", workflow.get(True))
    assert {"push", "pull_request", "workflow_dispatch"} <= set(triggers)
    [job] = workflow["jobs"].values()
    assert job["runs-on"].startswith("windows")
    steps = [s.get("run", "") for s in job["steps"]]
    script = "\n".join(steps)
    assert "pip install -e \".[build]\"" in script
    assert "pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installers/station.spec" in script
    built = next(s for s in steps if "dist\\station\\station.exe --version" in s)
    assert "dist\\station\\station.exe demo" in built and "$LASTEXITCODE" in built
    assert any("ISCC.exe" in s and "installers\\windows\\station.iss" in s for s in steps)
    installed = next(s for s in steps if "/VERYSILENT" in s)
    assert "station.exe\" --version" in installed and "station.exe\" demo" in installed
    assert "unins000.exe" in installed and "keep.txt" in installed
    # The workflow builds with the spec's translations and icon present, as the spec requires.
    assert "compile_translations" in script and "make_icon.py build/station.ico" in script


def test_spec_parses_as_python() -> None:
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_fonts_come_out_of_a_debian_package(tmp_path: Path) -> None:
    """fetch_tools reads Debian's fonts-liberation2 on Windows without dpkg: the .deb (ar + xz tar) is
    parsed in Python. Checked on a package dpkg-deb builds here the same way."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing")
    font = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
    if not font.is_file():
        pytest.skip("fonts-liberation2 is not installed")
    root = tmp_path / "pkg"
    target = root / "usr/share/fonts/truetype/liberation2"
    target.mkdir(parents=True)
    shutil.copyfile(font, target / font.name)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        "Package: fonts-test\nVersion: 1\nArchitecture: all\nMaintainer: t <t@t>\nDescription: t\n", encoding="utf-8")
    deb = tmp_path / "fonts.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True,
                   capture_output=True)
    [out] = fetch_tools.extract_fonts(deb, tmp_path / "fonts")
    assert out.read_bytes() == font.read_bytes()
    with pytest.raises(ValueError):
        fetch_tools.deb_data_members(b"not a deb")
