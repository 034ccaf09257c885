"""The curated people file (knowledge/actors/people.jsonl): schema, dates, codes, names and facts.

The file is hand-curated knowledge, so these tests guard both its form (every record valid, ids
unique and sorted, dates that parse and run forwards, real country codes) and a few facts that
the older dictionaries got wrong and that a resolver relies on (Guterres coded as the UN, the
changing roles of Ahmed al-Sharaa, defence ministers carrying MIL).
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections import defaultdict
from datetime import date
from importlib import resources

import jsonschema
import pycountry
import pytest

from dragoman.resolve.names import pieces

SPECIAL_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"}
SECTORS = set(
    "GOV MIL REB OPP COP JUD LEG PTY PRM SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF PRE "
    "REL SOC".split()
)
# UN member states plus Palestine, Kosovo and Taiwan: each needs someone in government since 2010.
STATES = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD
DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR
LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD
NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT
WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS
TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE PSE KOS
TWN""".split()

# A surface form may name two people only when the ambiguity is real and a resolver must use
# context (dates, office) to choose: list it here with the reason. Normalised as in `_key`.
ALLOWED_SHARED_NAMES: dict[str, str] = {}

# A person's name that also names a country, a capital or an organisation, keyed as the matcher
# sees it (folded pieces joined by spaces), with the reason it is kept.
ALLOWED_PERSON_AND_OTHER: dict[str, str] = {
    "muscat": "Joseph Muscat, Malta's prime minister, and Muscat, Oman's capital (a metonym)",
}
# Offices of the partially recognised entities the PLOVER manual lists: their holders get PRE.
BREAKAWAY_OFFICE = re.compile(
    r"breakaway|self-declared|self-proclaimed [A-Z]|Northern Cyprus|Sahrawi|"
    r"(Donetsk|Luhansk) People's Republic"
)

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DIED = re.compile(r"Died (\d{4}(?:-\d{2}(?:-\d{2})?)?)\.")


def _records() -> list[dict]:
    text = (resources.files("dragoman") / "knowledge/actors/people.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


RECORDS = _records()
BY_ID = {r["id"]: r for r in RECORDS}


def _schema() -> dict:
    path = resources.files("dragoman") / "knowledge/schemas/actor.schema.json"
    return json.loads(path.read_text("utf-8"))


def _first_day(value: str) -> date:
    """The earliest day a YYYY, YYYY-MM or YYYY-MM-DD date can mean."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    """The latest day a YYYY, YYYY-MM or YYYY-MM-DD date can mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


def _covers(role: dict, day: date) -> bool:
    start, end = role.get("valid_from"), role.get("valid_to")
    return (start is None or _first_day(start) <= day) and (end is None or _last_day(end) >= day)


def _key(name: str) -> str:
    """How names are compared: case-, accent- and space-insensitive."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _roles_on(person_id: str, day: date) -> list[dict]:
    return [role for role in BY_ID[person_id]["roles"] if _covers(role, day)]


def test_file_is_large_enough_to_matter():
    assert len(RECORDS) > 3000


def test_every_record_is_valid_against_the_actor_schema():
    validator = jsonschema.Draft202012Validator(_schema())
    problems = [
        f"{record.get('id')}: {'/'.join(map(str, e.path))}: {e.message}"
        for record in RECORDS
        for e in validator.iter_errors(record)
    ]
    assert not problems, problems[:20]


def test_records_are_curated_people():
    wrong = [r["id"] for r in RECORDS if r["kind"] != "person" or r["source"] != "curated"]
    assert not wrong
    assert all(r["id"].startswith("person:") for r in RECORDS)


def test_ids_are_unique_and_sorted():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)


def test_wikidata_ids_are_unique():
    seen: dict[str, str] = {}
    for record in RECORDS:
        qid = record.get("wikidata")
        if qid:
            assert qid not in seen, f"{qid} on {seen.get(qid)} and {record['id']}"
            seen[qid] = record["id"]


def test_role_codes_are_iso3_or_plover_specials():
    iso3 = {country.alpha_3 for country in pycountry.countries}
    bad = [
        (r["id"], role["code"])
        for r in RECORDS
        for role in r["roles"]
        if role["code"] not in iso3 and role["code"] not in SPECIAL_CODES
    ]
    assert not bad, bad


def test_sectors_are_plover_sectors():
    bad = []
    for record in RECORDS:
        for role in record["roles"]:
            used = [role.get("sector") or "", *role.get("sectors", [])]
            bad += [(record["id"], s) for s in used if s and s not in SECTORS]
    assert not bad, bad


def test_role_dates_parse_and_run_forwards():
    bad = []
    for record in RECORDS:
        for role in record["roles"]:
            start, end = role.get("valid_from"), role.get("valid_to")
            for value in (start, end):
                if value is not None:
                    assert DATE.match(value), (record["id"], value)
                    _first_day(value), _last_day(value)  # raises on 2021-02-30 and the like
            if start and end and _first_day(start) > _last_day(end):
                bad.append((record["id"], role.get("office"), start, end))
    assert not bad, bad


def test_every_role_says_what_office_it_is():
    missing = [r["id"] for r in RECORDS for role in r["roles"] if not role.get("office")]
    assert not missing, missing[:20]


def test_nobody_holds_a_role_after_their_death():
    bad = []
    for record in RECORDS:
        died = DIED.search(record.get("note", ""))
        if not died:
            continue
        last = _last_day(died.group(1))
        for role in record["roles"]:
            end = role.get("valid_to")
            if end is None or _first_day(end) > last:
                bad.append((record["id"], role.get("office"), end))
    assert not bad, bad


def test_former_elite_roles_do_not_overlap_office():
    """ELI means out of office: it must never run alongside a GOV role of the same person."""
    bad = []
    for record in RECORDS:
        eli = [r for r in record["roles"] if r.get("sector") == "ELI"]
        gov = [r for r in record["roles"] if r.get("sector") == "GOV"]
        for e in eli:
            e_start = _first_day(e["valid_from"]) if e.get("valid_from") else date.min
            e_end = _last_day(e["valid_to"]) if e.get("valid_to") else date.max
            for g in gov:
                g_start = _first_day(g["valid_from"]) if g.get("valid_from") else date.min
                g_end = _last_day(g["valid_to"]) if g.get("valid_to") else date.max
                # month- or year-precision edges may touch; a real overlap is longer than that
                if (min(e_end, g_end) - max(e_start, g_start)).days > 31:
                    bad.append((record["id"], e.get("office"), g.get("office")))
    assert not bad, bad


def test_names_are_unique_within_and_across_records():
    owners: dict[str, set[str]] = defaultdict(set)
    for record in RECORDS:
        folded = [n.casefold() for n in record["names"]]
        assert len(folded) == len(set(folded)), f"{record['id']} repeats a name"
        for name in record["names"]:
            owners[_key(name)].add(record["id"])
    shared = {k: v for k, v in owners.items() if len(v) > 1 and k not in ALLOWED_SHARED_NAMES}
    assert not shared, sorted(shared.items())[:20]


def _matcher_key(name: str) -> str:
    """How the actor matcher looks a name up: folded pieces, transliteration variants merged."""
    return " ".join(pieces(name))


def test_no_two_people_share_a_matcher_key():
    """Stricter than the check above: 'Mohammed X' and 'Muhammad X' are one key to the matcher."""
    owners: dict[str, set[str]] = defaultdict(set)
    for record in RECORDS:
        for name in record["names"]:
            owners[_matcher_key(name)].add(record["id"])
    shared = {k: v for k, v in owners.items() if len(v) > 1 and k not in ALLOWED_SHARED_NAMES}
    assert not shared, sorted(shared.items())[:20]


def test_person_names_do_not_name_countries_or_organisations():
    """A surname that is also a capital or an organisation's name needs a listed reason."""
    actors = resources.files("dragoman") / "knowledge/actors"
    others: dict[str, set[str]] = defaultdict(set)
    for fname in ("countries.jsonl", "organizations.jsonl"):
        for line in (actors / fname).read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                names = record["names"] + record.get("adjectives", []) + record.get("metonyms", [])
                for name in names:
                    others[_matcher_key(name)].add(record["id"])
    clashes = {
        (_matcher_key(name), record["id"], tuple(sorted(others[_matcher_key(name)])))
        for record in RECORDS
        for name in record["names"]
        if _matcher_key(name) in others and _matcher_key(name) not in ALLOWED_PERSON_AND_OTHER
    }
    assert not clashes, sorted(clashes)[:20]


def test_allow_lists_are_still_needed():
    keys = {_matcher_key(n) for r in RECORDS for n in r["names"]}
    assert set(ALLOWED_PERSON_AND_OTHER) <= keys


def test_breakaway_office_holders_carry_pre():
    bad = [
        (r["id"], role["office"])
        for r in RECORDS
        for role in r["roles"]
        if role.get("sector") != "ELI"
        and BREAKAWAY_OFFICE.search(role.get("office") or "")
        and "PRE" not in role.get("sectors", [])
    ]
    assert not bad, bad


# Interior ministries that do not run the police: local government, elections or civil registration
# (Thailand, Indonesia, Argentina, Mexico), immigration and prisons (Nigeria), home affairs as civil
# registration (South Africa), internal affairs and communications (Japan).
INTERIOR_WITHOUT_POLICE = {"THA", "IDN", "ARG", "MEX", "NGA", "ZAF", "JPN"}


def test_interior_ministers_carry_the_cop_sector():
    """Home and interior ministers direct the police: GOV with COP, where the ministry does."""
    interior = re.compile(
        r"^(Minister of (the )?Interior|Home Secretary|Secretary of Homeland Security)"
    )
    bad = [
        (r["id"], role["office"])
        for r in RECORDS
        for role in r["roles"]
        if role.get("sector") == "GOV"
        and interior.search(role.get("office") or "")
        and "COP" not in role.get("sectors", [])
        and role["code"] not in INTERIOR_WITHOUT_POLICE
    ]
    assert not bad, bad


def test_names_have_no_stray_whitespace_or_leading_article():
    bad = [
        (r["id"], n)
        for r in RECORDS
        for n in r["names"]
        if n != n.strip() or "  " in n or n.lower().startswith("the ")
    ]
    assert not bad, bad


def test_defence_ministers_carry_the_mil_sector():
    defence = re.compile(
        r"\b(Minister|Secretary)( of State)? (of|for) (the )?(National )?"
        r"(Defen[cs]e|Armed Forces)\b"
    )
    bad = [
        (r["id"], role["office"])
        for r in RECORDS
        for role in r["roles"]
        if role.get("sector") == "GOV"
        and defence.search(role.get("office") or "")
        and "MIL" not in role.get("sectors", [])
    ]
    assert not bad, bad


def test_every_state_has_someone_in_government_since_2010():
    covered = {
        role["code"]
        for r in RECORDS
        for role in r["roles"]
        if role.get("sector") == "GOV"
        and (role.get("valid_to") is None or _last_day(role["valid_to"]) >= date(2010, 1, 1))
    }
    assert not [code for code in STATES if code not in covered]


def test_guterres_is_the_un_not_portugal():
    roles = _roles_on("person:antonio-guterres", date(2020, 6, 1))
    assert [(r["code"], r.get("sector"), r.get("office")) for r in roles] == [
        ("UNO", "GOV", "Secretary-General of the United Nations")
    ]
    (pm,) = _roles_on("person:antonio-guterres", date(2000, 1, 1))
    assert (pm["code"], pm["sector"]) == ("PRT", "GOV")


def test_un_and_eu_offices_use_the_organisation_codes():
    un_offices = ("Secretary-General of the United Nations", "UN Special Envoy")
    eu_offices = ("President of the European Commission", "High Representative of the Union")
    for record in RECORDS:
        for role in record["roles"]:
            office = role.get("office") or ""
            if office.startswith(un_offices):
                assert role["code"] == "UNO", (record["id"], office)
            if office.startswith(eu_offices):
                assert role["code"] == "EUR", (record["id"], office)


@pytest.mark.parametrize(
    ("person_id", "day", "code", "sector"),
    [
        ("person:ahmed-al-sharaa", date(2020, 1, 1), "SYR", "REB"),
        ("person:ahmed-al-sharaa", date(2025, 6, 1), "SYR", "GOV"),
        ("person:bashar-al-assad", date(2015, 1, 1), "SYR", "GOV"),
        ("person:bashar-al-assad", date(2025, 6, 1), "SYR", "ELI"),
        ("person:hemedti", date(2020, 1, 1), "SDN", "PRM"),
        ("person:hemedti", date(2024, 1, 1), "SDN", "REB"),
        ("person:hassan-nasrallah", date(2020, 1, 1), "LBN", "PRM"),
        ("person:naim-qassem", date(2025, 1, 1), "LBN", "PRM"),
        ("person:abu-bakr-al-baghdadi", date(2015, 1, 1), "IMG", "REB"),
        ("person:hibatullah-akhundzada", date(2019, 1, 1), "AFG", "REB"),
        ("person:hibatullah-akhundzada", date(2023, 1, 1), "AFG", "GOV"),
        ("person:vladimir-putin", date(2010, 1, 1), "RUS", "GOV"),
        ("person:nursultan-nazarbayev", date(2010, 1, 1), "KAZ", "GOV"),
        ("person:nursultan-nazarbayev", date(2023, 1, 1), "KAZ", "ELI"),
        ("person:staffan-de-mistura", date(2016, 1, 1), "UNO", "GOV"),
        ("person:filippo-grandi", date(2020, 1, 1), "UNO", "REF"),
        ("person:jens-stoltenberg", date(2020, 1, 1), "IGO", "MIL"),
        ("person:ursula-von-der-leyen", date(2020, 1, 1), "EUR", "GOV"),
        ("person:kristi-noem", date(2022, 1, 1), "USA", "GOV"),
        ("person:kristi-noem", date(2025, 6, 1), "USA", "GOV"),
        ("person:christopher-wray", date(2020, 1, 1), "USA", "COP"),
        ("person:gina-haspel", date(2019, 1, 1), "USA", "SPY"),
        ("person:charles-q-brown", date(2024, 1, 1), "USA", "MIL"),
        ("person:janet-yellen", date(2019, 1, 1), "USA", "ELI"),
        ("person:priti-patel", date(2021, 1, 1), "GBR", "GOV"),
        ("person:priti-patel", date(2025, 6, 1), "GBR", "OPP"),
        ("person:tony-radakin", date(2023, 1, 1), "GBR", "MIL"),
        ("person:gerald-darmanin", date(2022, 1, 1), "FRA", "GOV"),
        ("person:thierry-burkhard", date(2023, 1, 1), "FRA", "MIL"),
        ("person:nancy-faeser", date(2023, 1, 1), "DEU", "GOV"),
        ("person:bruno-kahl", date(2020, 1, 1), "DEU", "SPY"),
        ("person:vladimir-kolokoltsev", date(2020, 1, 1), "RUS", "GOV"),
        ("person:vyacheslav-gladkov", date(2023, 6, 1), "RUS", "GOV"),
        ("person:roman-starovoit", date(2020, 1, 1), "RUS", "GOV"),
        ("person:yunus-bek-yevkurov", date(2023, 1, 1), "RUS", "GOV"),
        ("person:nitish-kumar", date(2016, 1, 1), "IND", "GOV"),
        ("person:yogi-adityanath", date(2020, 1, 1), "IND", "GOV"),
        ("person:arvind-kejriwal", date(2025, 6, 1), "IND", "OPP"),
        ("person:babagana-zulum", date(2021, 1, 1), "NGA", "GOV"),
        ("person:ali-amin-gandapur", date(2024, 6, 1), "PAK", "GOV"),
        ("person:tukur-buratai", date(2018, 1, 1), "NGA", "MIL"),
        ("person:delfin-lorenzana", date(2018, 1, 1), "PHL", "GOV"),
        ("person:chen-ming-tong", date(2019, 1, 1), "TWN", "GOV"),
        ("person:alan-gagloyev", date(2023, 1, 1), "GEO", "GOV"),
        ("person:majed-faraj", date(2020, 1, 1), "PSE", "SPY"),
    ],
)
def test_roles_at_a_date(person_id: str, day: date, code: str, sector: str):
    roles = _roles_on(person_id, day)
    assert (code, sector) in [(r["code"], r.get("sector")) for r in roles], roles


def test_dead_leaders_hold_nothing_after_death():
    assert _roles_on("person:hassan-nasrallah", date(2024, 10, 1)) == []
    assert _roles_on("person:roman-starovoit", date(2025, 8, 1)) == []
    assert _roles_on("person:taoreed-lagbaja", date(2025, 1, 1)) == []
    assert _roles_on("person:yahya-sinwar", date(2024, 11, 1)) == []
    assert _roles_on("person:yevgeny-prigozhin", date(2023, 9, 1)) == []


def test_news_forms_of_a_name_find_the_person():
    index = {_key(n): r["id"] for r in RECORDS for n in r["names"]}
    assert index[_key("Abu Mohammad al-Julani")] == "person:ahmed-al-sharaa"
    assert index[_key("Jolani")] == "person:ahmed-al-sharaa"
    assert index[_key("Erdogan")] == "person:recep-tayyip-erdogan"
    assert index[_key("Nazarbaev")] == "person:nursultan-nazarbayev"
    assert index[_key("Hemedti")] == "person:hemedti"
    assert index[_key("Zelenskyy")] == "person:volodymyr-zelensky"
    assert index[_key("Staffan de Mistura")] == "person:staffan-de-mistura"
    assert index[_key("Kassym-Jomart Tokaev")] == "person:kassym-jomart-tokayev"
    assert index[_key("Yevgeny Balitsky")] == index[_key("Evgeny Balitsky")]
    assert index[_key("Qays al-Khazali")] == "person:qais-al-khazali"
    assert index[_key("Siddaramaiah")] == "person:siddaramaiah"
