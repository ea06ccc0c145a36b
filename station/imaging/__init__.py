"""Page cleanup: deskew, orientation, dark-border crop, blank detection and quality flags."""

from __future__ import annotations

from station.imaging.cleanup import CleanupResult, clean_page

__all__ = ["CleanupResult", "clean_page"]
