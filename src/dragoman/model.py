"""The one schema: articles in, events out.

Every stage reads and writes these types; the PLOVER JSON record is `Event.to_plover()`, and
`schema/event.schema.json` describes exactly that dictionary. Field names follow the PLOVER
manual (id, date, event, mode, context, actor, recipient, event_loc, text, text_info,
cite_info, quad_code, event_scale, coder); our documented extensions are listed in
docs/schema.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

Modality = Literal["asserted", "negated", "hypothetical"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical")


def content_hash(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of `parts` (same input, same id, on every machine)."""
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """A news article after ingest: main text plus whatever metadata the input carried.

    `text` is the body that every offset in an event refers to; `title` is kept apart.
    `origin` names where the article came from (``news/a.jsonl:12``) for error messages.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None
    origin: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.published, str):  # "2017-01-23" from Python code: as if ingested
            from dragoman.ingest.readers import parse_date

            object.__setattr__(self, "published",
                               parse_date(self.published, self.origin or self.id))

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> Article:
        """Build an article from plain text; its id is a hash of the text unless given."""
        article_id = meta.pop("id", None) or "a-" + content_hash(text, meta.get("title"))
        return cls(id=str(article_id), text=text, **meta)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article body: `start`/`end` are character offsets into Article.text."""

    sequence: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """One member of an event's actor or recipient list (PLOVER's entity object).

    `code` is an ISO-3 country code or one of IGO, UNO, EUR, NGO, ISM, IMG, MNC; `sector` the
    primary PLOVER sector (GOV, MIL, REB, OPP, COP, CVL, ...); `sectors` any secondary ones.
    `start`/`end` locate `entity_text` in the article; `resolution` says how the code was found;
    `cameo` is the CAMEO actor code where the knowledge gives one (for GDELT/ICEWS users).
    """

    entity_text: str
    code: str | None = None
    sector: str | None = None
    sectors: list[str] = field(default_factory=list)
    identifier_id: str | None = None
    identifier_text: str | None = None
    start: int | None = None
    end: int | None = None
    resolution: str | None = None
    cameo: str | None = None

    def key(self) -> tuple[str | None, str | None]:
        return (self.code, self.sector)


@dataclass(slots=True)
class Location:
    """Where an event happened, resolved against the gazetteer.

    `text`/`start`/`end` are the mention in the article (null when the place was inferred);
    `precision` follows ACLED: 1 the exact place, 2 a nearby place or region, 3 the country.
    """

    text: str | None
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None = None
    feature_code: str | None = None
    start: int | None = None
    end: int | None = None
    precision: int = 1
    resolution: str | None = None


@dataclass(slots=True)
class EventDate:
    """The resolved date of an event and the evidence for it."""

    date: date
    precision: Literal["day", "week", "month", "year"] = "day"
    text: str | None = None
    start: int | None = None
    end: int | None = None
    resolution: str = "published"


@dataclass(slots=True)
class Evidence:
    """What produced an event: the trigger words and the rule or model that matched."""

    trigger: str
    start: int
    end: int
    rule: str


@dataclass(slots=True)
class Event:
    """One coded event: PLOVER fields plus our extensions (see docs/schema.md)."""

    article_id: str
    event: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    date: EventDate | None
    text: str
    sequence: int
    sentence_start: int
    sentence_end: int
    evidence: Evidence
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_code: int | None = None
    event_scale: float | None = None
    goldstein: float | None = None
    acled: dict[str, str] | None = None
    event_loc: Location | None = None
    modality: str = "asserted"
    modality_cue: str | None = None
    attribution: Entity | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    confidence: float = 0.5
    reciprocal: bool = False
    reverse_cameo: str | None = None
    cite_info: dict[str, Any] = field(default_factory=dict)
    coder: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Stable content hash: the same article and coding give the same id."""
        return "ev-" + content_hash(
            self.article_id,
            self.sentence_start,
            self.evidence.start,
            self.event,
            [e.key() for e in self.actor],
            [e.key() for e in self.recipient],
        )

    def to_plover(self) -> dict[str, Any]:
        """The PLOVER JSON record (validated by schema/event.schema.json)."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "date": self.date.date.isoformat() if self.date else None,
            "event": list(self.event),
            "mode": list(self.mode),
            "context": list(self.context),
            "cameo": self.cameo,
            "reverse_cameo": self.reverse_cameo,
            "reciprocal": self.reciprocal,
            "quad_code": self.quad_code,
            "event_scale": self.event_scale,
            "goldstein": self.goldstein,
            "acled": self.acled,
            "actor": [_entity(e) for e in self.actor],
            "recipient": [_entity(e) for e in self.recipient],
            "event_loc": asdict(self.event_loc) if self.event_loc else None,
            "event_text": [self.evidence.trigger],
            "text": self.text,
            "text_info": {
                "sequence": self.sequence,
                "start": self.sentence_start,
                "end": self.sentence_end,
            },
            "cite_info": dict(self.cite_info),
            "modality": self.modality,
            "modality_cue": self.modality_cue,
            "attribution": _entity(self.attribution) if self.attribution else None,
            "dead": self.dead,
            "injured": self.injured,
            "arrested": self.arrested,
            "confidence": round(self.confidence, 3),
            "date_info": _date_info(self.date),
            "evidence": asdict(self.evidence),
            "coder": dict(self.coder),
        }


def _entity(entity: Entity) -> dict[str, Any]:
    return asdict(entity)


def _date_info(event_date: EventDate | None) -> dict[str, Any] | None:
    if event_date is None:
        return None
    info = asdict(event_date)
    info["date"] = event_date.date.isoformat()
    return info
