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

from dragoman.extract.text import find_dateline
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
    """(start, end) of each paragraph: a blank line always ends one; within a block, each line
    is a paragraph unless it was hard-wrapped (no end punctuation, and the next line goes on)."""
    start = end = None
    previous_end = -1
    for match in LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        adjacent = previous_end >= 0 and "\n\n" not in text[previous_end : match.start() + 1]
        if start is not None and adjacent and _continues(text[start:end], line):
            end = previous_end = match.end()
            continue
        if start is not None:
            yield start, end
        start, end = match.start(), match.end()
        previous_end = end
    if start is not None:
        yield start, end


def _continues(previous: str, line: str) -> bool:
    """A wrapped line: the previous one has no end punctuation and is long, or this one starts
    in lower case."""
    if TERMINAL.search(previous):
        return False
    first = line.lstrip()[:1]
    last_line = previous.rsplit("\n", 1)[-1]
    return bool(first) and (first.islower() or len(last_line.strip()) >= 40)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, numbered from 1, offsets into `text`; a dateline
    ('DAMASCUS, March 14 (Reuters) - ') is not part of the first sentence."""
    sentences: list[Sentence] = []
    nlp = _splitter()
    spans = list(paragraphs(text))
    dateline = find_dateline(text)
    if dateline is not None and spans and spans[0][0] <= dateline.end < spans[0][1]:
        spans[0] = (dateline.end, spans[0][1])
    for (start, _), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans)):
        for sent in doc.sents:
            stripped = sent.text.strip()
            if not stripped:
                continue
            begin = start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(Sentence(len(sentences) + 1, begin, begin + len(stripped), stripped))
    return sentences
