"""Frame words (light, occurrence, speech, intent, attempt, negative and denial verbs;
claims, hedges; modals; negations; threat cues; amounts; weapons) as data."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from dragoman.knowledge import package_text


@dataclass(frozen=True)
class Frames:
    light_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    planning_verbs: frozenset[str]
    request_verbs: frozenset[str]
    negative_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    hedge_words: frozenset[str]
    modal_words: frozenset[str]
    negation_words: frozenset[str]
    condition_words: frozenset[str]
    threat_intents: frozenset[str]
    threat_modals: frozenset[str]
    threat_nouns: frozenset[str]
    hold_out_verbs: frozenset[str]
    state_verbs: frozenset[str]
    state_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    weapons: Mapping[str, tuple[str, str]]  # lemma -> (PLOVER mode, CAMEO code)


@cache
def frames() -> Frames:
    spec = json.loads(package_text("triggers/frames.json") or "{}")
    words = {name: frozenset(spec.get(name, ())) for name in Frames.__dataclass_fields__
             if name != "weapons"}
    weapons = {lemma: (mode, cameo) for lemma, (mode, cameo) in spec.get("weapons", {}).items()}
    return Frames(**words, weapons=MappingProxyType(weapons))
