"""Knowledge files: every packaged record follows its schema; users add their own files."""

from __future__ import annotations

import json

import pytest

from dragoman.errors import KnowledgeError
from dragoman.knowledge import load_knowledge, read_jsonl
from dragoman.knowledge.validate import validate_files, validate_records
from dragoman.model import PLOVER_TYPES


@pytest.mark.slow
def test_every_packaged_knowledge_file_is_valid():
    assert validate_files() == []


def test_ontology_tables_cover_plover():
    knowledge = load_knowledge()
    assert set(knowledge.event_types) == set(PLOVER_TYPES)
    assert knowledge.event_types["COOPERATE"].requires_recipient
    assert knowledge.event_types["CONSULT"].future_as == "AGREE"
    assert knowledge.mode_scores[("ASSAULT", "aerial")] == -9.5
    # every mode a trigger names is a known mode of its type
    for table in (knowledge.verb_triggers, knowledge.noun_triggers):
        for triggers in table.values():
            for trigger in triggers:
                assert trigger.event in PLOVER_TYPES
                if trigger.mode:
                    assert (trigger.event, trigger.mode) in knowledge.mode_scores, trigger.id
                assert knowledge.cameo_code(trigger.cameo) is not None, trigger.id


def test_cameo_table_maps_to_plover():
    knowledge = load_knowledge()
    assert knowledge.cameo_code("046").event == "CONSULT"
    assert knowledge.cameo_code("0871").mode == "ceasefire"
    assert knowledge.cameo_code("010").event is None  # statements are not PLOVER events
    assert knowledge.cameo_code("0233").event == "REQUEST"  # appeals are requests
    assert knowledge.cameo_code("19501").code == "195"  # unknown children fall back to parents


def test_user_files_are_added_and_change_the_version(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"id": "mine:x", "kind": "group", "names": ["Foo Front"],
                                "roles": [{"code": "SYR", "sector": "REB"}],
                                "source": "my notes"}) + "\n", "utf-8")
    base = load_knowledge()
    mine = load_knowledge(actor_files=[path])
    assert mine.user_actor_records[-1]["id"] == "mine:x"
    assert mine.version != base.version
    assert load_knowledge(actor_files=[path]).version == mine.version


def test_bad_knowledge_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a"}\n{oops\n', "utf-8")
    with pytest.raises(KnowledgeError, match=r"line 2"):
        load_knowledge(actor_files=[path])
    assert "bad.jsonl" in str(pytest.raises(KnowledgeError, list,
                                            read_jsonl("{oops", str(path))).value)


def test_validation_reports_each_problem():
    problems = validate_records(
        [{"id": "x", "kind": "person", "names": [], "roles": [{"code": "syria"}],
          "source": "t"},
         {"id": "x", "kind": "group", "names": ["A"], "roles": [{"code": "SYR"}], "source": "t"}],
        "actor", "test.jsonl")
    text = "\n".join(problems)
    assert "names" in text and "roles/0/code" in text and "duplicate id" in text
