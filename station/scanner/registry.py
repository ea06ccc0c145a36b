"""Which drivers this station has, and finding a device by its id (`<driver>:<id>`).

The demo scanner is always there, so the station can be tried with no hardware. Drivers that
talk to native libraries (SANE) run behind the process bridge: a crashing backend reports an
error instead of taking the station down.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from dataclasses import dataclass
from typing import Any

from station.errors import ScannerError, UsageError
from station.scanner.base import Capabilities, Device, ScanDriver

log = logging.getLogger(__name__)


@dataclass
class Found:
    driver: ScanDriver
    device: Device


def available_drivers(escl_devices: list[dict[str, Any]] | None = None, *, discovery: bool = False) -> list[ScanDriver]:
    """Every driver of this platform; `discovery` also looks for network scanners (takes ~2 s)."""
    from station.scanner.demo import DemoDriver

    drivers: list[ScanDriver] = [DemoDriver()]
    if sys.platform != "win32" and importlib.util.find_spec("sane") is not None:
        from station.scanner.bridge import BridgedDriver

        drivers.append(BridgedDriver("station.scanner.sane_driver:SaneDriver"))
    if sys.platform == "win32":
        from station.scanner.twain_driver import TwainDriver
        from station.scanner.wia_driver import WiaDriver

        drivers.extend([TwainDriver(), WiaDriver()])
    from station.scanner.escl import EsclDriver, HttpsPolicy

    # Scanners added with a pinned certificate (self-signed HTTPS) get a driver of their own with
    # that policy; the others share one that verifies against the system's CAs.
    entries = escl_devices or []
    drivers.append(EsclDriver(urls=[d["url"] for d in entries if not d.get("pin")], discovery=discovery))
    for d in entries:
        if d.get("pin"):
            drivers.append(EsclDriver(urls=[d["url"]], https=HttpsPolicy.pin(d["pin"])))
    return drivers


def list_devices(drivers: list[ScanDriver]) -> tuple[list[tuple[Device, Capabilities | None]], list[str]]:
    """Every device of every driver with its capabilities; a failing driver is reported, not fatal."""
    found: list[tuple[Device, Capabilities | None]] = []
    problems: list[str] = []
    for driver in drivers:
        try:
            devices = driver.list_devices()
        except ScannerError as exc:
            problems.append(f"{driver.name}: {exc.message}")
            continue
        for device in devices:
            try:
                found.append((device, driver.capabilities(device)))
            except ScannerError as exc:
                problems.append(f"{device.id}: {exc.message}")
                found.append((device, None))
    return found, problems


def find_device(device_id: str, drivers: list[ScanDriver]) -> Found:
    prefix = device_id.split(":", 1)[0]
    for driver in drivers:
        if driver.name != prefix:
            continue
        for device in driver.list_devices():
            if device.id == device_id:
                return Found(driver, device)
    escl = [d for d in drivers if d.name == "escl"]
    if prefix == "escl" and escl:  # a network scanner is reachable by its address alone
        url = device_id.split(":", 1)[1]
        owner = next((d for d in escl if any(u.rstrip("/") == url.rstrip("/") for u in getattr(d, "urls", []))),
                     escl[0])
        return Found(owner, Device(device_id, "escl", url))
    raise UsageError(f"There is no scanner {device_id!r}; `station devices` lists the scanners this station sees.")
