"""The archival package: BagIt bag with the signed PDF/A, metadata.json, METS/PREMIS and a CMS signature."""

from __future__ import annotations
