"""What OCR returns: words with boxes and confidences, grouped into lines in reading order."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np


@dataclass
class Word:
    text: str
    bbox: tuple[int, int, int, int]  # x, y, w, h in pixels of the image given to Tesseract
    conf: float  # 0..1
    block: int
    par: int
    line: int


@dataclass
class Line:
    text: str
    bbox: tuple[int, int, int, int]
    words: list[Word] = field(default_factory=list)

    @property
    def conf(self) -> float:
        return float(np.mean([w.conf for w in self.words])) if self.words else 0.0


@dataclass
class OcrResult:
    lines: list[Line]
    language: str
    engine: str

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]

    @property
    def text(self) -> str:
        """NFC text in reading order, one line per OCR line."""
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float:
        words = self.words
        if not words:
            return 0.0
        # Weighted by word length: a long word read well counts more than a stray mark.
        weights = np.array([max(1, len(w.text)) for w in words], dtype=float)
        return float(np.average([w.conf for w in words], weights=weights))

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "engine": self.engine,
            "lines": [
                {"text": ln.text, "bbox": list(ln.bbox), "words": [_word_dict(w) for w in ln.words]}
                for ln in self.lines
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrResult:
        lines = [
            Line(
                text=ln["text"],
                bbox=tuple(ln["bbox"]),  # type: ignore[arg-type]
                words=[Word(**{**w, "bbox": tuple(w["bbox"])}) for w in ln["words"]],
            )
            for ln in data["lines"]
        ]
        return cls(lines=lines, language=data["language"], engine=data["engine"])


def _word_dict(w: Word) -> dict[str, Any]:
    d = asdict(w)
    d["bbox"] = list(w.bbox)
    return d
