"""Actor resolution: from noun phrases in a parsed sentence to PLOVER entities.

Two steps, both pure on their inputs:

1. `ActorIndex.scan` finds every knowledge-base name in a sentence (longest match on folded
   name pieces): entities (people, groups, organisations), countries, their adjectives and
   metonyms ("Moscow" for the Russian government), and generic agents ("rebels", "foreign
   minister").
2. `ActorResolver.resolve` turns the noun phrase headed by a token into an `Entity`, composing
   what it finds: "Kazakh President Nursultan Nazarbayev" (adjective + agent + person),
   "Syria's foreign minister" (possessive + agent), "a spokesman for the opposition delegation"
   (agent for agent), appositions, dates of office, a light coreference for "he" or "the group",
   and unknown named actors kept with their own words and a best guess.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Literal

from dragoman.errors import KnowledgeError
from dragoman.model import Entity
from dragoman.resolve.names import PIECE, fold, is_case_sensitive, pieces

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dragoman.knowledge import Knowledge

LexKind = Literal["entity", "country", "adjective", "metonym", "agent"]

# Dependents that are not part of the noun phrase naming an actor.
NOT_IN_NP = {"relcl", "acl", "appos", "conj", "cc", "prep", "advcl", "ccomp", "xcomp", "punct",
             "dep", "parataxis", "agent", "case"}
PRONOUN_KINDS = {
    "he": "person", "him": "person", "she": "person", "her": "person",
    "they": "plural", "them": "plural", "we": "speaker", "it": "organization",
}
ANAPHORIC_NOUNS = {
    "group": "group", "movement": "group", "militia": "group", "organization": "organization",
    "organisation": "organization", "ministry": "government", "government": "government",
    "country": "country", "official": "person", "spokesman": "person", "spokeswoman": "person",
    "leader": "person", "president": "person", "minister": "person",
}


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    sector: str = ""
    sectors: tuple[str, ...] = ()
    office: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    cameo: str | None = None

    def valid_on(self, when: date) -> bool:
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_to is None or when <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    kind: str
    name: str
    roles: tuple[Role, ...]
    wikidata: str | None = None
    source: str = ""
    tier: int = 1  # 0 converted Phoenix, 1 packaged curated, 2 the user's own: higher wins
    rank: int = 0  # load order, the last tie-breaker

    def role_on(self, when: date | None) -> tuple[Role, bool]:
        """The role on `when` (and whether it was valid then); undated: the latest role."""
        if when is not None:
            valid = [r for r in self.roles if r.valid_on(when)]
            if valid:  # a dated role beats the undated default (PETRARCH's rule)
                return max(valid, key=lambda r: (r.valid_from is not None or
                                                  r.valid_to is not None,
                                                  r.valid_from or date.min)), True
            return min(self.roles, key=lambda r: _distance(r, when)), False
        open_roles = [r for r in self.roles if r.valid_to is None]
        pool = open_roles or list(self.roles)
        return max(pool, key=lambda r: r.valid_from or date.min), True


@dataclass(frozen=True, slots=True)
class AgentEntry:
    id: str
    name: str
    sector: str
    sectors: tuple[str, ...] = ()
    code: str | None = None
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class Lex:
    """What a matched name means: one knowledge entry in one capacity."""

    kind: LexKind
    entry: ActorEntry | AgentEntry
    exact: str | None = None  # the capitalised form a case-sensitive name must have


@dataclass(frozen=True, slots=True)
class Mention:
    """A knowledge-base name found in a sentence: tokens [start, end) of the sentence doc."""

    start: int
    end: int
    lexes: tuple[Lex, ...]

    @property
    def kinds(self) -> set[str]:
        return {lex.kind for lex in self.lexes}


def _distance(role: Role, when: date) -> int:
    if role.valid_from and when < role.valid_from:
        return (role.valid_from - when).days
    if role.valid_to and when > role.valid_to:
        return (when - role.valid_to).days
    return 0


def _parse_date(value: str | None, end: bool = False) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        month_end = 31 if parts[1] in (1, 3, 5, 7, 8, 10, 12) else 30 if parts[1] != 2 else 28
        return date(parts[0], parts[1], month_end if end else 1)
    return date(*parts)


def _role(record: dict) -> Role:
    return Role(
        code=record["code"],
        sector=record.get("sector") or "",
        sectors=tuple(record.get("sectors") or ()),
        office=record.get("office"),
        valid_from=_parse_date(record.get("valid_from")),
        valid_to=_parse_date(record.get("valid_to"), end=True),
        cameo=record.get("cameo"),
    )


class ActorIndex:
    """Every actor and agent name of the knowledge base, keyed by folded name pieces."""

    def __init__(self, actors: Iterable[dict], agents: Iterable[dict],
                 user_actors: Iterable[dict] = (), user_agents: Iterable[dict] = ()):
        self.keys: dict[tuple[str, ...], list[Lex]] = {}
        self.entries: dict[str, ActorEntry] = {}
        self.max_len = 1
        for record in actors:
            self._add_actor(record, 0 if record.get("source", "").startswith("phoenix") else 1)
        for record in user_actors:
            self._add_actor(record, 2)
        for record in (*agents, *user_agents):
            self._add_agent(record)
        # the lengths of the names that start with each first piece, longest first
        starts: dict[str, set[int]] = {}
        for key in self.keys:
            starts.setdefault(key[0], set()).add(len(key))
        self._lengths = {p: sorted(n, reverse=True) for p, n in starts.items()}
        # the proper beginnings of longer names, so a scan stops as soon as no name can go on
        self._prefixes = {key[:n] for key in self.keys for n in range(2, len(key))}
        self._starts = frozenset(self._lengths)
        # first pieces that are no name alone ("the", "in"), and the pairs that can go on
        self._multi_only = {p for p, n in self._lengths.items() if 1 not in n}
        self._pairs = {key[:2] for key in self.keys if len(key) >= 2}
        # one-word names whose every reading matches in any case: most of what a scan finds
        self._plain = {key[0]: tuple(lexes) for key, lexes in self.keys.items()
                       if len(key) == 1 and all(x.exact is None for x in lexes)}
        self._single: dict[str, list[Lex]] = {}  # one-word country names and demonyms
        self._surnames: dict[str, list[tuple[str, ActorEntry]]] = {}
        for key, lexes in self.keys.items():
            for lex in lexes:
                if lex.kind in ("country", "adjective") and len(key) == 1 and len(key[0]) >= 5:
                    self._single.setdefault(key[0], []).append(lex)
                elif lex.kind == "entity" and lex.entry.kind == "person" and len(key) >= 2:
                    self._surnames.setdefault(key[-1], []).append((" ".join(key), lex.entry))

    def _add(self, name: str, lex: Lex) -> None:
        key = pieces(name)
        if not key:
            return
        if is_case_sensitive(name):
            lex = Lex(lex.kind, lex.entry, exact=" ".join(p for p in name.split()))
        bucket = self.keys.setdefault(key, [])
        # a later file's entry for the same name and capacity replaces an earlier one
        bucket[:] = [b for b in bucket if not _same_capacity(b, lex)] + [lex]
        self.max_len = max(self.max_len, len(key))

    def _add_actor(self, record: dict, tier: int) -> None:
        try:
            roles = tuple(_role(r) for r in record["roles"])
        except (ValueError, KeyError, TypeError) as error:
            raise KnowledgeError(f"actor {record.get('id')!r} has a bad role ({error})",
                                 source=record.get("source")) from None
        entry = ActorEntry(
            id=record["id"],
            kind=record["kind"],
            name=record["names"][0],
            roles=roles,
            wikidata=record.get("wikidata"),
            source=record.get("source", ""),
            tier=tier,
            rank=len(self.entries),
        )
        self.entries[entry.id] = entry
        main: LexKind = "country" if entry.kind == "country" else "entity"
        for name in record["names"]:
            self._add(name, Lex(main, entry))
        for name in record.get("adjectives", ()):
            self._add(name, Lex("adjective", entry))
        for name in record.get("metonyms", ()):
            self._add(name, Lex("metonym", entry))

    def _add_agent(self, record: dict) -> None:
        entry = AgentEntry(
            id=record["id"],
            name=record["names"][0],
            sector=record["sector"],
            sectors=tuple(record.get("sectors") or ()),
            code=record.get("code"),
            cameo=record.get("cameo"),
        )
        for name in record["names"]:
            self._add(name, Lex("agent", entry))

    def scan(self, tokens: Sequence[Token]) -> list[Mention]:
        """Longest-first, non-overlapping knowledge-base names among `tokens`."""
        # the name pieces of the tokens, flat: folded, as written, and the token they are of
        per_token, base = _pieces_of(tokens)
        folded = list(chain.from_iterable([f for f, _ in per_token]))
        if self._starts.isdisjoint(folded):
            return []  # no name starts with any of these words
        raw = list(chain.from_iterable([r for _, r in per_token]))
        owner = [i for i, (f, _) in enumerate(per_token) for _ in f]
        mentions: list[Mention] = []
        covered = 0  # names do not overlap: the first and longest wins
        multi_only, pairs, plain = self._multi_only, self._pairs, self._plain
        end = len(folded) - 1
        starts = self._starts
        for position in [p for p, piece in enumerate(folded) if piece in starts]:
            if position < covered:
                continue  # inside the name just found
            piece = folded[position]
            alone = position == end or (piece, folded[position + 1]) not in pairs
            if alone and piece in multi_only:
                continue  # "the", "in": only longer names start so, and none goes on here
            if alone and piece in plain:  # a one-word name, the only one that can start here
                if not _token_aligned(owner, position, 1):
                    continue
                length, lexes = 1, plain[piece]
            else:
                found = self._longest(folded, raw, owner, position)
                if found is None:
                    continue
                length, lexes = found
            first, last = owner[position], owner[position + length - 1]
            if base is None:
                first, last = tokens[first].i, tokens[last].i
            else:
                first, last = base + first, base + last
            mentions.append(Mention(first, last + 1, lexes))
            covered = position + length
        return mentions

    def _longest(self, folded: list[str], raw: list[str], owner: list[int], position: int):
        """The longest name that starts at `position` and covers whole tokens, or None."""
        keys, prefixes = self.keys, self._prefixes
        reach, key = 1, (folded[position],)
        while position + reach < len(folded):  # how far the pieces can still spell a name
            longer = (*key, folded[position + reach])
            if longer not in keys and longer not in prefixes:
                break
            key, reach = longer, reach + 1
        for length in self._lengths[folded[position]]:
            if length > reach:
                continue
            lexes = keys.get(key[:length])
            if not lexes:
                continue
            written = " ".join(raw[position : position + length])
            fitting = tuple(x for x in lexes if x.exact is None or _exact_ok(x.exact, written))
            if fitting and _token_aligned(owner, position, length):
                return length, fitting
        return None

    def fuzzy_word(self, word: str) -> tuple[Lex, ...]:
        """A misspelt country name or demonym ('Kazahks', 'Syirian'): close in spelling,
        same first letter, at most two letters longer or shorter."""
        from rapidfuzz import fuzz, process

        key = "".join(pieces(word))
        if len(key) < 5 or key in self._single:
            return tuple(self._single.get(key, ()))
        found = process.extractOne(key, list(self._single), scorer=fuzz.ratio, score_cutoff=85)
        if found is None:
            return ()
        match = found[0]
        if match[0] != key[0] or abs(len(match) - len(key)) > 2:
            return ()
        return tuple(self._single[match])

    def fuzzy_person(self, name: str) -> list[ActorEntry]:
        """People whose name is close to `name` and who share its last word."""
        from rapidfuzz import fuzz

        key = pieces(name)
        if len(key) < 2:
            return []
        text = " ".join(key)
        scored = [(fuzz.token_set_ratio(text, full), entry)
                  for full, entry in self._surnames.get(key[-1], ())]
        return [entry for score, entry in sorted(scored, key=lambda x: -x[0]) if score >= 88]

    def lookup(self, text: str) -> tuple[Lex, ...]:
        lexes = self.keys.get(pieces(text), [])
        return tuple(x for x in lexes if x.exact is None or _exact_ok(x.exact, text))


def _same_capacity(a: Lex, b: Lex) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "agent":
        return True
    return a.entry.id == b.entry.id or (a.kind == "country")


Pieces = tuple[tuple[str, ...], tuple[str, ...]]  # a token's name pieces: folded, as written


class _TokenPieces(dict):
    """A token's name pieces, folded and as written, paired one to one; remembered per
    token text (a plain dict: the scan looks up every token of every sentence)."""

    def __missing__(self, text: str) -> Pieces:
        paired = tuple(zip(pieces(text), PIECE.findall(text.replace("’", "'"))))
        value = tuple(f for f, _ in paired), tuple(r for _, r in paired)
        if len(self) < 200_000:  # bounded: vocabularies are, but a stream of numbers is not
            self[text] = value
        return value


_token_pieces = _TokenPieces()
_orth_pieces: dict[int, Pieces] = {}


def _pieces_of(tokens: Sequence[Token]) -> tuple[list[Pieces], int | None]:
    """Each token's name pieces, and the document position of the first token (None for a
    plain list of tokens). A Doc or Span is read through its array of string hashes: no Token
    object is made for a word seen before, which is most of the cost of a scan."""
    from spacy.attrs import ORTH  # spaCy loads lazily, as everywhere in dragoman

    doc = getattr(tokens, "doc", None)  # a Doc is its own doc
    if doc is None:
        return list(map(_token_pieces.__getitem__, [t.text for t in tokens])), None
    if doc is tokens:
        base, orths = 0, doc.to_array(ORTH).tolist()
    else:  # a Span's own array (with a list of attributes: a single one fails in spaCy 3.8)
        base, orths = tokens.start, tokens.to_array([ORTH]).ravel().tolist()
    per_token = list(map(_orth_pieces.get, orths))
    if None in per_token:
        strings = doc.vocab.strings
        for k, orth in enumerate(orths):
            if per_token[k] is None:
                per_token[k] = _token_pieces[strings[orth]]
                if len(_orth_pieces) < 200_000:
                    _orth_pieces[orth] = per_token[k]
    return per_token, base


def _exact_ok(exact: str, raw: str) -> bool:
    """Case matters for acronyms, accents do not: 'FPO' matches 'FPÖ'."""
    return _letters(exact) == _letters(raw)


def _letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def _token_aligned(owner: list[int], position: int, length: int) -> bool:
    """A name must cover whole tokens: 'Iran' must not match inside 'Iranian-backed'."""
    first_token, last_token = owner[position], owner[position + length - 1]
    before = position > 0 and owner[position - 1] == first_token
    after = position + length < len(owner) and owner[position + length] == last_token
    return not before and not after


@lru_cache(maxsize=4)
def index_for(knowledge: Knowledge) -> ActorIndex:
    """One index per knowledge version (building it takes a moment; it is then shared)."""
    return ActorIndex(knowledge.actor_records, knowledge.agent_records,
                      knowledge.user_actor_records, knowledge.user_agent_records)


@dataclass
class ArticleActors:
    """Per-article state for resolution: the date, the country context and coreference.

    `countries` weighs the countries the whole article mentions (actors and places); `local`
    holds those of the sentence being coded, so that "the army shelled Aleppo" gives the army
    Syria's code even in an article that is mostly about Russia.
    """

    when: date | None
    countries: Counter[str] = field(default_factory=Counter)
    history: list[tuple[str, Entity]] = field(default_factory=list)
    local: list[str] = field(default_factory=list)
    agent_countries: dict[str, Counter[str]] = field(default_factory=dict)

    def agent_country(self, words: str) -> str | None:
        """'the regime' after 'the Syrian regime': the country this article gives that agent."""
        seen = self.agent_countries.get(words)
        return seen.most_common(1)[0][0] if seen else None

    def main_country(self) -> str | None:
        """The country an unqualified 'army' or 'government' most likely belongs to: the
        article's, or that of the place this sentence happens in when the article weighs that
        country at least half as much."""
        ranked = self.countries.most_common(1)
        if not ranked:
            return self.local[0] if self.local else None
        main, weight = ranked[0]
        for code in self.local:
            if code != main and self.countries[code] >= weight / 2:
                return code
        return main

    def remember(self, kind: str, entity: Entity) -> None:
        if entity.code:
            self.history.append((kind, entity))

    def antecedent(self, kinds: set[str]) -> Entity | None:
        for kind, entity in reversed(self.history):
            if kind in kinds:
                return entity
        return None


@dataclass(frozen=True)
class ActorResolver:
    """Resolves noun phrases in parsed sentences against an `ActorIndex`.

    `place_country`, when given, names the country of a place name ("Shanghai" -> CHN), so
    that "Shanghai police" or "Kano State government" get a country; the pipeline passes the
    gazetteer's answer.
    """

    index: ActorIndex
    place_country: Callable[[str], str | None] | None = None

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge,
                       place_country: Callable[[str], str | None] | None = None
                       ) -> ActorResolver:
        return cls(index_for(knowledge), place_country)

    def note_context(self, mentions: Sequence[Mention], state: ArticleActors,
                     weight: float = 1.0, tokens: Sequence[Token] | None = None) -> None:
        """Count the countries a sentence mentions (the article's country context) and which
        country each agent is given ('Syrian regime'), for later bare mentions. A capital
        or a country named as a venue ('talks in Astana') says where more than whose: it counts
        less."""
        for mention in mentions:
            venue = tokens is not None and _venue(tokens, mention)
            for lex in mention.lexes:
                if lex.kind in ("country", "adjective", "metonym"):
                    share = CONTEXT_WEIGHTS[lex.kind] * weight
                    if venue:
                        share *= VENUE_SHARE[lex.kind]
                    state.countries[lex.entry.roles[0].code] += share
            # A person or group: their country, when every entry of the name agrees on it
            # ("Putin" from two dictionaries is Russian either way).
            if mention.lexes and all(lex.kind == "entity" for lex in mention.lexes):
                codes = {lex.entry.role_on(state.when)[0].code for lex in mention.lexes}
                code = codes.pop() if len(codes) == 1 else ""
                if len(code) == 3 and code not in NON_STATE:
                    state.countries[code] += 0.5 * weight
        if tokens is None:
            return
        for first, second in zip(mentions, mentions[1:]):
            if second.start == first.end and "agent" in second.kinds and first.kinds & {
                    "adjective", "country"}:
                code = first.lexes[0].entry.roles[0].code
                words = " ".join(t.lower_ for t in tokens[second.start : second.end])
                state.agent_countries.setdefault(words, Counter())[code] += 1

    def _place_owner(self, head: Token, mentions: Sequence[Mention], state: ArticleActors,
                     offset: int) -> tuple[Entity | None, str]:
        """A place is not an actor, but 'an army post' or 'rebel positions' name who holds it:
        the actor among the place noun's modifiers, if any; 'a Syrian island' names only the
        country it lies in (coded as located there, with no sector)."""
        country = None
        for child in sorted(head.children, key=lambda c: -c.i):
            if child.dep_ in ("compound", "poss", "nmod", "amod") and child.i < head.i:
                span = [t for t in np_tokens(child) if t.i < head.i]
                inside = [m for m in mentions if span[0].i <= m.start and m.end <= span[-1].i + 1]
                entity, kind = self._compose(child, span, inside, state, offset)
                if entity is not None and entity.sector:
                    return entity, kind
                if entity is not None and entity.code and country is None:
                    country = entity.code
        return (_located_in(head, country, offset), "place") if country else (None, "")

    @staticmethod
    def countries_in(mentions: Iterable[Mention]) -> list[str]:
        """Countries named in a sentence (names, adjectives, metonyms), in order."""
        found: list[str] = []
        for mention in mentions:
            for lex in mention.lexes:
                if lex.kind in ("country", "adjective", "metonym"):
                    code = lex.entry.roles[0].code
                    if code not in found:
                        found.append(code)
        return found

    def resolve(self, head: Token, mentions: Sequence[Mention], state: ArticleActors,
                offset: int = 0) -> Entity | None:
        """The entity named by the noun phrase headed by `head`, or None if it names none."""
        entity, kind = self._resolve(head, mentions, state, offset, depth=0)
        if entity is not None:
            if not entity.sector and entity.sectors:  # only a secondary sector: it is the one
                entity.sector, entity.sectors = entity.sectors[0], entity.sectors[1:]
            entity.sector = entity.sector or None  # "" in the knowledge means "none"
            entity.sectors = [s for s in entity.sectors if s and s != entity.sector]
            state.remember(kind, entity)
        return entity

    def _resolve(self, head: Token, mentions: Sequence[Mention], state: ArticleActors,
                 offset: int, depth: int) -> tuple[Entity | None, str]:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PRONOUN_KINDS:
            return self._pronoun(head, state, offset)
        if head.lemma_.lower() in PLACE_NOUNS and head.pos_ == "NOUN" and head.is_lower:
            owner = self._place_owner(head, mentions, state, offset)
            return owner if owner[0] is not None else self._located(head, mentions, state,
                                                                     offset, depth)
        span = np_tokens(head)
        first, last, at = span[0].i, span[-1].i + 1, head.i
        inside = [m for m in mentions if (first <= m.start and m.end <= last)
                  or m.start <= at < m.end]  # a known name beats a broken parse
        entity, kind = self._compose(head, span, inside, state, offset)
        if entity is not None and any(t.lower_ in FORMER for t in span if t.i < head.i):
            entity.sector, entity.sectors = "ELI", [s for s in [entity.sector] if s]
        if entity is None and _capitalised_name(head):
            entity, kind = self._place(head, span, offset)
        if entity is None and head.pos_ in ("PROPN", "NOUN") and head.ent_type_ not in NOT_ACTORS:
            entity, kind = self._fuzzy(head, span, state, offset)
        if entity is None and head.pos_ == "PROPN" and head.ent_type_ not in NOT_ACTORS:
            entity, kind = _unknown(head, span, state, offset, inside, self.place_country)
        if depth < 2:
            entity, kind = self._attachments(head, entity, kind, mentions, state, offset, depth)
        if entity is None:
            entity, kind = self._anaphor(head, span, state, offset)
        if entity is None and depth < 2:
            entity, kind = self._located(head, mentions, state, offset, depth)
        return entity, kind

    def _located(self, head: Token, mentions: Sequence[Mention], state: ArticleActors,
                 offset: int, depth: int) -> tuple[Entity | None, str]:
        """'targets in Syria', 'an amusement park in Kabul': something the text places in a
        country, coded with that country and no sector."""
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "across", "throughout",
                                                            "inside"):
                continue
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                other, _ = self._resolve(pobj, mentions, state, offset, depth + 1)
                if other is not None and other.code and other.resolution in ("country", "place",
                                                                            "metonym"):
                    return _located_in(head, other.code, offset), "place"
        return None, ""

    def _compose(self, head: Token, span: list[Token], inside: list[Mention],
                 state: ArticleActors, offset: int) -> tuple[Entity | None, str]:
        named = [m for m in inside if m.kinds & {"entity"}]
        agents = [m for m in inside if "agent" in m.kinds]
        places = [m for m in inside if m.kinds & {"country", "adjective", "metonym"}]
        if named and _where_not_who(head, named, places):
            named = []  # "talks in Muscat": Oman's capital, not Joseph Muscat
        if not (named or agents or places):
            return None, ""
        covered = [t for m in inside for t in range(m.start, m.end)] + [head.i]
        doc = head.doc
        first, last = min(covered), max(covered)
        text_tokens = doc[first : last + 1]
        entity = Entity(entity_text=text_tokens.text, start=offset + text_tokens.start_char,
                        end=offset + text_tokens.end_char)
        if named:
            return self._apply_named(entity, named[-1], agents, places, state)
        if agents:
            with_sector = [m for m in agents if any(x.kind == "agent" and x.entry.sector
                                                    for x in m.lexes)]
            main = agents[-1] if agents[-1] in with_sector or not with_sector else with_sector[-1]
            return self._apply_agent(entity, main, places, state, head)
        return self._apply_place(entity, places[-1], head, state)

    def _apply_named(self, entity: Entity, mention: Mention, agents: list[Mention],
                     places: list[Mention], state: ArticleActors) -> tuple[Entity, str]:
        lex = _best_entity_lex(mention, state, places)
        role, valid = lex.entry.role_on(state.when)
        entity.code, entity.sector = role.code, role.sector or None
        other = _modifier_country(places, mention)
        if other and other != role.code and lex.entry.kind in ("organization", "media"):
            # "Chile's Defense Department": a generic institution name, another country's
            entity.code, entity.sector = other, role.sector or None
            entity.sectors, entity.cameo = list(role.sectors), other + (role.sector or "")
            entity.resolution = "kb+country"
            return entity, "group"
        entity.sectors = list(role.sectors)
        entity.identifier_id = lex.entry.wikidata
        entity.identifier_text = lex.entry.name
        entity.resolution = "kb" if valid else "kb-out-of-date"
        entity.cameo = role.cameo
        if agents and not entity.sector:
            agent = agents[-1].lexes[0].entry
            entity.sector = agent.sector
            entity.cameo = _cameo_join(role.cameo or role.code, agent)
        kind = "person" if lex.entry.kind == "person" else "group"
        return entity, kind

    def _apply_agent(self, entity: Entity, mention: Mention, places: list[Mention],
                     state: ArticleActors, head: Token) -> tuple[Entity, str]:
        agent = mention.lexes[0].entry
        assert isinstance(agent, AgentEntry)
        entity.sector = agent.sector
        entity.sectors = list(agent.sectors)
        if agent.code:
            entity.code = agent.code
            entity.resolution = "agent"
        elif places:
            role = places[-1].lexes[0].entry.roles[0]
            entity.code = role.code
            entity.cameo = _cameo_join(role.cameo or role.code, agent)
            entity.resolution = "agent+country"
        elif (placed := self._place_modifier_country(head, mention)) is not None:
            entity.code = placed  # "Shanghai police", "Kano State government"
            entity.resolution = "agent+place"
            first = min(t.i for t in np_tokens(head) if _capitalised_name(t))
            words = head.doc[first : head.i + 1]
            entity.entity_text, entity.start = words.text, entity.end - len(words.text)
        elif (sibling := self._sibling_country(head)) is not None:
            entity.code = sibling  # "the Syrian government and the opposition"
            entity.resolution = "agent+country"
        elif (known := state.agent_country(_words(head.doc, mention))) is not None:
            entity.code = known  # "the regime", after "the Syrian regime"
            entity.resolution = "agent+coref"
        else:
            entity.code = state.main_country()
            entity.resolution = "agent+context" if entity.code else "agent"
        if entity.cameo is None and entity.code and not agent.code:
            entity.cameo = _cameo_join(entity.code, agent)
        kind = "person" if head.lemma_.lower() in PERSON_NOUNS else "plural"
        if agent.sector == "GOV" and head.lemma_ in ("government", "ministry", "regime"):
            kind = "government"
        return entity, kind

    def _place(self, head: Token, span: list[Token], offset: int) -> tuple[Entity | None, str]:
        """A place named as an actor ('shelled Mariupol', 'Sydney said'): its country, with
        no sector; the place stays the event's location too."""
        if self.place_country is None or head.ent_type_ in ("PERSON", "NORP") or (
                head.text.isupper() and len(head.text) <= 5):
            return None, ""  # people, nationalities, acronyms ('PAN') are not places
        names = [t for t in span if _capitalised_name(t)]
        text = head.doc[names[0].i : names[-1].i + 1] if names else head.doc[head.i : head.i + 1]
        code = self.place_country(text.text)
        if code is None:
            return None, ""
        # as an actor a town means its people ('shelled Mariupol'): civilians, PLOVER's CVL
        return Entity(entity_text=text.text, code=code, sector="CVL", cameo=code + "CVL",
                      start=offset + text.start_char, end=offset + text.end_char,
                      resolution="place"), "place"

    def _fuzzy(self, head: Token, span: list[Token], state: ArticleActors,
               offset: int) -> tuple[Entity | None, str]:
        """Typos and spelling variants: a misspelt demonym or country ('Kazahks'), a person's
        name spelt another way. Known places are never 'corrected' into actors."""
        names = [t for t in span if t.pos_ == "PROPN" or t.i == head.i]
        text = head.doc[names[0].i : head.i + 1] if names else head.doc[head.i : head.i + 1]
        if not any(t.text[:1].isupper() for t in text):
            return None, ""  # neither a misspelt demonym nor a name: 'houses', 'people'
        if self.place_country is not None and self.place_country(text.text):
            return None, ""
        entity = Entity(entity_text=text.text, start=offset + text.start_char,
                        end=offset + text.end_char)
        if len(text) == 1 and head.text[:1].isupper():
            lexes = self.index.fuzzy_word(head.text)
            if lexes:
                role = lexes[0].entry.roles[0]
                entity.code, entity.cameo, entity.resolution = role.code, role.code, "fuzzy"
                entity.sector = "CVL" if lexes[0].kind == "adjective" else None
                return entity, "country"
        people = self.index.fuzzy_person(text.text) if len(text) >= 2 else []
        if people:
            role, valid = people[0].role_on(state.when)
            entity.code, entity.sector = role.code, role.sector or None
            entity.sectors, entity.cameo = list(role.sectors), role.cameo
            entity.identifier_id, entity.identifier_text = people[0].wikidata, people[0].name
            entity.resolution = "fuzzy"
            return entity, "person"
        return None, ""

    def _place_modifier_country(self, head: Token, agent: Mention) -> str | None:
        """The country of a place name that modifies an agent ('Dehli police')."""
        if self.place_country is None:
            return None
        doc = head.doc
        names = [t for t in np_tokens(head) if _capitalised_name(t) and t.i < agent.start]
        if not names:
            return None
        return self.place_country(doc[names[0].i : names[-1].i + 1].text)

    def _sibling_country(self, head: Token) -> str | None:
        """The country of a coordinated noun phrase's adjective or name."""
        for other in head.conjuncts:
            for token in np_tokens(other):
                for lex in self.index.lookup(token.text):
                    if lex.kind in ("adjective", "country"):
                        return lex.entry.roles[0].code
        return None

    def _apply_place(self, entity: Entity, mention: Mention, head: Token,
                     state: ArticleActors) -> tuple[Entity, str]:
        lexes = {lex.kind: lex for lex in mention.lexes}
        lex = lexes.get("country") or lexes.get("metonym") or lexes.get("adjective")
        role, _ = lex.entry.role_on(state.when)
        entity.code = role.code
        entity.sector = role.sector or None
        entity.sectors = list(role.sectors)
        if lex.kind == "metonym" and "country" not in lexes:
            entity.sector = "GOV"
            entity.resolution = "metonym"
        elif lex.kind == "adjective" and head.i >= mention.end:
            return None, ""  # "Syrian" modifying a word we do not know: not an actor
        elif lex.kind == "adjective" and "country" not in lexes and head.pos_ in ("NOUN", "PROPN"):
            entity.sector = "CVL"  # "ordinary Kazakhs", "an Eriadorian": its people
            entity.resolution = "demonym"
        else:
            entity.resolution = "country"
        entity.cameo = role.cameo if role.cameo and entity.resolution == "country" else (
            entity.code + ("GOV" if entity.sector == "GOV" else ""))
        return entity, "country"

    def _attachments(self, head: Token, entity: Entity | None, kind: str,
                     mentions: Sequence[Mention], state: ArticleActors, offset: int,
                     depth: int) -> tuple[Entity | None, str]:
        """Appositions and 'of/for' phrases: 'Ahrar al-Sham' in 'another powerbroker, Ahrar
        al-Sham'; the opposition in 'a spokesman for the opposition delegation'."""
        for child in head.children:
            if child.dep_ == "appos":
                other, other_kind = self._resolve(child, mentions, state, offset, depth + 1)
                entity, kind = _merge_apposition(entity, kind, other, other_kind, head, child)
            elif child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "in") and (
                entity is None or entity.resolution in ("agent", "agent+context")
            ):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    other, _ = self._resolve(pobj, mentions, state, offset, depth + 1)
                    if child.lower_ in ("in", "from") and (
                            entity is None or other is None or other.resolution != "country"):
                        continue  # "lawmakers in Gondor", not "an attack in Ithilen"
                    if other is not None and (other.code or other.sector):
                        entity = _inherit(entity, other, head, offset)
                        kind = kind or "person"
        return entity, kind

    def _pronoun(self, head: Token, state: ArticleActors, offset: int) -> tuple[Entity | None, str]:
        wanted = PRONOUN_KINDS.get(head.lower_)
        if wanted is None:
            return None, ""
        if wanted in ("person", "plural") and state.antecedent(
                {"person"} if wanted == "person" else {"plural", "group", "government", "person"}
        ) is None:  # 'he' with no one before him: an unidentified actor (PLOVER's UNK)
            return Entity(entity_text=head.text, sector="UNK", start=offset + head.idx,
                          end=offset + head.idx + len(head.text), resolution="unresolved"), ""
        kinds = {"person"} if wanted == "person" else {"plural", "group", "government", "person"}
        if wanted == "organization":
            kinds = {"group", "government", "organization", "country"}
        found = state.antecedent(kinds)
        if found is None:
            return None, ""
        entity = Entity(entity_text=head.text, code=found.code, sector=found.sector,
                        sectors=list(found.sectors), identifier_id=found.identifier_id,
                        identifier_text=found.identifier_text or found.entity_text,
                        start=offset + head.idx, end=offset + head.idx + len(head.text),
                        resolution="coref", cameo=found.cameo)
        return entity, wanted

    def _anaphor(self, head: Token, span: list[Token], state: ArticleActors,
                 offset: int) -> tuple[Entity | None, str]:
        """'the group', 'the ministry': the last actor of that kind in the article."""
        determiner = any(t.lower_ in ("the", "this", "that") for t in span if t.i < head.i)
        wanted = ANAPHORIC_NOUNS.get(head.lemma_.lower())
        found = state.antecedent({wanted}) if determiner and wanted else None
        if found is None:
            return None, ""
        entity = Entity(entity_text=_text(span), code=found.code, sector=found.sector,
                        sectors=list(found.sectors), identifier_id=found.identifier_id,
                        identifier_text=found.identifier_text or found.entity_text,
                        start=offset + span[0].idx,
                        end=offset + span[-1].idx + len(span[-1].text), resolution="coref",
                        cameo=found.cameo)
        return entity, wanted


def _unknown(head: Token, span: list[Token], state: ArticleActors, offset: int,
             mentions: Sequence[Mention] = (),
             place_country: Callable[[str], str | None] | None = None) -> tuple[Entity, str]:
    """A name the knowledge base lacks: kept with its own words and a best guess of its
    country (a country word inside the name, 'Chadian Human Rights League'; a place in it,
    'Kano Electricity Company'; else the article's main country), never dropped."""
    names = [t for t in span if t.pos_ in ("PROPN", "ADJ") or t.text in ("-", "'")]
    first = names[0].i if names else head.i
    text = head.doc[first : head.i + 1]
    inner = [m for m in mentions if m.kinds & {"country", "adjective"} and first <= m.start]
    code = inner[0].lexes[0].entry.roles[0].code if inner else _place_inside(
        text, place_country) or state.main_country()
    entity = Entity(entity_text=text.text, code=code, start=offset + text.start_char,
                    end=offset + text.end_char, resolution="unknown")
    return entity, "person" if head.ent_type_ == "PERSON" else "group"


NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
FORMER = {"former", "ex", "ex-", "ousted", "deposed", "exiled", "erstwhile"}
# How much a mention says about which country an article is about: a capital is often only
# where talks are held ('in Astana'), an adjective often only modifies another actor.
CONTEXT_WEIGHTS = {"country": 1.0, "adjective": 0.5, "metonym": 0.5}
VENUE_SHARE = {"country": 0.5, "adjective": 1.0, "metonym": 0.25}
VENUE_PREPS = {"in", "at", "to", "from", "near", "outside"}


def _located_in(head: Token, country: str, offset: int) -> Entity:
    """The noun phrase of `head` as something the text places in `country`: that country, no
    sector ('targets in Syria', 'a Syrian island'); a weak reading, never a named actor."""
    span = np_tokens(head)
    return Entity(entity_text=_text(span), code=country, cameo=country,
                  start=offset + span[0].idx, end=offset + span[-1].idx + len(span[-1].text),
                  resolution="located")


def _venue(tokens: Sequence[Token], mention: Mention) -> bool:
    """Is the name the object of a place preposition ('in Astana', 'to Moscow')? Only a
    parsed sentence can say; a bare tokenisation reads the word before."""
    last = tokens[mention.end - 1]
    if last.dep_:
        return last.dep_ == "pobj" and last.head.lower_ in VENUE_PREPS
    return mention.start > 0 and tokens[mention.start - 1].lower_ in VENUE_PREPS
PERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader",
                "official", "commander", "envoy", "ambassador", "king", "queen", "emir",
                "prime", "premier", "chancellor", "governor", "mayor", "general", "chief",
                "head", "secretary", "negotiator", "representative", "diplomat", "lawmaker",
                "senator", "judge", "prosecutor", "cleric", "activist", "candidate", "man",
                "woman", "director", "chairman", "member", "officer", "soldier", "journalist"}
PLACE_NOUNS = {"town", "city", "village", "area", "areas", "district", "province", "region",
               "neighbourhood", "neighborhood", "suburb", "outskirts", "camp", "base", "airport",
               "port", "border", "crossing", "territory", "street", "square", "building",
               "hospital", "school", "market", "mosque", "church", "house", "home", "position",
               "positions", "post", "checkpoint", "compound", "facility", "site", "zone",
               "enclave", "stronghold", "countryside", "governorate", "capital", "road",
               "highway", "bridge", "village", "locality", "island"}
# Named-entity labels that never name an actor on their own (places are locations, not actors,
# unless the knowledge base knows them as countries or seats of government).
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE",
              "LOC", "FAC", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"}


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without clauses, conjuncts and PPs."""
    kept = [head]
    stack = [c for c in head.children if c.dep_ not in NOT_IN_NP]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl", "conj", "cc"))
    kept.sort(key=lambda t: t.i)
    # a name's own punctuation ("al-Sham", "U.S.") stays; commas and quotes around it do not
    return [t for t in kept if not (t.is_punct and t.text not in ("-", "'", "."))] or [head]


def _place_inside(text: Span, place_country: Callable[[str], str | None] | None) -> str | None:
    """The country of a place named inside an organisation's name (two words or more, so that
    a first name that happens to be a village does not count)."""
    if place_country is None or len(text) < 3:
        return None
    for size in (3, 2):
        for start in range(text.start, text.end - size + 1):
            words = text.doc[start : start + size]
            if all(t.text[:1].isupper() for t in words):
                code = place_country(words.text)
                if code:
                    return code
    return None


def _capitalised_name(token: Token) -> bool:
    """A proper name, even where the tagger called it a noun or adjective ('Rakhine rebels')."""
    return token.pos_ == "PROPN" or (
        token.pos_ in ("NOUN", "ADJ") and token.text[:1].isupper() and token.text[1:].islower()
        and token.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC", ""))


def _modifier_country(places: list[Mention], named: Mention) -> str | None:
    """The country named before a knowledge-base entity in its phrase, if any."""
    before = [p for p in places if p.end <= named.start]
    return before[-1].lexes[0].entry.roles[0].code if before else None


def _cameo_join(country: str | None, agent: AgentEntry) -> str | None:
    """'ARN' + 'GOVFRM' -> 'ARNGOVFRM': a country's CAMEO code with an agent's."""
    if not country:
        return None
    return country + (agent.cameo or agent.sector or "")


def _words(doc, mention: Mention) -> str:
    return " ".join(t.lower_ for t in doc[mention.start : mention.end])


def _text(tokens: list[Token]) -> str:
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _where_not_who(head: Token, named: list[Mention], places: list[Mention]) -> bool:
    """A name that is a person's and a capital's ("Muscat") after a locative preposition ("in
    Muscat", "near Muscat") is the place: people are met with, not in."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("in", "at", "near", "outside", "inside"):
        return False
    both = [m for m in named if m in places]
    return bool(both) and len(both) == len(named) and all(
        lex.entry.kind == "person" for m in both for lex in m.lexes if lex.kind == "entity")


def _best_entity_lex(mention: Mention, state: ArticleActors, places: list[Mention]) -> Lex:
    candidates = [lex for lex in mention.lexes if lex.kind == "entity"]
    hinted = {p.lexes[0].entry.roles[0].code for p in places} | set(state.countries)

    def score(lex: Lex) -> tuple[int, int, int, int]:
        role, valid = lex.entry.role_on(state.when)
        return (int(valid), lex.entry.tier, int(role.code in hinted), lex.entry.rank)

    return max(candidates, key=score)


def _merge_apposition(entity: Entity | None, kind: str, other: Entity | None,
                      other_kind: str, head: Token, child: Token) -> tuple[Entity | None, str]:
    if other is None:
        return entity, kind
    if entity is None:
        return other, other_kind
    strong = {"kb", "kb-out-of-date"}
    if other.resolution in strong and entity.resolution not in strong:
        return other, other_kind
    if entity.resolution in strong:
        return entity, kind
    named, generic = (entity, other) if entity.resolution == "unknown" else (other, entity)
    if named.resolution == "unknown" and generic.resolution != "unknown" and generic.sector:
        # "Yahya al Aridi, a spokesman for the opposition delegation": his words, their codes
        named.code, named.sector, named.sectors = generic.code, generic.sector, generic.sectors
        named.cameo = generic.cameo
        named.resolution = "apposition"
        return named, "person" if named is entity else other_kind
    if named.resolution == "unknown" and generic.resolution != "unknown":
        return named, kind if named is entity else other_kind
    return entity, kind


def _inherit(entity: Entity | None, other: Entity, head: Token, offset: int) -> Entity:
    """'A spokesman for the opposition delegation' speaks for the opposition."""
    if entity is None:
        span = np_tokens(head)
        entity = Entity(entity_text=_text(span), start=offset + span[0].idx,
                        end=offset + span[-1].idx + len(span[-1].text))
        entity.sector = other.sector
        entity.sectors = list(other.sectors)
    elif entity.sector in (None, "", "GOV") and other.sector and other.sector != "GOV":
        entity.sector = other.sector
    suffix = ""
    if entity.cameo and entity.code and entity.cameo.startswith(entity.code):
        suffix = entity.cameo[len(entity.code):]  # the agent's own part: ambassador -> GOV
    entity.code = other.code
    entity.cameo = (other.cameo or other.code or "") + suffix or None
    entity.identifier_id = entity.identifier_id or other.identifier_id
    entity.identifier_text = entity.identifier_text or other.identifier_text
    entity.resolution = "affiliation"
    return entity


def fold_key(text: str) -> str:
    return fold(text)
