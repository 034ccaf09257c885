"""The pipeline codes a varied corpus without a single article failing: every fourth of the
NGEC synthetic stories' first 800 (200 stories, about 1,700 sentences of all shapes)."""

from __future__ import annotations

from .conftest import SHARED, needs_shared

STORIES = SHARED / "gold/ngec-synthetic-plover/gpt_synthetic_events_2023-10-19_19.csv.zip"


@needs_shared
def test_no_story_fails(coder):
    from dragoman.evaluate.ngec import read_stories
    from dragoman.model import Article

    rows = list(read_stories(STORIES))[:800:4]
    articles = [Article(id=f"story-{n}", text=row["text"]) for n, row in enumerate(rows)]
    failed = [item for item in coder.run_many(articles) if isinstance(item, tuple)]
    assert failed == []
