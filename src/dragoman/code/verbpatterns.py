"""Match CAMEO verb patterns against a verb in a spaCy dependency parse.

`VerbPatterns` is built from verb-pattern records (``knowledge/schemas/verb-pattern.schema.json``;
the CAMEO set is ``knowledge/cameo/verb-patterns.jsonl``) and answers one question: given a
verb token, which pattern codes it? It approximates PETRARCH on a dependency parse:

* ``right`` elements match, in order with gaps, the tokens of the verb's subtree after the verb
  (objects, particles, prepositional phrases), leaving out conjoined clauses;
* ``left`` elements match the tokens before the verb in its clause (subject phrase,
  auxiliaries, adverbs); a verb that shares its head's subject (xcomp, conj) sees the head's
  clause too;
* a passive verb is first tried in its active reading: the passive subject counts as
  following the verb and the ``by`` agent as preceding it; then as written;
* the most specific matching pattern wins, ties going to the earlier record; without one the
  verb's own code applies.

Negation, modality and the choice of actors are left to the event coder: a match says which
pattern applies and which tokens filled its $ and + slots, nothing more.

Example::

    patterns = VerbPatterns.from_records(records)
    found = patterns.match(doc[1])       # "Russia rushed humanitarian aid to Syria"
    found.code, found.pattern_id         # ('070', 'cameo:accelerate:10'): "- * AID [070]"
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import TYPE_CHECKING, Any

from dragoman.errors import KnowledgeError

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependents that start another clause: their words are not context for this verb.
_OTHER_CLAUSE = frozenset({"conj", "cc", "parataxis", "ccomp", "advcl", "relcl"})
_OTHER_CLAUSE_LEFT = _OTHER_CLAUSE | {"csubj"}
# Inside the verb's phrase, dependents that start a clause of their own (a conjunct only
# when it is a verb: "talks and meetings" stay together).
_EMBEDDED_CLAUSE = frozenset({"conj", "parataxis", "ccomp", "advcl", "relcl"})
# A verb in these relations shares its head's subject ("troops crossed and attacked").
_SHARES_SUBJECT = frozenset({"xcomp", "conj"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
_ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
# Stems shorter than this match only their inflections: TABARI's bare prefix rule would let
# WAR match "warn" and IN match "international".
_SHORT_STEM = 4
_SUFFIXES = ("", "s", "es", "ed", "ing")
# Specificity: a content word or synset tells more than a bare preposition or an actor slot,
# so "* AID" (070) beats "* (TO)" (042) on "rushed aid to Syria".
_WORD_WEIGHT = 2


@dataclass(frozen=True)
class PatternMatch:
    """The pattern that codes a verb, and the evidence for it.

    `code` is the CAMEO code of the event from source to target, `reverse_code` that of the
    reciprocal event (either may be None; both None means the verb is known but codes no event).
    `source`/`target` are the tokens that filled the pattern's $ and + slots, if it has them
    (a % slot fills both); the coder otherwise finds the actors itself. `matched` holds the
    verb and every word the pattern consumed, in text order. `specificity` weighs what the
    pattern matched: 2 per word or synset, 1 per preposition or slot (0 for a verb's own code).
    """

    pattern_id: str
    code: str | None
    reverse_code: str | None
    source: Token | None
    target: Token | None
    matched: tuple[Token, ...]
    specificity: int


# ------------------------------------------------------------------------ compiled knowledge


@dataclass(frozen=True, slots=True)
class _Tok:
    """What matching needs of one token, computed once per call."""

    i: int
    lower: str
    lemma: str
    nominal: bool
    right_edge: int
    token: Token


@dataclass(frozen=True, slots=True)
class _Word:
    """One token position: exact words (text or lemma) and prefixes of the text."""

    words: frozenset[str]
    prefixes: tuple[str, ...] = ()

    def hit(self, tok: _Tok) -> bool:
        if tok.lower in self.words or tok.lemma in self.words:
            return True
        for prefix in self.prefixes:  # a loop: any() with a generator is slower on this hot path
            if tok.lower.startswith(prefix):
                return True
        return False

    def present(self, keys: frozenset[str]) -> bool:
        """Whether some token whose keys (`_keys`) are given can match this word."""
        if not self.words.isdisjoint(keys):
            return True
        for prefix in self.prefixes:
            if prefix in keys:
                return True
        return False


@dataclass(frozen=True, slots=True)
class _Slot:
    role: str


@dataclass(frozen=True, eq=False)
class _Any:
    """Alternative token sequences (a synset), indexed by what their first token can be."""

    alternatives: tuple[tuple[_Word, ...], ...]
    by_word: Mapping[str, tuple[int, ...]]
    by_prefix: Mapping[str, tuple[tuple[str, int], ...]]

    @property
    def first(self) -> _Word:
        """A word that matches wherever some alternative can start (a quick test)."""
        words = frozenset(w for a in self.alternatives for w in a[0].words)
        return _Word(words, tuple(sorted({p for a in self.alternatives for p in a[0].prefixes})))

    def candidates(self, tok: _Tok) -> Iterator[tuple[_Word, ...]]:
        found = set(self.by_word.get(tok.lower, ())) | set(self.by_word.get(tok.lemma, ()))
        found.update(
            k for p, k in self.by_prefix.get(tok.lower[:_SHORT_STEM], ()) if tok.lower.startswith(p)
        )
        return (self.alternatives[k] for k in sorted(found))


_Term = _Word | _Slot | _Any


@dataclass(frozen=True, slots=True)
class _Phrase:
    terms: tuple[_Term, ...]
    adjacent: bool = False

    @property
    def weight(self) -> int:
        return sum(1 if isinstance(t, _Slot) else _WORD_WEIGHT for t in self.terms)


@dataclass(frozen=True, slots=True)
class _Prep:
    prep: _Word
    objects: tuple[_Phrase, ...]
    adjacent: bool = False

    @property
    def weight(self) -> int:
        return 1 + sum(o.weight for o in self.objects)


_Element = _Phrase | _Prep


@dataclass(frozen=True, slots=True)
class _Pattern:
    id: str
    order: int
    code: str | None
    reverse_code: str | None
    left: tuple[_Element, ...]
    right: tuple[_Element, ...]
    weight: int
    anchors: tuple[_Word, ...]  # words that must occur somewhere around the verb

    def possible(self, keys: frozenset[str]) -> bool:
        return all(anchor.present(keys) for anchor in self.anchors)


@dataclass(frozen=True, eq=False)
class _Group:
    """A group's patterns, most specific first, indexed by a word each one needs."""

    patterns: tuple[_Pattern, ...]
    by_key: Mapping[str, tuple[int, ...]]
    unanchored: tuple[int, ...]

    @classmethod
    def of(cls, patterns: Iterable[_Pattern]) -> _Group:
        ordered = tuple(sorted(patterns, key=lambda p: (-p.weight, p.order)))
        by_key: dict[str, list[int]] = {}
        for k, pattern in enumerate(ordered):
            if pattern.anchors:
                anchor = pattern.anchors[0]
                for key in {*anchor.words, *anchor.prefixes}:
                    by_key.setdefault(key, []).append(k)
        unanchored = tuple(k for k, p in enumerate(ordered) if not p.anchors)
        return cls(ordered, {key: tuple(ks) for key, ks in by_key.items()}, unanchored)

    def candidates(self, keys: frozenset[str]) -> list[_Pattern]:
        """Patterns whose words all occur among `keys`, most specific first."""
        found = set(self.unanchored)
        for key in keys:
            found.update(self.by_key.get(key, ()))
        return [self.patterns[k] for k in sorted(found) if self.patterns[k].possible(keys)]


@dataclass(frozen=True, slots=True)
class _Verb:
    id: str
    order: int
    group: str
    lemma: str
    forms: tuple[str, ...]
    particles: tuple[_Word, ...]
    preceding: tuple[_Word, ...]
    code: str | None
    reverse_code: str | None

    @property
    def size(self) -> int:
        return len(self.particles) + len(self.preceding)


# ------------------------------------------------------------------------ the public object


@dataclass(frozen=True, eq=False, repr=False)
class VerbPatterns:
    """Verb patterns compiled for matching; build with `from_records`."""

    _verbs: Mapping[str, tuple[_Verb, ...]]  # by lemma and by every form
    _groups: Mapping[str, _Group]
    _forms: frozenset[str]
    _lemmas: frozenset[str]

    def __repr__(self) -> str:
        patterns = sum(len(g.patterns) for g in self._groups.values())
        return f"<VerbPatterns: {len(self._lemmas)} verbs, {patterns} patterns>"

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> VerbPatterns:
        """Compile verb and pattern records (already parsed from JSONL); raises KnowledgeError."""
        verbs: dict[str, list[_Verb]] = {}
        patterns: dict[str, list[_Pattern]] = {}
        seen: set[str] = set()
        cache: dict[str, _Term] = {}
        for order, record in enumerate(records):
            _check_record(record, seen)
            if record["kind"] == "verb":
                verb = _compile_verb(record, order)
                for key in {verb.lemma, *verb.forms}:
                    verbs.setdefault(key, []).append(verb)
            else:
                patterns.setdefault(record["group"], []).append(
                    _compile_pattern(record, order, cache)
                )
        entries = [v for vs in verbs.values() for v in vs]
        forms = frozenset(f for v in entries for f in (v.lemma, *v.forms))
        groups = {g: _Group.of(ps) for g, ps in patterns.items()}
        return cls(
            {k: tuple(v) for k, v in verbs.items()},
            groups,
            forms,
            frozenset(v.lemma for v in entries),
        )

    def surface_forms(self) -> frozenset[str]:
        """Every lower-case word form that can be a trigger verb (to skip sentences without one)."""
        return self._forms

    def lemmas(self) -> frozenset[str]:
        """The lemma of every known verb."""
        return self._lemmas

    def match(self, verb: Token) -> PatternMatch | None:
        """The pattern that codes `verb`, a token the parser tagged as a verb.

        Returns the most specific matching pattern of the verb's groups; when none matches, the
        verb's own record (specificity 0, its code possibly None: a known verb with no event);
        None for a verb not in the dictionary, or a phrasal verb without its particle. Negation
        and modality are not looked at: the few patterns that name NOT match only where the
        word is, and then it is among `matched`.
        """
        entries = self._entries(verb)
        if not entries:
            return None
        views = _views(verb)
        surface = views[-1]  # holds every context token; particles follow the verb as written
        found = _fitting_entries(entries, verb, surface)
        if not found:
            return None
        keys = _keys(surface)
        for pattern in self._candidates({entry.group for entry, _ in found}, keys):
            for left, right in views:
                hit = _match_pattern(pattern, left, right, verb.i)
                if hit is not None:
                    return _pattern_match(pattern, verb, found[0][1], hit)
        entry, verb_words = found[0]
        matched = tuple(sorted({verb, *verb_words}, key=lambda t: t.i))
        return PatternMatch(entry.id, entry.code, entry.reverse_code, None, None, matched, 0)

    def _entries(self, verb: Token) -> list[_Verb]:
        entries = {*self._verbs.get(verb.lower_, ()), *self._verbs.get(verb.lemma_.lower(), ())}
        # a dictionary verb spelled exactly as the text ('LEFT' [032:033]) beats the lemma's
        # ('LEAVE' [012]): TABARI dictionaries list such forms on purpose
        return sorted(entries, key=lambda v: (v.lemma != verb.lower_, v.order))

    def _candidates(self, groups: set[str], keys: frozenset[str]) -> list[_Pattern]:
        merged = [
            p for g in sorted(groups) if g in self._groups for p in self._groups[g].candidates(keys)
        ]
        if len(groups) > 1:
            merged.sort(key=lambda p: (-p.weight, p.order))
        return merged


# ------------------------------------------------------------------------ compiling records


def _check_record(record: Mapping[str, Any], seen: set[str]) -> None:
    where = str(record.get("source") or record.get("id") or "verb-pattern record")
    if record.get("kind") not in ("verb", "pattern") or not record.get("group"):
        raise KnowledgeError("record needs kind 'verb' or 'pattern' and a group", source=where)
    if record.get("id") in seen:
        raise KnowledgeError(f"duplicate id {record.get('id')!r}", source=where)
    seen.add(str(record.get("id")))


def _compile_verb(record: Mapping[str, Any], order: int) -> _Verb:
    try:
        lemma = record["verb"]
        return _Verb(
            id=record["id"],
            order=order,
            group=record["group"],
            lemma=lemma,
            forms=tuple(record.get("forms") or (lemma,)),
            particles=tuple(_word(p, exact=True) for p in record.get("particles", ())),
            preceding=tuple(_word(p, exact=True) for p in record.get("preceding", ())),
            code=record.get("code"),
            reverse_code=record.get("reverse_code"),
        )
    except (KeyError, TypeError) as err:
        raise KnowledgeError(f"verb record is missing {err}", source=record.get("source")) from err


def _compile_pattern(record: Mapping[str, Any], order: int, cache: dict[str, _Term]) -> _Pattern:
    try:
        left = tuple(_compile_element(e, cache) for e in record.get("left", ()))
        right = tuple(_compile_element(e, cache) for e in record.get("right", ()))
    except (KeyError, TypeError, ValueError) as err:
        raise KnowledgeError(
            f"pattern {record.get('id')} is malformed: {err}", source=record.get("source")
        ) from err
    weight = sum(e.weight for e in left + right)
    anchors = tuple(dict.fromkeys(a for e in left + right for a in _anchors(e)))
    return _Pattern(
        record["id"],
        order,
        record.get("code"),
        record.get("reverse_code"),
        left,
        right,
        weight,
        anchors,
    )


def _anchors(element: _Element) -> Iterator[_Word]:
    """The words an element needs: each phrase's first word, each preposition."""
    if isinstance(element, _Prep):
        yield element.prep
        for inner in element.objects:
            yield from _anchors(inner)
        return
    first = element.terms[0]
    if isinstance(first, _Word):
        yield first
    elif isinstance(first, _Any):
        yield first.first


def _compile_element(element: Mapping[str, Any], cache: dict[str, _Term]) -> _Element:
    adjacent = bool(element.get("adjacent"))
    if "prep" in element:
        objects = tuple(_compile_element(o, cache) for o in element.get("object", ()))
        if any(isinstance(o, _Prep) for o in objects):
            raise ValueError("a prepositional phrase cannot hold another")
        return _Prep(_word(element["prep"], exact=True), objects, adjacent)  # type: ignore[arg-type]
    if "slot" in element:
        return _Phrase((_Slot(element["slot"]),), adjacent)
    return _Phrase(tuple(_compile_term(t, cache) for t in element["words"]), adjacent)


def _compile_term(term: Mapping[str, Any], cache: dict[str, _Term]) -> _Term:
    if "slot" in term:
        return _Slot(term["slot"])
    key = json.dumps(term, sort_keys=True)
    if key not in cache:
        phrases = term.get("any", [[term]])
        sequences = [s for phrase in phrases for s in _sequences(phrase)]
        cache[key] = (
            sequences[0][0] if len(sequences) == 1 == len(sequences[0]) else _any_of(sequences)
        )
    return cache[key]


def _sequences(phrase: Sequence[Mapping[str, str]]) -> list[tuple[_Word, ...]]:
    """Token sequences a phrase can match; spaCy splits 'cease-fire' into three tokens."""
    options = [_word_options(term) for term in phrase]
    return [tuple(w for part in combo for w in part) for combo in product(*options)]


def _word_options(term: Mapping[str, str]) -> list[tuple[_Word, ...]]:
    exact = "word" in term
    text = term["word"] if exact else term["stem"]
    whole = (_word(text, exact=exact),)
    pieces = [p for p in text.replace("-", " - ").split() if p]
    if len(pieces) < 2 or "-" not in text.strip("-"):
        return [whole]
    last = len(pieces) - 1
    return [whole, tuple(_word(p, exact=exact or k < last) for k, p in enumerate(pieces))]


def _word(text: str, *, exact: bool) -> _Word:
    text = text.lower()
    if exact:
        return _Word(frozenset({text}))
    if len(text) < _SHORT_STEM:
        endings = (*_SUFFIXES, "d") if text.endswith("e") else _SUFFIXES
        return _Word(frozenset(text + s for s in endings))
    return _Word(frozenset({text}), (text,))


def _any_of(sequences: list[tuple[_Word, ...]]) -> _Any:
    unique = sorted(dict.fromkeys(sequences), key=len, reverse=True)  # longest first, stable
    by_word: dict[str, list[int]] = {}
    by_prefix: dict[str, list[tuple[str, int]]] = {}
    for k, sequence in enumerate(unique):
        for w in sequence[0].words:
            by_word.setdefault(w, []).append(k)
        for p in sequence[0].prefixes:
            by_prefix.setdefault(p[:_SHORT_STEM], []).append((p, k))
    return _Any(
        tuple(unique),
        {w: tuple(ks) for w, ks in by_word.items()},
        {p: tuple(ks) for p, ks in by_prefix.items()},
    )


# ------------------------------------------------------------------------ views of the parse


_View = tuple[tuple[_Tok, ...], tuple[_Tok, ...]]  # (left, right)


def _tok(token: Token) -> _Tok:
    nominal = token.pos_ in _NOMINAL_POS or token.ent_type_ in _ACTOR_ENTITIES
    return _Tok(token.i, token.lower_, token.lemma_.lower(), nominal, token.right_edge.i, token)


def _keys(view: _View) -> frozenset[str]:
    """Every text, lemma and prefix (of four letters or more) of the tokens around the verb."""
    keys: set[str] = set()
    for tok in (*view[0], *view[1]):
        keys.add(tok.lemma)
        keys.update(tok.lower[:n] for n in range(_SHORT_STEM, len(tok.lower) + 1))
        keys.add(tok.lower)
    return frozenset(keys)


def _span(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


def _views(verb: Token) -> list[_View]:
    """The verb's context (left, right) as it reads, last; first, for a passive, in active voice.

    The active reading comes first so that "Syria was attacked by Turkey" fills a "$ * +"
    pattern with Turkey as the source; the reading as written still serves patterns written
    for the passive ("+ BEEN * BY $").
    """
    doc = verb.doc
    skip_right = {i for c in verb.rights if c.dep_ in _OTHER_CLAUSE for i in _span(c)}
    # deeper down too, a clause of its own is not this verb's context: in "continues to bomb
    # our towns while it talks about peace", "talks" is no object of "continues"
    skip_right |= {i for d in verb.subtree if d.i > verb.i and d.dep_ in _EMBEDDED_CLAUSE
                   and (d.dep_ != "conj" or d.pos_ in ("VERB", "AUX")) for i in _span(d)}
    right = [i for i in range(verb.i + 1, verb.right_edge.i + 1) if i not in skip_right]
    left = _left_indices(verb)
    toks = {i: _tok(doc[i]) for i in (*left, *right)}
    surface = (tuple(toks[i] for i in left), tuple(toks[i] for i in right))
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return [surface]
    agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
    moved = set(_span(subject))
    by = [i for c in (agent.children if agent is not None else ()) for i in _span(c)
          if i in toks]  # not a clause of its own inside the agent ("by X, who ...")
    dropped = set(_span(agent)) if agent is not None else set()
    active_left = [toks[i] for i in by] + [toks[i] for i in left if i not in moved]
    active_right = [toks[i] for i in sorted(moved & set(left))] + [
        toks[i] for i in right if i not in dropped
    ]
    return [(tuple(active_left), tuple(active_right)), surface]


def _left_indices(verb: Token) -> list[int]:
    """Token indices before the verb in its clause, climbing to heads that share its subject."""
    chain = [verb]
    while chain[-1].dep_ in _SHARES_SUBJECT and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    on_chain = {t.i for t in chain}
    skip = {
        i
        for t in chain
        for c in t.children
        if c.i < verb.i and c.i not in on_chain and c.dep_ in _OTHER_CLAUSE_LEFT
        for i in _span(c)
    }
    return [i for i in range(chain[-1].left_edge.i, verb.i) if i not in skip]


# ------------------------------------------------------------------------ matching


@dataclass
class _Hit:
    consumed: list[_Tok] = field(default_factory=list)
    fills: list[tuple[str, _Tok]] = field(default_factory=list)


def _fitting_entries(
    entries: list[_Verb], verb: Token, view: _View
) -> list[tuple[_Verb, tuple[Token, ...]]]:
    """Entries whose particles and preceding words are present; only the longest verbs count."""
    fitting = []
    for entry in entries:
        words = _verb_words(entry, verb, view[1])
        if words is not None:
            fitting.append((entry, words))
    if not fitting:
        return []
    longest = max(entry.size for entry, _ in fitting)
    return [(entry, words) for entry, words in fitting if entry.size == longest]


def _verb_words(entry: _Verb, verb: Token, right: Sequence[_Tok]) -> tuple[Token, ...] | None:
    doc, start = verb.doc, verb.i - len(entry.preceding)
    if start < 0 or not all(w.hit(_tok(doc[start + k])) for k, w in enumerate(entry.preceding)):
        return None
    got: list[Token] = [doc[i] for i in range(start, verb.i)]
    k = 0
    for n, word in enumerate(entry.particles):
        # the first particle depends on the verb itself ("called the talks off")
        while k < len(right) and not (
            word.hit(right[k]) and (n or right[k].token.head.i == verb.i)
        ):
            k += 1
        if k == len(right):
            return None
        got.append(right[k].token)
        k += 1
    return tuple(got)


def _match_pattern(
    pattern: _Pattern, left: Sequence[_Tok], right: Sequence[_Tok], verb_i: int
) -> _Hit | None:
    hit = _Hit()
    if _match_elements(pattern.left, left, 0, len(left), hit, verb_i, "left") is None:
        return None
    if _match_elements(pattern.right, right, 0, len(right), hit, verb_i, "right") is None:
        return None
    return hit


def _match_elements(
    elements: Sequence[_Element],
    toks: Sequence[_Tok],
    pos: int,
    limit: int,
    hit: _Hit,
    verb_i: int,
    side: str,
) -> int | None:
    """Match elements in order (gaps allowed) from toks[pos:limit]; returns the end position."""
    for n, element in enumerate(elements):
        touch = None
        if element.adjacent and side == "right" and n == 0:
            touch = verb_i + 1
        elif element.adjacent and side == "left" and n == len(elements) - 1:
            touch = verb_i - 1
        found = _find(element, toks, pos, limit, verb_i, touch)
        if found is None:
            return None
        pos, inner = found
        hit.consumed += inner.consumed
        hit.fills += inner.fills
    return pos


def _find(
    element: _Element, toks: Sequence[_Tok], pos: int, limit: int, verb_i: int, touch: int | None
) -> tuple[int, _Hit] | None:
    """The first place from `pos` where the element matches (touching token `touch` if set)."""
    first = element.prep if isinstance(element, _Prep) else element.terms[0]
    for k in range(pos, limit):
        if isinstance(first, _Word) and not first.hit(toks[k]):
            continue  # the common case, decided without building anything
        inner = _Hit()
        end = _element_at(element, toks, k, limit, inner, verb_i)
        if end is None or (touch is not None and touch not in (toks[k].i, toks[end - 1].i)):
            continue
        return end, inner
    return None


def _element_at(
    element: _Element, toks: Sequence[_Tok], k: int, limit: int, hit: _Hit, verb_i: int
) -> int | None:
    if isinstance(element, _Phrase):
        end = _terms_at(element.terms, 0, toks, k, limit, hit.fills)
        if end is not None:
            hit.consumed += toks[k:end]
        return end
    if not element.prep.hit(toks[k]):
        return None
    inner_limit = limit
    if toks[k].right_edge > toks[k].i:  # a real phrase: its object lies inside its subtree
        inner_limit = next(
            (m for m in range(k + 1, limit) if toks[m].i > toks[k].right_edge), limit
        )
    inner = _Hit([toks[k]])
    end = _match_elements(element.objects, toks, k + 1, inner_limit, inner, verb_i, "inner")
    if end is None:
        return None
    hit.consumed += inner.consumed
    hit.fills += inner.fills
    return end


def _terms_at(
    terms: Sequence[_Term],
    n: int,
    toks: Sequence[_Tok],
    k: int,
    limit: int,
    fills: list[tuple[str, _Tok]],
) -> int | None:
    """Match terms[n:] on consecutive tokens from toks[k]; returns the end position."""
    if n == len(terms):
        return k
    if k >= limit:
        return None
    term = terms[n]
    if isinstance(term, _Word):
        return _terms_at(terms, n + 1, toks, k + 1, limit, fills) if term.hit(toks[k]) else None
    if isinstance(term, _Slot):
        end = _terms_at(terms, n + 1, toks, k + 1, limit, fills) if toks[k].nominal else None
        if end is not None:
            fills.append((term.role, toks[k]))
        return end
    for alternative in term.candidates(toks[k]):
        middle = _terms_at(alternative, 0, toks, k, limit, fills)
        end = None if middle is None else _terms_at(terms, n + 1, toks, middle, limit, fills)
        if end is not None:
            return end
    return None


def _pattern_match(
    pattern: _Pattern, verb: Token, verb_words: tuple[Token, ...], hit: _Hit
) -> PatternMatch:
    roles: dict[str, Token] = {}
    for role, tok in hit.fills:
        roles.setdefault(role, tok.token)
    source = roles.get("source", roles.get("compound"))
    target = roles.get("target", roles.get("compound"))
    tokens = {verb, *verb_words, *(t.token for t in hit.consumed)}
    matched = tuple(sorted(tokens, key=lambda t: t.i))
    return PatternMatch(
        pattern.id, pattern.code, pattern.reverse_code, source, target, matched, pattern.weight
    )
