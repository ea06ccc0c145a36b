"""Imported files (PNG, JPEG, TIFF, PDF) to durable page images, safely.

`decode_file_isolated` is what the workflow calls: it runs `decode_file` in a child process
so that a hostile or broken file can only cost itself.
"""

from __future__ import annotations

from station.intake.decode import decode_file, sniff_format
from station.intake.images import DecodedPage, Limits
from station.intake.sandbox import decode_file_isolated, run_isolated

__all__ = ["DecodedPage", "Limits", "decode_file", "decode_file_isolated", "run_isolated", "sniff_format"]
