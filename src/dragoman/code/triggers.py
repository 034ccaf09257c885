"""Which words are events: curated triggers (verbs and event nouns) with their conditions.

A trigger (knowledge/triggers/*.jsonl) names a lemma and may require more of the context:
an object lemma (`object`, `object_not`), a preposition (`prep`, `prep_object`), a particle
(`particle`, for phrasal verbs), no object at all (`no_object`), the framing verb of a noun
(`frame_only`), modifiers of a noun (`modifier`, `modifier_not`), plural nouns (`plural`).
Conditions that need resolved actors (`subject_sector`, `subject_sector_not`, `object_is_actor`,
`xcomp_event`) are checked by the coder, which has them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dragoman.code.frames import frames
from dragoman.code.roles import governing_verb, held_out_by, is_passive

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dragoman.knowledge import Knowledge, Trigger

OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def object_lemmas(verb: Token) -> set[str]:
    """Lemmas of a verb's objects (and their compound/amod modifiers): 'humanitarian aid'. An
    amount is looked through to what it counts: 'dozens of diplomats' gives 'diplomat'."""
    deps = OBJECT_DEPS if is_passive(verb) else OBJECT_DEPS - {"nsubjpass"}
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ in deps:
            for head in (child, *child.conjuncts):
                for noun in (head, *counted(head)):
                    found.add(lemma(noun))
                    found.add(noun.lower_)
                    if _hyphenated(noun):  # 'cease-fire', split by the tokenizer
                        found.add(f"{noun.nbor(-2).lower_}-{lemma(noun)}")
                    found.update(lemma(m) for m in noun.children
                                 if m.dep_ in ("compound", "amod"))
    return found


def counted(head: Token) -> list[Token]:
    """What an amount counts: 'diplomats' in 'dozens of diplomats', 'three of the prisoners'."""
    amounts = frames().quantity_nouns
    if head.pos_ != "NUM" and head.lower_ not in amounts and head.lower_[:-1] not in amounts:
        return []
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]


def _hyphenated(noun: Token) -> bool:
    """Is `noun` the end of a word the tokenizer split at a hyphen ('cease - fire')?"""
    return noun.i - noun.sent.start >= 2 and noun.nbor(-1).text == "-" and not (
        noun.nbor(-1).whitespace_ or noun.nbor(-2).whitespace_)


def prep_lemmas(token: Token) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent"):
            objects = out.setdefault(child.lower_, set())
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    objects.add(lemma(pobj))
                    objects.update(lemma(c) for c in pobj.conjuncts)
    return out


def particle(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def verb_triggers(verb: Token, knowledge: Knowledge) -> list[Trigger]:
    """Curated verb triggers whose lexical conditions hold for `verb`, best first."""
    candidates = knowledge.verb_triggers.get(lemma(verb), ())
    if not candidates:
        return []
    objects = object_lemmas(verb)
    preps = prep_lemmas(verb)
    part = particle(verb)
    fitting = [t for t in candidates if _verb_fits(t, objects, preps, part)]
    return sorted(fitting, key=lambda t: -_specificity(t))


def _verb_fits(trigger: Trigger, objects: set[str], preps: dict[str, set[str]],
               part: str | None) -> bool:
    c = trigger.conditions
    if "particle" in c and part != c["particle"]:
        return False
    if "object" in c and not objects & set(c["object"]):
        return False
    if "object_not" in c and objects & set(c["object_not"]):
        return False
    if c.get("no_object") and objects:
        return False
    if "prep" in c and not set(preps) & set(c["prep"]):
        return False
    if "prep_object" in c and not any(preps.get(p, set()) & set(words)
                                      for p, words in c["prep_object"].items()):
        return False
    return True


def _specificity(trigger: Trigger) -> int:
    c = trigger.conditions
    return trigger.priority * 10 + sum(
        2 for key in ("particle", "object", "prep_object", "prep") if key in c
    ) + len(trigger.words)


def noun_trigger(noun: Token, knowledge: Knowledge) -> tuple[Trigger, list[Token]] | None:
    """The curated trigger for an event noun and the tokens it covers ('air strike'); none in
    a date ('in March')."""
    if noun.ent_type_ in ("DATE", "TIME"):
        return None
    for trigger in knowledge.noun_triggers.get(lemma(noun), ()) or knowledge.noun_triggers.get(
        noun.lower_, ()
    ):
        tokens = _phrase_tokens(noun, trigger.words)
        if tokens is not None and _noun_fits(trigger, noun):
            return trigger, tokens
    return None


def _phrase_tokens(noun: Token, words: tuple[str, ...]) -> list[Token] | None:
    """The tokens ending at `noun` whose lemmas are `words` ('air', 'strike')."""
    start = noun.i - len(words) + 1
    if start < noun.sent.start:
        return None
    tokens = list(noun.doc[start : noun.i + 1])
    if all(lemma(t) == w or t.lower_ == w for t, w in zip(tokens, words)):
        return tokens
    return None


def _noun_fits(trigger: Trigger, noun: Token) -> bool:
    c = trigger.conditions
    if c.get("plural") and noun.tag_ not in ("NNS", "NNPS"):
        return False
    modifiers = {lemma(m) for m in noun.children if m.dep_ in ("compound", "amod", "nmod")}
    if "modifier" in c and not modifiers & set(c["modifier"]):
        return False
    if "modifier_not" in c and modifiers & set(c["modifier_not"]):
        return False
    if "prep" in c and not set(prep_lemmas(noun)) & set(c["prep"]):
        return False
    if "frame_only" in c:
        verb, how = governing_verb(noun, frozenset(c["frame_only"]))
        if (verb is None or how != "light" or lemma(verb) not in c["frame_only"]) and \
                how != "headline" and \
                held_out_by(noun) is None:
            return False  # a verbless title ("Curfew in Paris") names the event itself, and
            # "raised the possibility of a curfew" holds one out all the same
    return True


def prefilter_table(knowledge: Knowledge, *extra: Iterable[str]
                    ) -> dict[str, tuple[frozenset[str], ...]]:
    """For each word form that may signal an event, what else the sentence must contain for
    one of its triggers to fire: an empty set means nothing ('attacked'); otherwise any of
    the words ('held' needs talks, meeting, ... ; 'pulled' needs 'out' or 'back').

    A sentence that passes is parsed; one that cannot pass holds no event we could code."""
    table: dict[str, set[frozenset[str]]] = {}
    for triggers in (*knowledge.verb_triggers.values(), *knowledge.noun_triggers.values()):
        for trigger in triggers:
            need = _needed_words(trigger)
            for form in inflections(trigger.words[-1]):
                table.setdefault(form, set()).add(need)
    for forms in extra:
        for form in forms:
            table.setdefault(form, set()).add(frozenset())
    return {form: tuple(needs) for form, needs in table.items()}


def _needed_words(trigger: Trigger) -> frozenset[str]:
    """Words one of which must be in the sentence for `trigger` to have a chance."""
    c = trigger.conditions
    words: set[str] = set()
    for key in ("object", "frame_only", "modifier"):
        for word in c.get(key, ()):
            words.update(inflections(word))
    if "frame_only" in c:  # "raised the possibility of a curfew" (see _noun_fits)
        words.update(frames().threat_nouns)
    for objects in c.get("prep_object", {}).values():
        for word in objects:
            words.update(inflections(word))
    if "particle" in c and not words:
        words.add(c["particle"])
    if "prep" in c and not words:
        words.update(c["prep"])
    if len(trigger.words) > 1:  # "air strike": the first word too
        words = words or set(inflections(trigger.words[0])) | {trigger.words[0]}
    return frozenset(words)


def passes(words: set[str], table: dict[str, tuple[frozenset[str], ...]]) -> bool:
    """Whether a sentence's lower-case words may hold an event (see prefilter_table)."""
    for word in words:
        for need in table.get(word, ()):
            if not need or need & words:
                return True
    return False


def surface_forms(knowledge: Knowledge, *extra: Iterable[str]) -> frozenset[str]:
    """Lower-case word forms that may signal an event: sentences without any are not parsed.

    Generated from trigger lemmas with regular English inflection, which over-generates (a
    harmless extra parse) rather than missing a form.
    """
    forms: set[str] = set().union(*extra)
    for table in (knowledge.verb_triggers, knowledge.noun_triggers):
        for triggers in table.values():
            for trigger in triggers:
                forms.update(inflections(trigger.words[-1]))
    return frozenset(forms)


IRREGULAR = {
    "meet": ["met"], "hold": ["held"], "seek": ["sought"], "fight": ["fought"],
    "shoot": ["shot"], "strike": ["struck", "stricken"], "take": ["took", "taken"],
    "send": ["sent"], "give": ["gave", "given"], "withdraw": ["withdrew", "withdrawn"],
    "beat": ["beaten"], "lead": ["led"], "make": ["made"], "break": ["broke", "broken"],
    "begin": ["began", "begun"], "lay": ["laid"], "bring": ["brought"], "cut": ["cut"],
    "set": ["set"], "put": ["put"], "spread": ["spread"], "slay": ["slew", "slain"],
    "forgive": ["forgave", "forgiven"], "freeze": ["froze", "frozen"], "win": ["won"],
    "tell": ["told"], "say": ["said"], "lose": ["lost"], "pay": ["paid"], "sell": ["sold"],
    "deal": ["dealt"], "hit": ["hit"], "quit": ["quit"], "shut": ["shut"], "leave": ["left"],
    "undertake": ["undertook", "undertaken"], "overthrow": ["overthrew", "overthrown"],
    "blow": ["blew", "blown"], "flee": ["fled"], "hang": ["hung", "hanged"],
    "go": ["went", "gone"], "rise": ["rose", "risen"], "ride": ["rode", "ridden"],
    "find": ["found"],
}


def inflections(word: str) -> set[str]:
    """Regular (over-generated) and common irregular forms of an English verb or noun."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouywx" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(IRREGULAR.get(word, ()))
    return forms
