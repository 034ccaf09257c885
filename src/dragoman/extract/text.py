"""Main text: page furniture out, title apart, paragraphs kept.

Pure functions on strings. The boilerplate patterns are a data file
(knowledge/extract/boilerplate.json) so they can be extended without touching code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from dragoman.knowledge import package_text

# "DAMASCUS, March 14, 2016 (Reuters) - ", "BAMAKO (AFP) -- " or "KIDAL, Mali (AP) - ": where
# (and in which country or state) and when a report was filed
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'\- ]{1,30}?))?"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&'-]{1,30})\))?\s*(?:-{1,2}|—|–|:)\s+"
)


@dataclass(frozen=True)
class Dateline:
    end: int  # where the story proper begins
    place: str
    place_start: int
    date: str | None
    region: str | None = None  # "BOGOTA, Colombia (Wire) -": the country or state named after


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening a wire story, if any: a capitalised place, maybe its country or
    state, a date and an agency, then a dash ('DAMASCUS, March 14 (Reuters) - ...', 'KIDAL,
    Mali (AP) - ...')."""
    match = DATELINE.match(text)
    if not match:
        return None
    place = match.group("place").strip()
    if not (place.isupper() or place.istitle()) or len(place) < 3:
        return None
    if not (match.group("agency") or match.group("date") or place.isupper()):
        return None
    region = match.group("region")
    return Dateline(match.end(), place, match.start("place"), match.group("date"),
                    region.strip() if region else None)


DATELINE_FORMATS = ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")


def dateline_date(text: str) -> date | None:
    """The full date of a dateline ('March 14, 2016'), for articles that carry no other date."""
    dateline = find_dateline(text)
    if dateline is None or not dateline.date:
        return None
    value = dateline.date.replace(".", "")
    for fmt in DATELINE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


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
    if len(title.split()) > 25 or title.endswith((".", "!", "?", ":", ";", ",")):
        return None, text  # a first paragraph, not a headline
    first, _, rest = body.partition("\n")
    if same_words(first, title):
        body = rest.lstrip("\n")
    return title, body


def same_words(a: str, b: str) -> bool:
    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    return bool(words(a)) and words(a) == words(b)


def sentence_case(headline: str, common: Callable[[str], bool]) -> str:
    """'Talks Begin In Jerusalem Over Trade' -> 'Talks begin in Jerusalem over trade': a
    title-case headline parses badly; ordinary words (as `common` says) are lowered, names
    stay. Headlines already in sentence case come back unchanged."""
    words = headline.split(" ")
    capitalised = [w for w in words[1:] if w[:1].isupper()]
    if len(capitalised) < max(2, (len(words) - 1) * 0.6):
        return headline
    out = [words[0]]
    for word in words[1:]:
        core = word.strip("\"'“”‘’,.:;!?()")
        lowered = core.lower()
        out.append(word.replace(core, lowered) if core.istitle() and common(lowered) else word)
    return " ".join(out)


def clean(text: str, *, detect_title: bool = True) -> tuple[str | None, str]:
    """Normalise, separate the title (plain-text files), strip furniture: (title, body)."""
    text = normalize(text).strip("\n")
    title, body = split_title(text) if detect_title else (None, text)
    return title, strip_boilerplate(body)
