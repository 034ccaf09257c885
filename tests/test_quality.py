"""The quality gate: figures on the development sets must not fall below the pinned floors."""

from __future__ import annotations

import json

import pytest

from .conftest import REPO, SHARED, needs_shared

FLOORS = json.loads((REPO / "tests" / "quality_floors.json").read_text("utf-8"))
SETS = {name: spec for name, spec in FLOORS.items() if not name.startswith("_")}


@needs_shared
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_development_set_stays_above_its_floors(name):
    from dragoman.evaluate import evaluate

    spec = SETS[name]
    if spec.get("requires") == "ml":
        from dragoman.code.classifier import EventTypeClassifier

        if not EventTypeClassifier.available():
            pytest.skip("needs the ml extra: pip install -e '.[ml]'")
    report = evaluate(SHARED / "gold" / spec["gold"], spec.get("format"),
                      split=spec.get("split", "test"), method=spec.get("method"))
    below = {metric: (round(report.metrics[metric], 4), floor)
             for metric, floor in spec["floors"].items() if report.metrics[metric] < floor}
    assert not below, f"{name}: below the floor (got, floor): {below}"


def test_floors_file_names_real_metrics():
    for name, spec in SETS.items():
        assert spec["gold"] and spec["floors"], name
        assert all(0 < value <= 1 for value in spec["floors"].values()), name
