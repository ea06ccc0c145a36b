"""Character error rate: how OCR text is judged against a transcription (benchmarks and tests)."""

from __future__ import annotations

import unicodedata

import numpy as np


def normalise(text: str) -> str:
    """NFC, and every run of white space as one space: line breaks and layout spaces are not read."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def levenshtein(a: str, b: str) -> int:
    """Edit distance, one row of the table at a time in numpy.

    The insertion term of a row depends on the row's own previous cell; with tmp the row without
    it, new[j] = min over k ≤ j of tmp[k] + (j - k) = j + cummin(tmp[k] - k).
    """
    if not a or not b:
        return len(a) + len(b)
    aa = np.frombuffer(a.encode("utf-32-le"), dtype=np.uint32)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(bb) + 1, dtype=np.int64)
    row = idx.copy()
    tmp = np.empty_like(row)
    for i, ch in enumerate(aa, start=1):
        tmp[0] = i
        np.minimum(row[1:] + 1, row[:-1] + (bb != ch), out=tmp[1:])
        row = idx + np.minimum.accumulate(tmp - idx)
    return int(row[-1])


def cer_percent(truth: str, read: str) -> float:
    """Edits needed to turn the OCR text into the truth, per 100 characters of the truth."""
    t, r = normalise(truth), normalise(read)
    return 100.0 * levenshtein(t, r) / max(1, len(t))
