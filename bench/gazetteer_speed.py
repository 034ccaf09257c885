"""Gazetteer lookups and toponym resolution per second, on place names we write here and, when
../shared is present, on the location spans of the event-geolocation development set."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAMES = ["Aleppo", "Damascus", "Douma", "Astana", "Kabul", "Mosul", "Tripoli", "Donetsk",
         "Gao", "Yangon", "Idlib province", "Eastern Ghouta", "Deir ez-Zour", "Mariupol"]


def names() -> list[str]:
    gold = REPO.parent / "shared/gold/event-geolocation/event_geolocation.dev.jsonl"
    if not gold.exists():
        return NAMES * 200
    spans = [loc["text"] for line in gold.read_text("utf-8").splitlines()
             for loc in json.loads(line)["location"]]
    return spans[:3000]


def main() -> int:
    from dragoman.resolve.gazetteer import Gazetteer
    from dragoman.resolve.toponyms import ToponymMention, resolve_toponyms

    started = time.perf_counter()
    gazetteer = Gazetteer.open()
    opened = time.perf_counter() - started
    sample = names()
    for name in sample[:100]:  # warm the page cache
        gazetteer.lookup(name)
    started = time.perf_counter()
    found = sum(bool(gazetteer.lookup(name)) for name in sample)
    lookup = (time.perf_counter() - started) / len(sample)
    mentions = [ToponymMention(text=n, start=0, end=len(n)) for n in sample]
    started = time.perf_counter()
    for mention in mentions:
        resolve_toponyms([mention], gazetteer)
    resolve = (time.perf_counter() - started) / len(mentions)
    print(f"index: {gazetteer.path} ({gazetteer.path.stat().st_size / 1e6:.1f} MB), "
          f"opened in {opened * 1000:.0f} ms")
    print(f"names: {len(sample)}, with a candidate: {found / len(sample):.0%}")
    print(f"lookup: {lookup * 1e6:.0f} µs per name; resolve_toponyms: {resolve * 1e6:.0f} µs")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main())
