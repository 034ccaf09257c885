"""Time expressions in news text, resolved against the publication date as an analyst would.

    >>> from datetime import date
    >>> text = "Rebels shelled the town on Monday and late last year."
    >>> [(e.text, e.kind) for e in find_time_expressions(text)]
    [('Monday', 'weekday'), ('late last year', 'relative')]
    >>> resolve_time("Monday", date(2017, 1, 25), "past").date
    datetime.date(2017, 1, 23)
    >>> resolve_time("January 23", date(2017, 1, 5), "past").date
    datetime.date(2016, 1, 23)

How a resolved date reads:

- `EventDate.date` is the first day of the period the expression names and `precision` the smallest
  unit (day, ISO week, month, year) that holds that period, so truncating the date to its precision
  always gives the period: "mid-January" is the 11th with month precision, "over the weekend" the
  Saturday with week precision, "late last year" September 1 with year precision.
- Counted expressions ("three weeks ago", "in two days") move the publication date by that amount;
  their unit is the precision. A fortnight is two weeks; hours count only in whole days ("48 hours
  ago"; "36 hours ago" is vague).
- Stretches counted from publication ("in the past three days", "over the last 24 hours", "the
  past week") give their first day, at the precision of the smallest period that holds the whole
  stretch: counted back from the moment of publication, the past three days of a Wednesday reach
  into Sunday, of the week before, so month. One that no year holds is not resolved; stretches of
  months or years and vaguely counted ones ("the past few days") are vague; other uncounted ones
  ("the previous week", "the last day") are the calendar's or no date; one ahead ("the next two
  weeks") dates nothing that happened.
- "on the 23rd" is that day of a month, placed by tense like a date without a year; "Tuesday last
  week" is the Tuesday of that week. "overnight" alone is no date: a night has two days, and
  readers of the same stories split between them.
- Seasons are those of the northern hemisphere (spring is March to May), where most of the news is
  written: "last summer" is the latest summer over by publication, at year precision; a winter,
  which no year holds, is not resolved.
- Feasts are days: fixed ones ("Christmas Day", "New Year's Eve") like a date without a year,
  Easter's ("Good Friday", "Easter Monday") counted from Western Easter of the year tense picks.
- A date or month without a year is placed by tense: past: the latest on or before publication;
  future: the first on or after it; present or unknown: the nearest.
- Weekdays and weekends: past, present or unknown: the latest on or before publication (news mostly
  reports past events, and a weekday equal to the publication's is that day); future: the first on
  or after it. "last" and "next" never mean the publication day itself.
- Anaphoric expressions ("the day before", "two days later") are counted from `published`; to count
  them from another event, pass that event's date as `published`.
- Vague expressions ("recently", "soon", "in the past", "years ago") and decades ("the 1990s") are
  found, with kind "vague" or "decade", so a caller knows the event is not dated by publication, but
  are never resolved: a decade is too wide for any year to be honest.
- For tense "past" the result is never after publication: `resolve_time` returns None instead.

The words live in knowledge/dates/en.json; only the grammar that combines them is here.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

from dragoman.errors import KnowledgeError
from dragoman.model import EventDate

Tense = Literal["past", "present", "future"]
Precision = Literal["day", "week", "month", "year"]
TIME_KINDS: tuple[str, ...] = (
    "absolute",  # a calendar date, month or year, with or without the year: "Jan. 23", "in 2016"
    "relative",  # counted from publication: "yesterday", "last week", "two days ago"
    "weekday",  # a named weekday: "Monday", "last Tuesday", "on Tuesday night"
    "part",  # a part of a day near publication: "this morning", "tonight", "last night"
    "anaphoric",  # counted from another time in the text: "the day before", "a week later"
    "vague",  # found but never resolved: "recently", "soon", "years ago"
    "decade",  # found but never resolved: "the 1990s"
)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression in a text: `text == source[start:end]`; `kind` is one of TIME_KINDS.

    Leading prepositions ("on", "in", "over") are left out of the span where they add nothing.
    """

    text: str
    start: int
    end: int
    kind: str


# What an expression means, before it meets a publication date.


@dataclass(frozen=True, slots=True)
class _Day:
    kind: str
    month: int
    day: int
    year: int | None = None
    year_offset: int | None = None


@dataclass(frozen=True, slots=True)
class _Month:
    kind: str
    month: int
    year: int | None = None
    year_offset: int | None = None
    relation: str | None = None
    part: str | None = None


@dataclass(frozen=True, slots=True)
class _Year:
    kind: str
    year: int
    part: str | None = None


@dataclass(frozen=True, slots=True)
class _MonthDay:
    """A day of the month with no month: "on the 23rd"."""

    kind: str
    day: int


@dataclass(frozen=True, slots=True)
class _Feast:
    """A day counted from Western Easter Sunday ("Good Friday" is -2)."""

    kind: str
    offset: int
    year: int | None = None
    year_offset: int | None = None


@dataclass(frozen=True, slots=True)
class _Season:
    """A season: of a year ("the summer of 2015"), by relation ("last summer"), or alone."""

    kind: str
    first_month: int
    months: int
    year: int | None = None
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class _Weekday:
    kind: str
    weekday: int
    relation: str | None = None
    week: int | None = None  # "Tuesday last week": the week of publication moved by this


@dataclass(frozen=True, slots=True)
class _Weekend:
    kind: str
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class _Period:
    """The week, month or year of publication, moved by `offset` of them, optionally cut."""

    kind: str
    unit: str
    offset: int
    edge: str | None = None
    part: str | None = None


@dataclass(frozen=True, slots=True)
class _Shift:
    """The publication date moved by `amount` units."""

    kind: str
    amount: int
    unit: str


@dataclass(frozen=True, slots=True)
class _Range:
    """The `amount` units before publication (negative) or after it: "the past three days"."""

    kind: str
    amount: int
    unit: str


@dataclass(frozen=True, slots=True)
class _Unresolvable:
    kind: str


_Spec = (_Day | _MonthDay | _Feast | _Season | _Month | _Year | _Weekday | _Weekend | _Period
         | _Shift | _Range | _Unresolvable)


# The word lists, loaded once from knowledge/dates/en.json.


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: Mapping[str, int]
    month_names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    ambiguous_months: frozenset[int]
    weekdays: Mapping[str, int]
    day_parts: tuple[str, ...]
    numbers: Mapping[str, int]
    vague_quantities: frozenset[str]
    units: Mapping[str, str | None]
    relations: Mapping[str, str]
    period_parts: Mapping[str, str]
    part_starts: Mapping[str, tuple[int, ...]]
    day_phrases: Mapping[str, tuple[int, str]]
    period_phrases: Mapping[str, _Period]
    fixed_feasts: Mapping[str, tuple[int, int]]
    easter_feasts: Mapping[str, int]
    seasons: Mapping[str, tuple[int, int]]
    feast_names_of: frozenset[str]
    vague_phrases: tuple[str, ...]
    decade_words: tuple[str, ...]
    month_context: frozenset[str]
    ambiguous_month_context: frozenset[str]
    year_context: frozenset[str]
    prepositions: tuple[str, ...]
    not_dates: tuple[str, ...]
    name_suffixes: frozenset[str]


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _described(table: Mapping[str, Any]) -> dict[str, Any]:
    """A word table without its "description" entry, keyed by normalised phrase."""
    return {_norm(name): value for name, value in table.items() if name != "description"}


def _lexicon_from(raw: Mapping[str, Any]) -> _Lexicon:
    """Build the lexicon from the parsed JSON word lists (see knowledge/dates/en.json)."""
    months = {**raw["months"], **raw["month_abbreviations"]}
    periods = {
        phrase: _Period(p["kind"], p["unit"], p["offset"], p.get("edge"))
        for phrase, p in raw["period_phrases"].items()
    }
    return _Lexicon(
        months=_frozen(months),
        month_names=tuple(raw["months"]),
        abbreviations=tuple(raw["month_abbreviations"]),
        ambiguous_months=frozenset(raw["months"][name] for name in raw["ambiguous_months"]),
        weekdays=_frozen(raw["weekdays"]),
        day_parts=tuple(raw["day_parts"]),
        numbers=_frozen(raw["numbers"]),
        vague_quantities=frozenset(raw["vague_quantities"]),
        units=_frozen(raw["units"]),
        relations=_frozen(raw["relations"]),
        period_parts=_frozen(raw["period_parts"]),
        part_starts=_frozen({u: tuple(raw["part_starts"][u]) for u in ("week", "month", "year")}),
        day_phrases=_frozen({k: (v["days"], v["kind"]) for k, v in raw["day_phrases"].items()}),
        period_phrases=_frozen(periods),
        fixed_feasts=_frozen({name: (day[0], day[1])
                              for name, day in _described(raw["fixed_feasts"]).items()}),
        easter_feasts=_frozen(_described(raw["easter_feasts"])),
        seasons=_frozen({name: (span[0], span[1])
                         for name, span in _described(raw["seasons"]).items()}),
        feast_names_of=frozenset(raw["feast_names_of"]),
        vague_phrases=tuple(raw["vague_phrases"]),
        decade_words=tuple(raw["decade_words"]),
        month_context=frozenset(raw["month_context"]),
        ambiguous_month_context=frozenset(raw["ambiguous_month_context"]),
        year_context=frozenset(raw["year_context"]),
        prepositions=tuple(raw["prepositions"]),
        not_dates=tuple(raw["not_dates"]),
        name_suffixes=frozenset(raw["name_suffixes"]),
    )


@cache
def _lexicon() -> _Lexicon:
    path = resources.files("dragoman") / "knowledge" / "dates" / "en.json"
    try:
        return _lexicon_from(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        message = f"cannot load the date word lists: {error!r}"
        raise KnowledgeError(message, source=str(path)) from error


@cache
def calendar_words() -> frozenset[str]:
    """Month names, their abbreviations and weekday names, lower case: 'march', 'sept',
    'thursday' (from knowledge/dates/en.json)."""
    lexicon = _lexicon()
    return frozenset([*lexicon.months, *lexicon.weekdays])


# The grammar: regular expressions over the word lists, each with a builder of its meaning.

_Builder = Callable[[re.Match[str], _Lexicon], _Spec | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    build: _Builder


@dataclass(frozen=True, slots=True)
class _Grammar:
    lexicon: _Lexicon
    rules: tuple[_Rule, ...]
    not_dates: re.Pattern[str]
    preposition: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "the day before yesterday" beats "the day before"."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _names(words: Iterable[str]) -> str:
    """Capitalised and upper-case names only, so the modal "may" is never the month "May"."""
    variants = {v for word in words for v in (word.capitalize(), word.upper())}
    return f"(?-i:{_alternation(variants)})"


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _number(word: str, lex: _Lexicon) -> int | None:
    return int(word) if word.isdigit() else lex.numbers.get(_norm(word))


def _year_of(match: re.Match[str]) -> tuple[int | None, int | None]:
    """The explicit year, or the year offset of "last year"/"this year"/"next year", if any."""
    if match.group("year"):
        return int(match.group("year")), None
    if match.group("yrel"):
        return None, {"last": -1, "this": 0, "next": 1}[match.group("yrel").lower()]
    return None, None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _build_day(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    month = lex.months[(match.group("month") or match.group("abbr")).lower()]
    day = int(match.group("day"))
    year, offset = _year_of(match)
    # Without a year, February 29 is still a date: 2000 stands in for any leap year.
    if not _valid(year if year is not None else 2000, month, day):
        return None
    return _Day("absolute", month, day, year, offset)


def _build_iso(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    year, month, day = (int(match.group(name)) for name in ("y", "m", "d"))
    return _Day("absolute", month, day, year) if _valid(year, month, day) else None


def _build_numeric(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    """23/01/2017 or 01/23/2017, but never 05/06/2017: only the unambiguous ones are dates."""
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if first == second or second > 12 >= first:
        month, day = first, second
    elif first > 12 >= second:
        month, day = second, first
    else:
        return None
    return _Day("absolute", month, day, year) if _valid(year, month, day) else None


def _build_month(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    year, offset = _year_of(match)
    if match.group("abbr") and year is None and offset is None:
        return None  # "Jan" alone is more often a name than a month
    month = lex.months[(match.group("month") or match.group("abbr")).lower()]
    part = lex.period_parts[_norm(match.group("part"))] if match.group("part") else None
    relation = lex.relations[_norm(match.group("rel"))] if match.group("rel") else None
    return _Month("absolute", month, year, offset, relation, part)


def _build_year(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    part = lex.period_parts[_norm(match.group("part"))] if match.group("part") else None
    return _Year("absolute", int(match.group("year")), part)


def _build_period(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    period = lex.period_phrases[_norm(match.group("phrase"))]
    if not match.group("part"):
        return period
    if period.edge is not None:
        return None  # "late earlier this week" is not English
    part = lex.period_parts[_norm(match.group("part"))]
    return _Period(period.kind, period.unit, period.offset, None, part)


def _build_weekday(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    relation = lex.relations.get(_norm(match.group("rel") or ""))
    return _Weekday("weekday", lex.weekdays[match.group("weekday").lower()], relation)


def _build_weekday_of_week(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    """ "Tuesday last week", "on Friday of this week"."""
    week = {"last": -1, "this": 0, "next": 1}[match.group("wrel").lower()]
    return _Weekday("weekday", lex.weekdays[match.group("weekday").lower()], None, week)


def _build_month_day(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    return _MonthDay("absolute", int(match.group("day")))


def _feast_name(match: re.Match[str]) -> str:
    return _norm(match.group("feast")).replace("\u2019", "'")


def _build_feast(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    """A fixed feast is a day of the calendar ("Christmas Day": December 25); an Easter feast
    moves with Easter ("Good Friday")."""
    name = _feast_name(match)
    year, offset = _year_of(match)
    if name in lex.fixed_feasts:
        month, day = lex.fixed_feasts[name]
        return _Day("absolute", month, day, year, offset)
    return _Feast("absolute", lex.easter_feasts[name], year, offset)


def _build_weekend(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    return _Weekend("relative", lex.relations.get(_norm(match.group("rel"))))


def _build_day_phrase(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    days, kind = lex.day_phrases[_norm(match.group("phrase"))]
    return _Shift(kind, days, "day")


def _counted(match: re.Match[str], lex: _Lexicon, sign: int, kind: str) -> _Spec:
    """ "two days ago", "a week later", "in three months": a shift, or vague without a count.
    Hours count as days only in whole days ("48 hours ago"); "36 hours ago" is vague."""
    count = match.group("n")
    unit = lex.units.get(_norm(match.group("unit") or ""))
    if not count or unit is None or _norm(count) in lex.vague_quantities:
        return _Unresolvable("vague")
    amount = _number(count, lex)
    if amount is None:
        return _Unresolvable("vague")
    amount, unit = _in_calendar_units(amount, unit)
    return _Shift(kind, sign * amount, unit) if unit else _Unresolvable("vague")


def _in_calendar_units(amount: int, unit: str, touched: bool = False
                       ) -> tuple[int, str | None]:
    """Fortnights as weeks, hours as days. A shift ("48 hours ago") must land on a whole day:
    (amount, None) when it does not ("36 hours ago"). With `touched`, the days a stretch of
    hours reaches into ("the last 36 hours": two days back)."""
    if unit == "fortnight":
        return 2 * amount, "week"
    if unit == "hour":
        days = -(-abs(amount) // 24) * (1 if amount >= 0 else -1)
        if touched:
            return days, "day"
        return (amount // 24, "day") if amount % 24 == 0 else (amount, None)
    return amount, unit


def _build_ago(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    direction = match.group("dir").lower()
    kind = "relative" if direction == "ago" else "anaphoric"
    return _counted(match, lex, 1 if direction in ("later", "after") else -1, kind)


def _build_season(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    groups = match.groupdict()
    first, months = lex.seasons[groups["season"].lower()]
    relation = lex.relations[_norm(groups["rel"])] if groups.get("rel") else None
    year = int(groups["year"]) if groups.get("year") else None
    return _Season("absolute" if relation is None else "relative", first, months, year, relation)


def _build_ahead(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    return _counted(match, lex, 1, "relative")


def _build_range(match: re.Match[str], lex: _Lexicon) -> _Spec | None:
    """ "the past three days", "over the last 24 hours", "the next two weeks": a stretch
    counted from publication; vague with a vague count or none ("the past few days", "the
    past weeks"). Uncounted, only "the past week" and "the last week" are a stretch: "the
    previous week" and "the following day" are the calendar's (`period`, `day_phrase`),
    and "the last day" no date."""
    direction = match.group("dir").lower()
    sign = 1 if direction in ("coming", "next", "following") else -1
    kind = "anaphoric" if direction in ("previous", "following") else "relative"
    count = match.group("n")
    unit = lex.units.get(_norm(match.group("unit")))
    if not count and not match.group("unit").lower().endswith("s"):
        if unit == "week" and direction in ("past", "last"):
            return _Range(kind, -1, "week")
        return None
    if unit is None or not count or _norm(count) in lex.vague_quantities:
        return _Unresolvable("vague")  # "the past weeks", "the past few days"
    amount = _number(count, lex)
    if amount is None or unit in ("month", "year"):
        return _Unresolvable("vague")  # "the past three months" is a quarter, no month's
    return _Range(kind, sign * amount, unit)


def _vague(kind: str) -> _Builder:
    return lambda match, lex: _Unresolvable(kind)


def _patterns(lex: _Lexicon) -> dict[str, str]:
    """The pieces the rules are written with."""
    months, abbreviations = _names(lex.month_names), _names(lex.abbreviations)
    return {
        "MONTH": rf"(?:(?P<month>{months})\b|(?P<abbr>{abbreviations})\b\.?)",
        "DAY": r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b",
        "Y": r"(?:19|20)\d\d",
        # An optional year after a month or day: ", 2017", " of 2017", " last year".
        "YT": r"(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>(?:19|20)\d\d)\b(?![-/.]\d)"
        r"|\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b)?",
        "WD": _names(lex.weekdays),
        "WD_": rf"(?:{_names(lex.weekdays)},?\s+)?",  # "Monday, January 23"
        "NO_NUM": r"(?<![\w./-])",  # not inside a longer number, version or path
        "APOS": "['\u2019]",
        "EML": r"(?:(?:early|mid|late)[\s-]+)?",
        "PART": rf"(?P<part>{_alternation(lex.period_parts)})",
        "REL": rf"(?P<rel>{_alternation(lex.relations)})",
        "QUANT": rf"(?P<n>\d{{1,3}}|{_alternation([*lex.numbers, *lex.vague_quantities])})",
        "UNIT": rf"(?P<unit>{_alternation(lex.units)})",
        "PLURAL": rf"(?:{_alternation(u for u in lex.units if u.endswith('s'))})",
        "NUMBERS": _alternation(lex.numbers),
        "PERIODS": _alternation(lex.period_phrases),
        "SEASON": rf"(?P<season>{_alternation(lex.seasons)})",
        "FEASTS": _alternation(_apostrophes([*lex.fixed_feasts, *lex.easter_feasts])),
        "ANY_UNIT": rf"(?P<unit>{_alternation(u for u, v in lex.units.items() if v)})",
    }


def _apostrophes(words: Iterable[str]) -> list[str]:
    """Each word as written with a straight and with a curly apostrophe."""
    return [v for word in words for v in {word, word.replace("'", "\u2019")}]


def _rule_table(lex: _Lexicon) -> list[tuple[str, str, _Builder]]:
    """(name, pattern, builder) in the order `resolve_time` tries them on a whole string."""
    p = _patterns(lex)
    weekday_rel = _alternation([*lex.relations, "early", "late", "overnight"])
    return [
        ("month_day", rf"(?<!\w){p['WD_']}{p['MONTH']}\s+(?:the\s+)?{p['DAY']}{p['YT']}",
         _build_day),
        ("day_month", rf"(?<![\w.,/]){p['WD_']}(?:the\s+)?{p['DAY']}\s+(?:of\s+)?{p['MONTH']}"
         rf"{p['YT']}", _build_day),
        ("iso", rf"{p['NO_NUM']}(?P<y>{p['Y']})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", _build_iso),
        ("numeric", rf"{p['NO_NUM']}(?P<a>\d\d?)(?P<sep>[/.])(?P<b>\d\d?)(?P=sep)(?P<y>{p['Y']})"
         r"(?![\d/-]|\.\d)", _build_numeric),
        ("ymd", rf"{p['NO_NUM']}(?P<y>{p['Y']})/(?P<m>\d\d?)/(?P<d>\d\d?)(?![\d/])", _build_iso),
        ("feast", rf"(?<!\w)(?P<feast>{p['FEASTS']})\b{p['YT']}", _build_feast),
        # "last summer", "the summer of 2015", "summer 2015", "in the spring"; not "in the fall
        # of Aleppo", "a fall in prices" or "Spring Valley"
        ("season_of_year", rf"(?<!\w)(?:the\s+)?{p['SEASON']}\s+(?:of\s+)?(?P<year>{p['Y']})\b"
         r"(?![-/]\d)", _build_season),
        # "in the fall" alone is more often a tumble than autumn
        ("season", (rf"(?<!\w)(?:{p['REL']}\s+|in\s+the\s+(?!fall\b)){p['SEASON']}\b"
                    r"(?!\s+of\b)"), _build_season),
        ("month", rf"(?<!\w)(?:{p['PART']}[\s-]+|{p['REL']}\s+)?{p['MONTH']}{p['YT']}",
         _build_month),
        ("year", rf"(?<![\w$\u00a3\u20ac#.,/-])(?:{p['PART']}[\s-]+)?(?P<year>{p['Y']})\b"
         rf"(?![-/.,]\d|{p['APOS']}?s\b)", _build_year),
        ("decade", rf"(?<!\w)(?:the\s+)?{p['EML']}(?:(?:18|19|20)\d0s|{p['APOS']}\d0s)\b"
         rf"|(?<!\w)the\s+{p['EML']}(?:{_alternation(lex.decade_words)})\b", _vague("decade")),
        # not "the last week of January", "the last year": a stretch (`range`) or a name's part
        ("period", rf"(?<!\w)(?<!\bthe\s)(?:{p['PART']}[\s-]+)?(?P<phrase>{p['PERIODS']})\b",
         _build_period),
        ("month_day_only", r"(?<!\w)on\s+the\s+(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)\b"
         r"(?=\s*(?:[,.;:)]|$)|\s+(?:at|when|while|as|after|before|in|near|during|outside)\b)",
         _build_month_day),
        ("weekday_of_week", rf"(?<!\w)(?P<weekday>{p['WD']})"
         rf"(?:\s+(?:{_alternation(lex.day_parts)}))?"
         r",?\s+(?:of\s+)?(?P<wrel>last|this|next)\s+week\b(?!['\u2019]s\b)",
         _build_weekday_of_week),
        ("weekday", rf"(?<!\w)(?:(?P<rel>{weekday_rel})\s+(?:on\s+)?)?(?P<weekday>{p['WD']})"
         rf"(?:\s+(?:{_alternation(lex.day_parts)}))?\b", _build_weekday),
        ("weekend", rf"(?<!\w)(?P<rel>{_alternation([*lex.relations, 'the'])})\s+weekend\b",
         _build_weekend),
        ("day_phrase", rf"(?<!\w)(?P<phrase>{_alternation(lex.day_phrases)})\b", _build_day_phrase),
        ("ago", rf"(?<!\w)(?:{p['QUANT']}\s+{p['UNIT']}|{p['PLURAL']})\s+"
         r"(?P<dir>ago|earlier|later|before|after)\b", _build_ago),
        ("ahead", rf"(?<!\w)in\s+{p['QUANT']}\s+{p['UNIT']}(?:{p['APOS']}s?\s+time)?\b(?!\s+of\b)",
         _build_ahead),
        ("vague", rf"(?<!\w)(?:{_alternation(lex.vague_phrases)})\b", _vague("vague")),
        ("range", rf"(?<!\w)(?:(?:in|over|during|within|for)\s+)?(?:the|these)\s+"
         r"(?P<dir>past|last|previous|coming|next|following)\s+"
         rf"(?:(?P<n>few|several|couple\s+of|\d{{1,3}}|{p['NUMBERS']})\s+)?{p['ANY_UNIT']}\b"
         r"(?!\s+of\b)", _build_range),
    ]  # fmt: skip


@cache
def _grammar() -> _Grammar:
    lex = _lexicon()
    rules = tuple(
        _Rule(name, re.compile(pattern, re.IGNORECASE), build)
        for name, pattern, build in _rule_table(lex)
    )
    # Names that contain a date word ("Black Friday", "Long March 5") are matched as written.
    not_dates = re.compile(rf"(?<!\w)(?:{_alternation(lex.not_dates)})")
    preposition = re.compile(rf"^(?:{_alternation(lex.prepositions)})\s+", re.IGNORECASE)
    return _Grammar(lex, rules, not_dates, preposition)


# Finding expressions in running text.


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression in `text`, in order, without overlaps (the longest wins).

    >>> [e.text for e in find_time_expressions("They may march in May, said Jan. 23, 2017 notes.")]
    ['May', 'Jan. 23, 2017']
    """
    grammar = _grammar()
    blocked = [m.span() for m in grammar.not_dates.finditer(text)]
    found: list[TimeExpression] = []
    for rule in grammar.rules:
        for match in rule.pattern.finditer(text):
            spec = rule.build(match, grammar.lexicon)
            start, end = match.span()
            if spec is None or any(s < end and start < e for s, e in blocked):
                continue
            if _plausible(text, start, end, spec, grammar.lexicon) and not (
                    rule.name == "feast" and _names_another_thing(text, end, grammar.lexicon)):
                found.append(TimeExpression(match.group(), start, end, spec.kind))
            else:
                # A rejected "April 6" (April 6 Youth Movement) must not come back as "April".
                blocked.append((start, end))
    return _longest_first(found)


def _longest_first(found: list[TimeExpression]) -> list[TimeExpression]:
    kept: list[TimeExpression] = []
    for expression in sorted(found, key=lambda e: (e.start, e.start - e.end)):
        if not kept or expression.start >= kept[-1].end:
            kept.append(expression)
    return kept


def _plausible(text: str, start: int, end: int, spec: _Spec, lex: _Lexicon) -> bool:
    """Whether the words around a match let it be a date ("in May", not "Theresa May")."""
    if isinstance(spec, (_Day, _Feast, _Month)) and _name_follows(text, end, lex.name_suffixes):
        return False  # "April 6 Youth Movement", "25 January Revolution"
    if isinstance(spec, _Month) and _bare(spec):
        return _bare_month_plausible(text, start, end, spec.month, lex)
    if isinstance(spec, _Year) and spec.part is None:
        return _word_before(text, start) in lex.year_context
    return True


def _names_another_thing(text: str, end: int, lex: _Lexicon) -> bool:
    """A feast's name before a name or an event it names: "Pentecost Island", "the Easter
    Sunday bombings", "the Boxing Day tsunami", "Halloween costumes"."""
    after = re.match(r"\s+([\w'\u2019-]+)", text[end : end + 40])
    if after is None:
        return False
    word = after.group(1)
    return word[:1].isupper() or word.lower() in lex.feast_names_of


def _bare(spec: _Month) -> bool:
    """A month name alone: no day, year, "last" or "early" to vouch for it."""
    return (
        spec.part is None
        and spec.relation is None
        and spec.year is None
        and spec.year_offset is None
    )


def _bare_month_plausible(text: str, start: int, end: int, month: int, lex: _Lexicon) -> bool:
    before = _word_before(text, start)
    if month in lex.ambiguous_months:
        return before in lex.ambiguous_month_context
    # "the January attack" is a date, "April Ryan" a person.
    return before in lex.month_context or not re.match(r"\s+[A-Z]", text[end : end + 3])


def _word_before(text: str, start: int) -> str | None:
    found = re.search(r"(\w+)\s+$", text[max(0, start - 24) : start])
    return found.group(1).lower() if found else None


def _name_follows(text: str, end: int, suffixes: frozenset[str]) -> bool:
    words = re.match(r"(?:\s+[A-Z][\w'\u2019-]*){1,3}", text[end : end + 60])
    return words is not None and any(word in suffixes for word in words.group().split())


# Resolving one expression against a publication date.


def resolve_time(
    expression: TimeExpression | str,
    published: date,
    tense: Tense | None = None,
) -> EventDate | None:
    """The date an expression names, read from an article published on `published`.

    `tense` is that of the event's verb; None when unknown. Returns None for what cannot be
    resolved honestly: vague words, decades, ambiguous numeric dates, and anything that would land
    after publication for a past-tense event.

    >>> found = resolve_time("last week", date(2017, 1, 25), "past")
    >>> found.date, found.precision
    (datetime.date(2017, 1, 16), 'week')
    """
    if isinstance(expression, TimeExpression):
        text, start, end = expression.text, expression.start, expression.end
    else:
        text, start, end = expression, None, None
    spec = _parse(text)
    try:
        found = None if spec is None else _resolve(spec, published, tense, _lexicon())
    except (ValueError, OverflowError):
        return None  # the date would fall outside the years 1 to 9999
    if found is None or (tense == "past" and found[0] > published):
        return None
    day, precision = found
    return EventDate(day, precision, text, start, end, resolution="expression")


@lru_cache(maxsize=4096)
def _parse(text: str) -> _Spec | None:
    """The meaning of a whole expression, with or without its leading preposition."""
    grammar = _grammar()
    for reading in _readings(text, grammar):
        for rule in grammar.rules:
            match = rule.pattern.fullmatch(reading)
            spec = rule.build(match, grammar.lexicon) if match else None
            if spec is not None:
                return spec
    return None


def _readings(text: str, grammar: _Grammar) -> Iterator[str]:
    stripped = text.strip()
    bare = grammar.preposition.sub("", stripped, count=1)
    seen: set[str] = set()
    for reading in (stripped, stripped.rstrip(",;:."), bare, bare.rstrip(",;:.")):
        if reading and reading not in seen:
            seen.add(reading)
            yield reading


_Span = tuple[date, date]
_Found = tuple[date, Precision] | None


def _resolve(spec: _Spec, published: date, tense: Tense | None, lex: _Lexicon) -> _Found:
    if isinstance(spec, _Day):
        return _resolve_day(spec, published, tense)
    if isinstance(spec, _MonthDay):
        return _resolve_month_day(spec, published, tense)
    if isinstance(spec, _Feast):
        return _resolve_feast(spec, published, tense)
    if isinstance(spec, _Season):
        return _resolve_season(spec, published, tense)
    if isinstance(spec, _Month):
        return _resolve_month(spec, published, tense, lex)
    if isinstance(spec, _Year):
        year = (date(spec.year, 1, 1), date(spec.year, 12, 31))
        return _part(year, "year", spec.part, lex)[0], "year"
    if isinstance(spec, _Weekday):
        return _resolve_weekday(spec, published, tense)
    if isinstance(spec, _Weekend):
        return _resolve_weekend(spec, published, tense)
    if isinstance(spec, _Period):
        return _resolve_period(spec, published, lex)
    if isinstance(spec, _Shift):
        return _shift(published, spec.amount, spec.unit), _precision(spec.unit)
    if isinstance(spec, _Range):
        if spec.amount > 0 and tense == "past":
            return None  # "in the next three days" is nothing that happened
        return _resolve_range(spec, published)
    return None


def _precision(unit: str) -> Precision:
    precisions: dict[str, Precision] = {"day": "day", "week": "week", "month": "month"}
    return precisions.get(unit, "year")


def _calendar_direction(tense: Tense | None) -> str:
    """Dates without a year: past and future follow the tense, otherwise the nearest."""
    return tense if tense in ("past", "future") else "nearest"


def _event_direction(tense: Tense | None) -> str:
    """Weekdays: news reports mostly what happened, so only the future tense looks ahead."""
    return "future" if tense == "future" else "past"


def _choose(spans: Iterable[_Span], published: date, direction: str) -> _Span | None:
    """The span a tense points to: past: latest started by publication; future: first not over."""
    spans = sorted(spans)
    if direction == "past":
        return max((s for s in spans if s[0] <= published), default=None)
    if direction == "future":
        return min((s for s in spans if s[1] >= published), default=None)
    return min(spans, key=lambda s: _distance(s, published), default=None)


def _distance(span: _Span, published: date) -> int:
    if span[0] <= published <= span[1]:
        return 0
    return min(abs((span[0] - published).days), abs((span[1] - published).days))


def _years_around(published: date) -> range:
    # Four years either side, so that February 29 always has a candidate.
    return range(max(published.year - 4, 1), min(published.year + 5, 10000))


def _stated_year(spec: _Day | _Feast, published: date) -> int | None:
    """The year a day expression states ("2016", "last year"), or None when tense must pick."""
    if spec.year is not None:
        return spec.year
    return None if spec.year_offset is None else published.year + spec.year_offset


def _day_by_tense(days: Iterable[date], published: date, tense: Tense | None) -> _Found:
    """Of a day's possible dates, the one the tense points to (`_calendar_direction`)."""
    chosen = _choose([(d, d) for d in days], published, _calendar_direction(tense))
    return (chosen[0], "day") if chosen else None


def _resolve_day(spec: _Day, published: date, tense: Tense | None) -> _Found:
    year = _stated_year(spec, published)
    if year is not None:
        valid = _valid(year, spec.month, spec.day)
        return (date(year, spec.month, spec.day), "day") if valid else None
    return _day_by_tense((date(year, spec.month, spec.day) for year in _years_around(published)
                          if _valid(year, spec.month, spec.day)), published, tense)


def _resolve_month_day(spec: _MonthDay, published: date, tense: Tense | None) -> _Found:
    """ "on the 23rd": that day of the month, placed by tense like a date without a year."""
    firsts = [_shift(published.replace(day=1), k, "month") for k in range(-12, 13)]
    return _day_by_tense((d.replace(day=spec.day) for d in firsts
                          if _valid(d.year, d.month, spec.day)), published, tense)


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday of `year` (the anonymous Gregorian algorithm).

    >>> easter(2017), easter(2019)
    (datetime.date(2017, 4, 16), datetime.date(2019, 4, 21))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    w = (32 + 2 * e + 2 * i - h - k) % 7  # the weekday correction ("L" in the algorithm)
    m = (a + 11 * h + 19 * w) // 433
    month = (h + w - 7 * m + 90) // 25
    return date(year, month, (h + w - 7 * m + 33 * month + 19) % 32)


def _resolve_feast(spec: _Feast, published: date, tense: Tense | None) -> _Found:
    year = _stated_year(spec, published)
    if year is not None:
        return easter(year) + timedelta(days=spec.offset), "day"
    return _day_by_tense((easter(year) + timedelta(days=spec.offset)
                          for year in _years_around(published)), published, tense)


def _resolve_season(spec: _Season, published: date, tense: Tense | None) -> _Found:
    """A season's first day, at the precision of the smallest period that holds it: a year,
    and none for a winter, which runs into the next year. "last" is the latest season over by
    publication, "this" the one of its year, "next" the first to start after it; alone, a
    season is placed by tense like a month."""
    def span(year: int) -> _Span:
        start = date(year, spec.first_month, 1)
        last = _shift(start, spec.months - 1, "month")
        return start, last.replace(day=calendar.monthrange(last.year, last.month)[1])

    spans = [span(year) for year in _years_around(published)]
    if spec.year is not None:
        chosen: _Span | None = span(spec.year)
    elif spec.relation == "last":
        chosen = max((s for s in spans if s[1] < published), default=None)
    elif spec.relation == "next":
        chosen = min((s for s in spans if s[0] > published), default=None)
    elif spec.relation == "this":
        chosen = span(published.year)
    else:
        chosen = _choose(spans, published, _calendar_direction(tense))
    if chosen is None:
        return None
    precision = _holding(*chosen)
    return (chosen[0], precision) if precision else None


def _resolve_range(spec: _Range, published: date) -> _Found:
    """A stretch from publication: its first day, at the precision of the smallest period
    that holds all of it. Counted back from the moment of publication, N days reach into the
    day N days before it, so the stretch holds N + 1 calendar days (the past three days of a
    Wednesday run from Sunday: month precision, as Sunday ends the ISO week before). None
    when no year holds it."""
    amount, unit = spec.amount, spec.unit
    amount, whole = _in_calendar_units(amount, unit, touched=True)
    unit = whole or unit
    other = _shift(published, amount, unit)
    start, end = min(published, other), max(published, other)
    precision = _holding(start, end)
    return (start, precision) if precision else None


def _holding(start: date, end: date) -> Precision | None:
    """The smallest unit (day, ISO week, month, year) one of which holds start to end."""
    if start == end:
        return "day"
    if start.isocalendar()[:2] == end.isocalendar()[:2]:
        return "week"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    return "year" if start.year == end.year else None


def _month_span(year: int, month: int) -> _Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_year(spec: _Month, published: date) -> int | None:
    """The year a month expression states or implies, or None when only tense can tell."""
    if spec.year is not None:
        return spec.year
    if spec.year_offset is not None:
        return published.year + spec.year_offset
    if spec.relation == "this":
        return published.year
    if spec.relation == "last":
        return published.year if spec.month < published.month else published.year - 1
    if spec.relation == "next":
        return published.year if spec.month > published.month else published.year + 1
    return None


def _resolve_month(spec: _Month, published: date, tense: Tense | None, lex: _Lexicon) -> _Found:
    year = _month_year(spec, published)
    years = _years_around(published) if year is None else [year]
    spans = [_part(_month_span(y, spec.month), "month", spec.part, lex) for y in years]
    chosen = spans[0] if year is not None else _choose(spans, published, _calendar_direction(tense))
    return (chosen[0], "month") if chosen else None


def _part(span: _Span, unit: str, part: str | None, lex: _Lexicon) -> _Span:
    """The early, mid or late third of a week, month or year (knowledge/dates part_starts)."""
    if part is None:
        return span
    index = ("early", "mid", "late").index(part)
    starts = [_part_start(span[0], unit, value) for value in lex.part_starts[unit]]
    end = starts[index + 1] - timedelta(days=1) if index < 2 else span[1]
    return starts[index], end


def _part_start(start: date, unit: str, value: int) -> date:
    if unit == "week":
        return start + timedelta(days=value)
    if unit == "month":
        return start.replace(day=value)
    return start.replace(month=value)


def _days_around(published: date, weekday: int, reach: int = 7) -> list[date]:
    """Every date with this weekday from `reach` days before publication to `reach` after."""
    days = (published + timedelta(days=k) for k in range(-reach, reach + 1))
    return [day for day in days if day.weekday() == weekday]


def _resolve_weekday(spec: _Weekday, published: date, tense: Tense | None) -> _Found:
    if spec.week is not None:
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=spec.week, days=spec.weekday), "day"
    days = _days_around(published, spec.weekday)
    if spec.relation == "last":
        return max(d for d in days if d < published), "day"
    if spec.relation == "next":
        return min(d for d in days if d > published), "day"
    chosen = _choose([(d, d) for d in days], published, _event_direction(tense))
    return (chosen[0], "day") if chosen else None


def _resolve_weekend(spec: _Weekend, published: date, tense: Tense | None) -> _Found:
    weekends = [(sat, sat + timedelta(days=1)) for sat in _days_around(published, 5, reach=14)]
    if spec.relation == "last":
        chosen = max((w for w in weekends if w[1] < published), default=None)
    elif spec.relation == "next":
        chosen = min((w for w in weekends if w[0] > published), default=None)
    else:
        chosen = _choose(weekends, published, _event_direction(tense))
    return (chosen[0], "week") if chosen else None


def _unit_span(published: date, unit: str, offset: int) -> _Span:
    """The week (Monday to Sunday), month or year of publication, moved by `offset` of them."""
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _shift(published.replace(day=1), offset, "month")
        return _month_span(first.year, first.month)
    year = published.year + offset
    return date(year, 1, 1), date(year, 12, 31)


def _resolve_period(spec: _Period, published: date, lex: _Lexicon) -> _Found:
    start, end = _unit_span(published, spec.unit, spec.offset)
    if spec.edge == "earlier":
        end = min(end, published)
    elif spec.edge == "later":
        start = max(start, published + timedelta(days=1))
        if start > end:
            return None  # "later this week" on a Sunday: nothing of the week is left
    return _part((start, end), spec.unit, spec.part, lex)[0], _precision(spec.unit)


def _shift(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` units; month and year steps keep the day where the month has it."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    months = day.month - 1 + amount * (12 if unit == "year" else 1)
    year, month = day.year + months // 12, months % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
