"""How the rules type a story by its headline (`dragoman.evaluate.ngec.title_type`), the rule
half of `dragoman eval --method hybrid` on the synthetic stories."""

from __future__ import annotations

import pytest

from dragoman.evaluate.ngec import title_type
from dragoman.model import Article


@pytest.mark.parametrize("title, expected", [
    # a headline often names no actor; its event still types the story
    ("Four killed in air strike near the border", "ASSAULT"),
    ("Dozens of captives released in the north", "RETREAT"),
    # the main clause, not a clause hung on it, says what the story is about
    ("After talks failed, the army shelled rebel positions", "ASSAULT"),
    # negated events type nothing
    ("Rebels do not attack the town", None),
])
def test_a_headline_is_typed_by_its_main_event(coder_nogeo, title, expected):
    article = Article(id="story", title=title, text="")
    assert title_type(coder_nogeo, article) == expected
