"""The Debian package, installed as an office would: into a fresh Debian 12 made by debootstrap.

One test walks the whole life of an installation in one root, because each step needs the one before:
the previous release (this tree less its newest migration) is installed and given documents and
settings; the current package is installed over it and must keep them all, migrating the database
after a backup; then `station --version`, `station doctor` and `station demo` run in it; then the
package is removed and purged, and the data must still be there.

Every command in the root runs in its own mount namespace (unshare), where /dev, /proc and the apt
cache are mounted: the mounts vanish with the command, so nothing is left mounted under a folder that
is later deleted. The pristine root and the downloaded .debs are cached under build/debootstrap/, so a
second run skips debootstrap and the downloads.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from station.store.migrations import LATEST

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installers" / "debian"))
import build_deb  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]

SUITE = "bookworm"
MIRROR = os.environ.get("STATION_DEBIAN_MIRROR", "http://deb.debian.org/debian")
CACHE = ROOT / "build" / "debootstrap"
HOME = "/home/clerk"
DATA = f"{HOME}/.local/share/station"  # platformdirs' user data folder for HOME


def _skip_unless_possible() -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root (debootstrap, chroot, mount namespaces); run `make test` as root")
    for tool in ("debootstrap", "dpkg-deb", "unshare", "chroot"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing; `make venv` installs it")


def _pristine_root(root: Path) -> None:
    """A fresh minbase Debian 12: from the cached tarball of one, else debootstrap (and cache it)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"{SUITE}-minbase-root.tar"
    if not cached.exists():
        debs = CACHE / f"{SUITE}-minbase-debs.tgz"
        if not debs.exists():
            partial = debs.with_suffix(f".part{os.getpid()}")
            subprocess.run(["debootstrap", "--variant=minbase", f"--make-tarball={partial}", SUITE,
                            str(CACHE / f"mk{os.getpid()}"), MIRROR], check=True, capture_output=True)
            partial.rename(debs)
            shutil.rmtree(CACHE / f"mk{os.getpid()}", ignore_errors=True)
        fresh = CACHE / f"fresh{os.getpid()}"
        shutil.rmtree(fresh, ignore_errors=True)
        subprocess.run(["debootstrap", "--variant=minbase", f"--unpack-tarball={debs}", SUITE, str(fresh),
                        MIRROR], check=True, capture_output=True)
        partial = cached.with_suffix(f".part{os.getpid()}")
        subprocess.run(["tar", "-C", str(fresh), "-cf", str(partial), "."], check=True)
        partial.rename(cached)
        shutil.rmtree(fresh)
    root.mkdir(parents=True)
    subprocess.run(["tar", "-C", str(root), "-xf", str(cached)], check=True)


class Chroot:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.archives = CACHE / "apt-archives"
        (self.archives / "partial").mkdir(parents=True, exist_ok=True)
        shutil.copyfile("/etc/resolv.conf", root / "etc/resolv.conf")
        (root / HOME.lstrip("/")).mkdir(parents=True, exist_ok=True)

    def run(self, *cmd: str, check: int | None = 0, home: bool = False,
            timeout: float = 1500) -> subprocess.CompletedProcess[str]:
        env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8",
               "DEBIAN_FRONTEND=noninteractive", f"HOME={HOME if home else '/root'}"]
        script = ('set -e; r="$1"; a="$2"; shift 2; '
                  'mount --rbind /dev "$r/dev"; mount --make-rslave "$r/dev"; '
                  'mount -t proc proc "$r/proc"; mount --bind "$a" "$r/var/cache/apt/archives"; '
                  'exec chroot "$r" /usr/bin/env -i "$@"')
        p = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
                            str(self.root), str(self.archives), *env, *cmd],
                           capture_output=True, text=True, timeout=timeout)
        if check is not None and p.returncode != check:
            raise AssertionError(f"{' '.join(cmd)} exited {p.returncode}, not {check}:\n{p.stdout}\n{p.stderr}")
        return p

    def station(self, *args: str, check: int | None = 0) -> subprocess.CompletedProcess[str]:
        return self.run("station", *args, check=check, home=True)

    def path(self, inside: str) -> Path:
        return self.root / inside.lstrip("/")


def _previous_release(tmp: Path) -> Path:
    """This tree as the release before it: the same code less its newest schema migration."""
    old = tmp / "previous"
    shutil.copytree(ROOT / "station", old / "station", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", old / "resources")
    shutil.copyfile(ROOT / "pyproject.toml", old / "pyproject.toml")
    with (old / "station/store/migrations.py").open("a", encoding="utf-8") as f:
        f.write("\nMIGRATIONS = MIGRATIONS[:-1]\nLATEST = MIGRATIONS[-1][0]\n")
    return old


def test_deb_installs_upgrades_keeping_data_and_removes_cleanly(tmp_path: Path) -> None:
    _skip_unless_possible()
    version = build_deb.read_version(ROOT)
    wheels = ROOT / "build" / "wheels"
    base = os.path.realpath("/usr/bin/python3")
    old_deb = build_deb.build(_previous_release(tmp_path), tmp_path / "old", f"{version}~prev", wheels, base)
    new_deb = build_deb.build(ROOT, tmp_path / "new", version, wheels, base)

    root = tmp_path / "root"
    _pristine_root(root)
    ch = Chroot(root)
    shutil.copyfile(old_deb, ch.path("/tmp/old.deb"))
    shutil.copyfile(new_deb, ch.path("/tmp/new.deb"))
    ch.run("apt-get", "-qq", "update")

    # The previous release, with documents and settings in it.
    ch.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "/tmp/old.deb")
    from station.samples import write_sample_files

    samples = write_sample_files(ch.path("/tmp/samples"), dpi=150)
    ch.station("import", *[f"/tmp/samples/{p.name}" for p in samples], "--batch", "upgrade")
    before = json.loads(ch.station("list", "--json").stdout)["documents"]
    assert len(before) == len(samples)
    shows = {d["id"]: json.loads(ch.station("show", d["id"], "--json").stdout) for d in before}
    user_settings = ch.path(f"{DATA}/settings.json")
    user_settings.write_text(json.dumps({"ui.language": "en"}), encoding="utf-8")
    machine_settings = ch.path("/etc/xdg/station/settings.json")
    machine_settings.write_text(json.dumps({"review.sample_share": 0.25}), encoding="utf-8")
    db = ch.path(f"{DATA}/station.sqlite3")
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == LATEST - 1

    # The upgrade: the same documents, page for page, the settings untouched, the database migrated
    # after a copy of the old one was kept.
    upgrade = ch.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "/tmp/new.deb")
    assert "documents and settings are kept" in upgrade.stdout
    assert ch.station("--version").stdout.strip() == f"station {version}"
    after = json.loads(ch.station("list", "--json").stdout)["documents"]
    assert sorted(d["id"] for d in after) == sorted(shows)
    for doc_id, show in shows.items():
        now = json.loads(ch.station("show", doc_id, "--json").stdout)
        assert now["pages"] == show["pages"] and now["page_count"] == show["page_count"]
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == LATEST
    backup = db.with_name(f"station.sqlite3.v{LATEST - 1}.bak")
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == LATEST - 1
    assert json.loads(user_settings.read_text(encoding="utf-8")) == {"ui.language": "en"}
    assert json.loads(machine_settings.read_text(encoding="utf-8")) == {"review.sample_share": 0.25}

    # The installed station on Debian's Tesseract, SANE and fonts.
    doctor = json.loads(ch.station("doctor", "--json", "--lang", "en").stdout)
    status = {c["name"]: c["status"] for c in doctor["checks"]}
    assert doctor["ok"] and status["tesseract"] == status["tesseract_vie"] == "ok", doctor
    demo = ch.station("demo", "--json")
    assert json.loads(demo.stdout)["ok"] is True
    assert ch.path("/usr/share/applications/vn.edu.moet.Station.desktop").is_file()
    assert ch.path("/usr/share/metainfo/vn.edu.moet.Station.metainfo.xml").is_file()

    # Removal leaves no file of the package behind and every user's data in place; so does purge.
    ch.run("apt-get", "remove", "-y", "-qq", "moet-station")
    assert not ch.path("/usr/bin/station").exists()
    assert not ch.path("/opt/moet-station").exists()
    ch.run("apt-get", "purge", "-y", "-qq", "moet-station")
    assert ch.run("dpkg-query", "-W", "moet-station", check=None).returncode != 0  # not even config-files
    assert db.is_file() and backup.is_file()
    assert json.loads(user_settings.read_text(encoding="utf-8")) == {"ui.language": "en"}
    assert machine_settings.is_file()
    assert len(list(ch.path(f"{DATA}/pages").rglob("*.*"))) >= len(samples)


def test_deb_metadata_validates() -> None:
    """The desktop entry and AppStream file as the desktop's own tools read them."""
    files = ROOT / "installers" / "debian" / "files"
    for tool in ("desktop-file-validate", "appstreamcli"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing; `make venv` installs it")
    p = subprocess.run(["desktop-file-validate", str(files / "vn.edu.moet.Station.desktop")],
                       capture_output=True, text=True)
    assert p.returncode == 0 and "error" not in p.stdout, p.stdout
    p = subprocess.run(["appstreamcli", "validate", "--no-net", str(files / "vn.edu.moet.Station.metainfo.xml")],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    desktop = (files / "vn.edu.moet.Station.desktop").read_text(encoding="utf-8")
    assert "Name[vi]=" in desktop and "Exec=station" in desktop
    meta = (files / "vn.edu.moet.Station.metainfo.xml").read_text(encoding="utf-8")
    assert 'xml:lang="vi"' in meta


def test_requirements_take_only_pyside6_essentials() -> None:
    reqs = build_deb.requirements(ROOT)
    assert not any(r.startswith("PySide6 ") or r.startswith("PySide6>") for r in reqs)
    assert any(r.startswith("PySide6-Essentials") for r in reqs)

