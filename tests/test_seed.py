"""The seed article (../shared/samples/astana-talks-2017.txt): the foundation's acceptance."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.ingest import read_inputs

from .conftest import SHARED, needs_shared

SEED = SHARED / "samples" / "astana-talks-2017.txt"

pytestmark = [needs_shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def records(coder, validate):
    [article] = read_inputs([SEED], published=date(2017, 1, 23))
    return [validate(event.to_plover()) for event in coder.code(article)]


def asserted(records, event_type):
    return [r for r in records if r["event"][0] == event_type and r["modality"] == "asserted"]


def codes(entities):
    return {(e["code"], e["sector"]) for e in entities}


def test_consult_between_government_and_opposition_in_astana(records):
    found = [r for r in asserted(records, "CONSULT")
             if ("SYR", "GOV") in codes(r["actor"])
             and codes(r["actor"]) & {("SYR", "REB"), ("SYR", "OPP")}]
    assert found, "no CONSULT between SYR GOV and the opposition"
    talks = found[0]
    assert talks["date"] == "2017-01-23"
    assert talks["event_loc"]["geonameid"] == 1526273
    assert talks["event_loc"]["country_code"] == "KAZ"
    assert talks["event_loc"]["text"] == "Astana"


def test_reject_by_ahrar_al_sham_in_its_own_words(records):
    rejects = asserted(records, "REJECT")
    assert any(a["entity_text"] == "Ahrar al-Sham" for r in rejects for a in r["actor"])


def test_support_by_moscow_ankara_and_tehran(records):
    supports = asserted(records, "SUPPORT")
    assert any(codes(r["actor"]) >= {("RUS", "GOV"), ("TUR", "GOV"), ("IRN", "GOV")}
               for r in supports)
    texts = {a["entity_text"] for r in supports for a in r["actor"]}
    assert {"Moscow", "Ankara", "Tehran"} <= texts


def test_opposition_accuses_the_government(records):
    accusations = [r for r in asserted(records, "ACCUSE")
                   if any(a["sector"] in ("OPP", "REB") for a in r["actor"])
                   and ("SYR", "GOV") in codes(r["recipient"])]
    assert accusations
    # the Syrian opposition's spokesman, though the talks are in Kazakhstan
    assert all(a["code"] == "SYR" for r in accusations for a in r["actor"])


def test_no_talks_is_not_an_asserted_consult(records):
    assert not [r for r in asserted(records, "CONSULT") if "there will be no" in r["text"]]
    negated = [r for r in records if "there will be no" in r["text"]]
    assert negated and all(r["modality"] != "asserted" for r in negated)


def test_comment_widget_and_typos_break_nothing(records):
    assert records
    assert not [r for r in records if "Comment" in r["text"] or "Subscribe" in r["text"]]
    assert len({r["id"] for r in records}) == len(records)
