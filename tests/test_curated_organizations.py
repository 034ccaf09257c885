"""Checks for the curated organisation actors in knowledge/actors/organizations.jsonl.

The file is hand-written knowledge (IGOs, NGOs, armed groups, parties, state bodies, media,
companies). These tests keep it loadable and consistent: every record follows the actor schema,
ids and names are unambiguous unless an ambiguity is real and listed below, dates parse and roles
follow each other in time, codes are real, and a sample of facts that the coding depends on
(HTS becoming a government, the Taliban's return, the RSF's war) stays as written.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import pycountry
import pytest

from dragoman.resolve.names import fold as fold_accents
from dragoman.resolve.names import is_case_sensitive, pieces

KNOWLEDGE = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "knowledge"
DATA = KNOWLEDGE / "actors" / "organizations.jsonl"
SCHEMA = KNOWLEDGE / "schemas" / "actor.schema.json"

SPECIAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"})
SECTORS = frozenset(
    "GOV MIL REB OPP COP JUD LEG PTY PRM SPY UAF UNK "
    "AGR BUS CRM CVL EDU ELI JRN LAB MED REF PRE REL SOC".split()
)
ID_PREFIX = {
    "igo": "igo:",
    "ngo": "ngo:",
    "group": "group:",
    "party": "party:",
    "organization": "org:",
    "media": "media:",
    "company": "company:",
}
# The last date this knowledge claims to know about; nothing may be dated after it.
HORIZON = date(2026, 12, 31)

# Names that really do belong to several organisations, keyed as the matcher sees them (folded
# pieces joined by spaces). The resolver picks among them by date and by the countries the
# article mentions; every other name must point to one record.
ALLOWED_SHARED = {
    "rsf": "Sudan's Rapid Support Forces and Reporters Without Borders (Sans Frontières)",
    "sna": "the Syrian National Army and the Somali National Army",
    "sdf": "the Syrian Democratic Forces and Japan's Self-Defense Forces",
    "adf": "the Allied Democratic Forces (DRC) and the Australian Defence Force",
    "jem": "Sudan's JEM and Pakistan's JeM (Jaish-e-Mohammed) fold to the same letters",
    "pti": "Pakistan Tehreek-e-Insaf and the Press Trust of India",
    "cbi": "India's Central Bureau of Investigation and the Confederation of British Industry",
    "congress": "the US Congress and India's Congress party",
    "house of commons": "the British and Canadian lower houses",
    "democratic party": "the US, Italian and South Korean parties",
    "conservative party": "the British and Canadian parties",
    "liberal party": "the Canadian and Australian parties",
    "labour party": "the British and Nigerian parties",
    "jamaat e islami": "the Pakistani and Bangladeshi parties",
    "pas": "Malaysia's Islamic party and Moldova's Party of Action and Solidarity",
    "baath party": "the Syrian and Iraqi Baath parties",
    "ba ath party": "the Syrian and Iraqi Baath parties",
    "peoples democratic party": "Nigeria's PDP and Turkey's HDP (Peoples' Democratic Party)",
}

# Names are matched on folded (case-insensitive) pieces, except short all-capital acronyms, which
# the matcher keeps case-sensitive ("WHO" is not "who"). A folded name that is also an everyday
# word or phrase would match ordinary prose; these were all considered and rejected.
COMMON_WORDS = frozenset(
    {
        "who", "is", "ice", "care", "pace", "mend", "fact", "aid", "let", "map", "app", "spa",
        "mud", "raw", "nan", "pan", "arena", "sac", "yap", "inc", "apr", "mps", "pas", "plc",
        "fed", "diet", "dawn", "punch", "guardian", "memorial", "amnesty", "renaissance",
        "total", "shell", "apple", "amazon", "tesla", "x", "labour", "labor", "greens",
        "conservatives", "liberals", "maoists", "mafia", "commons", "senate", "secret service",
        "save the children", "law and justice", "new democracy", "blue and white",
        "move forward", "popular will", "national unity government", "self-defense forces",
        "self-defence forces", "national defence forces", "national defense forces",
        "lebanese forces", "european solidarity", "servant of the people", "civil contract",
        "good party", "popular party", "internal security forces", "investigative committee",
        "security belt", "breaking the silence", "caribbean community", "general assembly",
        "national assembly", "supreme court", "house of representatives",
        "national security council", "socialist party", "people's party", "communist party",
        "reform party", "left party", "global fund", "sinai province", "central general staff",
    }
)


# UN member states plus Palestine, Kosovo and Taiwan: each has (or had) a national legislature.
STATES = frozenset(
    """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
    BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD
    DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN
    GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN
    LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM
    NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
    KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
    SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
    ZWE PSE KOS TWN""".split()
)
# Names of the partially recognised entities the PLOVER manual lists: their institutions (coded
# to the claimed country) carry PRE. Foreign forces stationed there keep their own code.
BREAKAWAY = re.compile(
    r"Abkhaz|South Ossetia|Transnistria|Pridnestrov|Artsakh|Nagorno-Karabakh|Northern Cyprus|"
    r"Turkish Cypriot|Somaliland|Sahrawi|Donetsk People|Luhansk People|Lugansk People"
)
CLAIMED = frozenset({"GEO", "MDA", "AZE", "CYP", "SOM", "MAR", "UKR"})


@lru_cache(maxsize=1)
def records() -> tuple[dict[str, Any], ...]:
    """All records of the file, in file order."""
    with DATA.open(encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in handle if line.strip())


@lru_cache(maxsize=1)
def by_id() -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in records()}


def fold(name: str) -> str:
    """The key the actor matcher looks names up by: folded alphanumeric pieces."""
    return " ".join(pieces(name))


def spelling(name: str) -> str:
    """A name's pieces as written (accents and case folded, transliteration variants kept).

    "Jaish-e-Mohammed" and "Jaish-e-Muhammad" are one key for the matcher but two spellings
    worth listing; "Al-Qaeda" and "Al Qaeda" are the same spelling twice.
    """
    return " ".join(re.findall(r"[^\W_]+", fold_accents(name)))


def earliest(value: str) -> date:
    """First day a partial date ('2014', '2014-06', '2014-06-13') can mean."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(value: str) -> date:
    """Last day a partial date can mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    first_of_next = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def role_at(record_id: str, when: date) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(code, sector, sectors) of the role valid on `when`, or None when no role covers it."""
    for role in by_id()[record_id]["roles"]:
        start = role.get("valid_from")
        end = role.get("valid_to")
        if (start is None or earliest(start) <= when) and (end is None or when <= latest(end)):
            return role["code"], role.get("sector"), tuple(role.get("sectors", ()))
    return None


def test_file_is_not_trivially_small() -> None:
    assert len(records()) >= 2300


def test_every_record_follows_the_actor_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    problems = [
        f"{record.get('id')}: {error.message}"
        for record in records()
        for error in validator.iter_errors(record)
    ]
    assert not problems, problems[:20]


def test_ids_are_unique_sorted_and_prefixed_by_kind() -> None:
    ids = [record["id"] for record in records()]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids), "keep the file sorted by id"
    wrong = [r["id"] for r in records() if not r["id"].startswith(ID_PREFIX[r["kind"]])]
    assert not wrong, wrong


def test_records_are_curated_organisations_only() -> None:
    assert {record["source"] for record in records()} == {"curated"}
    assert {record["kind"] for record in records()} <= set(ID_PREFIX)


def test_codes_are_iso3_or_plover_special_codes() -> None:
    iso3 = {country.alpha_3 for country in pycountry.countries}
    bad = [
        (record["id"], role["code"])
        for record in records()
        for role in record["roles"]
        if role["code"] not in iso3 | SPECIAL_CODES
    ]
    assert not bad, bad


def test_sectors_are_plover_sectors() -> None:
    bad = []
    for record in records():
        for role in record["roles"]:
            used = [role.get("sector") or "", *role.get("sectors", [])]
            bad += [(record["id"], s) for s in used if s and s not in SECTORS]
            if role.get("sector") in role.get("sectors", []):
                bad.append((record["id"], "primary sector repeated in sectors"))
    assert not bad, bad


def test_role_dates_parse_and_each_role_ends_before_the_next_begins() -> None:
    problems = []
    for record in records():
        previous_end: str | None = "start"
        for role in record["roles"]:
            start, end = role.get("valid_from"), role.get("valid_to")
            for value in (start, end):
                if value is not None and latest(value) > HORIZON:
                    problems.append((record["id"], f"{value} is after {HORIZON}"))
            if start and end and earliest(start) > latest(end):
                problems.append((record["id"], f"{start} > {end}"))
            if previous_end is None:
                problems.append((record["id"], "a role follows an open-ended role"))
            elif previous_end != "start" and (
                start is None or latest(start) < earliest(previous_end)
            ):
                problems.append((record["id"], f"role from {start} starts before {previous_end}"))
            previous_end = end
    assert not problems, problems


def test_names_are_not_repeated_within_a_record() -> None:
    repeated = [
        record["id"]
        for record in records()
        if len({spelling(n) for n in record["names"]}) != len(record["names"])
    ]
    assert not repeated, repeated


def test_names_shared_between_records_are_only_the_listed_ambiguities() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records():
        for name in record["names"]:
            owners[fold(name)].add(record["id"])
    shared = {name for name, ids in owners.items() if len(ids) > 1}
    unexpected = shared ^ set(ALLOWED_SHARED)
    assert not unexpected, {name: sorted(owners[name]) for name in unexpected}


def test_no_folded_name_is_an_everyday_word_or_phrase() -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    hazards = {fold(word) for word in COMMON_WORDS | set(STOP_WORDS)}
    bad = [
        (record["id"], name)
        for record in records()
        for name in record["names"]
        if not is_case_sensitive(name) and (fold(name) in hazards or len(name.strip(".")) < 2)
    ]
    assert not bad, bad


def test_wikidata_ids_are_used_once() -> None:
    qids = [record["wikidata"] for record in records() if record.get("wikidata")]
    assert len(qids) == len(set(qids))
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in qids)


def test_names_find_the_expected_organisations() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records():
        for name in record["names"]:
            owners[fold(name)].add(record["id"])
    assert owners["daesh"] == {"group:islamic-state"}
    assert owners[fold("ISIS-K")] == {"group:islamic-state-khorasan"}
    assert owners[fold("Jabhat al-Nusra")] == {"group:al-nusra-front"}
    assert owners[fold("Hashd al-Shaabi")] == {"group:popular-mobilization-forces"}
    assert owners[fold("Ansar Allah")] == {"group:houthis"}
    assert owners[fold("Shin Bet")] == {"org:isr-shin-bet"}
    assert owners[fold("Madras High Court")] == {"org:ind-madras-high-court"}
    assert owners[fold("Doctors Without Borders")] == {"ngo:msf"}


@pytest.mark.parametrize(
    ("record_id", "when", "expected"),
    [
        ("group:hayat-tahrir-al-sham", date(2020, 6, 1), ("SYR", "REB", ())),
        ("group:hayat-tahrir-al-sham", date(2025, 3, 1), ("SYR", "GOV", ("MIL",))),
        ("group:al-nusra-front", date(2014, 1, 1), ("SYR", "REB", ())),
        ("group:al-nusra-front", date(2018, 1, 1), None),
        ("group:taliban", date(1998, 1, 1), ("AFG", "GOV", ())),
        ("group:taliban", date(2010, 1, 1), ("AFG", "REB", ())),
        ("group:taliban", date(2022, 1, 1), ("AFG", "GOV", ())),
        ("group:rapid-support-forces", date(2020, 1, 1), ("SDN", "PRM", ())),
        ("group:rapid-support-forces", date(2024, 1, 1), ("SDN", "REB", ())),
        ("group:islamic-state", date(2015, 1, 1), ("IMG", "REB", ())),
        ("group:hezbollah", date(2024, 9, 1), ("LBN", "PRM", ("PTY",))),
        ("group:wagner-group", date(2022, 1, 1), ("RUS", "PRM", ())),
        ("group:sinaloa-cartel", date(2020, 1, 1), ("MEX", "CRM", ())),
        ("group:popular-mobilization-forces", date(2017, 1, 1), ("IRQ", "PRM", ())),
        ("group:libyan-national-army", date(2019, 4, 4), ("LBY", "MIL", ())),
        ("org:mmr-tatmadaw", date(2015, 1, 1), ("MMR", "MIL", ())),
        ("org:mmr-tatmadaw", date(2022, 1, 1), ("MMR", "MIL", ("GOV",))),
        ("org:usa-department-of-defense", date(2020, 1, 1), ("USA", "MIL", ())),
        ("org:isr-shin-bet", date(2020, 1, 1), ("ISR", "SPY", ())),
        ("org:irn-irgc", date(2020, 1, 1), ("IRN", "MIL", ())),
        ("media:sana", date(2020, 1, 1), ("SYR", "GOV", ("JRN",))),
        ("igo:world-health-organization", date(2020, 1, 1), ("UNO", "MED", ())),
        ("igo:unhcr", date(2020, 1, 1), ("UNO", "REF", ())),
        ("igo:international-criminal-court", date(2020, 1, 1), ("IGO", "JUD", ())),
        ("igo:european-commission", date(2020, 1, 1), ("EUR", "GOV", ())),
        ("party:usa-democratic-party", date(2010, 1, 1), ("USA", "PTY", ("GOV",))),
        ("party:usa-democratic-party", date(2018, 1, 1), ("USA", "PTY", ("OPP",))),
        ("party:isr-likud", date(2023, 6, 1), ("ISR", "PTY", ("GOV",))),
        ("party:ind-bjp", date(2010, 1, 1), ("IND", "PTY", ("OPP",))),
    ],
)
def test_roles_on_dates_that_coding_depends_on(
    record_id: str, when: date, expected: tuple[str, str, tuple[str, ...]] | None
) -> None:
    assert role_at(record_id, when) == expected


def test_every_state_has_a_national_legislature() -> None:
    legislatures = {
        role["code"]
        for record in records()
        for role in record["roles"]
        if role.get("sector") == "LEG" and "PRE" not in role.get("sectors", [])
    }
    assert not sorted(STATES - legislatures)


def test_institutions_of_breakaway_entities_carry_pre() -> None:
    bad = [
        record["id"]
        for record in records()
        if any(BREAKAWAY.search(name) for name in record["names"])
        for role in record["roles"]
        if role["code"] in CLAIMED and "PRE" not in role.get("sectors", [])
    ]
    assert not bad, bad


def test_parties_hold_one_status_at_a_time() -> None:
    """A party's role says GOV or OPP (or neither), never both."""
    bad = [
        record["id"]
        for record in records()
        if record["kind"] == "party"
        for role in record["roles"]
        if {"GOV", "OPP"} <= set(role.get("sectors", []))
    ]
    assert not bad, bad


@pytest.mark.parametrize(
    ("record_id", "when", "expected"),
    [
        ("org:pol-sejm", date(2020, 1, 1), ("POL", "LEG", ())),
        ("org:irl-oireachtas", date(2020, 1, 1), ("IRL", "LEG", ())),
        ("org:afg-national-assembly", date(2022, 1, 1), None),
        ("org:ner-national-assembly", date(2024, 1, 1), None),
        ("org:lby-house-of-representatives", date(2020, 1, 1), ("LBY", "LEG", ())),
        ("org:gbr-dfid", date(2015, 1, 1), ("GBR", "GOV", ())),
        ("org:gbr-dfid", date(2021, 1, 1), None),
        ("org:syr-military-intelligence", date(2020, 1, 1), ("SYR", "SPY", ("MIL",))),
        ("org:syr-military-intelligence", date(2025, 6, 1), None),
        ("org:syr-general-security", date(2025, 6, 1), ("SYR", "COP", ())),
        ("org:aze-artsakh-defence-army", date(2020, 10, 1), ("AZE", "MIL", ("PRE",))),
        ("org:aze-artsakh-defence-army", date(2024, 1, 1), None),
        ("party:prt-ps", date(2020, 1, 1), ("PRT", "PTY", ("GOV",))),
        ("party:prt-ps", date(2025, 1, 1), ("PRT", "PTY", ("OPP",))),
        ("party:zmb-upnd", date(2019, 1, 1), ("ZMB", "PTY", ("OPP",))),
        ("party:zmb-upnd", date(2022, 1, 1), ("ZMB", "PTY", ("GOV",))),
        ("party:mys-perikatan-nasional", date(2021, 1, 1), ("MYS", "PTY", ("GOV",))),
        ("party:swe-moderate-party", date(2023, 1, 1), ("SWE", "PTY", ("GOV",))),
        ("group:sudan-shield-forces", date(2024, 1, 1), ("SDN", "REB", ())),
        ("group:sudan-shield-forces", date(2025, 1, 1), ("SDN", "PRM", ())),
        ("group:oath-keepers", date(2021, 1, 6), ("USA", "REB", ())),
        ("group:proud-boys", date(2021, 1, 6), ("USA", "SOC", ())),
        ("org:usa-harvard", date(2020, 1, 1), ("USA", "EDU", ())),
        ("org:ind-intelligence-bureau", date(2020, 1, 1), ("IND", "SPY", ())),
        ("company:rostec", date(2020, 1, 1), ("RUS", "BUS", ("GOV",))),
        ("media:channel-one-russia", date(2020, 1, 1), ("RUS", "GOV", ("JRN",))),
    ],
)
def test_roles_of_broadened_records(
    record_id: str, when: date, expected: tuple[str, str, tuple[str, ...]] | None
) -> None:
    assert role_at(record_id, when) == expected


def test_names_find_the_broadened_records() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records():
        for name in record["names"]:
            owners[fold(name)].add(record["id"])
    assert owners[fold("Riigikogu")] == {"org:est-riigikogu"}
    assert owners[fold("Jatiya Sangsad")] == {"org:bgd-jatiya-sangsad"}
    assert owners[fold("Hungarian parliament")] == {"org:hun-national-assembly"}
    assert owners[fold("Quai d'Orsay")] == {"org:fra-quai-dorsay"}
    assert owners[fold("Oath Keepers")] == {"group:oath-keepers"}
    assert owners[fold("Republic of Abkhazia")] == {"org:geo-abkhazia-authorities"}


def test_partial_dates_cover_their_whole_period() -> None:
    assert (earliest("2024"), latest("2024")) == (date(2024, 1, 1), date(2024, 12, 31))
    assert (earliest("2024-02"), latest("2024-02")) == (date(2024, 2, 1), date(2024, 2, 29))
    assert latest("2023-12") == date(2023, 12, 31)
    assert earliest("2025-01-29") == latest("2025-01-29") == date(2025, 1, 29)
