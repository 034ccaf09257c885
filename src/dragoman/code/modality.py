"""Modality: did the event happen, is it denied, or only planned, threatened or supposed?

Works on the dependency parse. Walks from the trigger up to the root of its sentence and looks
at each clause on the way: a negation ("did not meet", "no talks"), a modal ("will meet"), an
intent or plan ("plans to meet", "had been set to participate"), a condition ("if they meet"),
a question, or a negative verb above it ("refused to meet", "failed to agree"), or a denial
("denied that troops had fired", "rejected claims that troops fired"). An asserted event
only said to have happened ("allegedly", "reportedly") keeps that word as its cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.code.frames import frames
from dragoman.code.roles import held_out_by

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_LINKS = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "prep", "pobj",
                "dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "compound", "amod",
                "npadvmod", "dep"}


@dataclass(frozen=True, slots=True)
class Modality:
    """`modality` is asserted, negated or hypothetical; `future` marks will/plans-to forms
    (the PLOVER rule turning future cooperation into AGREE needs it); `cue` is the word."""

    modality: str = "asserted"
    cue: str | None = None
    future: bool = False
    negative_verb: str | None = None
    denial: bool = False  # negated by someone else's denial, not refused by its own actor


def _negated_here(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return child.text
        if child.dep_ in ("advmod", "preconj") and child.lower_ in ("never", "neither", "nor"):
            return child.text
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "without":
        return token.head.text
    return None


def _modal_here(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "aux" and (child.tag_ == "MD" or child.lower_ in frames().modal_words):
            return child.text
    return None


def _condition_here(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in frames().condition_words:
            return child.text
    return None


def _finite(verb: Token) -> bool:
    """A conjunct with its own tense ('did not stop and continues') has its own polarity."""
    return verb.tag_ in ("VBZ", "VBD", "VBP")


def _going_to(token: Token) -> bool:
    return any(c.lower_ == "going" and c.dep_ == "aux" for c in token.children)


def analyse(trigger: Token) -> Modality:
    """The modality of the event whose trigger is `trigger` (a verb or an event noun)."""
    negation_cues: list[str] = []
    hypothetical: Modality | None = None
    negative_verb: str | None = None
    token, came_by = trigger, ""
    previous = trigger
    path: list[Token] = []  # the tokens climbed through, from the trigger up
    denial = False
    claimed: str | None = None
    for _ in range(10):
        cue = _negated_here(token)
        if cue and not (came_by == "conj" and _finite(previous)):
            negation_cues.append(cue)
        if hypothetical is None:
            hypothetical = _hypothetical_here(token, came_by, previous is trigger)
        if came_by in ("xcomp", "pcomp") and token.lemma_.lower() in frames().negative_verbs:
            negative_verb = negative_verb or token.text
        if _denies(token, path):
            negative_verb, denial = negative_verb or token.text, True
        head = token.head
        if head == token or token.dep_ not in CLAUSE_LINKS:
            break
        if token.dep_ == "relcl":
            break  # a relative clause has its own tense: "Iran, which was attacked on Monday,
            # will retaliate", "plans to capture the town that rebels seized": these happened
        if token.dep_ == "ccomp" and _is_speech(head):
            if head.lemma_.lower() in frames().claim_verbs:
                claimed = head.text  # "claimed that its forces had captured": its claim
            break  # what was said keeps its own modality, not the speech act's
        path.append(token)
        previous, token, came_by = token, head, token.dep_
    if _is_question(trigger):
        hypothetical = Modality("hypothetical", "?")
    if hypothetical is None and held_out_by(trigger):  # "raised the possibility of sanctions"
        hypothetical = Modality("hypothetical", trigger.head.head.lemma_.lower())
    future = bool(hypothetical and hypothetical.future)
    if len(negation_cues) % 2 == 1 or negative_verb:
        cue = negation_cues[0] if negation_cues else negative_verb
        return Modality("negated", cue, future, negative_verb, denial)
    return hypothetical or Modality(cue=_hedge(trigger) or claimed)


def _hedge(trigger: Token) -> str | None:
    """'Rebels allegedly killed ten': still asserted, but the cue says it is only claimed."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") or trigger.head == trigger \
        else trigger.head
    for token in (trigger, verb):
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in frames().hedge_words:
                return child.text
    return None


def _denies(verb: Token, path: list[Token]) -> bool:
    """Does `verb` deny the event reached through `path` (from the trigger up to the word
    below `verb`)? Only the clause that is denied: 'denied that officers had fired', 'rejected
    claims that troops fired'; not a relative clause or a subject inside it ('denied that
    officers who were attacked had fired': the attack stands; 'denied that talks had
    collapsed': the talks stand), nor what a claim is against or by ('dismissed claims against
    soldiers who killed protesters')."""
    lemma = verb.lemma_.lower()
    if not path:
        return False
    if path[-1].dep_ == "ccomp" and lemma in frames().denial_verbs:
        inner = path[:-1]
    elif len(path) >= 2 and path[-1].dep_ == "dobj" and path[-2].dep_ in ("acl", "ccomp") \
            and path[-1].lemma_.lower() in frames().claim_nouns \
            and lemma in frames().denial_verbs | frames().negative_verbs:
        inner = path[:-2]
    else:
        return False
    return all(t.dep_ in ("xcomp", "conj") or (
        t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in ("take", "occur", "happen"))
        for t in inner)  # "denied that the attack took place"


def _hypothetical_here(token: Token, came_by: str, direct: bool = False) -> Modality | None:
    modal = _modal_here(token)
    if modal:
        future = modal.lower() in FUTURE_MODALS or (
            modal.lower() == "would" and token.dep_ == "ccomp" and _is_speech(token.head))
        return Modality("hypothetical", modal, future=future)
    condition = _condition_here(token)
    if condition:
        return Modality("hypothetical", condition)
    if _going_to(token):
        return Modality("hypothetical", "going to", future=True)
    if came_by in ("xcomp",) and token.lemma_.lower() in frames().intent_verbs:
        tried = token.lemma_.lower() in frames().attempt_verbs and token.tag_ in ("VBD", "VBN")
        return Modality("hypothetical", token.text, future=not tried)  # "tried to march"
    if came_by == "dobj" and direct and token.lemma_.lower() in frames().planning_verbs:
        return Modality("hypothetical", token.text)  # "planning a terrorist attack", not
        # "prepared a report on the bombing"
    if came_by in ("xcomp", "ccomp") and token.lemma_.lower() in frames().request_verbs:
        return Modality("hypothetical", token.text)
    return None


FUTURE_MODALS = {"will", "'ll", "wo", "shall"}


def _is_speech(token: Token) -> bool:
    return token.lemma_.lower() in frames().speech_verbs


def _is_question(trigger: Token) -> bool:
    return trigger.sent.text.rstrip().rstrip("\"'”’").endswith("?")
