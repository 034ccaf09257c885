"""dragoman eval on our own small PLOVER gold file (no ../shared needed), and the metrics."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dragoman.errors import GoldFormatError
from dragoman.evaluate import detect_format, evaluate
from dragoman.evaluate.metrics import PRF, PerLabel

from .conftest import REPO, SHARED, needs_shared

GOLD = REPO / "tests" / "data" / "plover-gold.jsonl"


def test_prf_counts_multisets():
    prf = PRF()
    prf.add(["a", "b", "b"], ["b", "c"])
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 2)
    assert prf.precision == 0.5 and prf.recall == pytest.approx(1 / 3)
    labels = PerLabel()
    labels.add(["ASSAULT"], ["ASSAULT", "ACCUSE"])
    assert labels.labels["ACCUSE"].fp == 1 and labels.micro().tp == 1


def test_formats_are_detected(tmp_path):
    assert detect_format(GOLD) == "plover"
    odd = tmp_path / "odd.jsonl"
    odd.write_text('{"hello": 1}\n', "utf-8")
    with pytest.raises(GoldFormatError, match="cannot tell"):
        detect_format(odd)


@pytest.mark.slow
def test_plover_gold_scores_types_actors_and_places():
    report = evaluate(GOLD)
    metrics = report.metrics
    assert metrics["stories"] == 5
    assert metrics["type_precision"] == 1.0 and metrics["type_recall"] == 1.0
    assert metrics["actor_accuracy"] >= 0.75
    assert metrics["location_accuracy"] == 1.0
    assert {row["label"] for row in report.per_label} == {"ASSAULT", "COERCE", "SANCTION",
                                                         "CONSULT"}


@pytest.mark.slow
def test_eval_command_prints_a_json_report():
    done = subprocess.run([sys.executable, "-m", "dragoman", "eval", str(GOLD), "-f", "json"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["set"] == "plover:plover-gold.jsonl" and "type_f1" in report["metrics"]


@pytest.mark.slow
def test_geolocation_gold_scores_the_event_place_not_merely_a_place():
    # Our own three sentences in the format of the event-geolocation sets: a gold span with
    # the annotator's trailing space still matches; the neighbourhood, not its city, is where.
    report = evaluate(REPO / "tests" / "data" / "geolocation-gold.jsonl")
    assert report.name == "event-geolocation"
    assert report.metrics["sentences"] == 3
    assert report.metrics["mention_f1"] == 1.0, report.errors


def _audit_tool():
    import importlib.util

    path = REPO / "tools" / "geolocation_audit.py"
    spec = importlib.util.spec_from_file_location("geolocation_audit", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_geolocation_audit_holds_three_groups_of_eighty_judged_places(capsys):
    tool = _audit_tool()
    rows = [json.loads(line) for line in tool.AUDIT.read_text(encoding="utf-8").splitlines()]
    assert sorted(set(r["group"] for r in rows)) == sorted(tool.GROUPS)
    assert all(sum(r["group"] == g for r in rows) == 80 for g in tool.GROUPS)
    assert {r["judgement"] for r in rows} <= set(tool.JUDGEMENTS)
    assert tool.main([]) == 0
    assert "0.88 of 80" in capsys.readouterr().out  # the gold's own places: 70 of 80 yes


@needs_shared
def test_the_geolocation_audit_offsets_name_their_places():
    gold = SHARED / "gold" / "event-geolocation" / "event_geolocation.dev.jsonl"
    assert _audit_tool().main(["--gold", str(gold)]) == 0


def test_an_unknown_place_s_name_does_not_match_a_gold_place():
    from dragoman.evaluate.plover import _same_place

    gold = {"name": "Zouragatenx"}
    assert _same_place(gold, {"name": "Zouragatenx", "text": "Zouragatenx"})
    # only its country was located: no match on the name it was given as evidence
    assert not _same_place(gold, {"name": "Mali", "text": "Zouragatenx",
                                  "resolution": "unknown-place"})
