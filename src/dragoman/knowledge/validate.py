"""`dragoman knowledge validate`: every knowledge record against its schema, plus unique ids."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from dragoman.errors import KnowledgeError
from dragoman.knowledge import PACKAGE_FILES, read_jsonl

SCHEMAS = {
    "actor": "actor.schema.json",
    "agent": "agent.schema.json",
    "verb-pattern": "verb-pattern.schema.json",
    "place": "place.schema.json",
    "trigger": "trigger.schema.json",
}


@cache
def validator(kind: str):
    import jsonschema

    text = PACKAGE_FILES.joinpath("schemas", SCHEMAS[kind]).read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def kind_of(path: Path) -> str:
    """Guess the record kind from a knowledge file's name and folder."""
    name = path.name
    if "agent" in name:
        return "agent"
    if "verb-pattern" in name or "verbs" in name and path.parent.name == "cameo":
        return "verb-pattern"
    if path.parent.name == "places":
        return "place"
    if path.parent.name == "triggers":
        return "trigger"
    return "actor"


def packaged_files() -> list[Path]:
    root = Path(str(PACKAGE_FILES))
    # dates/ holds lexicon tables and models/ training phrases, each checked by its own tests
    return sorted(p for p in root.rglob("*.jsonl") if p.parent.name not in ("dates", "models"))


def validate_records(records: Iterable[dict], kind: str, source: str) -> list[str]:
    """Problems in these records, each naming the source, the record and the reason."""
    problems: list[str] = []
    seen: set[str] = set()
    check = validator(kind)
    for number, record in enumerate(records, start=1):
        label = f"{source}: record {number} ({record.get('id', '?')})"
        for error in sorted(check.iter_errors(record), key=lambda e: list(e.path)):
            where = "/".join(str(p) for p in error.path) or "record"
            problems.append(f"{label}: {where}: {error.message}")
        ident = record.get("id")
        if ident in seen:
            problems.append(f"{label}: duplicate id")
        if ident:
            seen.add(ident)
    return problems


def validate_files(files: Sequence[Path] | None = None, kind: str = "auto") -> list[str]:
    """Validate the given files (or every packaged knowledge file); returns the problems."""
    problems: list[str] = []
    ids: dict[str, str] = {}
    for path in files or packaged_files():
        file_kind = kind_of(path) if kind == "auto" else kind
        try:
            records = list(read_jsonl(path.read_text(encoding="utf-8"), str(path)))
        except (OSError, KnowledgeError) as error:
            problems.append(f"{path}: {error}")
            continue
        problems += validate_records(records, file_kind, str(path))
        for record in records:
            ident = record.get("id")
            if file_kind in ("actor", "agent") and ident in ids and ids[ident] != str(path):
                problems.append(f"{path}: id {ident!r} is also used in {ids[ident]}")
            if ident and file_kind in ("actor", "agent"):
                ids.setdefault(ident, str(path))
    return problems
