"""Plain data shared by every layer: states, stages and their allowed transitions."""

from __future__ import annotations

from enum import StrEnum


class DocState(StrEnum):
    PROCESSING = "processing"
    NEEDS_REVIEW = "needs_review"
    CONFIRMED = "confirmed"
    APPROVED = "approved"
    REJECTED = "rejected"
    SEALED = "sealed"
    SYNCED = "synced"
    FAILED = "failed"


# The document life cycle (cli.md). A rejected document goes back to its operator, who confirms
# it again; a failed one can be processed again once its cause is fixed.
TRANSITIONS: dict[DocState, frozenset[DocState]] = {
    DocState.PROCESSING: frozenset({DocState.NEEDS_REVIEW, DocState.FAILED}),
    DocState.NEEDS_REVIEW: frozenset({DocState.CONFIRMED, DocState.PROCESSING}),
    DocState.CONFIRMED: frozenset({DocState.APPROVED, DocState.REJECTED, DocState.NEEDS_REVIEW}),
    DocState.REJECTED: frozenset({DocState.CONFIRMED, DocState.PROCESSING}),
    DocState.APPROVED: frozenset({DocState.SEALED}),
    # The archive may reject a sealed package (station.sync): it goes back to its operator with the reasons.
    DocState.SEALED: frozenset({DocState.SYNCED, DocState.REJECTED}),
    DocState.SYNCED: frozenset(),
    DocState.FAILED: frozenset({DocState.PROCESSING}),
}


class Stage(StrEnum):
    """Per-page stages, in the order they run."""

    CLEANUP = "cleanup"
    OCR = "ocr"


PAGE_STAGES: tuple[Stage, ...] = (Stage.CLEANUP, Stage.OCR)


class SplitMode(StrEnum):
    FILE = "file"
    NONE = "none"
    PAGE = "page"
    SEPARATOR = "separator"  # a separator sheet (patch T or a barcode with the configured prefix) starts a document


QUALITY_FLAGS = ("dark_border", "punch_holes", "low_contrast", "low_dpi", "blur", "residual_skew")
