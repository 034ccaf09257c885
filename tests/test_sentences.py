"""Sentences: offsets into the body, paragraphs respected, datelines left out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.extract.sentences import paragraphs, split_sentences


def test_offsets_point_into_the_text():
    text = "Rebels attacked the U.S. base on Monday. Gen. Smith said 12 died.\n\n“We will respond,” he said."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Rebels attacked the U.S. base on Monday.",
        "Gen. Smith said 12 died.",
        "“We will respond,” he said.",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.sequence for s in sentences] == [1, 2, 3]


def test_a_sentence_never_crosses_a_paragraph_break():
    text = "He opened the talks, saying:\n\n“The situation is difficult.”"
    assert len(split_sentences(text)) == 2


def test_hard_wrapped_lines_are_joined_into_one_paragraph():
    text = "Arnor is about to restore full diplomatic ties with\nGondor almost five years later."
    assert list(paragraphs(text)) == [(0, len(text))]
    assert len(split_sentences(text)) == 1


def test_dateline_is_not_part_of_the_first_sentence():
    text = "KABUL, May 3, 2019 (Wire) - Taliban fighters attacked a checkpoint."
    [sentence] = split_sentences(text)
    assert sentence.text == "Taliban fighters attacked a checkpoint."


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Troops left.", "Talks began!", "Who knows?", "\n\n", " ",
                                 "The U.N. met.", "“Go,” he said."]), max_size=12))
def test_offsets_always_slice_the_sentence(parts):
    text = "".join(parts)
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text


def test_past_tense_of_regular_and_irregular_verbs():
    from dragoman.extract.nlp import past_tense

    assert [past_tense(v) for v in ("expel", "deploy", "denounce", "hold", "stop", "visit",
                                    "open")] \
        == ["expelled", "deployed", "denounced", "held", "stopped", "visited", "opened"]


@pytest.mark.slow
def test_a_headline_verb_read_as_a_noun_is_mended_and_other_sentences_are_not():
    from dragoman.extract.nlp import load_model, parse

    text = "Madagascar expels dozens of diplomats"
    nlp = load_model()
    assert not any(t.pos_ == "VERB" and t.dep_ == "ROOT" for t in nlp(text))  # the model's miss
    mended, plain = parse([text, "The army expelled the diplomats."])
    assert mended.text == text and [t.text for t in mended] == [t.text for t in nlp(text)]
    root = next(t for t in mended if t.dep_ == "ROOT")
    assert (root.text, root.pos_, root.lemma_) == ("expels", "VERB", "expel")
    assert [t.dep_ for t in plain] == [t.dep_ for t in nlp("The army expelled the diplomats.")]
    phrase = "Russian attacks on the energy grid"  # a headline that is a noun phrase stays one
    assert [t.dep_ for t in parse([phrase])[0]] == [t.dep_ for t in nlp(phrase)]


@pytest.mark.slow
def test_the_islamic_states_is_is_a_name_not_a_verb():
    from dragoman.extract.nlp import load_model, parse

    text = "IS fighters attacked a checkpoint near Kirkuk."
    assert load_model()(text)[0].pos_ == "AUX"  # the model's miss
    mended, emphatic, title, subject = parse([
        text, "The situation IS dire, officials said.", "THE SITUATION IS DIRE",
        "This IS war, the army chief told troops on Friday."])
    assert mended.text == text and mended[0].lemma_ == "IS"
    assert mended[0].pos_ in ("NOUN", "PROPN") and mended[0].head.text == "fighters"
    assert not any(t.dep_ == "auxpass" for t in mended)
    assert emphatic[2].text == "IS" and emphatic[2].pos_ == "AUX"
    assert title[2].pos_ in ("AUX", "VERB")
    assert subject[1].text == "IS" and subject[1].pos_ in ("AUX", "VERB")
