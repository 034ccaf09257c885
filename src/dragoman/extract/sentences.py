"""Paragraphs and sentences, with character offsets into the article body.

Sentence boundaries come from spaCy's rule-based sentencizer over its English tokenizer (which
knows abbreviations such as "U.S." and "Gen."), run per paragraph so that a sentence never
crosses a paragraph break. No statistical model is needed: this runs on every sentence, the
parser only on those that may hold an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from dragoman.model import Sentence

LINE = re.compile(r"[^\n]+")
TERMINAL = re.compile(r"[.!?:;\"'”’)\]]\s*$")


@cache
def _splitter():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: lines, with hard-wrapped lines joined back."""
    start = end = None
    for match in LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        if start is not None and _continues(text[start:end], line):
            end = match.end()
            continue
        if start is not None:
            yield start, end
        start, end = match.start(), match.end()
    if start is not None:
        yield start, end


def _continues(previous: str, line: str) -> bool:
    """A line that starts in lower case after a line without end punctuation is a wrap."""
    first = line.lstrip()[:1]
    return bool(first) and first.islower() and not TERMINAL.search(previous)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, numbered from 1, offsets into `text`."""
    sentences: list[Sentence] = []
    nlp = _splitter()
    spans = list(paragraphs(text))
    for (start, _), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans)):
        for sent in doc.sents:
            stripped = sent.text.strip()
            if not stripped:
                continue
            begin = start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(Sentence(len(sentences) + 1, begin, begin + len(stripped), stripped))
    return sentences
