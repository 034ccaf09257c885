"""PLOVER JSONL gold: one story a line with the events it holds.

A line is ``{"id", "text", "published"?, "title"?}`` plus either the fields of one event
(``event``, ``actor``, ``recipient``, ``event_loc``) or ``"events": [ {...}, ... ]``. Actors and
recipients are lists of ``{"code", "sector"}``; ``event_loc`` is ``{"geonameid"}`` or
``{"name"}`` or null. Scoring, per story: the set of event types predicted (asserted events)
against the gold set gives per-type precision, recall and F1; for each gold event whose type
was predicted, the actor (and recipient) is right when a predicted event of that type has an
actor with the gold's code and sector, and the location is right when one has the gold place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dragoman.errors import GoldFormatError
from dragoman.evaluate import Report
from dragoman.evaluate.metrics import Accuracy, PerLabel


def gold_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold events of one story record (see the module docs)."""
    if isinstance(record.get("events"), list):
        return record["events"]
    return [record] if record.get("event") else []


def _types(event: dict[str, Any]) -> list[str]:
    value = event.get("event")
    return list(value) if isinstance(value, list) else [value] if value else []


def evaluate_plover(path: Path, *, limit: int | None = None, config: Any = None) -> Report:
    from dragoman.ingest.readers import parse_date
    from dragoman.model import Article
    from dragoman.pipeline import Coder

    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    lines = lines[:limit] if limit else lines
    coder = Coder(config) if config is not None else Coder()
    per_type, actors, recipients, places = PerLabel(), Accuracy(), Accuracy(), Accuracy()
    report = Report(name=f"plover:{path.name}", source=str(path))
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
            article = Article(id=str(record.get("id") or number), text=record["text"],
                              title=record.get("title"),
                              published=parse_date(record.get("published"), f"{path}:{number}"))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise GoldFormatError(f"line {number}: not a PLOVER gold story ({error})",
                                  source=str(path)) from None
        predicted = [e.to_plover() for e in coder.code(article) if e.modality == "asserted"]
        gold = gold_events(record)
        per_type.add(sorted({t for g in gold for t in _types(g)}),
                     sorted({t for p in predicted for t in p["event"]}))
        for event in gold:
            _score_event(event, predicted, actors, recipients, places)
        if {t for g in gold for t in _types(g)} != {t for p in predicted for t in p["event"]}:
            report.errors.append({"id": article.id, "text": article.text[:300],
                                  "gold": [_types(g) for g in gold],
                                  "predicted": [p["event"] for p in predicted]})
    micro = per_type.micro()
    report.metrics = {"stories": len(lines), "type_precision": micro.precision,
                      "type_recall": micro.recall, "type_f1": micro.f1,
                      "actor_accuracy": actors.value, "recipient_accuracy": recipients.value,
                      "location_accuracy": places.value, "located_events": places.total}
    report.per_label = per_type.rows()
    return report


def _score_event(event: dict, predicted: list[dict], actors: Accuracy, recipients: Accuracy,
                 places: Accuracy) -> None:
    same = [p for p in predicted if set(_types(event)) & set(p["event"])]
    if not same:
        return
    for field, accuracy in (("actor", actors), ("recipient", recipients)):
        wanted = [(e.get("code"), e.get("sector") or None) for e in event.get(field) or []]
        if wanted:
            accuracy.add(any((a["code"], a["sector"]) == wanted[0] for p in same
                             for a in p[field]))
    place = event.get("event_loc")
    if place:
        places.add(any(_same_place(place, p["event_loc"]) for p in same))


def _same_place(gold: dict, got: dict | None) -> bool:
    if not got:
        return False
    if gold.get("geonameid") is not None:
        return gold["geonameid"] == got.get("geonameid")
    # an unknown own place's text names a place dragoman could not locate: only its country
    # stands in, so the text is no match
    text = "" if got.get("resolution") == "unknown-place" else (got.get("text") or "").lower()
    return (gold.get("name") or "").lower() in ((got.get("name") or "").lower(), text)
