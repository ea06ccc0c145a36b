"""Driver for network scanners that speak eSCL (AirScan, Mopria): most office MFPs, no vendor driver.

A scan is one job on the scanner: POST ScanJobs with the settings, then GET NextDocument until
the scanner answers 404 (feeder empty, or the one platen page delivered). Each page goes to
``on_page`` the moment it is complete, so a jam after page 3 still leaves pages 1-3 in the
pipeline. The scanner's own ScannerStatus is asked whenever an answer is ambiguous (409, 503, an
early 404), because only it says *why*: jammed, hatch open, feeder empty or merely busy.

HTTPS is common on MFPs and their certificates are self-signed, so the caller must choose a
:class:`HttpsPolicy` on purpose: verify against a CA bundle, pin the scanner's certificate by
its SHA-256 fingerprint (what an operator confirms once, on the scanner's own panel or web
page), or refuse HTTPS. Nothing silently accepts any certificate.
"""

from __future__ import annotations

import hashlib
import logging
import ssl
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import httpx

from station.errors import ScannerError
from station.scanner.base import (
    PAGE_SIZES_MM,
    CancelToken,
    Capabilities,
    CoverOpen,
    Device,
    DeviceUnavailable,
    FeederEmpty,
    PaperJam,
    ScanEvents,
    ScannedPage,
    ScannerBusy,
    ScanOptions,
)

log = logging.getLogger(__name__)

NS_SCAN = "http://schemas.hp.com/imaging/escl/2011/05/03"
NS_PWG = "http://www.pwg.org/schemas/2010/12/sm"
_NS = {"scan": NS_SCAN, "pwg": NS_PWG}
SERVICE_TYPES = ("_uscan._tcp.local.", "_uscans._tcp.local.")
_MM_PER_INCH = 25.4

_COLOR_FROM_ESCL = {"RGB24": "color", "RGB48": "color", "Grayscale8": "gray", "Grayscale16": "gray",
                    "BlackAndWhite1": "lineart"}
_COLOR_TO_ESCL = {"color": "RGB24", "gray": "Grayscale8", "lineart": "BlackAndWhite1"}
_SUFFIX = {"image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif", "application/pdf": ".pdf"}

JAM_MESSAGE = "Paper jam: clear the feeder and press Scan again."


@dataclass(frozen=True)
class HttpsPolicy:
    """How the driver trusts a scanner that answers over HTTPS.

    ``verify``: the certificate must chain to ``ca_bundle`` (or the system's CAs when None).
    ``pin``: the certificate must be exactly the one whose SHA-256 fingerprint is ``fingerprint``
    (hex, colons and case ignored); this is how a self-signed scanner is trusted.
    ``refuse``: HTTPS scanners are not used at all.
    """

    mode: Literal["verify", "pin", "refuse"] = "verify"
    ca_bundle: Path | None = None
    fingerprint: str | None = None

    @classmethod
    def verify(cls, ca_bundle: Path | None = None) -> HttpsPolicy:
        return cls("verify", ca_bundle=ca_bundle)

    @classmethod
    def pin(cls, fingerprint: str) -> HttpsPolicy:
        normalised = fingerprint.replace(":", "").strip().lower()
        if len(normalised) != 64 or any(c not in "0123456789abcdef" for c in normalised):
            raise ScannerError("A certificate pin is the SHA-256 fingerprint: 64 hex digits (colons allowed).")
        return cls("pin", fingerprint=normalised)

    @classmethod
    def refuse(cls) -> HttpsPolicy:
        return cls("refuse")


def certificate_fingerprint(der: bytes) -> str:
    """SHA-256 of a DER certificate, in the lower-case hex that :meth:`HttpsPolicy.pin` takes."""
    return hashlib.sha256(der).hexdigest()


# -- capabilities --------------------------------------------------------------------------------
def _text(el: ET.Element | None) -> str | None:
    return el.text.strip() if el is not None and el.text else None


def _resolutions(caps: ET.Element) -> set[int]:
    found: set[int] = set()
    for res in caps.iterfind(".//scan:DiscreteResolution", _NS):
        x, y = _text(res.find("scan:XResolution", _NS)), _text(res.find("scan:YResolution", _NS))
        if x and (y is None or x == y):
            found.add(int(x))
    for rng in caps.iterfind(".//scan:ResolutionRange", _NS):
        lo = _text(rng.find("scan:XResolutionRange/scan:Min", _NS))
        hi = _text(rng.find("scan:XResolutionRange/scan:Max", _NS))
        if lo and hi:
            found.update(d for d in (75, 100, 150, 200, 240, 300, 400, 600, 1200) if int(lo) <= d <= int(hi))
    return found


def parse_capabilities(xml: bytes) -> tuple[Capabilities, dict[str, Any]]:
    """ScannerCapabilities XML → the station's Capabilities, plus what the driver needs to scan
    (eSCL version, make and model, the raw colour-mode and format names)."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise DeviceUnavailable(f"The scanner sent capabilities that are not XML ({exc}).") from exc
    inputs: dict[str, ET.Element] = {}
    platen = root.find("scan:Platen/scan:PlatenInputCaps", _NS)
    if platen is not None:
        inputs["flatbed"] = platen
    simplex = root.find("scan:Adf/scan:AdfSimplexInputCaps", _NS)
    if simplex is not None:
        inputs["adf"] = simplex
    duplex_caps = root.find("scan:Adf/scan:AdfDuplexInputCaps", _NS)
    adf_options = {_text(o) for o in root.iterfind("scan:Adf/scan:AdfOptions/scan:AdfOption", _NS)}
    duplex = simplex is not None and (duplex_caps is not None or "Duplex" in adf_options)
    if duplex:
        inputs["duplex"] = duplex_caps if duplex_caps is not None else simplex
    resolutions: set[int] = set()
    modes: list[str] = []
    escl_modes: list[str] = []
    formats: list[str] = []
    widths: list[int] = []
    heights: list[int] = []
    for caps in inputs.values():
        resolutions |= _resolutions(caps)
        for mode in caps.iterfind(".//scan:ColorMode", _NS):
            name = _text(mode)
            if name and name not in escl_modes:
                escl_modes.append(name)
            station_mode = _COLOR_FROM_ESCL.get(name or "")
            if station_mode and station_mode not in modes:
                modes.append(station_mode)
        for fmt in [*caps.iterfind(".//pwg:DocumentFormat", _NS), *caps.iterfind(".//scan:DocumentFormatExt", _NS)]:
            name = _text(fmt)
            if name and name not in formats:
                formats.append(name)
        if (w := _text(caps.find("scan:MaxWidth", _NS))) is not None:
            widths.append(int(w))
        if (h := _text(caps.find("scan:MaxHeight", _NS))) is not None:
            heights.append(int(h))
    capabilities = Capabilities(
        sources=list(inputs),
        resolutions=sorted(resolutions),
        color_modes=modes,
        duplex=duplex,
        max_width_mm=round(max(widths) / 300 * _MM_PER_INCH, 1) if widths else None,
        max_height_mm=round(max(heights) / 300 * _MM_PER_INCH, 1) if heights else None,
        formats=formats,
    )
    extra = {
        "version": _text(root.find("pwg:Version", _NS)) or "2.0",
        "make_and_model": _text(root.find("pwg:MakeAndModel", _NS)),
        "escl_modes": escl_modes,
        "max_300ths": {src: (int(_text(c.find("scan:MaxWidth", _NS)) or 0), int(_text(c.find("scan:MaxHeight", _NS)) or 0))
                       for src, c in inputs.items()},
    }
    return capabilities, extra


def scan_settings_xml(options: ScanOptions, dpi: int, version: str, fmt: str,
                      max_300ths: tuple[int, int] | None = None) -> bytes:
    """The ScanSettings document for one job; the region is the page size in 1/300 inch,
    clipped to what the source can take (a scanner refuses a region larger than its glass)."""
    w_mm, h_mm = PAGE_SIZES_MM[options.page_size]
    width, height = round(w_mm / _MM_PER_INCH * 300), round(h_mm / _MM_PER_INCH * 300)
    if max_300ths and max_300ths[0] > 0 and max_300ths[1] > 0:
        width, height = min(width, max_300ths[0]), min(height, max_300ths[1])
    root = ET.Element(f"{{{NS_SCAN}}}ScanSettings")

    def sub(parent: ET.Element, ns: str, tag: str, text: str | None = None) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ns}}}{tag}")
        if text is not None:
            el.text = text
        return el

    sub(root, NS_PWG, "Version", version)
    sub(root, NS_SCAN, "Intent", "Document")
    region = sub(sub(root, NS_PWG, "ScanRegions"), NS_PWG, "ScanRegion")
    sub(region, NS_PWG, "Height", str(height))
    sub(region, NS_PWG, "ContentRegionUnits", "escl:ThreeHundredthsOfInches")
    sub(region, NS_PWG, "Width", str(width))
    sub(region, NS_PWG, "XOffset", "0")
    sub(region, NS_PWG, "YOffset", "0")
    sub(root, NS_PWG, "DocumentFormat", fmt)
    sub(root, NS_SCAN, "DocumentFormatExt", fmt)
    sub(root, NS_PWG, "InputSource", "Platen" if options.source == "flatbed" else "Feeder")
    sub(root, NS_SCAN, "ColorMode", _COLOR_TO_ESCL[options.color_mode])
    sub(root, NS_SCAN, "XResolution", str(dpi))
    sub(root, NS_SCAN, "YResolution", str(dpi))
    if options.source != "flatbed":
        sub(root, NS_SCAN, "Duplex", "true" if options.source == "duplex" else "false")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def parse_status(xml: bytes) -> tuple[str | None, str | None]:
    """(pwg:State, scan:AdfState) from a ScannerStatus document; None where the scanner omits it."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return None, None
    return _text(root.find("pwg:State", _NS)), _text(root.find("scan:AdfState", _NS))


# -- discovery -----------------------------------------------------------------------------------
def url_from_service(info: Any, secure: bool) -> str | None:
    """The eSCL base URL a zeroconf ServiceInfo announces (address, port and its ``rs`` root)."""
    addresses = info.parsed_addresses() if hasattr(info, "parsed_addresses") else []
    if not addresses or not info.port:
        return None
    props = {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
             for k, v in (info.properties or {}).items()}
    root = (props.get("rs") or "eSCL").strip("/")
    host = addresses[0]
    if ":" in host:
        host = f"[{host}]"
    scheme = "https" if secure else "http"
    return f"{scheme}://{host}:{info.port}/{root}/" if root else f"{scheme}://{host}:{info.port}/"


def discover(timeout: float = 2.0) -> list[tuple[str, str]]:
    """(url, name) of every eSCL scanner that answers mDNS within ``timeout`` seconds.

    Discovery is best effort: multicast is often blocked between office subnets, which is why
    scanners can also be added by URL. A missing or failing zeroconf stack gives an empty list.
    """
    try:
        from zeroconf import ServiceBrowser, Zeroconf
    except ImportError:
        return []
    found: dict[str, tuple[str, str]] = {}
    names: list[tuple[str, str]] = []

    class _Listener:
        def add_service(self, zc: Any, type_: str, name: str) -> None:
            names.append((type_, name))

        def update_service(self, zc: Any, type_: str, name: str) -> None:
            pass

        def remove_service(self, zc: Any, type_: str, name: str) -> None:
            pass

    try:
        zc = Zeroconf()
    except OSError as exc:
        log.info("eSCL discovery unavailable: %s", exc)
        return []
    try:
        browser = ServiceBrowser(zc, list(SERVICE_TYPES), _Listener())
        CancelToken().wait(timeout)
        browser.cancel()
        for type_, name in names:
            info = zc.get_service_info(type_, name, timeout=int(timeout * 1000))
            if info is None:
                continue
            url = url_from_service(info, secure=type_.startswith("_uscans"))
            if url:
                props = {k: v for k, v in (info.properties or {}).items()}
                label = props.get(b"ty") or name.split("._uscan")[0].encode()
                found[url] = (url, label.decode(errors="replace") if isinstance(label, bytes) else str(label))
    finally:
        zc.close()
    return list(found.values())


# -- the driver ----------------------------------------------------------------------------------
class EsclDriver:
    """ScanDriver for eSCL scanners given by URL (``station devices add``) or found by mDNS.

    ``retry_delays`` are the waits between attempts when the scanner answers 503 busy; after the
    last one the scan fails with ScannerBusy. A connection dropped in the middle of a page is
    retried once, then the scan fails with DeviceUnavailable; pages before it are kept.
    A cancelled scan deletes its job on the scanner and returns normally with the pages so far.
    """

    name = "escl"

    def __init__(self, urls: Iterable[str] = (), *, discovery: bool = False, discovery_timeout: float = 2.0,
                 https: HttpsPolicy | None = None, timeout: float = 30.0,
                 retry_delays: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0)) -> None:
        self.urls = [self._normalise(u) for u in urls]
        self.discovery = discovery
        self.discovery_timeout = discovery_timeout
        self.https = https or HttpsPolicy.verify()
        self.timeout = timeout
        self.retry_delays = retry_delays
        self._extra: dict[str, dict[str, Any]] = {}

    @staticmethod
    def _normalise(url: str) -> str:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ScannerError(f"{url!r} is not a scanner address; give it as http://HOST:PORT/eSCL/.")
        path = parts.path if parts.path and parts.path != "/" else "/eSCL"
        return f"{parts.scheme}://{parts.netloc}{path.rstrip('/')}/"

    # -- HTTP --------------------------------------------------------------------------------
    def _client(self, base: str) -> httpx.Client:
        if base.startswith("https://"):
            if self.https.mode == "refuse":
                raise DeviceUnavailable(f"{base} speaks HTTPS and the station's policy refuses HTTPS scanners.")
            if self.https.mode == "verify":
                verify: ssl.SSLContext | bool = ssl.create_default_context(
                    cafile=str(self.https.ca_bundle) if self.https.ca_bundle else None)
                return httpx.Client(base_url=base, verify=verify, timeout=self._timeouts())
            # Pinning: the chain cannot be verified (self-signed), so the check is the exact
            # certificate, made on every response before its body is read or trusted. The request
            # has gone out by then; eSCL requests carry scan settings only, nothing secret.
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return httpx.Client(base_url=base, verify=ctx, timeout=self._timeouts(),
                                event_hooks={"response": [self._check_pin]})
        return httpx.Client(base_url=base, timeout=self._timeouts())

    def _timeouts(self) -> httpx.Timeout:
        """A page may take long to come (the scanner is still feeding), an absent host should not."""
        return httpx.Timeout(self.timeout, connect=min(self.timeout, 5.0))

    def _check_pin(self, response: httpx.Response) -> None:
        stream = response.extensions.get("network_stream")
        ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if der is None or certificate_fingerprint(der) != self.https.fingerprint:
            response.close()
            got = certificate_fingerprint(der) if der else "none"
            raise DeviceUnavailable(
                f"The scanner's certificate (SHA-256 {got}) is not the one pinned for it; "
                "check on the scanner's panel that it is the right device before trusting it.")

    def _get(self, client: httpx.Client, path: str) -> httpx.Response:
        try:
            return client.get(path)
        except httpx.TransportError as exc:
            raise DeviceUnavailable(f"The scanner at {client.base_url} does not answer ({exc}); "
                                    "check that it is on and on the network.") from exc

    # -- ScanDriver ------------------------------------------------------------------------------
    def list_devices(self) -> list[Device]:
        urls: dict[str, str | None] = dict.fromkeys(self.urls)
        if self.discovery:
            for url, name in discover(self.discovery_timeout):
                urls.setdefault(self._normalise(url), name)
        devices = []
        for url, name in urls.items():
            label = name
            if label is None:
                try:
                    self.capabilities(Device(f"escl:{url}", self.name, url))
                    label = self._extra[url].get("make_and_model")
                except ScannerError as exc:
                    log.info("eSCL scanner %s not reachable: %s", url, exc)
            devices.append(Device(id=f"escl:{url}", driver=self.name, name=label or url))
        return devices

    def _base(self, device: Device) -> str:
        if not device.id.startswith("escl:"):
            raise ScannerError(f"{device.id} is not an eSCL device.")
        return self._normalise(device.id[len("escl:"):])

    def capabilities(self, device: Device) -> Capabilities:
        base = self._base(device)
        with self._client(base) as client:
            response = self._get(client, "ScannerCapabilities")
        if response.status_code != 200:
            raise DeviceUnavailable(f"The scanner at {base} answered {response.status_code} for its capabilities; "
                                    "is this an eSCL (AirScan) address?")
        caps, extra = parse_capabilities(response.content)
        self._extra[base] = extra
        return caps

    def _status(self, client: httpx.Client) -> tuple[str | None, str | None]:
        try:
            response = client.get("ScannerStatus")
        except httpx.TransportError:
            return None, None
        return parse_status(response.content) if response.status_code == 200 else (None, None)

    def _raise_for_state(self, client: httpx.Client, pages_so_far: int) -> None:
        """Turn the scanner's own status into the error the operator can act on, if it has one."""
        state, adf = self._status(client)
        kept = f" The {pages_so_far} page(s) already scanned are kept." if pages_so_far else ""
        if adf in ("ScannerAdfJam", "ScannerAdfMispick", "ScannerAdfMultipickDetected"):
            raise PaperJam(JAM_MESSAGE + kept)
        if adf in ("ScannerAdfHatchOpen", "ScannerAdfCoverOpen"):
            raise CoverOpen("The scanner's feeder cover is open: close it and press Scan again." + kept)
        if adf == "ScannerAdfEmpty" and pages_so_far == 0:
            raise FeederEmpty("The feeder is empty: put the pages in the feeder and press Scan again.")
        if state in ("Stopped", "Down"):
            raise DeviceUnavailable(f"The scanner reports it is {state.lower()}; check its panel." + kept)

    def _choose_format(self, caps: Capabilities, color_mode: str) -> str:
        preferred = ["image/png", "image/jpeg"] if color_mode == "lineart" else ["image/jpeg", "image/png"]
        for fmt in preferred:
            if fmt in caps.formats:
                return fmt
        return "image/jpeg"

    def scan(self, device: Device, options: ScanOptions, cancel: CancelToken, events: ScanEvents,
             on_page: Callable[[ScannedPage], None]) -> None:
        options.validate()
        caps = self.capabilities(device)
        base = self._base(device)
        extra = self._extra[base]
        if options.source not in caps.sources:
            raise ScannerError(f"This scanner has no {options.source} source; it offers {', '.join(caps.sources)}.")
        if options.color_mode not in caps.color_modes:
            raise ScannerError(f"This scanner does not scan in {options.color_mode}; "
                               f"it offers {', '.join(caps.color_modes)}.")
        dpi = options.dpi
        if caps.resolutions and dpi not in caps.resolutions:
            dpi = min(caps.resolutions, key=lambda r: (abs(r - options.dpi), -r))
            events.status(f"The scanner has no {options.dpi} dpi; scanning at {dpi} dpi.")
        fmt = self._choose_format(caps, options.color_mode)
        body = scan_settings_xml(options, dpi, extra["version"], fmt, extra["max_300ths"].get(options.source))
        with self._client(base) as client:
            job = self._start_job(client, body, cancel, events)
            if job is None:
                return
            try:
                self._feed(client, job, options, dpi, cancel, events, on_page)
            finally:
                try:
                    client.delete(job)
                except httpx.HTTPError:
                    pass

    def _start_job(self, client: httpx.Client, body: bytes, cancel: CancelToken, events: ScanEvents) -> str | None:
        for attempt in range(len(self.retry_delays) + 1):
            if cancel.cancelled:
                return None
            try:
                response = client.post("ScanJobs", content=body, headers={"Content-Type": "text/xml"})
            except httpx.TransportError as exc:
                raise DeviceUnavailable(f"The scanner at {client.base_url} does not answer ({exc}); "
                                        "check that it is on and on the network.") from exc
            if response.status_code == 201 and response.headers.get("Location"):
                return urljoin(str(client.base_url), response.headers["Location"])
            if response.status_code == 503:
                if attempt < len(self.retry_delays):
                    events.status("The scanner is busy; waiting for it.")
                    cancel.wait(self.retry_delays[attempt])
                    continue
                raise ScannerBusy("The scanner is busy with another job (copying or printing?); "
                                  "try again when it is free.")
            self._raise_for_state(client, 0)
            raise DeviceUnavailable(f"The scanner refused the scan job ({response.status_code}).")
        raise AssertionError("unreachable")  # the loop always returns or raises

    def _feed(self, client: httpx.Client, job: str, options: ScanOptions, dpi: int, cancel: CancelToken,
              events: ScanEvents, on_page: Callable[[ScannedPage], None]) -> None:
        index = 1
        next_doc = job.rstrip("/") + "/NextDocument"
        while not cancel.cancelled:
            events.page_started(index)
            page = self._fetch_page(client, next_doc, index, dpi, cancel)
            if cancel.cancelled:
                return
            if page is None:
                if index == 1 and options.source != "flatbed":
                    self._raise_for_state(client, 0)
                    raise FeederEmpty("The feeder is empty: put the pages in the feeder and press Scan again.")
                return
            on_page(page)
            if options.source == "flatbed":
                return
            index += 1

    def _fetch_page(self, client: httpx.Client, url: str, index: int, dpi: int,
                    cancel: CancelToken) -> ScannedPage | None:
        """One NextDocument: the page, or None at the end of the job. Retries a dropped connection
        once and a 'busy preparing the page' 503 per ``retry_delays``."""
        dropped = 0
        busy = 0
        while True:
            try:
                with client.stream("GET", url) as response:
                    if response.status_code == 200:
                        chunks = []
                        for chunk in response.iter_bytes():
                            chunks.append(chunk)
                            if cancel.cancelled:
                                return None
                        ctype = response.headers.get("Content-Type", "image/jpeg").split(";")[0].strip()
                        return ScannedPage(data=b"".join(chunks), suffix=_SUFFIX.get(ctype, ".jpg"), dpi=float(dpi),
                                           index=index)
                    status = response.status_code
            except httpx.TransportError as exc:
                dropped += 1
                if dropped > 1:
                    raise DeviceUnavailable(
                        f"The connection to the scanner broke twice while receiving page {index}; "
                        f"check the network. The {index - 1} page(s) before it are kept.") from exc
                log.info("eSCL page %d: connection dropped (%s); retrying once", index, exc)
                continue
            if status == 404:
                # End of job, unless the scanner stopped because of a jam it reports in its status.
                self._raise_for_state(client, index - 1)
                return None
            if status == 503 and busy < len(self.retry_delays):
                _state, adf = self._status(client)
                if adf not in ("ScannerAdfJam", "ScannerAdfHatchOpen"):
                    cancel.wait(self.retry_delays[busy])
                    busy += 1
                    continue
            self._raise_for_state(client, index - 1)
            raise DeviceUnavailable(f"The scanner answered {status} for page {index}. "
                                    f"The {index - 1} page(s) before it are kept.")
