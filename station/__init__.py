"""The scanning station: paper in, signed archival packages out."""

__version__ = "0.1.0"
