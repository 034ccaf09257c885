"""Where an event happened: place mentions, their resolution, and the event's own place.

Not merely a place in the sentence: the place the event verb (or event noun) is anchored to by
a locative phrase ("kicked off in the Kazakh capital of Astana"; "killed in an air strike on
Douma"); a place named as the target ("shelled Aleppo"); then the nearest non-actor place in
the sentence; then the article's dateline or dominant place, each saying so in `resolution` and
`precision` (1 exact place, 2 nearby or region, 3 country). A place used as an actor ("Moscow
backed the initiative") is metonymy, not a location.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dragoman.extract.text import find_dateline
from dragoman.model import Location
from dragoman.resolve.toponyms import ToponymMention, resolve_toponyms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dragoman.resolve.gazetteer import Gazetteer, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "throughout",
                  "into", "within", "on", "from", "off", "along", "towards", "toward", "over",
                  "between", "north", "south", "east", "west", "of"}
FEATURE_NOUNS = {"capital", "city", "town", "village", "province", "region", "district",
                 "governorate", "state", "county", "area", "camp", "base", "neighbourhood",
                 "neighborhood", "suburb", "outskirts", "port", "border", "crossing", "oblast"}


@dataclass(frozen=True)
class PlaceMention:
    """A place name in a parsed sentence: its tokens and what the phrase around it hints."""

    sentence: int
    start: int  # token index in the sentence doc
    end: int
    mention: ToponymMention  # character offsets into the article
    locative: bool = False  # 'in Aleppo', not 'the Geneva conferences'



def place_mentions(doc: Doc, sentence: int, offset: int,
                   country_of_adjective: Mapping[str, str]) -> list[PlaceMention]:
    """Place names of a parsed sentence, with country and feature hints: GPE/LOC/FAC
    entities that are not acting (a subject is an actor: metonymy), and proper nouns in a
    locative phrase the entity recogniser missed ('the town of Douma')."""
    found: list[PlaceMention] = []
    spans = [(_strip_article(e), e.label_) for e in doc.ents if e.label_ in PLACE_LABELS]
    covered = {t.i for span, _ in spans for t in span}
    spans += [(span, None) for span in _locative_names(doc) if not covered & {t.i for t in span}]
    for span, label in sorted(spans, key=lambda s: s[0].start):
        if not span.text.strip() or _acting(span):
            continue
        country, feature = _hints(span, country_of_adjective)
        found.append(PlaceMention(sentence, span.start, span.end, ToponymMention(
            text=span.text, start=offset + span.start_char, end=offset + span.end_char,
            label=label, country_hint=country, feature_hint=feature), _is_locative(span)))
    return found


def _is_locative(span: Span) -> bool:
    root = span.root
    while root.dep_ in ("pobj",) and root.head.lower_ == "of":
        root = root.head.head  # "the city of Aleppo" -> "city"
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"of", "from"}


def _acting(span: Span) -> bool:
    """'Moscow backed the plan', 'Russia's envoy': a place name used as an actor."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _locative_names(doc: Doc) -> list[Span]:
    """Capitalised proper nouns governed by a locative preposition, or by 'of' after a place
    word ('the town of Douma'), that no entity covers."""
    names: list[Span] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ != "pobj" or not token.text[:1].isupper():
            continue
        prep = token.head
        locative = prep.lower_ in ("in", "at", "near", "outside", "inside", "around", "into")
        after_place = prep.lower_ == "of" and prep.head.lemma_.lower() in FEATURE_NOUNS
        if locative or after_place:
            left = min([c.i for c in token.children if c.dep_ == "compound"
                        and c.pos_ == "PROPN"] + [token.i])
            names.append(doc[left : token.i + 1])
    return names


def _strip_article(ent: Span) -> Span:
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in ("the",):
        start += 1
    return ent.doc[start : ent.end]


def _hints(span: Span, country_of_adjective: Mapping[str, str]) -> tuple[str | None, str | None]:
    """'the Kazakh capital of Astana' -> (KAZ, capital); 'Idlib province' -> (None, province)."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in FEATURE_NOUNS:
        noun = head.head
        adjectives = [c.text for c in noun.children if c.dep_ in ("amod", "compound")]
        country = next((country_of_adjective[a.lower()] for a in adjectives
                        if a.lower() in country_of_adjective), None)
        return country, noun.lemma_.lower()
    if root.dep_ == "compound" and head.lemma_.lower() in FEATURE_NOUNS:
        return None, head.lemma_.lower()
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lemma_.lower() in FEATURE_NOUNS:
        return None, after.lemma_.lower()
    return None, None


def resolve_places(mentions: Sequence[PlaceMention], gazetteer: Gazetteer,
                   countries: Mapping[str, float]) -> dict[tuple[int, int], tuple[Place, float]]:
    """Resolve all place mentions of an article together: (sentence, token start) -> place."""
    results = resolve_toponyms([m.mention for m in mentions], gazetteer,
                               context_countries=dict(countries))
    return {(m.sentence, m.start): (place, score)
            for m, (_, place, score) in zip(mentions, results) if place is not None}


def event_place(anchor: Token | None, trigger: Token, sentence: int,
                mentions: Sequence[PlaceMention],
                resolved: Mapping[tuple[int, int], tuple[Place, float]],
                actor_tokens: set[int]) -> Location | None:
    """The place of an event in its own sentence, or None."""
    here = [m for m in mentions if m.sentence == sentence
            and (m.sentence, m.start) in resolved
            and not actor_tokens & set(range(m.start, m.end))]
    if not here:
        return None
    doc = trigger.doc
    for holder in _holders(anchor, trigger):
        attached = [m for m in here if _attached(doc[m.start : m.end], holder)]
        if attached:
            return _location(attached[0], resolved, "attached")
    nearest = min(here, key=lambda m: abs(m.start - trigger.i))
    location = _location(nearest, resolved, "sentence")
    if location.precision == 1:
        location.precision = 2 if abs(nearest.start - trigger.i) > 12 else 1
    return location


def _holders(anchor: Token | None, trigger: Token) -> list[Token]:
    holders = [t for t in (anchor, trigger) if t is not None]
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and trigger.head not in holders:
        holders.append(trigger.head)
    return holders


def _attached(span: Span, holder: Token) -> bool:
    """Is the place reached from `holder` through locative prepositions or as its object?"""
    token = span.root
    for _ in range(6):
        head = token.head
        if head == token:
            return False
        if head == holder:
            return token.dep_ in ("prep", "dobj", "npadvmod", "advmod") or (
                token.dep_ == "pobj")
        if token.dep_ == "pobj" and head.lower_ not in LOCATIVE_PREPS:
            return False
        if token.dep_ not in ("pobj", "prep", "compound", "appos", "conj", "nmod", "amod") \
                and not (token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj")):
            return False
        token = head
    return False


def _location(mention: PlaceMention, resolved: Mapping[tuple[int, int], tuple[Place, float]],
              how: str) -> Location:
    place, _ = resolved[(mention.sentence, mention.start)]
    m = mention.mention
    return place.to_location(text=m.text, start=m.start, end=m.end, resolution=how)


def dateline_place(text: str, gazetteer: Gazetteer) -> Location | None:
    """'ASTANA, Jan 23 (Reuters) - ...' -> Astana (the place the report was filed from)."""
    dateline = find_dateline(text)
    if dateline is None:
        return None
    places = gazetteer.lookup(dateline.place, limit=5)
    if not places:
        return None
    place = max(places, key=lambda p: (p.feature_code.startswith("PPL"), p.population))
    start = dateline.place_start
    location = place.to_location(text=dateline.place, start=start,
                                 end=start + len(dateline.place), resolution="dateline")
    location.precision = max(location.precision, 2)
    return location


def dominant_place(locations: Iterable[Location]) -> Location | None:
    """The place the article's events happen most: the fallback for events without one."""
    counted = Counter((loc.geonameid, loc.name) for loc in locations if loc.precision < 3)
    if not counted:
        return None
    (geonameid, name), _ = counted.most_common(1)[0]
    first = next(loc for loc in locations if (loc.geonameid, loc.name) == (geonameid, name))
    return replace(first, text=None, start=None, end=None, precision=max(first.precision, 2),
                   resolution="dominant")
