"""The TABARI/PETRARCH verb-dictionary parser, its schema and the converted CAMEO file."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.knowledge.tabari_verbs import parse_verb_dictionary, regular_forms

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CAMEO = SHARED / "reference/phoenix/CAMEO.2.0.verbs.txt"
VALIDATE = SHARED / "gold/petrarch-unittest/PETR.Validate.verbs.txt"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")


@cache
def validator() -> jsonschema.Draft202012Validator:
    path = files("dragoman").joinpath("knowledge/schemas/verb-pattern.schema.json")
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def parse(text: str) -> tuple[list[dict], list[str]]:
    return parse_verb_dictionary(text, "test.verbs.txt")


def only(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["kind"] == kind]


SYNSETS = """\
&CURRENCY
# a comment line inside a synset does not end it
+DOLLAR
+KRONE_
+PRIME_MINISTER

&AUXVERB_
+WAS
+WERE
"""


def test_synset_members_keep_stem_or_exact_and_multiword_phrases():
    records, warnings = parse(SYNSETS + "--- GIVE [070] ---\nGIVE\n- * &CURRENCY [071]\n")
    (pattern,) = only(records, "pattern")
    assert pattern["right"] == [
        {
            "words": [
                {
                    "synset": "currency",
                    "any": [
                        [{"stem": "dollar"}],
                        [{"word": "krone"}],
                        [{"word": "prime"}, {"stem": "minister"}],
                    ],
                }
            ]
        }
    ]
    assert warnings == []


def test_synset_label_with_underscore_makes_every_member_exact_and_is_named_without_it():
    records, _ = parse(
        SYNSETS + "--- GIVE [070] ---\nGIVE\n- &AUXVERB_ * [071]\n- &AUXVERB * [072]\n"
    )
    lefts = [p["left"] for p in only(records, "pattern")]
    expected = [{"words": [{"synset": "auxverb", "any": [[{"word": "was"}], [{"word": "were"}]]}]}]
    assert lefts == [expected, expected]


def test_nested_synsets_are_expanded_and_may_be_defined_after_use():
    text = (
        "--- ACCORD [---] ---\nACCORD\n- * &OUTER [083]\n\n"
        "&OUTER\n+&INNER\n+CLOSER\n\n&INNER\n+MILITARY\n+ECONOMIC_\n"
    )
    records, warnings = parse(text)
    (pattern,) = only(records, "pattern")
    assert pattern["right"][0]["words"][0]["any"] == [
        [{"stem": "military"}],
        [{"word": "economic"}],
        [{"stem": "closer"}],
    ]
    assert warnings == []


def test_undefined_synset_skips_the_pattern_with_a_warning_naming_the_line():
    records, warnings = parse("--- ASK [020] ---\nASK\n- * &WEATHER [---]\n- * AID [023]\n")
    assert [p["code"] for p in only(records, "pattern")] == ["023"]
    assert warnings == ["test.verbs.txt:3: pattern skipped: synset &WEATHER is not defined"]


def test_codes_block_default_own_code_null_reciprocal_and_reverse_only():
    text = (
        "--- MEET [040] ---\nMEET\nVISIT [042:043]\nHOST [---]\n"
        "- * (WITH) [040:040]\n- * RECOGNITION [:054]\n- * INCIDENTS [---]\n"
    )
    records, _ = parse(text)
    codes = [(r.get("verb"), r["code"], r["reverse_code"]) for r in records]
    assert codes == [
        ("meet", "040", None),
        ("visit", "042", "043"),
        ("host", None, None),
        (None, "040", "040"),
        (None, None, "054"),
        (None, None, None),
    ]


def test_a_block_without_code_gives_verbs_no_code():
    records, _ = parse("--- ENQUIRE [---] ---\nENQUIRE\n")
    assert records[0]["code"] is None and records[0]["reverse_code"] is None


def test_odd_codes_of_the_petrarch_unit_test_dictionary_are_kept():
    text = "--- ACT [100] ---\nACT\n- WOULD * NOW [1010]\n- * IT [903]\n- IN_ * [075A]\n"
    records, warnings = parse(text)
    assert [p["code"] for p in only(records, "pattern")] == ["1010", "903", "075A"]
    assert warnings == ["test.verbs.txt:5: code '075A' is not a 2-4 digit CAMEO code; kept as is"]


def test_code_with_trailing_junk_is_read_with_a_warning():
    records, warnings = parse("--- BACK [---] ---\nBACK\n- * DOWN (FROM) [080!]\n")
    assert only(records, "pattern")[0]["code"] == "080"
    assert warnings == ["test.verbs.txt:3: code '080!' read as '080'"]


def test_regular_forms():
    assert regular_forms("ask") == ["asks", "asked", "asking"]
    assert regular_forms("carry") == ["carries", "carried", "carrying"]
    assert regular_forms("push") == ["pushes", "pushed", "pushing"]
    assert regular_forms("agree") == ["agrees", "agreed", "agreeing"]
    assert regular_forms("condemn") == ["condemns", "condemned", "condemning"]
    assert regular_forms("tie") == ["ties", "tied", "tying"]
    assert regular_forms("arrange") == ["arranges", "arranged", "arranging"]


def test_verb_forms_regular_irregular_and_filled_in():
    text = (
        "--- X [---] ---\nASK\nBRING {BRINGS BRINGING BROUGHT }\n"
        "BREAK { BROKE BROKEN  }\n+ANGERED_BY {}\nCRACK {CRACKED , CRACKS}\n"
    )
    records, _ = parse(text)
    forms = {r["verb"]: r["forms"] for r in records}
    assert forms["ask"] == ["ask", "asks", "asked", "asking"]
    assert forms["bring"] == ["bring", "brings", "bringing", "brought"]
    # the {...} list lacks -s and -ing forms: those are predictable, so they are added
    assert forms["break"] == ["break", "broke", "broken", "breaks", "breaking"]
    assert forms["angered"] == ["angered"]
    assert forms["crack"] == ["crack", "cracked", "cracks", "cracking"]


def test_multiword_verbs_mark_the_verb_with_plus():
    text = (
        "--- ASK [---] ---\n+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]\n"
        "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING }\nLASH OUT\n"
    )
    records, warnings = parse(text)
    shapes = [(r["preceding"], r["verb"], r["particles"], r["forms"]) for r in records]
    assert shapes == [
        ([], "ask", ["for"], ["ask", "asked", "asking", "asks"]),
        (["wire"], "tap", [], ["tap", "tapped", "tapping", "taps"]),
        ([], "lash", ["out"], ["lash", "lashes", "lashed", "lashing"]),
    ]
    assert records[0]["code"] == "020"
    assert warnings == [
        "test.verbs.txt:4: multi-word verb 'LASH OUT' has no '+'; taking its first word as the verb"
    ]


def test_pattern_elements_phrases_preps_slots_and_left_side():
    text = "--- MOVE [---] ---\nMOVE\n- $ TROOP_ * {HEAVY ARMOR} (INTO + BORDER) (FROM ^) % [154]\n"
    records, warnings = parse(text)
    (pattern,) = only(records, "pattern")
    assert pattern["left"] == [{"slot": "source"}, {"words": [{"word": "troop"}]}]
    assert pattern["right"] == [
        {"words": [{"stem": "heavy"}, {"stem": "armor"}]},
        {"prep": "into", "object": [{"slot": "target"}, {"words": [{"stem": "border"}]}]},
        {"prep": "from", "object": [{"slot": "other"}]},
        {"slot": "compound"},
    ]
    assert warnings == []


def test_underscore_joins_words_and_touching_the_verb_makes_an_element_adjacent():
    text = (
        "--- ACCORD [---] ---\nACCORD\n- IN_* [075]\n- IN_ * [076]\n- *_OUT [077]\n"
        "- SO IN_AND_*_OUT_AGAIN NOW [078]\n- * NEW_&TIE_RELATIONS [079]\n\n&TIE\n+MILITARY\n"
    )
    records, _ = parse(text)
    sides = {p["code"]: (p["left"], p["right"]) for p in only(records, "pattern")}
    assert sides["075"] == ([{"words": [{"word": "in"}], "adjacent": True}], [])
    assert sides["076"] == ([{"words": [{"word": "in"}]}], [])  # exact IN, gap allowed
    assert sides["077"] == ([], [{"words": [{"stem": "out"}], "adjacent": True}])
    assert sides["078"] == (
        [
            {"words": [{"stem": "so"}]},
            {"words": [{"word": "in"}, {"word": "and"}], "adjacent": True},
        ],
        [
            {"words": [{"word": "out"}, {"stem": "again"}], "adjacent": True},
            {"words": [{"stem": "now"}]},
        ],
    )
    (new, tie, relations) = sides["079"][1][0]["words"]
    assert (new, relations) == ({"word": "new"}, {"stem": "relations"})
    assert tie == {"synset": "tie", "any": [[{"stem": "military"}]]}


def test_comments_of_every_kind_are_removed_and_kept_as_notes():
    text = (
        "<!-- a header\n   over two lines -->\n--- CUT [---] ---\n"
        "CUT <!-- inline --> [190]  ; tony 3/9/91\n- * AID [054]  # CUT <ab 02 Dec 2005>\n"
    )
    records, warnings = parse(text)
    assert [(r["code"], r.get("note")) for r in records] == [
        ("190", "tony 3/9/91"),
        ("054", "CUT <ab 02 Dec 2005>"),
    ]
    assert warnings == []


def test_ids_sources_and_groups():
    text = (
        "--- EXPLAIN_VERBAL [010] ---\nEXPLAIN\n- * AID "
        "[054]\n--- SHOT ---\nSHOT\n--- SHOT ---\nFIRE\n"
    )
    records, warnings = parse_verb_dictionary(text, "/some/dir/CAMEO.2.0.verbs.txt")
    assert [(r["id"], r["group"], r["source"]) for r in records] == [
        ("cameo:explain_verbal:1", "explain_verbal", "CAMEO.2.0.verbs.txt:2"),
        ("cameo:explain_verbal:2", "explain_verbal", "CAMEO.2.0.verbs.txt:3"),
        ("cameo:shot:1", "shot", "CAMEO.2.0.verbs.txt:5"),
        ("cameo:shot:2", "shot", "CAMEO.2.0.verbs.txt:7"),
    ]
    assert warnings == [
        (
            "CAMEO.2.0.verbs.txt:6: block SHOT appears again; "
            "its verbs and patterns join the earlier one"
        )
    ]
    assert (
        parse_verb_dictionary(text, "x.txt", prefix="mine")[0][0]["id"] == "mine:explain_verbal:1"
    )


def test_a_repeated_verb_gives_its_forms_to_the_first_line():
    records, warnings = parse("--- BRING [---] ---\nBRING\nBRING {BRINGS BRINGING BROUGHT }\n")
    assert [r["forms"] for r in records] == [["bring", "brings", "bringed", "bringing", "brought"]]
    assert warnings == ["test.verbs.txt:3: repeats line 2; skipped"]


def test_repeated_patterns_are_dropped_and_conflicting_ones_reported():
    text = "--- STAGE [---] ---\nSTAGE\n- * RALLY [141]\n- * RALLY [141]\n- * RALLY [051]\n"
    records, warnings = parse(text)
    assert [p["code"] for p in only(records, "pattern")] == ["141", "051"]
    assert warnings == [
        "test.verbs.txt:4: repeats line 3; skipped",
        "test.verbs.txt:5: same pattern as line 3 with another code; line 3 wins",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- * AID * [070]", "pattern skipped: needs exactly one '*' for the verb, found 2"),
        ("- AID [070]", "pattern skipped: needs exactly one '*' for the verb, found 0"),
        ("- * (WITH VISIT) VISIT)[042]", "pattern skipped: unbalanced ')'"),
        (
            "- * ({A B}) [042]",
            "pattern skipped: prepositional phrase ({A B}) must start with a preposition",
        ),
        ("- * AID", "pattern without a [code] skipped"),
        ("~ a (a b ATTACK) SAY = a b 015", "transformation rule skipped (not a verb pattern)"),
    ],
)
def test_unreadable_lines_are_skipped_with_a_warning(line: str, message: str):
    records, warnings = parse(f"--- RUSH [---] ---\nRUSH\n{line}\n")
    assert only(records, "pattern") == []
    assert warnings == [f"test.verbs.txt:3: {message}"]


def test_lines_outside_a_block_are_reported():
    records, warnings = parse("- * AID [070]\nRUSH\n")
    assert records == []
    assert warnings == [
        "test.verbs.txt:1: line outside a verb block skipped",
        "test.verbs.txt:2: line outside a verb block skipped",
    ]


def test_parsed_snippets_follow_the_schema():
    text = (
        SYNSETS + "--- ASK [---] ---\n+ASK_FOR {+ASKED_FOR} [020]\nASK [020]\n"
        "- $ * (FOR {&CURRENCY AID}) (FROM +) ^ % [0231:023]\n- IN_*_OUT [---]\n"
    )
    records, _ = parse(text)
    assert len(records) == 4
    for record in records:
        validator().validate(record)


def test_schema_rejects_a_pattern_with_verb_fields_and_unknown_slots():
    good = {
        "id": "u:g:1",
        "kind": "pattern",
        "group": "g",
        "code": "070",
        "reverse_code": None,
        "left": [],
        "right": [{"slot": "source"}],
        "source": "mine.jsonl",
    }
    validator().validate(good)
    assert not validator().is_valid({**good, "verb": "give"})
    assert not validator().is_valid({**good, "right": [{"slot": "sponsor"}]})
    assert not validator().is_valid({**good, "right": [{"words": [{"stem": "Aid"}]}]})


LINE = st.sampled_from(
    [
        "--- ASK [020] ---",
        "--- GIVE ---",
        "ASK",
        "+ASK_FOR {+ASKED_FOR}",
        "QUERY {QUERIES, QUERIED} [030:031]",
        "&SYN",
        "&SYN_",
        "+DOLLAR",
        "+&SYN",
        "+&OTHER",
        "&OTHER",
        "+PRIME_MINISTER_",
        "- * AID [070]",
        "- $ * (TO +) [042:043]",
        "- IN_*_OUT {A &SYN} [:054]",
        "- * (FOR &SYN) [---]",
        "- * &NOPE [1]",
        "- * ((X)) [1]",
        "<!-- open",
        "-->",
        "# comment",
        "~ a b",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(LINE, st.text(alphabet="-*+_&$^%(){}[]: ;#ABx0", max_size=20)), max_size=25)
)
def test_any_text_parses_without_raising_into_valid_records(lines: list[str]):
    records, warnings = parse("\n".join(lines))
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for record in records:
        validator().validate(record)
    assert all(w.startswith("test.verbs.txt:") for w in warnings)


# ------------------------------------------------------------------ the converted CAMEO file


@cache
def packaged_records() -> list[dict]:
    text = files("dragoman").joinpath("knowledge/cameo/verb-patterns.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.slow
def test_every_packaged_record_follows_the_schema():
    records = packaged_records()
    assert len(records) > 6000
    errors = [(r["id"], e.message) for r in records for e in validator().iter_errors(r)]
    assert errors == []


def test_packaged_ids_are_unique_and_in_source_order():
    records = packaged_records()
    assert len({r["id"] for r in records}) == len(records)
    lines = [int(r["source"].rsplit(":", 1)[1]) for r in records]
    assert lines == sorted(lines)


def test_packaged_licence_names_the_converted_file():
    text = files("dragoman").joinpath("knowledge/cameo/LICENSE.cameo-verbs.txt").read_text("utf-8")
    assert text.startswith("The MIT License (MIT)\n\nCopyright (c) 2015 Open Event Data Alliance")
    assert "verb-patterns.jsonl" in text


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(("path", "verbs", "patterns"), [(CAMEO, 1800, 4500), (VALIDATE, 260, 460)])
def test_shared_dictionaries_parse_without_hard_errors(path: Path, verbs: int, patterns: int):
    records, warnings = parse_verb_dictionary(path.read_text(encoding="utf-8"), path.name)
    assert len(only(records, "verb")) >= verbs
    assert len(only(records, "pattern")) >= patterns
    skipped = [w for w in warnings if "skipped:" in w or "not understood" in w]
    assert len(skipped) <= 5, skipped
    for record in records:
        validator().validate(record)


@needs_shared
@pytest.mark.shared
def test_validate_dictionary_odd_features_are_read():
    records, _ = parse_verb_dictionary(VALIDATE.read_text(encoding="utf-8"), VALIDATE.name)
    codes = {r["code"] for r in records}
    assert {"1010", "903", "075A", "345"} <= codes
    verb = next(r for r in only(records, "verb") if r["verb"] == "rst")
    assert (verb["preceding"], verb["code"]) == (["klm", "nop"], "002")


@needs_shared
@pytest.mark.shared
@pytest.mark.slow
def test_build_tool_reproduces_the_packaged_files_byte_for_byte(tmp_path: Path):
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools/build_cameo_verbs.py"),
            "--shared",
            str(SHARED),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "verbs and" in run.stderr
    packaged = ROOT / "src/dragoman/knowledge/cameo"
    for name in ("verb-patterns.jsonl", "LICENSE.cameo-verbs.txt"):
        assert (tmp_path / name).read_bytes() == (packaged / name).read_bytes(), name
