# One entry point for people and CI. Every target installs what it needs first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEBIAN_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils qpdf jbig2dec \
	fonts-dejavu fonts-liberation2 fonts-noto-core \
	sane-utils libsane1 libsane-dev sane-airscan \
	libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 xvfb xauth \
	python3-venv python3-dev gcc softhsm2 libnss3-tools \
	debootstrap desktop-file-utils appstream

.PHONY: deb bundle run demo test system venv bench bench-scan bench-size bench-seal bench-archive bench-cleanup bench-gui bench-sync lint clean translations screenshots

# The operator's window on the embedded defaults: SQLite store and archive folder in the user data
# folder, the demo scanner, a short guide on first run.
run: venv translations
	$(BIN)/station

demo: venv
	$(BIN)/station demo --keep

# Qt Linguist catalogues (.ts, in git) compiled to the .qm files the station loads.
translations: venv
	$(BIN)/pyside6-lrelease -silent station/ui/resources/i18n/station_vi.ts -qm station/ui/resources/i18n/station_vi.qm
	$(BIN)/pyside6-lrelease -silent station/ui/resources/i18n/station_en.ts -qm station/ui/resources/i18n/station_en.qm

# Every main screen in Vietnamese and English, under a virtual X server, into build/screenshots/.
# Then at 125 % and 150 % scaling on a 1920×1080 screen (1536×864 and 1280×720 of room), files tagged -125, -150.
screenshots: venv translations
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m station.ui.screenshots build/screenshots
	QT_SCALE_FACTOR=1.25 QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m station.ui.screenshots build/screenshots 125
	QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m station.ui.screenshots build/screenshots 150

bench-gui: venv translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui.py

test: venv translations
	$(BIN)/python -m pytest -n auto -p no:cacheprovider

lint: venv
	$(BIN)/ruff check station tests bench
	$(BIN)/lint-imports

# The peer (OCRmyPDF and Ghostscript) lives in its own environment: it is measured, not depended on.
bench: venv .venv-peers/.installed
	OCRMYPDF=$(CURDIR)/.venv-peers/bin/ocrmypdf $(BIN)/python bench/pipeline.py

bench-scan: venv
	$(BIN)/python bench/scan.py

bench-seal: venv
	$(BIN)/python bench/seal.py

bench-archive: venv
	$(BIN)/python bench/archive_ingest.py

# 3 stations x 500 packages syncing at once to one station-archive on loopback (PACKAGES=n to change).
bench-sync: venv
	$(BIN)/python bench/sync.py --stations 3 --packages $(or $(PACKAGES),500)

# Cleanup and OCR against the labels, with unpaper (Debian) and OCRmyPDF --deskew on the same pages.
bench-cleanup: venv .venv-peers/.installed
	dpkg-query -W -f='$${Status}' unpaper 2>/dev/null | grep -q "install ok installed" || \
		(apt-get -o DPkg::Lock::Timeout=600 update -qq && \
		 DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq unpaper)
	OCRMYPDF=$(CURDIR)/.venv-peers/bin/ocrmypdf $(BIN)/python bench/cleanup.py

.venv-peers/.installed:
	dpkg-query -W -f='$${Status}' ghostscript 2>/dev/null | grep -q "install ok installed" || \
		(apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq ghostscript)
	test -x .venv-peers/bin/python || $(PYTHON) -m venv .venv-peers
	.venv-peers/bin/python -m pip install -q ocrmypdf
	touch $@

# Debian packages: installed only when one is missing, so a prepared machine starts at once.
system:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		if [ "$$(id -u)" != 0 ]; then echo "Run as root (or with sudo) to install:$$missing" >&2; exit 1; fi; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $$missing; \
	fi

venv: system $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,build]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info

# Bytes per page (colour, grey, bitonal) and re-OCR error of the station's PDF/A, OCRmyPDF beside it.
bench-size: venv .venv-peers/.installed
	OCRMYPDF=$(CURDIR)/.venv-peers/bin/ocrmypdf $(BIN)/python bench/size.py

# Installers (installers/): the Debian package, with its own Python environment built from wheels
# fetched here (build/wheels), so nothing is downloaded when an office installs it.
deb: venv translations
	$(BIN)/python installers/debian/build_deb.py

# The one-folder PyInstaller build (the spec Windows uses too) into dist/station/; PyInstaller comes
# with the build extra, which `make venv` installs.
bundle: venv translations
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installers/station.spec
