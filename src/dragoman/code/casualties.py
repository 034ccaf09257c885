"""Casualties: how many were killed, injured or arrested, when the sentence says so.

"killing at least 156 people" -> dead 156; "12 people were wounded" -> injured 12; "police
arrested 30 protesters" -> arrested 30. Vague amounts ("dozens", "scores") give no number: a
count is reported only when the text states one.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING

from dragoman.knowledge import package_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


@cache
def _words() -> tuple[dict[str, frozenset[str]], dict[str, int]]:
    spec = json.loads(package_text("triggers/frames.json") or "{}")
    kinds = {kind: frozenset(words) for kind, words in spec.get("casualty_words", {}).items()}
    return kinds, dict(spec.get("number_words", {}))


def number(token: Token) -> int | None:
    """The integer a number token states ('156', '1,200', 'twelve'), else None."""
    text = token.lower_
    if DIGITS.match(text):
        return int(text.replace(",", ""))
    return _words()[1].get(text)


def count_of(head: Token) -> int | None:
    """The number attached to a noun phrase head ('156 people', 'twelve soldiers', '12')."""
    own = number(head)
    if own is not None:
        return own
    for child in head.children:
        if child.dep_ in ("nummod", "quantmod", "amod") and number(child) is not None:
            return number(child)
    return None


def casualties(doc: Doc) -> list[tuple[str, int, Token]]:
    """(kind, count, word) for every casualty count stated in a parsed sentence."""
    kinds, _ = _words()
    found: list[tuple[str, int, Token]] = []
    for token in doc:
        lemma = token.lemma_.lower()
        for kind, words in kinds.items():
            if lemma in words:
                count = _patient_count(token)
                if count is not None:
                    found.append((kind, count, token))
    return found


def _patient_count(token: Token) -> int | None:
    """The count of who suffered: the object, the passive or intransitive subject, or the
    number before an adjective ('12 dead')."""
    deps = ("dobj", "nsubjpass") if token.pos_ == "VERB" else ("nsubj", "nummod", "amod")
    if token.lemma_.lower() in ("die", "perish"):
        deps = ("nsubj",)
    for child in token.children:
        if child.dep_ in deps:
            count = count_of(child)
            if count is not None:
                return count
    if token.pos_ in ("ADJ", "NOUN") and token.dep_ in ("amod", "acomp", "oprd", "conj", "dobj"):
        return count_of(token.head) if token.dep_ == "amod" else _number_before(token)
    return None


def _number_before(token: Token) -> int | None:
    if token.i > 0:
        return number(token.doc[token.i - 1])
    return None
