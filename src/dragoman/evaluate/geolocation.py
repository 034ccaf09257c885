"""Event geolocation: for a sentence with an event verb marked, is its place found?

Gold (``event_geolocation.dev.jsonl``): text, the event verb's span, and the spans of that
event's location(s), often none. For each sentence the verb at the gold offset is the event
anchor and dragoman's place chooser (code/where.py, the same function the pipeline uses, with
no article fallbacks) names a place mention and any listed with it. A prediction is right
when its span equals a gold span ("exact"; white space around a gold span is trimmed first)
or shares a token with one ("overlap"); mention precision, recall and F1 follow. The
gazetteer serves as in the pipeline (which names are places, how broad a place each is); the
measure still runs without one, on entity mentions alone. The gold marks mentions, many of
them places no gazetteer lists (a mosque, a hamlet).
"""

from __future__ import annotations

import json
from pathlib import Path

from dragoman.evaluate import Report
from dragoman.evaluate.metrics import PRF


def evaluate_geolocation(path: Path, *, limit: int | None = None) -> Report:
    from dragoman.code.where import choose_mention, place_mentions, with_conjuncts
    from dragoman.extract.nlp import load_model

    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    exact, overlap, annotated = PRF(), PRF(), PRF()
    report = Report(name="event-geolocation", source=str(path))
    nlp = load_model()
    is_place, scale_of = _gazetteer_tests()
    demonyms = _demonyms()
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
        verb = _token_at(doc, row["verb"][0]["start"]) if row["verb"] else None
        chosen = []
        if verb is not None:
            mentions = place_mentions(doc, 0, 0, demonyms, is_place, scale_of)
            found = choose_mention(verb, verb, mentions)
            chosen = [m.mention for m in with_conjuncts(found[0], mentions, doc)] if found else []
        predicted = chosen[0] if chosen else None
        gold = [_trimmed(row["text"], g["start"], g["end"]) for g in row["location"]]
        guess = [(m.start, m.end) for m in chosen]
        exact.add(gold, guess)
        if gold:
            annotated.add(gold, guess)
        hits = sum(1 for p in guess if any(_overlaps(g, p) for g in gold))
        overlap.tp += hits
        overlap.fp += len(guess) - hits
        overlap.fn += max(0, len(gold) - hits)
        if set(gold) != set(guess) and len(report.errors) < 500:
            report.errors.append({"id": row["id"], "text": row["text"],
                                  "verb": row["verb"][0]["text"] if row["verb"] else None,
                                  "gold": [g["text"] for g in row["location"]],
                                  "predicted": [m.text for m in chosen]})
    report.metrics = {"sentences": len(rows),
                      "mention_precision": exact.precision, "mention_recall": exact.recall,
                      "mention_f1": exact.f1, "overlap_f1": overlap.f1,
                      "annotated_sentences": annotated.support and sum(1 for r in rows
                                                                       if r["location"]),
                      "mention_precision_annotated": annotated.precision,
                      "mention_recall_annotated": annotated.recall,
                      "mention_f1_annotated": annotated.f1}
    report.notes.append("*_annotated: only sentences whose gold marks at least one location; "
                        "some sources mark few (Masdar_RA: 11% of sentences), so a place "
                        "predicted there counts against precision in the overall figures")
    return report


def _gazetteer_tests():
    """The pipeline's gazetteer tests: 'does the gazetteer know this name as a real place'
    and 'how broad a place is it', or two Nones without a gazetteer."""
    try:
        from dragoman.code.where import gazetteer_scale
        from dragoman.resolve.gazetteer import Gazetteer
        from dragoman.stages import gazetteer_knows

        is_place = gazetteer_knows()
        scale_of = gazetteer_scale(Gazetteer.open(None))
    except Exception:  # the measure still runs on entity mentions alone
        return None, None
    return is_place, scale_of


def _demonyms() -> dict[str, str]:
    """The knowledge base's country adjectives ('kazakh' -> 'KAZ'), as the pipeline has them."""
    from dragoman.knowledge import load_knowledge
    from dragoman.stages import country_adjectives

    return country_adjectives(load_knowledge())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold span without the white space some annotators took in ('Zaafaraniyah  ')."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _token_at(doc, offset: int):
    for token in doc:
        if token.idx <= offset < token.idx + len(token.text):
            return token
    return None


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[1] and b[0] < a[1]
