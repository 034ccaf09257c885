"""One output layer for every command: JSONL, JSON, CSV and a terminal table.

Records are plain dicts (PLOVER records, evaluation rows, lookups); the writer streams them so
a run of a million articles never holds its output in memory.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Iterator
from typing import IO, Any

FORMATS = ("jsonl", "json", "csv", "table")

EVENT_COLUMNS = ("date", "event", "mode", "cameo", "actor", "recipient", "place", "modality",
                 "confidence", "text")


def default_format(stream: IO[str]) -> str:
    """A table on a terminal, JSONL when piped."""
    return "table" if _isatty(stream) else "jsonl"


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def write(records: Iterable[dict[str, Any]], fmt: str, stream: IO[str],
          flatten=None) -> int:
    """Write `records` to `stream` in `fmt`; returns how many were written."""
    if fmt == "jsonl":
        return _jsonl(records, stream)
    if fmt == "json":
        return _json(records, stream)
    flat = (flatten or flat_record)
    if fmt == "csv":
        return _csv((flat(r) for r in records), stream)
    if fmt == "table":
        return _table((flat(r) for r in records), stream)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _jsonl(records: Iterable[dict], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _json(records: Iterable[dict], stream: IO[str]) -> int:
    count = 0
    stream.write("[")
    for record in records:
        stream.write(("," if count else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


def _csv(rows: Iterator[dict[str, Any]], stream: IO[str]) -> int:
    writer = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row), extrasaction="ignore",
                                    lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def _table(rows: Iterator[dict[str, Any]], stream: IO[str]) -> int:
    rows_list = list(rows)
    if not rows_list:
        stream.write("(no records)\n")
        return 0
    columns = list(rows_list[0])
    width = shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(row.get(c)) for c in columns] for row in rows_list]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    fixed = sum(min(w, 40) for w in widths[:-1]) + 2 * len(columns)
    widths = [min(w, 40) for w in widths[:-1]] + [max(20, min(widths[-1], width - fixed))]
    stream.write("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    for row in cells:
        stream.write("  ".join(_fit(v, w) for v, w in zip(row, widths)).rstrip() + "\n")
    return len(rows_list)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value).replace("\n", " ")


def _fit(value: str, width: int) -> str:
    return value.ljust(width) if len(value) <= width else value[: width - 1] + "…"


def entities(items: list[dict] | None) -> str:
    """'SYR GOV (Syrian government); SYR OPP (opposition groups)'."""
    out = []
    for item in items or []:
        code = " ".join(x for x in (item.get("code"), item.get("sector")) if x) or "?"
        out.append(f"{code} ({item.get('entity_text')})")
    return "; ".join(out)


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """A flat view of a PLOVER record for CSV and tables; other dicts pass through."""
    if "event" not in record or "actor" not in record:
        return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
                for k, v in record.items()}
    place = record.get("event_loc") or {}
    return {
        "id": record["id"],
        "article_id": record["article_id"],
        "date": record["date"],
        "event": ",".join(record["event"]),
        "mode": ",".join(record["mode"]),
        "cameo": record["cameo"],
        "acled": (record.get("acled") or {}).get("sub_event_type"),
        "actor": entities(record["actor"]),
        "recipient": entities(record["recipient"]),
        "place": place.get("name"),
        "country": place.get("country_code"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "precision": place.get("precision"),
        "modality": record["modality"],
        "confidence": record["confidence"],
        "text": record["text"],
    }


def table_record(record: dict[str, Any]) -> dict[str, Any]:
    """The few columns that fit a terminal."""
    flat = flat_record(record)
    if "actor" not in flat:
        return flat
    return {c: flat.get(c) for c in EVENT_COLUMNS}
