"""Toponym resolution: which place a place name in an article means.

`resolve_toponyms` takes the place mentions of one article and ranks gazetteer candidates for
each, the way a careful geoparser does. Each candidate gets a score in [0, 1], a weighted sum
of four parts, each in [0, 1]:

* population (weight 0.35): log10(population + 1) / 7, capped at 1 (a city of 10 million or a
  country scores 1); unknown population (0: curated areas, GeoNames seats without a figure)
  counts as 0.5, about a town of 3,000.
* kind (0.15): what sort of place it is. Without a hint: country 1.0, national capital 0.9,
  regional capital 0.8, curated places (regions, camps, bases, crossings) 0.7, other towns 0.6,
  first-level regions 0.35 (so "Aleppo" is the city, not the governorate). With a hint ("Idlib
  province", "the city of Homs", `feature_hint="province"`), places of the preferred kinds score
  1.0 and the rest 0.2.
* context (0.30): support from the article. A country the caller lists in `context_countries`
  gives 0.3 + 0.1 * its weight relative to the heaviest; another mention of the article that
  resolved without doubt (by a margin, or with every close reading in one first-level region:
  "Istanbul" the province or the city) gives 0.4 for the same country, 0.45 when that mention
  is the country itself and 1.0 for the same first-level region; a matching `country_hint`
  gives 1.0; a country bordering one of the caller's (`bordering`) gives 0.3, since forces act
  across their borders (Israeli forces in the West Bank). When two countries weigh alike,
  neither supports a place ten times smaller than the largest of its name ("Biden and Putin met
  in Geneva" is not Geneva, Illinois). Places in countries without support get 0; when the
  article gives no context at all every candidate gets a neutral 0.4, and so does a water body
  no one country holds (the Red Sea), whatever the context. A `country_hint` that disagrees
  multiplies the total by 0.6.
* name (0.20): 1.0 when the text is the place's own name or a curated English name of one of
  our own places (no GeoNames id), 0.9 when it transliterates the own name ("Jenin" for Janīn),
  0.75 when it is a GeoNames alternate name (0.5 when a town or country among the candidates
  bears the text as its own name: "Bethlehem" is an alternate name of Belém), 0.9 of that when
  a generic word had to be removed first ("Donetsk region"), and
  0.45 for a transliteration variant found by `Gazetteer.lookup_fuzzy` (names of 5 letters or
  more only).

Country-level support is deliberately worth less (0.09 to 0.12) than the fame of a capital over a
small town: it moves the choice between places of comparable standing (Tripoli, Libya, 1.2
million and a capital, against Tripoli, Lebanon, 230,000: 0.08 apart before context; Donetsk,
Ukraine against Donetsk, Rostov: 0.09 apart) but not from Paris, France (0.90 population, capital)
to Paris, Texas (0.63, 25,000 people; 0.14 apart) just because the article's actors are American.
Agreement on the region does that: "Paris" next to "Texas" is Paris, Texas.

The best candidate is returned with its score when the score reaches `MIN_SCORE` (0.5), or
`MIN_SCORE_UNSUPPORTED` (0.58) when the article has context and none of it supports the place's
country, or when it is a transliteration match that no context supports; otherwise None: a
small namesake abroad, an alternate-name match with nothing to support it or a loose
transliteration match is a wild guess, not a location. Examples: without
any context a village of 500 (population 0.39) found by its own name scores 0.14 + 0.09 + 0.12 +
0.2 = 0.55 and is kept, it is the only reading there is; in an article about other countries a
town of 50,000 (0.67) abroad scores 0.23 + 0.09 + 0 + 0.2 = 0.53 and is refused, while a capital
of 2 million (0.9) scores 0.32 + 0.14 + 0 + 0.2 = 0.65 and is kept.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from dragoman.resolve.gazetteer import (
    WATER_CODES,
    FeatureWord,
    Gazetteer,
    Place,
    feature_words,
    name_key,
    skeleton_key,
    split_feature_word,
)

MIN_SCORE = 0.5
MIN_SCORE_UNSUPPORTED = 0.58
WEIGHTS = (0.35, 0.15, 0.30, 0.20)  # population, kind, context, name
# Context support (see the module docs for why country-level support is kept small).
COUNTRY_SUPPORT = (0.3, 0.1)  # base + slope times the country's relative weight
SAME_COUNTRY = 0.4
COUNTRY_MENTIONED = 0.45
SAME_REGION = 1.0
NEUTRAL_CONTEXT = 0.4
# A winner by this margin (before agreement is counted) is certain enough to be evidence for
# the other mentions of the article.
EVIDENCE_MARGIN = 0.15
MISMATCHED_HINT = 0.6
# A country bordering one of the caller's: the base of their support, no more.
BORDER_SUPPORT = COUNTRY_SUPPORT[0]
OWN_NAME = 0.9  # name scores from here up: the place's own name or a transliteration of it
FUZZY_MIN_LETTERS = 5
# A place this many times smaller than the largest of its name is its namesake: the actors'
# countries support it only when one of them outweighs the others (`_shared`). Geneva,
# Illinois is 20 times smaller than the canton of Geneva; Tripoli, Lebanon only 5 times
# smaller than Tripoli, Libya, and stays a rival.
NAMESAKE_RATIO = 10
# A place called a town or a village is no city of millions: their size gives them no lead
# ("the Algarve town of Lagos" is not Lagos, Nigeria).
SMALL_WORDS = frozenset({"town", "village"})
BIG_CITY = 1_000_000


@dataclass(frozen=True)
class ToponymMention:
    """A place name in an article.

    `label` is the spaCy entity label (GPE, LOC, FAC) if any; `country_hint` an ISO-3 code the
    phrase gives ("the Kazakh capital of Astana" -> KAZ); `feature_hint` a generic word such as
    "capital", "city", "province", "region", "district" (see knowledge/places/feature-words.csv).
    """

    text: str
    start: int
    end: int
    label: str | None = None
    country_hint: str | None = None
    feature_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the mention may mean, with how well the name matched and the kinds preferred."""

    place: Place
    name_score: float
    prefer: frozenset[str] = frozenset()
    fuzzy: bool = False


def resolve_toponyms(
    mentions: Sequence[ToponymMention],
    gazetteer: Gazetteer,
    *,
    context_countries: Mapping[str, float] | None = None,
    bordering: Collection[str] = (),
    words: tuple[FeatureWord, ...] | None = None,
) -> list[tuple[ToponymMention, Place | None, float]]:
    """Resolve every mention of one article; returns (mention, place or None, score) in order.

    `context_countries` maps ISO-3 codes to non-negative weights (countries of the actors and
    of other places in the article); only their relative size matters. `bordering` names the
    countries that border them (`bordering_countries`).
    """
    words = feature_words() if words is None else words
    weights = _normalised(context_countries or {})
    border = frozenset(bordering) - set(weights)
    candidates = [candidates_for(m, gazetteer, words) for m in mentions]
    first = [_ranked(m, c, weights, (), border) for m, c in zip(mentions, candidates)]
    evidence = [(name_key(m.text), ranked[0].place) for m, ranked in zip(mentions, first)
                if _certain(ranked)]
    results = []
    for mention, cands in zip(mentions, candidates):
        others = tuple(p for key, p in evidence if key != name_key(mention.text))
        ranked = _ranked(mention, cands, weights, others, border)
        best = ranked[0] if ranked and ranked[0].acceptable else None
        if best is None:
            results.append((mention, None, 0.0))
        else:
            results.append((mention, best.place, round(best.score, 3)))
    return results


@dataclass(frozen=True, slots=True)
class _Scored:
    place: Place
    score: float
    acceptable: bool


def _acceptable(value: float, context: float, candidate: Candidate, has_context: bool) -> bool:
    """Whether a best candidate is a location rather than a guess (see MIN_SCORE).

    The stricter MIN_SCORE_UNSUPPORTED applies when the article has context and none of it
    supports the place's country, to transliteration matches that no context supports, and
    to names not the place's own that only a bordering country supports ("Banjska", an
    alternate name of Bansko, Bulgaria, is not Bansko for Serbian gunmen).
    """
    if not has_context:
        unsupported = candidate.fuzzy
    elif candidate.fuzzy or candidate.name_score < OWN_NAME:
        unsupported = context <= BORDER_SUPPORT
    else:
        unsupported = context <= 0.0
    return value >= (MIN_SCORE_UNSUPPORTED if unsupported else MIN_SCORE)


def candidates_for(
    mention: ToponymMention, gazetteer: Gazetteer, words: tuple[FeatureWord, ...] | None = None
) -> list[Candidate]:
    """The gazetteer's candidates for a mention, with name scores and preferred kinds.

    The whole text is tried first ("Kansas City", "Gaza Strip"); then the text without a generic
    word ("Idlib province" -> "Idlib", preferring regions); then transliteration variants.
    """
    words = feature_words() if words is None else words
    key = name_key(_clean(mention.text))
    if len(key) < 2 or any(key == w.word for w in words):
        return []  # a generic word alone ("City", "Province") names no place
    core, word = split_feature_word(key, words)
    prefer = _preferred(mention.feature_hint, words) | (word.prefer if word else frozenset())
    found = gazetteer.lookup(key)
    if found:
        return _with_names(found, key, prefer, 1.0)
    if word is not None and word.prefer <= WATER_CODES:
        return []  # a sea the gazetteer lacks is not a town of its first word ("Kara Sea")
    if word and core:
        found = gazetteer.lookup(core)
        if found:
            return _with_names(found, core, prefer, 0.9)
    if len((core or key).replace(" ", "")) < FUZZY_MIN_LETTERS:
        return []  # short names have too many look-alikes ("Sani", "Shani", "Sana")
    return [Candidate(p, 0.45, prefer, fuzzy=True) for p in gazetteer.lookup_fuzzy(core or key)]


def score(
    candidate: Candidate, context: float, country_hint: str | None = None
) -> float:
    """The candidate's score in [0, 1] given its context support (see the module docs)."""
    w_pop, w_kind, w_ctx, w_name = WEIGHTS
    total = (
        w_pop * population_score(candidate.place.population)
        + w_kind * kind_score(candidate.place.feature_code, candidate.prefer)
        + w_ctx * context
        + w_name * candidate.name_score
    )
    if country_hint and candidate.place.country_code != country_hint:
        total *= MISMATCHED_HINT
    return min(1.0, total)


def population_score(population: int) -> float:
    """log10(population + 1) / 7, capped at 1; 0.5 when the population is unknown (0)."""
    if population <= 0:
        return 0.5
    return min(1.0, math.log10(population + 1) / 7)


def kind_score(feature_code: str, prefer: frozenset[str] = frozenset()) -> float:
    """How likely a place of this kind is meant, given the kinds the mention prefers."""
    if prefer:
        return 1.0 if feature_code in prefer else 0.2
    if feature_code.startswith("PCL"):
        return 1.0
    if feature_code == "PPLC":
        return 0.9
    if feature_code == "PPLA":
        return 0.8
    if feature_code == "ADM1":
        return 0.35
    return 0.6 if feature_code.startswith("PPL") and feature_code != "PPLX" else 0.7


def context_score(
    place: Place,
    weights: Mapping[str, float],
    evidence: Sequence[Place],
    country_hint: str | None = None,
    bordering: frozenset[str] = frozenset(),
) -> float:
    """Support for `place` from the article: caller's countries and those bordering them,
    other mentions, the hint."""
    if not weights and not evidence and not country_hint:
        return NEUTRAL_CONTEXT
    if not place.country_code:
        return NEUTRAL_CONTEXT  # a sea no one country holds: no country speaks for or against it
    base, slope = COUNTRY_SUPPORT
    support = [base + slope * weights[place.country_code]] if place.country_code in weights else []
    if place.country_code in bordering:
        support.append(BORDER_SUPPORT)
    for other in evidence:
        if other.country_code != place.country_code:
            continue
        if other.feature_code.startswith("PCL"):
            support.append(COUNTRY_MENTIONED)
        elif place.admin1 and other.admin1 == place.admin1:
            support.append(SAME_REGION)
        else:
            support.append(SAME_COUNTRY)
    if country_hint and place.country_code == country_hint:
        support.append(1.0)
    return max(support, default=0.0)


def _ranked(
    mention: ToponymMention,
    candidates: Sequence[Candidate],
    weights: Mapping[str, float],
    evidence: Sequence[Place],
    bordering: frozenset[str] = frozenset(),
) -> list[_Scored]:
    """Each candidate with its score and whether it would be accepted, best first."""
    hint = mention.country_hint
    has_context = bool(weights or evidence or hint)
    largest = max(candidates, key=lambda c: c.place.population, default=None)
    shared = _shared(weights)
    scored = []
    for candidate in candidates:
        own = weights
        population = candidate.place.population  # 0: unknown, no namesake by size
        if shared and largest is not None and 0 < population * NAMESAKE_RATIO < \
                largest.place.population and \
                largest.place.country_code != candidate.place.country_code:
            # "Biden and Putin met in Geneva": neither's country says which Geneva
            own = {c: w for c, w in weights.items() if c != candidate.place.country_code}
        context = context_score(candidate.place, own, evidence, hint, bordering)
        value = score(candidate, context, hint)
        if mention.feature_hint in SMALL_WORDS and population > BIG_CITY:
            # "the Algarve town of Lagos": no city of millions; its size says nothing more
            value -= WEIGHTS[0] * (population_score(population) - population_score(0))
        ok = _acceptable(value, context, candidate, has_context)
        scored.append(_Scored(candidate.place, value, ok))
    # Stable sort: equal scores keep the gazetteer's order (population, then id).
    return sorted(scored, key=lambda s: -s.score)


def _shared(weights: Mapping[str, float]) -> bool:
    """Do two or more countries weigh alike in the article (the second at least half the
    first)? Then none of them says where a small namesake is."""
    ordered = sorted(weights.values(), reverse=True)
    return len(ordered) > 1 and ordered[1] >= 0.5 * ordered[0]


def _certain(ranked: Sequence[_Scored]) -> bool:
    """Is the best reading evidence for the article's other mentions? When it wins by the
    margin, or when every reading close to it lies in the same first-level region ("Istanbul"
    the province and "Istanbul" the city say the same of "Istanbul's Kadikoy district")."""
    if not ranked or not ranked[0].acceptable:
        return False
    best = ranked[0].place
    return all(r.place.country_code == best.country_code and r.place.admin1 == best.admin1
               and best.admin1 for r in ranked[1:] if ranked[0].score - r.score < EVIDENCE_MARGIN)


def _with_names(
    places: Sequence[Place], key: str, prefer: frozenset[str], factor: float
) -> list[Candidate]:
    own = [_own_name_score(p, key) for p in places]
    # A town or country that bears the name itself outranks GeoNames places for which it is only
    # an alternate, often a translation ("Bethlehem" for Belém); a region named after its
    # capital ("Daraa" governorate) does not demote the city. The alternate names of our own
    # places (no GeoNames id: regions, curated places) are English names chosen for news, as
    # good as the display name ("Golan" for the Golan Heights).
    demote = any(o == 1.0 and not p.feature_code.startswith("ADM") for p, o in zip(places, own))
    return [Candidate(p, factor * _name_score(p, o, demote), prefer) for p, o in zip(places, own)]


def _name_score(place: Place, own: float, demote: bool) -> float:
    if own:
        return own
    if place.geonameid is None:
        return 1.0
    return 0.5 if demote else 0.75


def _own_name_score(place: Place, key: str) -> float:
    """1.0 for the place's own name, 0.9 for a transliteration of it ("Jenin": Janīn), else 0."""
    own = name_key(place.name)
    if own == key:
        return 1.0
    return 0.9 if skeleton_key(own) == skeleton_key(key) else 0.0


def _preferred(hint: str | None, words: tuple[FeatureWord, ...]) -> frozenset[str]:
    if not hint:
        return frozenset()
    key = name_key(hint)
    return frozenset().union(*(w.prefer for w in words if w.hint == key or w.word == key))


def bordering_countries(countries: Iterable[str],
                        neighbours: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The countries bordering any of `countries` (the actors' countries): forces act across
    their borders ("Israeli forces raided Beit Ummar", "Turkish drones struck Qamishli")."""
    return frozenset(n for country in countries for n in neighbours.get(country, ()))


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    positive = {code.upper(): float(w) for code, w in weights.items() if w and w > 0}
    top = max(positive.values(), default=0.0)
    return {code: w / top for code, w in positive.items()} if top else {}


def _clean(text: str) -> str:
    """Drop a possessive and surrounding quotes: "Syria's" -> "Syria"."""
    text = text.strip().strip("\"'“”‘’")
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
