"""Who did it and to whom: actor and recipient heads from the dependency parse.

Returns tokens (noun-phrase heads), never entities: resolution is the actor resolver's job.
Handles active and passive voice (the by-agent is the actor), coordination ("Moscow, Ankara and
Tehran"), subjects shared by conjoined and controlled verbs ("agreed to withdraw"), relative
clauses ("the group which participates"), reduced relatives ("an initiative backed by Moscow")
and prepositional recipients ("talks with", "an attack on").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.code.dates import calendar_words
from dragoman.code.frames import frames

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = {"nsubj", "csubj", "expl"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
RECIPIENT_PREPS = {
    "default": {"against", "on", "upon", "to", "toward", "towards", "at", "with", "into"},
    "AID": {"to", "for", "with"},
    "COOPERATE": {"with", "to"},
    "CONSULT": {"with", "to"},
    "REQUEST": {"on", "upon", "to"},
    "ACCUSE": {"against", "of"},
    "SANCTION": {"on", "against", "upon", "from"},
    "COERCE": {"on", "against", "upon"},
    "ASSAULT": {"on", "against", "upon", "at", "with"},
}
PARTNER_PREPS = {"with"}


def conjuncts(token: Token) -> list[Token]:
    """`token` and the noun phrases coordinated with it, in order. A list the parser broke
    into an apposition and conjuncts ("Mordor, the Shire, Fornost and Bree") counts too."""
    found = [token]
    for other in token.conjuncts:
        if other.i > token.i and other.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            found.append(other)
    for appos in (c for c in token.children if c.dep_ == "appos"):
        if any(c.dep_ == "conj" for c in appos.children):
            found += [appos, *(o for o in appos.conjuncts if o.i > appos.i)]
    return found


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def subject_heads(verb: Token) -> list[Token]:
    """The actors of a verb: its subject (active), its by-agent (passive), or an inherited one."""
    if is_passive(verb):
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                  if p.dep_ == "pobj"]
        return [h for a in agents for h in conjuncts(a)]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        subject = subjects[0]
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return conjuncts(copula_subject(verb.head) or verb.head)
        return conjuncts(subject)
    return _inherited_subject(verb)


def copula_subject(noun: Token) -> Token | None:
    """'Jaish al-Islam is the biggest group which ...': the group is Jaish al-Islam."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be":
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if subjects:
            return subjects[-1]
    return None


def _inherited_subject(verb: Token) -> list[Token]:
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "xcomp" and head.dep_ in ("acomp", "attr", "oprd") and head.head != head:
        return subject_heads(head.head)  # "Arnor is about to restore ties": Arnor
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return conjuncts(copula_subject(head) or head)
    if verb.dep_ in ("xcomp", "conj") and head.pos_ in ("VERB", "AUX"):
        # "agreed to withdraw": the controller; "attacked and killed": the shared subject;
        # the object controls with a few verbs ("urged Iran to stop", "asked X to")
        objects = [c for c in head.children if c.dep_ == "dobj"] + [
            p for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
            for p in c.children if p.dep_ == "pobj"]
        if verb.dep_ == "xcomp" and objects and head.lemma_ in OBJECT_CONTROL:
            return conjuncts(objects[0])
        return subject_heads(head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return subject_heads(head)  # "..., killing 12 people": the main clause's subject
    if verb.dep_ == "pcomp":
        # "raised the possibility of suspending talks": whoever raised it
        holder = held_out_by(verb)
        if holder is None and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB":
            return subject_heads(verb.head.head)  # "Israel responded by shelling Aita al-Shaab"
        return subject_heads(holder) if holder is not None else []
    return []


OBJECT_CONTROL = {"urge", "ask", "call", "press", "force", "order", "allow", "persuade",
                  "invite", "encourage", "request", "tell", "help", "warn"}


def object_heads(verb: Token) -> list[Token]:
    """Direct objects (active) or the passive subject: the patient of the event."""
    if is_passive(verb):
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not patients and verb.dep_ == "acl":
            patients = [verb.head]
        return [h for p in patients for h in conjuncts(p)]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd")]
    return [h for o in objects for h in conjuncts(o)]


def prep_objects(token: Token, preps: set[str]) -> list[tuple[str, Token]]:
    """(preposition, object head) for prepositional phrases under `token` with these preps;
    not a time ('on Thursday', 'on March 5': no recipient, however a gazetteer reads it)."""
    found: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and not _a_time(pobj):
                    found.extend((child.lower_, h) for h in conjuncts(pobj))
    return found


def _a_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or (  # not "with May" (Theresa May)
        token.lower_ in calendar_words() and token.text[:1].isupper() and not token.ent_type_)


def recipient_preps(event: str, holder: Token | None = None) -> set[str]:
    """Prepositions that name an event's recipient; 'with' too after what is held with
    someone ('quit the talks with the government', 'cut ties with Qatar')."""
    preps = RECIPIENT_PREPS.get(event, RECIPIENT_PREPS["default"])
    if holder is not None and holder.lemma_.lower() in PARTNERED_NOUNS:
        return preps | {"with"}
    return preps


# What one has with someone else: its 'with' names the other party.
PARTNERED_NOUNS = {"talk", "negotiation", "tie", "relation", "relationship", "dialogue",
                   "contact", "cooperation"}


def between_heads(noun: Token) -> list[Token]:
    """'talks between the government and the opposition' -> [government, opposition]."""
    return [h for _, h in prep_objects(noun, {"between", "among", "amongst"})]


def modifier_heads(noun: Token) -> list[Token]:
    """Possessives and name-like modifiers of an event noun: "Russia's strikes", "Russian
    strikes", "Houthi attacks" (the modifiers whose phrase may name an actor)."""
    return [c for c in noun.children
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i
            and (c.pos_ in ("PROPN", "ADJ") or c.dep_ == "poss")]


def governing_verb(noun: Token, light_verbs: frozenset[str] = frozenset(),
                   occurrence_verbs: frozenset[str] = frozenset(),
                   held_out: bool = False) -> tuple[Token | None, str]:
    """The verb that frames an event noun and how: ('light', verb) when the noun is the object
    of a light verb ('held talks', 'participate in talks', 'curfew imposed'), or the
    possibility that its object holds out ('raised the possibility of sanctions', with
    `held_out`, see `held_out_by`); ('occurrence',
    verb) when it is the subject of an occurrence verb ('talks kicked off'); ('existential',
    verb) for 'there were clashes'; ('headline', None) for a verbless title. Without lists,
    any verb will do."""
    head = noun.head
    if held_out and (verb := held_out_by(noun)) is not None:
        return verb, "light"

    def fits(verb: Token, allowed: frozenset[str]) -> bool:
        return not allowed or verb.lemma_.lower() in allowed

    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return (head, "light") if fits(head, light_verbs) else (None, "")
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in FRAME_PREPS \
            and head.head.pos_ in ("VERB", "AUX") and fits(head.head, light_verbs):
        return head.head, "light"
    if noun.dep_ in ("nsubj", "attr") and head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "expl" for c in head.children):
            return head, "existential"
        if noun.dep_ == "nsubj" and fits(head, occurrence_verbs):
            return head, "occurrence"
        return None, ""
    if noun.dep_ == "conj" or (noun.dep_ == "compound" and head.lemma_.lower() in CARRIERS):
        return governing_verb(noun.head, light_verbs, occurrence_verbs)
    # "curfew imposed after clashes", "talks held in Geneva": a headline's passive participle
    # (only a listed light verb: without lists, any participle would do)
    reduced = [c for c in noun.children if light_verbs and c.dep_ == "acl" and c.tag_ == "VBN"
               and fits(c, light_verbs)]
    if reduced:
        return reduced[0], "light"
    if noun.dep_ == "ROOT":
        return None, "headline"
    return None, ""


def held_out_by(event: Token) -> Token | None:
    """The verb holding `event` out as possible: 'raised the possibility of sanctions',
    'floats the prospect of suspending talks' (one of the frame words' threat_nouns as the
    object of one of their hold_out_verbs, the event after its 'of'); None otherwise."""
    if event.dep_ not in ("pobj", "pcomp") or event.head.lower_ != "of":
        return None
    noun = event.head.head
    verb = noun.head
    if noun.lemma_.lower() in frames().threat_nouns and noun.dep_ == "dobj" and \
            verb.lemma_.lower() in frames().hold_out_verbs:
        return verb
    return None


FRAME_PREPS = {"in", "into", "on"}
# Nouns that carry the event named before them: 'launched a bombing campaign', 'a killing
# spree', 'an arrest operation'.
CARRIERS = {"campaign", "operation", "spree", "blitz"}
