"""Main text: page furniture out, title apart, paragraphs kept.

Pure functions on strings. The boilerplate patterns are a data file
(knowledge/extract/boilerplate.json) so they can be extended without touching code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dragoman.knowledge import package_text

QUOTES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u200b": "", "\ufeff": ""})


@dataclass(frozen=True)
class Boilerplate:
    drop: tuple[re.Pattern[str], ...]
    cut: tuple[re.Pattern[str], ...]
    furniture_max_words: int


@cache
def boilerplate() -> Boilerplate:
    spec = json.loads(package_text("extract/boilerplate.json") or "{}")

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in patterns)

    return Boilerplate(compile_all(spec.get("drop", [])), compile_all(spec.get("cut", [])),
                       int(spec.get("furniture_max_words", 6)))


def normalize(text: str) -> str:
    """NFC, Unix newlines, no invisible spaces: offsets are computed on this form."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(QUOTES)


def strip_boilerplate(text: str) -> str:
    """Remove furniture lines; cut a trailing comment widget and what follows it."""
    rules = boilerplate()
    lines = text.split("\n")
    kept: list[str] = []
    for position, line in enumerate(lines):
        stripped = line.strip()
        if stripped and any(p.match(stripped) for p in rules.cut) and _rest_is_furniture(
            lines[position + 1 :], rules.furniture_max_words
        ):
            break
        if stripped and any(p.match(stripped) for p in rules.drop):
            continue
        kept.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _rest_is_furniture(lines: list[str], max_words: int) -> bool:
    return all(len(line.split()) <= max_words for line in lines)


def split_title(text: str) -> tuple[str | None, str]:
    """A first line followed by a blank line is the title; a repeat of it below is dropped."""
    parts = text.split("\n", 2)
    if len(parts) < 3 or parts[1].strip() or not parts[0].strip():
        return None, text
    title, body = parts[0].strip(), parts[2].lstrip("\n")
    if len(title.split()) > 40:
        return None, text
    first, _, rest = body.partition("\n")
    if same_words(first, title):
        body = rest.lstrip("\n")
    return title, body


def same_words(a: str, b: str) -> bool:
    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    return bool(words(a)) and words(a) == words(b)


def clean(text: str) -> tuple[str | None, str]:
    """Normalise, separate the title, strip furniture: (title, body)."""
    title, body = split_title(normalize(text).strip("\n"))
    return title, strip_boilerplate(body)
