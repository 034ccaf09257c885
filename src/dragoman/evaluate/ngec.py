"""The NGEC development sets: actor-coding cases and synthetic PLOVER stories.

Actor cases (``ngec_actor_resolution_cases.jsonl``): an actor's text, an optional context word
(a country or nationality) and a date; expected country code and primary sector. The text is
parsed alone and its noun phrase resolved exactly as the coder resolves actors in articles;
the context word is given to the resolver as the article's country context. "today" (and no
date) is read as `TODAY` below, fixed so the figures can be re-made.

Synthetic stories (``gpt_synthetic_events_*.csv[.zip]``): machine-written stories, each with one
PLOVER event type. They are split by their title template (80% "train", 20% "test", by a hash
of the template, so no template is on both sides) and only the requested split is scored. The
story's type is the type of the first event coded in its title, else in its text, else none.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dragoman.evaluate import Report
from dragoman.evaluate.metrics import Accuracy, PerLabel

# The NGEC cases were written in 2021-22 ("today" and undated cases mean then: Morrison and
# Le Drian in office, the Taliban in power); a fixed date keeps the figures reproducible.
TODAY = date(2021, 10, 1)
SECTOR_ALIASES = {"HLH": "MED"}  # CAMEO's health code, renamed MED in PLOVER
SKIP_SECTORS = {"????", "JNK"}


def _case_date(value: object) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            from datetime import datetime

            for fmt in ("%d %B %Y", "%B %d, %Y"):
                try:
                    return datetime.strptime(value, fmt).date()
                except ValueError:
                    continue
    return TODAY


def evaluate_actors(path: Path, *, limit: int | None = None) -> Report:
    """Country and primary-sector accuracy on NGEC actor-coding cases."""
    from dragoman.extract.nlp import load_model
    from dragoman.knowledge import load_knowledge
    from dragoman.resolve.actors import ActorResolver

    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    cases = cases[:limit] if limit else cases
    from dragoman.stages import gazetteer_country

    resolver = ActorResolver.from_knowledge(load_knowledge(), gazetteer_country())
    nlp = load_model()
    country, sector = Accuracy(), Accuracy()
    report = Report(name="ngec-actor-coding", source=str(path))
    for case, doc in zip(cases, nlp.pipe(c["actor_text"] for c in cases)):
        entity = resolve_alone(resolver, doc, case.get("context"), _case_date(case.get("date")))
        got_country = (entity.code if entity else None) or ""
        got_sector = (entity.sector if entity else None) or ""
        expected = case["expected"]
        ok_country = ok_sector = None
        if "country" in expected:
            ok_country = got_country == expected["country"]
            country.add(ok_country)
        want = SECTOR_ALIASES.get(expected.get("code_1"), expected.get("code_1"))
        if want is not None and want not in SKIP_SECTORS:
            ok_sector = got_sector == want
            sector.add(ok_sector)
        if ok_country is False or ok_sector is False:
            report.errors.append({"text": case["actor_text"], "context": case.get("context"),
                                  "date": case.get("date"), "expected": expected,
                                  "got": {"country": got_country, "sector": got_sector,
                                          "resolution": entity.resolution if entity else None}})
    report.metrics = {"cases": len(cases), "country_accuracy": country.value,
                      "country_cases": country.total, "sector_accuracy": sector.value,
                      "sector_cases": sector.total}
    report.notes.append(f"'today' and missing dates read as {TODAY.isoformat()}")
    return report


def resolve_alone(resolver, doc, context: str | None, when: date):
    """Resolve the noun phrase of a parsed actor text on its own."""
    from dragoman.resolve.actors import ArticleActors

    state = ArticleActors(when=when)
    if context:
        for lex in resolver.index.lookup(context.split()[0]) + resolver.index.lookup(context):
            if lex.kind in ("country", "adjective", "metonym"):
                state.countries[lex.entry.roles[0].code] += 1
    mentions = resolver.index.scan(doc)
    return resolver.resolve(_phrase_head(doc), mentions, state)


def _phrase_head(doc):
    """The head of an actor phrase parsed alone: the root, or what 'several of' counts."""
    root = next(t for t in doc if t.head == t)
    if root.pos_ in ("NOUN", "PROPN", "PRON"):
        return root
    for child in root.children:  # "Several of the largest trade unions"
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    candidates = [t for t in doc if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return candidates[-1] if candidates else root


# ---------------------------------------------------------------- synthetic stories


def read_stories(path: Path) -> Iterator[dict[str, str]]:
    """Rows of the synthetic-story CSV, read from the CSV or from the zip that holds it."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".csv"))
            text = archive.read(name).decode("utf-8")
    else:
        text = path.read_text("utf-8")
    yield from csv.DictReader(io.StringIO(text))


def split_of(template: str) -> str:
    """'train' or 'test' (20%), by a stable hash of the title template."""
    digest = int(hashlib.sha256(template.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if digest % 5 == 0 else "train"


def story_title(row: dict[str, str]) -> str:
    """The filled-in title: the first line of the prompt."""
    return (row.get("prompt") or row.get("title") or "").split("\n", 1)[0].strip()


def evaluate_stories(path: Path, *, limit: int | None = None, split: str = "test") -> Report:
    """Story-level event-type accuracy and per-type P/R/F1 on one split."""
    from dragoman.model import Article
    from dragoman.pipeline import Coder, Config

    rows = [r for r in read_stories(path) if split == "all" or split_of(r["title"]) == split]
    rows = rows[:limit] if limit else rows
    coder = Coder(Config(geolocate=False))
    accuracy, per_type = Accuracy(), PerLabel()
    report = Report(name=f"ngec-synthetic-stories ({split})", source=str(path))
    for number, row in enumerate(rows):
        predicted = story_type(coder, Article(id=f"story-{number}", title=story_title(row),
                                              text=row["text"]))
        accuracy.add(predicted == row["label"])
        per_type.add([row["label"]], [predicted] if predicted else [])
        if predicted != row["label"] and len(report.errors) < 300:
            report.errors.append({"title": story_title(row), "expected": row["label"],
                                  "predicted": predicted})
    report.metrics = {"stories": len(rows), "type_accuracy": accuracy.value,
                      "macro_f1": _macro_f1(per_type)}
    report.per_label = per_type.rows()
    report.notes.append("split by title template: 20% test (sha256 of the template, mod 5)")
    return report


def story_type(coder, article) -> str | None:
    """The story's event type: its title's first event, else its text's first."""
    from dragoman.model import Article

    if article.title:
        headline = Article(id=article.id + "-title", text=article.title)
        for event in coder.code(headline):
            if event.modality != "negated":
                return event.event[0]
    for event in coder.code(article):
        if event.modality != "negated":
            return event.event[0]
    return None


def _macro_f1(per_type: PerLabel) -> float:
    values = [p.f1 for p in per_type.labels.values() if p.support]
    return sum(values) / len(values) if values else 0.0
