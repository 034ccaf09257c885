"""Golden file: the sample articles beside their expected events (tools/update_golden.py)."""

from __future__ import annotations

import json

import pytest

from dragoman.ingest import read_inputs

from .conftest import EXAMPLES, REPO
from .golden_projection import project

GOLDEN = REPO / "tests" / "golden" / "examples.jsonl"


@pytest.mark.slow
def test_samples_code_as_the_golden_file_says(coder, validate):
    expected = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines()]
    actual = [project(validate(event.to_plover()))
              for article in read_inputs([EXAMPLES]) for event in coder.code(article)]
    missing = [e for e in expected if e not in actual]
    extra = [a for a in actual if a not in expected]
    assert not missing and not extra, (
        "coding of the samples changed; if on purpose, run tools/update_golden.py\n"
        f"missing: {json.dumps(missing, indent=1)}\nextra: {json.dumps(extra, indent=1)}")


@pytest.mark.slow
def test_recoding_gives_the_same_ids(coder):
    articles = list(read_inputs([EXAMPLES]))
    first = [e.id for a in articles for e in coder.code(a)]
    second = [e.id for a in articles for e in coder.code(a)]
    assert first == second and len(set(first)) == len(first)
