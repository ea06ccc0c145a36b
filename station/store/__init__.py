"""The station's store: SQLite (WAL) for records, a content-addressed folder for page images."""

from station.store.db import Store

__all__ = ["Store"]
