"""How well suggestions match the truth: the one scoring the metadata bench and the tests share.

A field counts once per document when the truth has it or the station filled it. It is right
when the filled value equals the truth exactly, or when neither has it. Only a suggestion the
station is sure of (:data:`CONFIDENT`) fills a field; an unsure one is shown to the operator but
left empty, so an unsure wrong value costs a keystroke, while a sure wrong value is the error
that slips through review: that one is counted apart as *wrong but confident*.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from station.metadata.extract import CONFIDENT, Suggestion


@dataclass
class FieldScore:
    total: int = 0
    right: int = 0
    wrong_confident: int = 0
    left_empty: int = 0  # the truth has a value, the station filled none

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "exact": round(self.right / self.total, 4) if self.total else None,
            "wrong_confident": self.wrong_confident,
            "left_empty": self.left_empty,
        }


@dataclass
class Score:
    fields: dict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    misses: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(f.total for f in self.fields.values())

    @property
    def accuracy(self) -> float:
        return sum(f.right for f in self.fields.values()) / self.total if self.total else 0.0

    @property
    def wrong_confident_rate(self) -> float:
        return sum(f.wrong_confident for f in self.fields.values()) / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "fields_scored": self.total,
            "exact": round(self.accuracy, 4),
            "wrong_confident": round(self.wrong_confident_rate, 4),
            "per_field": {k: self.fields[k].to_dict() for k in sorted(self.fields)},
        }


def filled(suggestions: Mapping[str, Suggestion]) -> dict[str, str]:
    """The values a draft takes from the suggestions: only the ones the station is sure of."""
    return {k: s.value for k, s in suggestions.items() if s.value and s.confidence >= CONFIDENT}


def score(documents: Iterable[tuple[str, Mapping[str, str], Mapping[str, Suggestion]]]) -> Score:
    """``documents``: (name, expected values, suggestions) for each document."""
    out = Score()
    for name, expected, suggestions in documents:
        got = filled(suggestions)
        for key in sorted(set(expected) | set(got)):
            f = out.fields[key]
            f.total += 1
            value, truth = got.get(key), expected.get(key)
            if value == truth:
                f.right += 1
                continue
            if value is None:
                f.left_empty += 1
            else:
                f.wrong_confident += 1
            shown = suggestions.get(key)
            note = f" (unsure: {shown.value!r} {shown.confidence:.2f})" if shown and value is None else ""
            out.misses.append(f"{name} {key}: {value!r} != {truth!r}{note}")
    return out
