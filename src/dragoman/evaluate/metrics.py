"""Counting for evaluation: precision, recall, F1 per label, and accuracy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


@dataclass
class PRF:
    """True and false positives and negatives, with the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> None:
        """Add one item's gold and predicted sets (multisets: duplicates count)."""
        gold_counts, predicted_counts = Counter(gold), Counter(predicted)
        overlap = sum((gold_counts & predicted_counts).values())
        self.tp += overlap
        self.fp += sum(predicted_counts.values()) - overlap
        self.fn += sum(gold_counts.values()) - overlap

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def row(self, label: str) -> dict[str, object]:
        return {"label": label, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "support": self.support, "predicted": self.tp + self.fp}


@dataclass
class PerLabel:
    """A PRF per label plus the micro-average over all labels."""

    labels: dict[str, PRF] = field(default_factory=dict)

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        gold, predicted = list(gold), list(predicted)
        for label in set(gold) | set(predicted):
            self.labels.setdefault(label, PRF()).add(
                [g for g in gold if g == label], [p for p in predicted if p == label])

    def micro(self) -> PRF:
        total = PRF()
        for prf in self.labels.values():
            total.tp += prf.tp
            total.fp += prf.fp
            total.fn += prf.fn
        return total

    def rows(self) -> list[dict[str, object]]:
        return [self.labels[k].row(k) for k in sorted(self.labels)]


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0
