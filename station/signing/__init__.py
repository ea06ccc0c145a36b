"""The organ's signature: identities (PKCS#12, PKCS#11 token), PAdES on the PDF, CMS on the bag."""

from __future__ import annotations

import logging

# pyHanko logs path-building failures with tracebacks; the station reports them as checks instead.
# A NullHandler stops Python's last-resort stderr output while an application's own handlers still work.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
