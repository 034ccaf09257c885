"""The TABARI/PETRARCH actor and agent dictionary converter, and the Phoenix files it made."""

from __future__ import annotations

import csv
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

from dragoman.knowledge.tabari import (
    Problem,
    country_blocks,
    display_name,
    finalize_records,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_date,
    plural,
    slug,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
UNITTEST = SHARED / "gold/petrarch-unittest"
ACTORS = ROOT / "src/dragoman/knowledge/actors"
GENERATED = ("phoenix-people.jsonl", "phoenix-organizations.jsonl", "phoenix-agents.jsonl")
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")

# A few ISO-3 codes, enough for the strict-mode snippets below.
KNOWN = frozenset({"AFG", "CHE", "EGY", "GBR", "GUM", "IRQ", "ISR", "KOS", "MUS", "RUS", "SHN",
                   "SYR", "UKR", "USA"})
PLOVER_SECTORS = set(
    "GOV MIL REB OPP COP JUD LEG PTY PRM SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF "
    "PRE REL SOC".split()
)


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    path = files("dragoman").joinpath(f"knowledge/schemas/{name}.schema.json")
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def actors(text: str, **options) -> tuple[list[dict], list[Problem]]:
    problems: list[Problem] = []
    options.setdefault("known_codes", KNOWN)
    records = parse_actor_dictionary(text, "test:snippet.actors.txt", problems=problems,
                                     **options)
    for record in records:
        validator("actor").validate(record)
    return records, problems


def agents(text: str) -> tuple[list[dict], list[Problem]]:
    problems: list[Problem] = []
    records = parse_agent_dictionary(text, "test:snippet.agents.txt", problems=problems)
    for record in records:
        validator("agent").validate(record)
    return records, problems


def one(text: str, **options) -> dict:
    records, _ = actors(text, **options)
    assert len(records) == 1, records
    return records[0]


def kinds(problems: list[Problem]) -> list[str]:
    return [p.kind for p in problems]


# ---------------------------------------------------------------- actors: syntax


def test_person_with_dated_role_lines() -> None:
    record = one(
        "SIMONETTA_SOMMARUGA_  # CountryInfo.txt\n"
        "\t[CHEGOVCOP >101001]\n"
        "\t[CHEELI 940101-101001]\n"
        "\t[CHEELI]\n"
    )
    assert record["id"] == "test:person:simonetta-sommaruga"
    assert record["kind"] == "person"
    assert record["names"] == ["Simonetta Sommaruga"]
    assert record["source"] == "test:snippet.actors.txt"
    assert record["roles"] == [
        {"code": "CHE", "sector": "GOV", "sectors": ["COP"], "valid_from": "2010-10-01",
         "cameo": "CHEGOVCOP"},
        {"code": "CHE", "sector": "ELI", "valid_from": "1994-01-01", "valid_to": "2010-10-01",
         "cameo": "CHEELI"},
        {"code": "CHE", "sector": "ELI", "cameo": "CHEELI"},
    ]


def test_dates_in_every_form() -> None:
    record = one(
        "SAM_GAMGEE [USAELI]\n"
        "\t[USAGOV <20080120]\n"
        "\t[USAMIL 20080120-20121109]\n"
        "\t[USAELI > 130119]\n"
        "\t[USAOPP 19950601 - 990815]\n"
    )
    dates = [(r.get("valid_from"), r.get("valid_to")) for r in record["roles"]]
    assert dates == [(None, None), (None, "2008-01-20"), ("2008-01-20", "2012-11-09"),
                     ("2013-01-19", None), ("1995-06-01", "1999-08-15")]


@pytest.mark.parametrize(
    ("digits", "pivot", "expected"),
    [
        ("101001", 30, "2010-10-01"),
        ("300101", 30, "2030-01-01"),
        ("320101", 30, "1932-01-01"),  # CountryInfo's birth-era dates
        ("320101", 50, "2032-01-01"),
        ("991231", 30, "1999-12-31"),
        ("19270101", 30, "1927-01-01"),
        ("2004017", 30, None),
        ("1920030320", 30, None),
        ("20100231", 30, None),
        ("2010-02", 30, None),
    ],
)
def test_parse_date(digits: str, pivot: int, expected: str | None) -> None:
    assert parse_date(digits, pivot) == expected


def test_malformed_dates_skip_the_role_and_are_reported() -> None:
    record, problems = actors(
        "BAN_KI-MOON\n"
        "\t[KORGOVBUS 2004017-20061201]\n"  # seven digits
        "\t[IRQOCC 1920030320-20060520]\n"  # ten digits
        "\t[USAGOV 20121207-20120802]\n"  # ends before it starts
        "\t[USAGOV 20121204]\n"  # a date with no < > or range
        "\t[USAGOV >201005011]\n"
        "\t[IGOUNO >20070101]\n",
        known_codes=KNOWN | {"KOR"},
    )
    assert kinds(problems) == ["date"] * 5
    assert [p.line for p in problems] == [2, 3, 4, 5, 6]
    assert not any(p.fatal for p in problems)
    assert record[0]["roles"] == [
        {"code": "UNO", "sector": "", "valid_from": "2007-01-01", "cameo": "IGOUNO"}
    ]


def test_synonyms_comments_spaces_and_underscores() -> None:
    record = one(
        "# a comment line\n"
        "FREE_SYRIAN_ARMY_ [SYRREB]  # trailing comment\n"
        "+FSA_\n"
        "+SYRIAN FREE ARMY   # a space joins words too\n"
        "+FREE_SYRIAN_ARMY\n"
    )
    assert record["names"] == ["Free Syrian Army", "FSA", "Syrian Free Army"]
    assert record["kind"] == "group"
    assert record["id"] == "test:group:free-syrian-army"


def test_comment_blocks_and_stop_line() -> None:
    records, problems = actors(
        "<!-- PETRARCH VALIDATION SUITE -->\n"
        "<!--\n"
        "ANCIENT_LINE [AFG]\n"
        "# -->\n"
        "<! -- a misspelt opener -->\n"
        "HAMID_KARZAI_ <!-- inline --> [AFGGOV]\n"
        "---STOP---\n"
        "AFTER_THE_STOP [AFGGOV]\n"
    )
    assert [r["names"] for r in records] == [["Hamid Karzai"]]
    assert problems == []


def test_several_codes_on_a_line_and_a_sector_only_default() -> None:
    record = one("JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n")
    assert record["kind"] == "person"
    assert record["names"] == ["Javier de Cuellar"]
    assert record["roles"] == [
        {"code": "UNO", "sector": "", "valid_from": "1982-01-01", "valid_to": "1991-12-31",
         "cameo": "IGOUNO"},
        {"code": "UNO", "sector": "ELI", "cameo": "ELI"},
    ]


def test_sector_only_code_with_no_country_is_dropped() -> None:
    records, problems = actors("REUTERS\n\t[MED]\n")
    assert records == []
    assert kinds(problems) == ["code"]


def test_slash_gives_two_codes_and_lower_case_is_read() -> None:
    record = one("HAMAS [pserebhms/egyreb]\n", known_codes=KNOWN | {"PSE"})
    assert [(r["code"], r["cameo"]) for r in record["roles"]] == [
        ("PSE", "PSEREBHMS"), ("EGY", "EGYREB")
    ]


def test_discards() -> None:
    records, problems = actors(
        "BOROMIR  [---]\n"
        "PRINCE_OF_DOL_AMROTH\n"
        "\t[--- <950630]\n"
        "\t[EGYGOV]\n"
    )
    assert kinds(problems) == ["discard"]
    assert [r["roles"] for r in records] == [[{"code": "EGY", "sector": "GOV",
                                               "cameo": "EGYGOV"}]]


def test_entry_without_code_shares_the_next_entrys_codes() -> None:
    records, problems = actors(
        "U.N._\n"
        "\n"
        "# Secretaries General\n"
        "UN_SECRETARY_GENERAL\n"
        "+UNSG\n"
        "\t[IGOUNO]\n"
    )
    assert kinds(problems) == ["nocode"]
    assert problems[0].line == 1
    assert sorted(r["names"][0] for r in records) == ["U.N.", "UN Secretary General"]
    assert {r["roles"][0]["cameo"] for r in records} == {"IGOUNO"}


def test_uncoded_names_before_a_person_are_that_person() -> None:
    record = one(
        "LEONID_BREZHNEV_  # CountryInfo.txt\n"
        "SECRETARY_BREZHNEV\n"
        "COMMUNIST_LEADER_LEONID_BREZHNEV\n"
        "\t[RUSGOV 641014-821110]\n"
    )
    assert record["names"] == ["Leonid Brezhnev", "Secretary Brezhnev",
                               "Communist Leader Leonid Brezhnev"]
    assert record["id"] == "test:person:leonid-brezhnev"


def test_uncoded_entry_at_the_end_is_reported() -> None:
    records, problems = actors("HAMID_KARZAI_ [AFGGOV]\nNOBODY_\n")
    assert len(records) == 1
    assert kinds(problems) == ["nocode"]


@pytest.mark.parametrize(
    "text",
    ["\t[AFGGOV]\n", "+SYNONYM\n", "HAMID_KARZAI_ [AFGGOV\n", "HAMID_KARZAI_\n\t[AFGGOV]]\n"],
)
def test_unreadable_lines_are_fatal(text: str) -> None:
    _, problems = actors(text)
    assert any(p.fatal and p.kind == "syntax" for p in problems)
    assert str(problems[0]).startswith(f"line {problems[0].line}: error [syntax]")


def test_invalid_code_does_not_borrow_the_next_entrys_code() -> None:
    records, problems = actors("ISILDUR  [+++]\nITALY_TROOPS [USAMIL]\n")
    assert [r["names"] for r in records] == [["Italy Troops"]]
    assert kinds(problems) == ["code"]


def test_numeric_names_are_dropped() -> None:
    record, problems = actors("JULY_20TH_BRIGADE_ [USAREB]\n+39649_\n")
    assert record[0]["names"] == ["July 20th Brigade"]
    assert kinds(problems) == ["name"]


# ---------------------------------------------------------------- actors: codes


@pytest.mark.parametrize(
    ("cameo", "code", "sector", "sectors"),
    [
        ("IGOUNO", "UNO", "", []),
        ("IGOUNOHLHWHO", "UNO", "MED", []),
        ("IGOEUREEC", "EUR", "", []),
        ("IGOEURCOE", "IGO", "", []),  # the Council of Europe is not the EU
        ("IGOWSTNAT", "IGO", "", []),
        ("IGOAFRDEVAFB", "IGO", "", []),  # topics give no sector to an IGO
        ("UNO", "UNO", "", []),
        ("NGO", "NGO", "SOC", []),
        ("NGOUSAHLH", "NGO", "MED", []),
        ("MNCUSA", "MNC", "", []),
        ("MNCUSAMED", "MNC", "JRN", []),
        ("IMGSEAMUSJMA", "IMG", "REB", []),
        ("SYRINS", "SYR", "REB", []),
        ("SYRSEP", "SYR", "REB", []),
        ("AFGGOVHLH", "AFG", "GOV", ["MED"]),
        ("USAMED", "USA", "JRN", []),
        ("USAHRI", "USA", "SOC", []),
        ("USAGOVHRI", "USA", "GOV", []),
        ("EGYMUS", "EGY", "REL", []),
        ("EGYCHRCTH", "EGY", "REL", []),
        ("EGYGOVMUS", "EGY", "GOV", []),
        ("KSVGOV", "KOS", "GOV", []),
        ("ISRUNR", "ISR", "PRE", []),
        ("MEAREB", "IMG", "REB", []),  # a CAMEO region: a transnational armed group
        ("MUSGOV", "MUS", "GOV", []),  # MUS first is Mauritius, not Muslims
    ],
)
def test_cameo_codes_map_to_plover(cameo: str, code: str, sector: str,
                                   sectors: list[str]) -> None:
    record = one(f"SOME_ACTOR_ [{cameo}]\n")
    role = record["roles"][0]
    assert (role["code"], role["sector"], role.get("sectors", [])) == (code, sector, sectors)
    assert role["cameo"] == cameo


@pytest.mark.parametrize("cameo", ["KNTGOV", "KKLREB", "WEU", "DDRGOV"])
def test_unknown_country_codes_are_dropped_when_strict(cameo: str) -> None:
    records, problems = actors(f"SOME_ACTOR_ [{cameo}]\n")
    assert records == []
    assert kinds(problems) == ["code"]


def test_unknown_country_codes_are_kept_for_a_users_own_dictionary() -> None:
    record = one("GANDALF_THE_GREY [WIZGOV]\n+MITHRANDIR\n", known_codes=None)
    assert record["roles"] == [{"code": "WIZ", "sector": "GOV", "cameo": "WIZGOV"}]
    assert record["id"] == "test:organization:gandalf-the-grey"


def test_sector_table_is_read_from_the_argument() -> None:
    from dragoman.knowledge.tabari import read_sector_table

    table = read_sector_table("cameo,plover,note,use\nGOV,LEG,odd but ours,always\n")
    record = one("SOME_ACTOR_ [USAGOV]\n", sectors=table)
    assert record["roles"][0]["sector"] == "LEG"


def test_packaged_sector_table() -> None:
    text = files("dragoman").joinpath("knowledge/actors/cameo-sectors.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    cameos = [r["cameo"] for r in rows]
    assert len(cameos) == len(set(cameos))
    for row in rows:
        assert len(row["cameo"]) == 3 and row["cameo"].isupper()
        assert row["plover"] == "" or row["plover"] in PLOVER_SECTORS, row
        assert row["use"] in ("always", "fallback"), row
        assert row["note"], row
    table = {r["cameo"]: r["plover"] for r in rows}
    assert (table["MED"], table["HLH"], table["INS"], table["SEP"]) == ("JRN", "MED", "REB",
                                                                       "REB")


# ---------------------------------------------------------------- actors: countries and kinds


def test_country_blocks_are_not_actor_records() -> None:
    text = (
        "SYRIA_ [SYR]\n+SYRIAN_\n+DAMASCUS_\n+ALEPPO_\n\n"
        "UKRAINE_\n\t[RUSUKR <910824]\n\t[UKR]\n"
        "KOSOVO_\n\t[KSV >080217]\n"
        "GUAM_ [USAGUM]\n"
        "SAINT_HELENA_ [GBRSHN]\n"
        "BASHAR_AL-ASSAD_ [SYRGOV >000717]\n"
    )
    assert country_blocks(text, known_codes=KNOWN) == {
        "GUM": ["Guam"], "KOS": ["Kosovo"], "SHN": ["Saint Helena"],
        "SYR": ["Syria", "Syrian", "Damascus", "Aleppo"], "UKR": ["Ukraine"],
    }
    records, _ = actors(text)
    assert [r["names"][0] for r in records] == ["Bashar al-Assad"]
    with_countries, _ = actors(text, countries=True)
    assert {r["id"] for r in with_countries if r["kind"] == "country"} == {
        "test:country:syria", "test:country:ukraine", "test:country:kosovo",
        "test:country:guam", "test:country:saint-helena",
    }


def test_bare_code_names_stand_for_the_country() -> None:
    assert country_blocks("ATHENS  [GRC] #JW   10/17/91\nFRODO  [HOB]\n") == {
        "GRC": ["Athens"], "HOB": ["Frodo"],
    }


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("THE_UNITED_NATIONS_ [IGOUNO]", "igo"),
        ("COUNCIL_OF_EUROPE_ [IGOEURCOE]", "igo"),
        ("AMNESTY_INTERNATIONAL_ [NGOHRIAMN]", "ngo"),
        ("AL_JAZEERA_ [QATMED]", "media"),
        ("NEW_YORK_TIMES_ [USABUS]", "media"),
        ("VODAFONE_ [MNCGBRMED]", "media"),
        ("J.P._MORGAN_CHASE_ [MNCUSA]", "company"),
        ("SIEMENS_ [DEUBUS]", "company"),
        ("KURDISH_DEMOCRATIC_PARTY_ [IRQPTY]", "party"),
        ("FREE_SYRIAN_ARMY_ [SYRREB]", "group"),
        ("JEMAAH_ISLAMIYAH_ [IMGSEAMUSJMA]", "group"),
        ("SHIN_BET_ [ISRSPY]", "organization"),
        ("ISLAMIC_REVOLUTIONARY_COUNCIL_  # CountryInfo.txt\n\t[IRNGOV 790101-800101]",
         "organization"),
        ("GEORGE_W._BUSH [USAGOV]", "person"),
        ("K._ANNAN_ [IGOUNO]", "person"),
        ("HAMID_KARZAI_  # CountryInfo.txt\n\t[AFGGOV]", "person"),
        ("ASHRAF_GHANI_ [AFGGOV >140929]", "person"),
        ("U.N._MONITOR_ [IGOUNO]", "igo"),
    ],
)
def test_kinds(line: str, kind: str) -> None:
    known = KNOWN | {"DEU", "GRC", "IRN", "QAT"}
    assert one(line + "\n", known_codes=known)["kind"] == kind


def test_person_name_hook_decides_undated_names() -> None:
    text = "GILLIAN_MELLSOP_ [IGOUNOKID]\nTIM_HORTONS_ [MNCCAN]\n"
    calls: list[str] = []

    def person_name(name: str) -> bool:
        calls.append(name)
        return True

    records, _ = actors(text, known_codes=KNOWN | {"CAN"}, person_name=person_name)
    assert {r["names"][0]: r["kind"] for r in records} == {
        "Gillian Mellsop": "person", "Tim Hortons": "company",
    }
    assert "Tim Hortons" not in calls  # companies are never asked


# ---------------------------------------------------------------- names and ids


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("FREE_SYRIAN_ARMY_", "Free Syrian Army"),
        ("MUHAMMAD_AL-BARADEI_", "Muhammad al-Baradei"),
        ("AL-QAEDA", "Al-Qaeda"),
        ("OSAMA_BIN_LADEN", "Osama bin Laden"),
        ("JAVIER_DE_CUELLAR_", "Javier de Cuellar"),
        ("R.K._PACHAURI_", "R.K. Pachauri"),
        ("ANIMAL_LIBERATION_FRONT_(ALF)_", "Animal Liberation Front (ALF)"),
        ("DIRECT_ACTION_(GREECE)_", "Direct Action (Greece)"),
        ("MAZAR-I-SHARIF_", "Mazar-i-Sharif"),
        ("MIGUEL_D'ESCOTO_BROCKMANN_", "Miguel d'Escoto Brockmann"),
        ("LORD'S_RESISTANCE_ARMY", "Lord's Resistance Army"),
        ("UN_SECURITY_COUNCIL", "UN Security Council"),
        ("U.S.S.R", "U.S.S.R"),
        ("JOHN_PAUL_II", "John Paul II"),
        ("RONALD_MCDONALD", "Ronald McDonald"),
        ("PKK", "PKK"),
        ("IRAQ_", "Iraq"),
        ("NATO", "NATO"),
        ("ASHFAQ_WANI__", "Ashfaq Wani"),
    ],
)
def test_display_name(phrase: str, name: str) -> None:
    assert display_name(phrase) == name


def test_slug() -> None:
    assert slug("Lord's Resistance Army") == "lords-resistance-army"
    assert slug("U.N.") == "un"
    assert slug("Zoë Ménard") == "zoe-menard"
    assert slug("محمد") == "x"


def test_duplicate_names_get_their_country_and_identical_entries_merge() -> None:
    records, _ = actors(
        "ABDUL_QADIR_ [AFGGOV 780427-780430]\n"
        "ABDUL_QADIR_ [IRQGOV 900101-910101]\n"
        "ABDUL_QADIR [IRQGOV 900101-910101]\n"
        "+A._QADIR\n"
        "HAMMARSKJOLD_ [IGOUNO 530410-610918]\n"
        "HAMMARSKJOLD\t[IGOUNO 530410-610918]\n"
    )
    by_id = {r["id"]: r["names"] for r in records}
    assert by_id == {
        "test:person:abdul-qadir-afg": ["Abdul Qadir"],
        "test:person:abdul-qadir-irq": ["Abdul Qadir", "A. Qadir"],
        "test:person:hammarskjold": ["Hammarskjold"],
    }
    assert finalize_records(records) == records


def test_records_from_several_files_are_made_unique_together() -> None:
    first, _ = actors("SHIN_BET [ISRSPY]\nHAMID_KARZAI_ [AFGGOV 011222-140929]\n")
    second, _ = actors("SHIN_BET [ISRGOV]\nHAMID_KARZAI_ [AFGELI >140929]\n")
    combined = finalize_records(first + second)
    assert [r["id"] for r in combined] == ["test:organization:shin-bet-isr",
                                          "test:organization:shin-bet-isr-2",
                                          "test:person:hamid-karzai"]
    # a person listed once per office is one person with every role
    assert [r["cameo"] for r in combined[2]["roles"]] == ["AFGGOV", "AFGELI"]


def test_id_prefix() -> None:
    records = parse_actor_dictionary("SHIN_BET [ISRSPY]\n", "my.actors.txt")
    assert records[0]["id"] == "my:organization:shin-bet"
    records = parse_actor_dictionary("SHIN_BET [ISRSPY]\n", "x", id_prefix="user")
    assert records[0]["id"] == "user:organization:shin-bet"


# ---------------------------------------------------------------- agents


AGENT_SNIPPET = """\
# ======== SUBSTITUTION SETS ========
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES

FARMER [~AGR]
CATTLE!PERSON! [~AGR]
FOREIGN_!MINIST! [~GOVFRM] # jap 4/14/01
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
RIOT_POLICE {} [~COP]
THIEF {THIEVES} [~CRM]
ATTORNEY [~JUD]
HEAD_OF_STATE [~GOV]
POLICEMAN [~COP]
SECURITY_OFFICIALS  [~GOV]
HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001
POLICE_DOG [ ~COP]
COPTIC_CHRISTIAN {} [~CHRCPT]
OPPOSITION_JOURNALIST  [~OPPMED]
"""


def test_agents() -> None:
    records, problems = agents(AGENT_SNIPPET)
    assert problems == []
    by_name = {r["names"][0]: r for r in records}
    assert {n: r["names"] for n, r in by_name.items()} == {
        "farmer": ["farmer", "farmers"],
        "cattleman": ["cattleman", "cattlemen", "cattlewoman", "cattlewomen", "cattleperson"],
        "foreign minister": ["foreign minister", "foreign ministers", "foreign ministry",
                             "foreign ministries"],
        "chamber of commerce": ["chamber of commerce", "chambers of commerce"],
        "riot police": ["riot police"],
        "thief": ["thief", "thieves"],
        "attorney": ["attorney", "attorneys"],
        "head of state": ["head of state", "heads of state"],
        "policeman": ["policeman", "policemen"],
        "security officials": ["security officials"],
        "human rights body": ["human rights body", "human rights bodies"],
        "police dog": ["police dog", "police dogs"],
        "coptic christian": ["coptic christian"],
        "opposition journalist": ["opposition journalist", "opposition journalists"],
    }
    minister = by_name["foreign minister"]
    assert (minister["id"], minister["sector"], minister["cameo"]) == (
        "test:agent:foreign-minister", "GOV", "GOVFRM")
    assert (by_name["human rights body"]["code"], by_name["human rights body"]["sector"]) == (
        "NGO", "SOC")
    assert by_name["coptic christian"]["sector"] == "REL"
    assert by_name["opposition journalist"]["sectors"] == ["JRN"]
    assert "code" not in by_name["farmer"]


def test_generated_plural_gives_way_to_an_explicit_entry() -> None:
    records, _ = agents("ARMED_FORCE [~UAF]\nARMED_FORCES [~MIL]\nATTACK_HELICOPTER [~MIL]\n")
    assert {r["names"][0]: (r["names"], r["sector"]) for r in records} == {
        "armed force": (["armed force"], "UAF"),
        "armed forces": (["armed forces"], "MIL"),
        "attack helicopter": (["attack helicopter", "attack helicopters"], "MIL"),
    }


@pytest.mark.parametrize(
    ("text", "kind", "fatal"),
    [
        ("ISLAMIC_EXTREMIST\n", "nocode", False),
        ("OBSERVERS_IN [IGO~]\n", "code", False),  # a top-level code and no sector
        ("GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n", "code", False),
        ("DEPARMENT_OF_ENVIRONMENT [~ENV}\n", "syntax", True),
        ("GENDARMERY {GENDARMERIE [~COP]\n", "syntax", True),
        ("!MINST!_OF_SILLY_WALKS [~GOV]\n", "marker", True),
    ],
)
def test_agent_problems(text: str, kind: str, fatal: bool) -> None:
    records, problems = agents(text)
    assert records == []
    assert [(p.kind, p.fatal, p.line) for p in problems] == [(kind, fatal, 1)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("farmer", "farmers"),
        ("militia", "militias"),
        ("authority", "authorities"),
        ("attorney", "attorneys"),
        ("church", "churches"),
        ("congress", "congresses"),
        ("policeman", "policemen"),
        ("congresswoman", "congresswomen"),
        ("german", "germans"),
        ("head of state", "heads of state"),
        ("minister for foreign affairs", "ministers for foreign affairs"),
        ("crisis", "crises"),
        ("troops", None),
        ("police", None),
        ("men", None),
        ("a cabinet meeting", None),
        ("1st lt.", None),
    ],
)
def test_plural(phrase: str, expected: str | None) -> None:
    assert plural(phrase) == expected


# ---------------------------------------------------------------- robustness

DICTIONARY_TEXT = st.text(
    alphabet=st.sampled_from(list("ABGOUVSYRN_ +[]<>-0123456789#!\t\n{}~/=.'")), max_size=300
)


@settings(max_examples=150, deadline=None)
@given(DICTIONARY_TEXT)
def test_any_text_gives_valid_records_or_problems(text: str) -> None:
    actors(text)
    actors(text, known_codes=None)
    agents(text)
    country_blocks(text)


# ---------------------------------------------------------------- PETRARCH's validation suite


@needs_shared
def test_petrarch_validation_actors_parse_without_errors() -> None:
    text = (UNITTEST / "PETR.Validate.actors.txt").read_text(encoding="utf-8")
    records, problems = actors(text, known_codes=None)
    assert [p for p in problems if p.fatal] == []
    by_name = {r["names"][0]: r for r in records}
    assert [(r["cameo"], r.get("valid_from"), r.get("valid_to"))
            for r in by_name["Gollum"]["roles"]] == [
        ("HOB", None, "1995-06-01"), ("HOBGOV", "1995-06-01", "1999-08-15"),
        ("HOBREB", "1999-08-16", None),
    ]
    assert by_name["United Nations"]["names"] == [
        "United Nations", "U.N.", "Secretary General", "Security Council", "UN"]
    assert by_name["International Criminal Police Organization"]["roles"][0]["cameo"] == (
        "IGOCOPITP")
    blocks = country_blocks(text)
    assert blocks["HOB"][:2] == ["Bilbo", "Frodo"]
    assert blocks["USR"] == ["U.S.S.R", "USSR"]
    assert "Isildur" not in [n for names in blocks.values() for n in names]


@needs_shared
def test_petrarch_validation_agents_parse_without_errors() -> None:
    text = (UNITTEST / "PETR.Validate.agents.txt").read_text(encoding="utf-8")
    records, problems = agents(text)
    assert [p for p in problems if p.fatal] == []
    names = {n for r in records for n in r["names"]}
    assert {"minister of silly walks", "ministries of silly walks", "congressmen",
            "attorneys general", "police"} <= names
    assert "polices" not in names


# ---------------------------------------------------------------- the generated Phoenix files


@cache
def generated(name: str) -> list[dict]:
    path = ACTORS / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", GENERATED)
def test_generated_files_validate_and_are_sorted(name: str) -> None:
    records = generated(name)
    schema = validator("agent" if "agents" in name else "actor")
    for record in records:
        schema.validate(record)
        assert record["source"].startswith("phoenix:Phoenix.")
    ids = [r["id"] for r in records]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))


def test_generated_files_hold_what_they_say() -> None:
    people, organizations = generated(GENERATED[0]), generated(GENERATED[1])
    assert {r["kind"] for r in people} == {"person"}
    assert "person" not in {r["kind"] for r in organizations}
    assert "country" not in {r["kind"] for r in organizations}
    by_id = {r["id"]: r for r in people + organizations}
    assert {r["code"] for r in by_id["phoenix:person:simonetta-sommaruga"]["roles"]} == {"CHE"}
    assert by_id["phoenix:group:free-syrian-army"]["roles"][0]["sector"] == "REB"
    notice = (ACTORS / "LICENSE.phoenix.txt").read_text(encoding="utf-8")
    assert "The MIT License" in notice and "phoenix-people.jsonl" in notice


@pytest.mark.slow
@needs_shared
def test_build_tool_reproduces_the_committed_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "tools/build_phoenix_actors.py"), "--shared", str(SHARED),
         "--out", str(tmp_path)],
        check=True, capture_output=True, text=True,
    )
    for name in (*GENERATED, "LICENSE.phoenix.txt"):
        assert (tmp_path / name).read_bytes() == (ACTORS / name).read_bytes(), name
