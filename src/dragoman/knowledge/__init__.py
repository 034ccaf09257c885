"""Knowledge: ontology tables, trigger lexicons, actor dictionaries and verb patterns, as data.

Everything the coder knows lives in the data files beside this module (JSONL and CSV, each
with a schema under `schemas/`); this module only reads them. Users add their own actor,
agent or verb-pattern files without touching code:

    knowledge = load_knowledge(actor_files=["my-actors.jsonl"])

`Knowledge` is immutable and shared by every stage; `knowledge.version` is a digest of all the
files that went into it, recorded in each event so a result can be explained and re-made.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from dragoman.errors import KnowledgeError

PACKAGE_FILES = resources.files("dragoman.knowledge")

ACTOR_FILES = (
    "actors/countries.jsonl",
    "actors/phoenix-organizations.jsonl",
    "actors/phoenix-people.jsonl",
    "actors/organizations.jsonl",
    "actors/people.jsonl",
)
AGENT_FILES = ("actors/phoenix-agents.jsonl", "actors/agents.jsonl")
VERB_PATTERN_FILES = ("cameo/verb-patterns.jsonl",)


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad_code: int
    score: float
    requires_recipient: bool
    future_as: str | None


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float | None
    event: str | None
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AcledRule:
    event: str
    mode: str
    cameo_prefix: str
    actor_sector: str
    recipient_sector: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """A curated word or phrase that signals an event type (knowledge/triggers/*.jsonl)."""

    id: str
    lemma: str
    pos: str
    event: str
    cameo: str
    mode: str = ""
    context: tuple[str, ...] = ()
    reciprocal: bool = False
    priority: int = 0
    conditions: Mapping[str, Any] = field(default_factory=dict)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.split())


@dataclass(frozen=True, eq=False)  # identity hash: one index per loaded knowledge
class Knowledge:
    """Everything the coder knows, loaded once and shared read-only."""

    event_types: Mapping[str, EventType]
    mode_scores: Mapping[tuple[str, str], float]
    cameo: Mapping[str, CameoCode]
    acled_rules: tuple[AcledRule, ...]
    verb_triggers: Mapping[str, tuple[Trigger, ...]]
    noun_triggers: Mapping[str, tuple[Trigger, ...]]
    actor_records: tuple[dict, ...]
    agent_records: tuple[dict, ...]
    user_actor_records: tuple[dict, ...]
    user_agent_records: tuple[dict, ...]
    verb_pattern_records: tuple[dict, ...]
    user_verb_pattern_records: tuple[dict, ...]
    version: str

    def cameo_code(self, code: str | None) -> CameoCode | None:
        """The CAMEO entry for `code`, falling back to its 3- and 2-digit parents."""
        while code:
            if code in self.cameo:
                return self.cameo[code]
            code = code[:-1] if len(code) > 2 else None
        return None


def read_jsonl(text: str, source: str) -> Iterator[dict]:
    """Parse JSON Lines, naming the file and line of any bad record."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise KnowledgeError(f"line {number}: not valid JSON ({error.msg})", source=source)
        if not isinstance(record, dict):
            raise KnowledgeError(f"line {number}: expected a JSON object", source=source)
        yield record


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def package_text(relative: str) -> str | None:
    """The text of a packaged data file, or None when it is not shipped."""
    resource = PACKAGE_FILES.joinpath(relative)
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


def _user_text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeError(f"cannot read knowledge file ({error.strerror})", source=str(path))


def _event_types(text: str) -> dict[str, EventType]:
    return {
        row["event"]: EventType(
            name=row["event"],
            quad_code=int(row["quad_code"]),
            score=float(row["score"]),
            requires_recipient=row["requires_recipient"] == "true",
            future_as=row["future_as"] or None,
        )
        for row in read_csv(text)
    }


def _cameo(text: str) -> dict[str, CameoCode]:
    return {
        row["cameo"]: CameoCode(
            code=row["cameo"],
            label=row["label"],
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            event=row["plover_event"] or None,
            mode=row["plover_mode"] or None,
            context=tuple(c for c in row["plover_context"].split(";") if c),
        )
        for row in read_csv(text)
    }


TRIGGER_FIELDS = {"id", "lemma", "event", "cameo", "mode", "context", "reciprocal", "priority"}


def _triggers(records: Iterable[dict], pos: str) -> dict[str, tuple[Trigger, ...]]:
    index: dict[str, list[Trigger]] = {}
    for record in records:
        trigger = Trigger(
            id=record["id"],
            lemma=record["lemma"].lower(),
            pos=pos,
            event=record["event"],
            cameo=record["cameo"],
            mode=record.get("mode", ""),
            context=tuple(record.get("context", ())),
            reciprocal=bool(record.get("reciprocal", False)),
            priority=int(record.get("priority", 0)),
            conditions={k: v for k, v in record.items() if k not in TRIGGER_FIELDS},
        )
        index.setdefault(trigger.words[-1], []).append(trigger)
    # longest phrase first, then priority: "air strike" before "strike"
    return {
        head: tuple(sorted(items, key=lambda t: (-len(t.words), -t.priority)))
        for head, items in index.items()
    }


def _packaged_records(names: Sequence[str]) -> tuple[list[dict], list[str]]:
    records: list[dict] = []
    texts: list[str] = []
    for name in names:
        text = package_text(name)
        if text is not None:
            records.extend(read_jsonl(text, source=name))
            texts.append(text)
    return records, texts


@cache
def _packaged() -> tuple[Knowledge, tuple[str, ...]]:
    texts: list[str] = []

    def text_of(name: str) -> str:
        text = package_text(name)
        if text is None:
            raise KnowledgeError("packaged knowledge file is missing; reinstall dragoman",
                                 source=name)
        texts.append(text)
        return text

    event_types = _event_types(text_of("plover/event-types.csv"))
    modes = {(r["event"], r["mode"]): float(r["score"])
             for r in read_csv(text_of("plover/modes.csv"))}
    cameo = _cameo(text_of("cameo/codes.csv"))
    acled = tuple(AcledRule(**row) for row in read_csv(text_of("acled/mapping.csv")))
    verbs = list(read_jsonl(text_of("triggers/verbs.jsonl"), "triggers/verbs.jsonl"))
    nouns = list(read_jsonl(text_of("triggers/nouns.jsonl"), "triggers/nouns.jsonl"))
    actors, actor_texts = _packaged_records(ACTOR_FILES)
    agents, agent_texts = _packaged_records(AGENT_FILES)
    patterns, pattern_texts = _packaged_records(VERB_PATTERN_FILES)
    texts += actor_texts + agent_texts + pattern_texts
    knowledge = Knowledge(
        event_types=event_types,
        mode_scores=modes,
        cameo=cameo,
        acled_rules=acled,
        verb_triggers=_triggers(verbs, "VERB"),
        noun_triggers=_triggers(nouns, "NOUN"),
        actor_records=tuple(actors),
        agent_records=tuple(agents),
        user_actor_records=(),
        user_agent_records=(),
        verb_pattern_records=tuple(patterns),
        user_verb_pattern_records=(),
        version="",
    )
    return knowledge, tuple(texts)


def load_knowledge(
    *,
    actor_files: Sequence[str | Path] = (),
    agent_files: Sequence[str | Path] = (),
    verb_files: Sequence[str | Path] = (),
    replace_verbs: bool = False,
) -> Knowledge:
    """The packaged knowledge plus the user's own files.

    User actor and agent records are added after the packaged ones, so a user's entry for a name
    wins. `verb_files` add CAMEO verb-pattern records (JSONL, see schemas/) that take precedence
    over the curated triggers and the packaged CAMEO patterns; with `replace_verbs` the packaged
    CAMEO patterns are dropped, as a PETRARCH user's own dictionary would replace them.
    """
    base, texts = _packaged()
    user_texts = {str(p): _user_text(p) for p in (*actor_files, *agent_files, *verb_files)}
    actors = [r for p in actor_files for r in read_jsonl(user_texts[str(p)], str(p))]
    agents = [r for p in agent_files for r in read_jsonl(user_texts[str(p)], str(p))]
    patterns = [r for p in verb_files for r in read_jsonl(user_texts[str(p)], str(p))]
    digest = hashlib.sha256()
    for text in (*texts, *user_texts.values(), str(replace_verbs)):
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    return Knowledge(
        **{
            **base.__dict__,
            "user_actor_records": tuple(actors),
            "user_agent_records": tuple(agents),
            "verb_pattern_records": () if replace_verbs else base.verb_pattern_records,
            "user_verb_pattern_records": tuple(patterns),
            "version": "kb-" + digest.hexdigest()[:12],
        }
    )
