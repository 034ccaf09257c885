"""The PETRARCH unit tests: source-target-CAMEO triples, with the tests' own dictionaries.

The XML's ``<Environment>`` names the actor, agent, verb and discard dictionaries the records
are coded with (fictional countries: Arnor, Gondor...). They are converted with our TABARI
readers into knowledge files, exactly as a user converts their own, and loaded with the
packaged knowledge: the tests' verb patterns replace the packaged CAMEO patterns (as in
PETRARCH), our curated triggers stay.

Scoring follows PETRARCH's dyadic output: an event with actors A, B and recipient C gives the
triples (A, C, code) and (B, C, code); a reciprocal event between A and B gives (A, B, code)
and (B, A, code); a pattern with a reverse code ([042:043]) also gives (C, A, reverse); an
event without a target gives no dyad, as in PETRARCH. Every event that is not negated counts:
PETRARCH codes intentions with its dictionary's own codes (031, "will meet").
Actor codes are CAMEO actor codes (country plus agent codes, "ARNGOVFRM").
"""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dragoman.evaluate import Report
from dragoman.evaluate.metrics import PRF, Accuracy, PerLabel

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Record:
    id: str
    category: str
    published: date | None
    text: str
    triples: tuple[Triple, ...]


def read_records(path: Path) -> tuple[list[Record], dict[str, str]]:
    """The sentences with their expected triples, and the environment's dictionary files."""
    root = ET.parse(path).getroot()
    environment = {c.tag: (c.text or "").strip() for c in root.find("Environment") or []}
    records = []
    for sentence in root.iter("Sentence"):
        triples = tuple(
            (c.get("sourcecode", "").strip('"'), c.get("targetcode", "").strip('"'),
             c.get("eventcode", ""))
            for c in sentence.findall("EventCoding") if c.get("eventcode"))
        raw_date = sentence.get("date", "")
        published = date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:8])) \
            if len(raw_date) == 8 else None
        text = " ".join((sentence.findtext("Text") or "").split())
        records.append(Record(sentence.get("id", ""), sentence.get("category", ""), published,
                              text, triples))
    return records, environment


def convert_environment(folder: Path, environment: dict[str, str], out: Path) -> dict:
    """Convert the environment's TABARI dictionaries into JSONL knowledge files in `out`."""
    from dragoman.knowledge.tabari import parse_actor_dictionary, parse_agent_dictionary
    from dragoman.knowledge.tabari_verbs import parse_verb_dictionary

    files: dict[str, list[str]] = {"actor_files": [], "agent_files": [], "verb_files": []}

    def write(name: str, records: list[dict]) -> str:
        target = out / name
        target.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        return str(target)

    if environment.get("Actorfile"):
        text = (folder / environment["Actorfile"]).read_text("utf-8", errors="replace")
        records = parse_actor_dictionary(text, "petrarch-test:actors", countries=True)
        files["actor_files"].append(write("actors.jsonl", records))
    if environment.get("Agentfile"):
        text = (folder / environment["Agentfile"]).read_text("utf-8", errors="replace")
        files["agent_files"].append(write("agents.jsonl", parse_agent_dictionary(
            text, "petrarch-test:agents")))
    if environment.get("Verbfile"):
        text = (folder / environment["Verbfile"]).read_text("utf-8", errors="replace")
        records, _ = parse_verb_dictionary(text, "petrarch-test:verbs")
        files["verb_files"].append(write("verbs.jsonl", records))
    return files


def triples_of(events) -> list[Triple]:
    """PETRARCH-style dyads of coded events (see the module docs)."""
    found: list[Triple] = []
    for event in events:
        actors = [_code(a) for a in event.actor]
        recipients = [_code(r) for r in event.recipient]
        code = event.cameo or ""
        if recipients:
            found += [(a, r, code) for a in actors for r in recipients]
            if event.reverse_cameo:
                found += [(r, a, event.reverse_cameo) for a in actors for r in recipients]
        elif len(actors) >= 2 and event.reciprocal:
            found += [(a, b, code) for a in actors for b in actors if a != b]
        # like PETRARCH, an event with no target is not output as a dyad
    return found


def _code(entity) -> str:
    return entity.cameo or entity.code or "---"


def evaluate_petrarch(path: Path, *, limit: int | None = None) -> Report:
    """Triple precision, recall and F1 on the PETRARCH unit-test records."""
    from dragoman.model import Article
    from dragoman.pipeline import Coder, Config

    records, environment = read_records(path)
    records = records[:limit] if limit else records
    with tempfile.TemporaryDirectory() as tmp:
        files = convert_environment(path.parent, environment, Path(tmp))
        coder = Coder(Config(**{k: tuple(v) for k, v in files.items()}, replace_verbs=True,
                             geolocate=False, prefilter=False))
        report = score(coder, records, Article)
    report.source = str(path)
    report.notes.append("dictionaries from the XML <Environment>, converted with "
                        "dragoman.knowledge.tabari; their verbs replace the packaged CAMEO "
                        "patterns, curated triggers stay")
    return report


def score(coder, records: list[Record], article_type) -> Report:
    triples, codes, sources, targets = PRF(), PerLabel(), Accuracy(), Accuracy()
    exact = Accuracy()
    report = Report(name="petrarch-unittest", source="")
    for record in records:
        article = article_type(id=record.id, text=record.text, published=record.published)
        # PETRARCH codes intentions with its dictionary's codes (031 "will meet"), so every
        # event that is not negated counts here
        events = [e for e in coder.code(article) if e.modality != "negated"]
        predicted = triples_of(events)
        gold = list(record.triples)
        triples.add(gold, predicted)
        codes.add([g[2][:2] for g in gold], [p[2][:2] for p in predicted])
        exact.add(sorted(set(gold)) == sorted(set(predicted)))
        for g in gold:
            match = [p for p in predicted if p[2] == g[2]]
            if match:
                sources.add(any(p[0] == g[0] for p in match))
                targets.add(any(p[1] == g[1] for p in match))
        if sorted(set(gold)) != sorted(set(predicted)) and len(report.errors) < 400:
            report.errors.append({"id": record.id, "text": record.text,
                                  "gold": sorted(gold), "predicted": sorted(set(predicted))})
    report.metrics = {
        "sentences": len(records),
        "triple_precision": triples.precision, "triple_recall": triples.recall,
        "triple_f1": triples.f1,
        "sentences_exact": exact.value,
        "source_accuracy_when_code_right": sources.value,
        "target_accuracy_when_code_right": targets.value,
        "cameo_root_f1": codes.micro().f1,
    }
    report.per_label = codes.rows()
    return report
