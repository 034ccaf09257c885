"""Triggers and the prefilter: which words can signal an event, and under which conditions."""

from __future__ import annotations

from dragoman.code.triggers import inflections, noun_trigger, passes, prefilter_table, verb_triggers
from dragoman.knowledge import load_knowledge

from .handmade import parse_of

KNOWLEDGE = load_knowledge()
TABLE = prefilter_table(KNOWLEDGE)


def words(text: str) -> set[str]:
    return set(text.lower().replace(".", " ").split())


def test_inflections_cover_regular_and_irregular_forms():
    assert {"attack", "attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"met", "meets", "meeting"} <= inflections("meet")
    assert {"seized", "seizing"} <= inflections("seize")
    assert {"shelled", "shelling"} <= inflections("shell") or "shelled" in inflections("shell")


def test_prefilter_needs_the_trigger_and_its_condition_words():
    assert passes(words("Rebels attacked the town."), TABLE)
    assert passes(words("The two sides held talks in Geneva."), TABLE)
    assert not passes(words("The two sides held a concert in Geneva."), TABLE)
    assert passes(words("Troops pulled out of the city."), TABLE)
    assert not passes(words("The weather was fine on Monday."), TABLE)
    extra = prefilter_table(KNOWLEDGE, ["frobnicated"])
    assert passes(words("Gondor frobnicated Arnor."), extra)


def test_verb_trigger_conditions_on_a_hand_built_parse():
    sign = parse_of("""
        Iran       PROPN NNP nsubj 1
        signed     VERB  VBD ROOT  1  sign
        a          DET   DT  det   3
        deal       NOUN  NN  dobj  1  deal
    """)
    assert [t.id for t in verb_triggers(sign[1], KNOWLEDGE)][0] == "support:sign"
    song = parse_of("""
        Iran       PROPN NNP nsubj 1
        signed     VERB  VBD ROOT  1  sign
        a          DET   DT  det   3
        song       NOUN  NN  dobj  1  song
    """)
    assert verb_triggers(song[1], KNOWLEDGE) == []


def test_noun_trigger_phrases_and_modifiers():
    strike = parse_of("""
        an     DET  DT  det      2
        air    NOUN NN  compound 2
        strike NOUN NN  ROOT     2
    """)
    trigger, tokens = noun_trigger(strike[2], KNOWLEDGE)
    assert trigger.id == "n:air-strike" and [t.text for t in tokens] == ["air", "strike"]
    heart = parse_of("""
        a       DET  DT  det      2
        heart   NOUN NN  compound 2
        attack  NOUN NN  ROOT     2
    """)
    assert noun_trigger(heart[2], KNOWLEDGE) is None
