"""Promises and agreements to act, coded as the PLOVER manual says (the real parser)."""

from __future__ import annotations

import pytest

from dragoman.model import Article


def coded(coder, text: str) -> list[tuple[str, str, str]]:
    events = coder.code(Article(id="intent", text=text))
    return [(e.event[0], e.cameo, e.evidence.rule) for e in events if e.modality == "asserted"]


@pytest.mark.parametrize("text, expected", [
    # a promised retreat or concession is a concession: CONCEDE, not the AGREE of the verb
    ("South Africa agreed to withdraw its troops from the border.", "CONCEDE"),
    ("The mayor promised to end the curfew.", "CONCEDE"),
    ("The candidate promised to relax restrictions on migration.", "CONCEDE"),
    ("The government promised concessions to the opposition.", "CONCEDE"),
    # promising force is a threat
    ("Officials promised arrests if the corruption continues.", "THREATEN"),
    # promising cooperation stays AGREE
    ("Russia agreed to hold talks with Turkey.", "AGREE"),
])
def test_what_is_promised_decides_the_type(coder_nogeo, text, expected):
    types = [event for event, _, _ in coded(coder_nogeo, text)]
    assert types == [expected], coded(coder_nogeo, text)


def test_a_promised_concession_keeps_its_own_cameo_code(coder_nogeo):
    [(event, cameo, rule)] = coded(coder_nogeo, "The candidate promised to relax restrictions.")
    assert (event, cameo) == ("CONCEDE", "081")
    assert rule.endswith("+future")
