"""An eSCL (AirScan) scanner that serves the station's sample pages on loopback.

Network scanners cannot be shipped with the tests, and a fake that only our own client talks to
would prove nothing: it could share our client's misreadings of the Mopria spec. So this server
follows the spec closely enough that the independent client ``sane-airscan`` scans from it (see
tests/test_escl.py), and the same server then stands in for an office MFP in the tests, the
benchmark and the demo. Faults a real feeder produces (busy, jam, a dropped connection) can be
switched on, because those are what the client's error handling exists for.
"""

from __future__ import annotations

import io
import socket
import ssl
import threading
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from station.samples import list_samples, load_sample, render_sample

NS_SCAN = "http://schemas.hp.com/imaging/escl/2011/05/03"
NS_PWG = "http://www.pwg.org/schemas/2010/12/sm"
ET.register_namespace("scan", NS_SCAN)
ET.register_namespace("pwg", NS_PWG)

A4_300THS = (2480, 3508)  # A4 in 1/300 inch, the unit eSCL sizes are in
RESOLUTIONS = (75, 100, 150, 200, 300, 600)
COLOR_MODES = ("RGB24", "Grayscale8", "BlackAndWhite1")
FORMATS = ("image/jpeg", "image/png", "application/pdf")


def _s(tag: str) -> str:
    return f"{{{NS_SCAN}}}{tag}"


def _p(tag: str) -> str:
    return f"{{{NS_PWG}}}{tag}"


def _sub(parent: ET.Element, tag: str, text: str | int | None = None) -> ET.Element:
    el = ET.SubElement(parent, tag)
    if text is not None:
        el.text = str(text)
    return el


@lru_cache(maxsize=4)
def _sample_pages(dpi: int) -> tuple[Image.Image, ...]:
    """Every sample page at one resolution, in a fixed order, so page N is the same on every run."""
    pages: list[Image.Image] = []
    for name in list_samples():
        pages.extend(render_sample(load_sample(name), dpi))
    return tuple(pages)


def render_page(number: int, dpi: int, color_mode: str, region: tuple[int, int, int, int] | None,
                fmt: str) -> tuple[bytes, str]:
    """Page ``number`` (0-based, cycling through the samples) as the scanner would send it.

    ``region`` is (x, y, w, h) in 1/300 inch; the page is cropped to it (and padded with white
    where the region goes past A4, as the platen glass is white there).
    """
    pages = _sample_pages(dpi)
    page = pages[number % len(pages)]
    if region is not None:
        x, y, w, h = (round(v * dpi / 300) for v in region)
        canvas = Image.new("RGB", (max(w, 1), max(h, 1)), "white")
        canvas.paste(page.crop((x, y, min(x + w, page.width), min(y + h, page.height))), (0, 0))
        page = canvas
    if color_mode == "Grayscale8":
        page = page.convert("L")
    elif color_mode == "BlackAndWhite1":
        grey = np.asarray(page.convert("L"))
        page = Image.fromarray(np.where(grey > 160, 255, 0).astype(np.uint8), "L")
        if fmt == "image/png":
            page = page.convert("1")
    out = io.BytesIO()
    if fmt == "image/png":
        page.save(out, "PNG", dpi=(dpi, dpi), compress_level=1)
        return out.getvalue(), "image/png"
    if fmt == "application/pdf":
        page.save(out, "PDF", resolution=float(dpi))
        return out.getvalue(), "application/pdf"
    page.save(out, "JPEG", quality=85, dpi=(dpi, dpi))
    return out.getvalue(), "image/jpeg"


@dataclass
class _Job:
    id: str
    source: str  # "Platen" or "Feeder"
    duplex: bool
    dpi: int
    color_mode: str
    fmt: str
    region: tuple[int, int, int, int] | None
    served: int = 0  # pages fully delivered in this job
    total: int | None = None  # pages this job will deliver, fixed when the job starts


@dataclass
class Faults:
    """Switches for the faults a real MFP shows; counts are 1-based pages within one job."""

    busy: int = 0  # answer 503 to the first ``busy`` ScanJobs requests
    drop_on_page: int | None = None  # close the connection half way through this page ...
    drop_times: int = 1  # ... this many times (then serve it)
    jam_after_page: int | None = None  # the feeder jams once this many pages are out
    cover_open: bool = False  # the ADF hatch is open: ScanJobs on the feeder answer 409


@dataclass
class _State:
    feeder_sheets: int
    faults: Faults
    jobs: dict[str, _Job] = field(default_factory=dict)
    jammed: bool = False
    busy_left: int = 0
    drops_left: int = 0
    pages_out: int = 0  # pages delivered over all jobs; picks the next sample page
    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class EsclServer:
    """A loopback eSCL scanner with a platen and a duplex ADF; use as a context manager.

    ``feeder_sheets`` is how many sheets sit in the ADF; a duplex job makes two pages of each.
    The feeder empties as jobs consume sheets; :meth:`load` puts more in.
    """

    def __init__(self, *, feeder_sheets: int = 5, faults: Faults | None = None,
                 certfile: Path | None = None, keyfile: Path | None = None,
                 name: str = "Station Test Scanner") -> None:
        self.name = name
        self.faults = faults or Faults()
        self._state = _State(feeder_sheets=feeder_sheets, faults=self.faults, busy_left=self.faults.busy,
                             drops_left=self.faults.drop_times)
        self._certfile, self._keyfile = certfile, keyfile
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> EsclServer:
        handler = type("_BoundHandler", (_Handler,), {"server_state": self._state, "scanner": self})
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        if self._certfile is not None:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(str(self._certfile), str(self._keyfile) if self._keyfile else None)
            httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, name="escl-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> EsclServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "start the server first"
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL clients are given: scheme, loopback address, port and the eSCL root."""
        scheme = "https" if self._certfile is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}/eSCL/"

    # -- what the tests look at and change ---------------------------------------------------
    def load(self, sheets: int) -> None:
        with self._state.lock:
            self._state.feeder_sheets += sheets
            self._state.jammed = False

    @property
    def feeder_sheets(self) -> int:
        return self._state.feeder_sheets

    @property
    def jobs(self) -> dict[str, Any]:
        """Jobs still open on the scanner (a cancelled job has been deleted)."""
        with self._state.lock:
            return dict(self._state.jobs)

    @property
    def requests(self) -> list[tuple[str, str]]:
        with self._state.lock:
            return list(self._state.requests)

    # -- XML documents -------------------------------------------------------------------------
    def capabilities_xml(self) -> bytes:
        root = ET.Element(_s("ScannerCapabilities"))
        _sub(root, _p("Version"), "2.63")
        _sub(root, _p("MakeAndModel"), self.name)
        _sub(root, _p("SerialNumber"), "STATION-0001")
        _sub(root, _s("UUID"), "4509a320-00a0-008f-00b6-002507510eca")
        _sub(root, _s("AdminURI"), f"http://127.0.0.1:{self.port}/")
        platen = _sub(root, _s("Platen"))
        self._input_caps(_sub(platen, _s("PlatenInputCaps")))
        adf = _sub(root, _s("Adf"))
        self._input_caps(_sub(adf, _s("AdfSimplexInputCaps")))
        self._input_caps(_sub(adf, _s("AdfDuplexInputCaps")))
        _sub(adf, _s("FeederCapacity"), 50)
        options = _sub(adf, _s("AdfOptions"))
        _sub(options, _s("AdfOption"), "DetectPaperLoaded")
        _sub(options, _s("AdfOption"), "Duplex")
        return _to_bytes(root)

    def _input_caps(self, caps: ET.Element) -> None:
        _sub(caps, _s("MinWidth"), 16)
        _sub(caps, _s("MaxWidth"), A4_300THS[0])
        _sub(caps, _s("MinHeight"), 16)
        _sub(caps, _s("MaxHeight"), A4_300THS[1])
        _sub(caps, _s("MaxScanRegions"), 1)
        profiles = _sub(caps, _s("SettingProfiles"))
        profile = _sub(profiles, _s("SettingProfile"))
        modes = _sub(profile, _s("ColorModes"))
        for mode in COLOR_MODES:
            _sub(modes, _s("ColorMode"), mode)
        formats = _sub(profile, _s("DocumentFormats"))
        for fmt in FORMATS:
            _sub(formats, _p("DocumentFormat"), fmt)
        for fmt in FORMATS:
            _sub(formats, _s("DocumentFormatExt"), fmt)
        resolutions = _sub(_sub(profile, _s("SupportedResolutions")), _s("DiscreteResolutions"))
        for dpi in RESOLUTIONS:
            res = _sub(resolutions, _s("DiscreteResolution"))
            _sub(res, _s("XResolution"), dpi)
            _sub(res, _s("YResolution"), dpi)
        intents = _sub(caps, _s("SupportedIntents"))
        for intent in ("Document", "TextAndGraphic", "Photo", "Preview"):
            _sub(intents, _s("Intent"), intent)

    def status_xml(self) -> bytes:
        st = self._state
        root = ET.Element(_s("ScannerStatus"))
        _sub(root, _p("Version"), "2.63")
        with st.lock:
            processing = any(j.total is None or j.served < j.total for j in st.jobs.values())
            if st.jammed:
                state, adf = "Stopped", "ScannerAdfJam"
            elif self.faults.cover_open:
                state, adf = "Idle", "ScannerAdfHatchOpen"
            else:
                state = "Processing" if processing else "Idle"
                adf = "ScannerAdfLoaded" if st.feeder_sheets > 0 else "ScannerAdfEmpty"
            _sub(root, _p("State"), state)
            _sub(root, _s("AdfState"), adf)
            jobs = _sub(root, _s("Jobs"))
            for job in st.jobs.values():
                info = _sub(jobs, _s("JobInfo"))
                _sub(info, _p("JobUri"), f"/eSCL/ScanJobs/{job.id}")
                _sub(info, _p("JobUuid"), job.id)
                _sub(info, _s("ImagesCompleted"), job.served)
                done = job.total is not None and job.served >= job.total
                _sub(info, _p("JobState"), "Completed" if done else "Processing")
        return _to_bytes(root)


def _to_bytes(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _parse_settings(body: bytes) -> dict[str, Any]:
    """Read a ScanSettings document; missing elements take the defaults a scanner would apply."""
    root = ET.fromstring(body)

    def find(path: str) -> str | None:
        el = root.find(path, {"scan": NS_SCAN, "pwg": NS_PWG})
        return el.text.strip() if el is not None and el.text else None

    region = None
    width, height = find(".//pwg:ScanRegion/pwg:Width"), find(".//pwg:ScanRegion/pwg:Height")
    if width and height:
        region = (int(find(".//pwg:ScanRegion/pwg:XOffset") or 0), int(find(".//pwg:ScanRegion/pwg:YOffset") or 0),
                  int(width), int(height))
    fmt = find("scan:DocumentFormatExt") or find("pwg:DocumentFormat") or "image/jpeg"
    return {
        "source": find("pwg:InputSource") or "Platen",
        "duplex": (find("scan:Duplex") or "false").lower() == "true",
        "dpi": int(find("scan:XResolution") or 300),
        "color_mode": find("scan:ColorMode") or "RGB24",
        "fmt": fmt if fmt in FORMATS else "image/jpeg",
        "region": region,
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as sane-airscan expects of a scanner
    server_state: _State
    scanner: EsclServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass

    def _send(self, code: int, body: bytes = b"", ctype: str = "text/xml", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def _path(self) -> str:
        path = self.path.split("?", 1)[0]
        while "//" in path:
            path = path.replace("//", "/")
        return path.rstrip("/")

    def _record(self) -> None:
        with self.server_state.lock:
            self.server_state.requests.append((self.command, self._path()))

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's naming
        self._record()
        path = self._path()
        if path == "/eSCL/ScannerCapabilities":
            self._send(200, self.scanner.capabilities_xml())
        elif path == "/eSCL/ScannerStatus":
            self._send(200, self.scanner.status_xml())
        elif path.startswith("/eSCL/ScanJobs/") and path.endswith("/NextDocument"):
            self._next_document(path.split("/")[3])
        else:
            self._send(404)

    def do_POST(self) -> None:  # noqa: N802
        self._record()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self._path() != "/eSCL/ScanJobs":
            self._send(404)
            return
        st = self.server_state
        try:
            settings = _parse_settings(body)
        except (ET.ParseError, ValueError):
            self._send(400)
            return
        with st.lock:
            if st.busy_left > 0:
                st.busy_left -= 1
                self._send(503, headers={"Retry-After": "1"})
                return
            if settings["source"] == "Feeder" and (st.feeder_sheets <= 0 or st.jammed
                                                   or st.faults.cover_open):
                self._send(409)  # the spec's answer when the feeder cannot start; status says why
                return
            job = _Job(id=str(uuid.uuid4()), **settings)
            if job.source != "Feeder":
                job.duplex, job.total = False, 1
            st.jobs[job.id] = job
        self._send(201, headers={"Location": f"/eSCL/ScanJobs/{job.id}"})

    def do_DELETE(self) -> None:  # noqa: N802
        self._record()
        parts = self._path().split("/")
        with self.server_state.lock:
            found = len(parts) == 4 and self.server_state.jobs.pop(parts[3], None) is not None
        self._send(200 if found else 404)

    def _next_document(self, job_id: str) -> None:
        st = self.server_state
        with st.lock:
            job = st.jobs.get(job_id)
            if job is None:
                self._send(404)
                return
            faults = st.faults
            if st.jammed:
                self._send(409)
                return
            if faults.jam_after_page is not None and job.source == "Feeder" and job.served >= faults.jam_after_page:
                st.jammed = True
                self._send(409)
                return
            if job.source == "Feeder":
                sides = 2 if job.duplex else 1
                if job.served % sides == 0:  # a new sheet is pulled in
                    if st.feeder_sheets <= 0:
                        job.total = job.served
                        self._send(404)
                        return
                    st.feeder_sheets -= 1
                    job.total = None
            elif job.total is not None and job.served >= job.total:
                self._send(404)
                return
            page_no = job.served + 1
            drop = faults.drop_on_page == page_no and st.drops_left > 0
            if drop:
                st.drops_left -= 1
                if job.source == "Feeder" and job.served % (2 if job.duplex else 1) == 0:
                    st.feeder_sheets += 1  # the sheet is still there to be fed again
            number = st.pages_out
            if not drop:
                st.pages_out += 1
        data, ctype = render_page(number, job.dpi, job.color_mode, job.region, job.fmt)
        if drop:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        with st.lock:
            job.served += 1
        self._send(200, data, ctype)
