"""`dragoman eval`: run the coder on a gold set and measure it.

Formats (detected from the file, or named with `fmt`):

- ``plover``: PLOVER JSONL, one story a line: ``id``, ``text``, ``published``, ``event`` (list
  of types), ``actor``/``recipient`` (lists of ``{code, sector}``), optional ``event_loc``
  (``{geonameid}`` or ``{name}``). Per-type precision/recall/F1 over stories, actor and
  recipient accuracy, location accuracy.
- ``petrarch``: the PETRARCH unit-test XML; its dictionaries (``<Environment>``) are loaded as
  a user would load their own, and source-target-CAMEO triples are scored.
- ``ngec-actors``: NGEC actor-coding cases (actor text -> country and primary sector).
- ``ngec-stories``: NGEC synthetic PLOVER stories (CSV or its zip): story-level event type.
- ``geolocation``: sentences with an event verb and its location marked: location-mention F1.

Every runner returns a `Report`; `Report.rows()` feeds the shared output layer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.errors import GoldFormatError

FORMATS = ("plover", "petrarch", "ngec-actors", "ngec-stories", "geolocation")


@dataclass
class Report:
    """What an evaluation measured: headline metrics, per-label rows, notes, some errors."""

    name: str
    source: str
    metrics: dict[str, float | int] = field(default_factory=dict)
    per_label: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        """One row per metric, then one per label: for tables and CSV."""
        rows: list[dict[str, Any]] = [
            {"set": self.name, "metric": k, "value": round(v, 4) if isinstance(v, float) else v}
            for k, v in self.metrics.items()
        ]
        rows += [{"set": self.name, "metric": f"{r['label']} P/R/F1 (n={r['support']})",
                  "value": f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}"}
                 for r in self.per_label]
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {"set": self.name, "source": self.source, "metrics": self.metrics,
                "per_label": self.per_label, "notes": self.notes, "errors": self.errors}


def detect_format(path: Path) -> str:
    """Guess a gold file's format from its name and first record."""
    name = path.name.lower()
    if name.endswith(".xml"):
        return "petrarch"
    if name.endswith((".csv", ".zip")):
        return "ngec-stories"
    if name.endswith((".jsonl", ".ndjson")):
        first = _first_record(path)
        if "actor_text" in first and "expected" in first:
            return "ngec-actors"
        if "verb" in first and "location" in first:
            return "geolocation"
        if "text" in first and "event" in first:
            return "plover"
    raise GoldFormatError(f"cannot tell the format of {path.name}", source=str(path))


def _first_record(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    return json.loads(line)
                except json.JSONDecodeError:
                    raise GoldFormatError("first line is not JSON", source=str(path)) from None
    raise GoldFormatError("the file is empty", source=str(path))


def evaluate(path: Path, fmt: str | None = None, *, limit: int | None = None,
             split: str = "test", method: str | None = None, config: Any = None) -> Report:
    """Evaluate the coder on one gold file (see the module docs for the formats)."""
    path = Path(path)
    if not path.exists():
        raise GoldFormatError("no such gold file", source=str(path))
    fmt = fmt or detect_format(path)
    if fmt == "petrarch":
        from dragoman.evaluate.petrarch import evaluate_petrarch

        return evaluate_petrarch(path, limit=limit)
    if fmt == "ngec-actors":
        from dragoman.evaluate.ngec import evaluate_actors

        return evaluate_actors(path, limit=limit)
    if fmt == "ngec-stories":
        from dragoman.evaluate.ngec import evaluate_stories

        return evaluate_stories(path, limit=limit, split=split, method=method)
    if fmt == "geolocation":
        from dragoman.evaluate.geolocation import evaluate_geolocation

        return evaluate_geolocation(path, limit=limit)
    if fmt == "plover":
        from dragoman.evaluate.plover import evaluate_plover

        return evaluate_plover(path, limit=limit, config=config)
    raise GoldFormatError(f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)}",
                          source=str(path))
