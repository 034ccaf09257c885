"""Contract tests through the real command line: data on stdout, messages on stderr, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from dragoman import __version__

from .conftest import EXAMPLES

pytestmark = pytest.mark.slow


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dragoman", *args], input=stdin,
                          capture_output=True, text=True, timeout=600)


def test_version_and_help():
    assert run("--version").stdout.strip() == f"dragoman, version {__version__}"
    helped = run("code", "--help")
    assert helped.returncode == 0
    for option in ("--published", "--format", "--all-modalities", "--actors"):
        assert option in helped.stdout


def test_directory_to_jsonl_records_follow_the_schema(validate):
    done = run("code", str(EXAMPLES), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records and all(validate(r) for r in records)
    assert all(r["modality"] == "asserted" for r in records)
    assert "coded 5 articles" in done.stderr  # the summary goes to stderr, never stdout


def test_stdin_jsonl_with_published_and_all_modalities(validate):
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": text}) for i, text in enumerate([
        "Iran did not attack the tanker.",
        "Rebels attacked an army base near Homs on Monday, killing 12 soldiers.",
    ]))
    done = run("code", "-", "--format", "jsonl", "--published", "2019-05-14",
               "--all-modalities", "--no-geo", stdin=lines)
    assert done.returncode == 0, done.stderr
    records = [validate(json.loads(line)) for line in done.stdout.splitlines()]
    by_article = {r["article_id"]: r for r in records}
    assert by_article["s0"]["modality"] == "negated"
    assert by_article["s1"]["dead"] == 12 and by_article["s1"]["date"] == "2019-05-13"


def test_csv_has_a_header_and_one_row_per_event():
    done = run("code", str(EXAMPLES / "wire.jsonl"), "--format", "csv", "--no-geo")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and {"date", "event", "actor", "recipient", "text"} <= set(rows[0])


def test_bad_inputs_are_named_and_the_rest_is_coded(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Police arrested 30 protesters in Minsk on Sunday.", "utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", "utf-8")
    done = run("code", str(good), str(bad), "--format", "jsonl", "--no-geo",
               "--published", "2020-08-10")
    assert done.returncode == 0
    assert f"{bad}:1" in done.stderr and "not valid JSON" in done.stderr
    assert json.loads(done.stdout.splitlines()[0])["event"] == ["COERCE"]
    strict = run("code", str(good), str(bad), "--no-geo", "--strict", "--format", "jsonl")
    assert strict.returncode == 1


def test_nothing_readable_is_an_error_and_bad_usage_is_2(tmp_path):
    done = run("code", str(tmp_path / "missing.txt"))
    assert done.returncode == 1 and "missing.txt" in done.stderr
    assert run("code", "x.txt", "--published", "23/01/2017").returncode == 2
    assert run("code").returncode == 2


def test_schema_command_prints_the_schema():
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "dragoman PLOVER event record"


def test_gazetteer_lookup_explains_a_sea_of_no_country():
    done = run("gazetteer", "lookup", "Gulf of Aden", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    picked = next(row for row in rows if row["pick"] == "*")
    assert (picked["name"], picked["country"], picked["feature"]) == ("Gulf of Aden", None,
                                                                      "GULF")
    assert "picked Gulf of Aden (no country)" in done.stderr
