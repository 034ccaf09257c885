"""When an event happened: the time expression that belongs to it, resolved like an analyst.

The expression attached to the event's verb ("rejected the idea last week", "kicked off ...
on January 23") wins; else the nearest one in the sentence; else the publication date (with
`resolution` saying so). Tense comes from the verb: a past-tense event never lands after the
publication date (code/dates.py guarantees it).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dragoman.code.dates import TimeExpression, find_time_expressions, resolve_time
from dragoman.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dragoman.code.modality import Modality


def tense_of(verb: Token | None, modality: Modality) -> str | None:
    """past, present or future, from the verb's tag and auxiliaries."""
    if modality.future:
        return "future"
    if verb is None:
        return None
    if verb.tag_ in ("VBD", "VBN") or "Past" in verb.morph.get("Tense"):
        return "past"
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBD",):
            return "past"
        if child.dep_ == "aux" and child.lower_ in ("will", "'ll", "shall"):
            return "future"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    return None


def event_date(anchor: Token | None, trigger: Token, sentence_text: str, sentence_start: int,
               published: date | None, tense: str | None,
               expressions: list[TimeExpression] | None = None) -> EventDate | None:
    """The date of an event; `expressions` may be passed in when already found."""
    found = find_time_expressions(sentence_text) if expressions is None else expressions
    doc = trigger.doc
    holder = anchor or trigger
    local = [e for e in found if e.kind not in ("vague", "decade")]
    chosen = _attached(local, holder, doc) if local and published is not None else None
    if chosen is None and local and published is not None:
        # not one that dates another event inside this one's clause
        outside = [e for e in local if not _embedded(e, holder, doc)]
        chosen = _nearest(outside, trigger) if outside else None
        if chosen is not None and tense != "past" and _told_in_the_past(chosen, holder, doc):
            tense = "past"  # "threatened on Tuesday to send troops": that Tuesday, not the next
    if chosen is not None and published is not None:
        resolved = resolve_time(chosen, published, tense)  # type: ignore[arg-type]
        if resolved is not None:
            resolved.start = sentence_start + chosen.start
            resolved.end = sentence_start + chosen.end
            return resolved
    if published is None:
        return None
    return EventDate(date=published, precision="day", resolution="published")


def _attached(found: list[TimeExpression], holder: Token, doc) -> TimeExpression | None:
    """An expression inside the subtree of the event's verb (not in another clause). Not one
    between the verb that reports the event and the event's subject, which the parser may
    hang on the event ('police said on Wednesday they had arrested him on Dec. 28')."""
    subtree = {t.idx for t in holder.subtree if not _other_clause(t, holder)}
    subjects = [c.i for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    marks = [c.i for c in holder.children if c.dep_ == "mark"]  # "said that on Wednesday"
    reported = holder.dep_ == "ccomp" and holder.head.i < holder.i and subjects
    if reported and marks:
        subjects = [min(subjects + marks)]
    for expression in found:
        tokens = _tokens_of(expression, doc)
        if reported and tokens and holder.head.i < tokens[0].i < min(subjects):
            continue  # the report's date
        if tokens and all(t.idx in subtree for t in tokens):
            return expression
    return None


def _told_in_the_past(expression: TimeExpression, holder: Token, doc) -> bool:
    """Does the expression belong to another verb, in the past tense, than the event's: the
    verb that threatens, plans or reports it ("Venezuela threatened on Tuesday to send
    troops")?"""
    tokens = _tokens_of(expression, doc)
    if not tokens:
        return False
    verb = next((t for t in tokens[0].ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb != holder and verb.tag_ == "VBD" and \
        verb in holder.ancestors  # not "Iran, which was attacked on Monday, will retaliate"


def _tokens_of(expression: TimeExpression, doc) -> list[Token]:
    return [t for t in doc if expression.start <= t.idx < expression.end]


def _embedded(expression: TimeExpression, holder: Token, doc) -> bool:
    """An expression in a clause inside the event's own that dates another event: 'accused the
    government of violating the ceasefire agreed in December', 'a truce that took effect on
    January 1', 'militants who had attacked a bus on March 2'. A clause about people that is
    not in the past perfect tells what they were doing at the time, so its date is kept:
    'fired at protesters who were demonstrating on Tuesday', 'fired at supporters protesting
    in the capital on Wednesday', and so is a date of what they were doing after what they
    had done: 'detained migrants who had crossed from Serbia and were heading for Austria on
    Friday'."""
    tokens = _tokens_of(expression, doc)
    subtree = {t.i for t in holder.subtree}
    if not tokens or not all(t.i in subtree for t in tokens):
        return False
    clauses = _clauses_between(tokens[0], holder)
    if not clauses:
        return False
    if _progressive(_verb_over(tokens[0], holder)):
        return False  # "migrants who had crossed ... and were heading for Austria on Friday"
    if any(_past_perfect(verb) for verb in clauses):
        return True
    if all(_same_act(verb) for verb in clauses):
        return False  # "attacked a post, killing 11 soldiers on Thursday": one act, one day
    return not any(verb.dep_ in ("relcl", "acl") and (
        any(c.lower_ in ("who", "whom") for c in verb.children)
        or (verb.dep_ == "acl" and verb.tag_ == "VBG")) for verb in clauses)


def _clauses_between(token: Token, holder: Token) -> list[Token]:
    """The verbs of the clauses that `token` is in, below `holder`."""
    found = []
    for ancestor in [token, *token.ancestors]:
        if ancestor == holder:
            break
        if ancestor.dep_ in CLAUSES and ancestor.pos_ == "VERB":
            found.append(ancestor)
    return found


def _same_act(verb: Token) -> bool:
    """A present participle adjoined to the event's verb with no subject of its own tells
    what the same act did ('attacked a post, killing 11 soldiers')."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _verb_over(token: Token, holder: Token) -> Token | None:
    """The nearest verb above `token`, below `holder`."""
    for ancestor in token.ancestors:
        if ancestor == holder:
            return None
        if ancestor.pos_ == "VERB":
            return ancestor
    return None


def _progressive(verb: Token | None) -> bool:
    """ "were heading", "was walking": what someone was doing when the event happened."""
    return verb is not None and verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children)


def _past_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                      for c in verb.children)


CLAUSES = ("ccomp", "advcl", "relcl", "xcomp", "acl")


def _other_clause(token: Token, holder: Token) -> bool:
    for ancestor in token.ancestors:
        if ancestor == holder:
            return False
        if ancestor.dep_ in CLAUSES and ancestor.pos_ == "VERB":
            return True
    return False


def _nearest(found: list[TimeExpression], trigger: Token) -> TimeExpression:
    return min(found, key=lambda e: abs(e.start - trigger.idx))
