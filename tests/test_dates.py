"""Time expressions: finding them in text and resolving them against the publication date."""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.code.dates import TIME_KINDS, TimeExpression, find_time_expressions, resolve_time
from dragoman.model import EventDate

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

WED = date(2017, 1, 25)  # a Wednesday; most rows are read from an article published that day
D = date.fromisoformat

# (expression, published, tense, expected date or None, precision)
RESOLUTIONS = [
    # explicit dates, with and without a year
    ("January 23", D("2017-01-24"), "past", D("2017-01-23"), "day"),
    ("January 23", D("2017-01-05"), "past", D("2016-01-23"), "day"),
    ("January 23", D("2017-01-05"), "future", D("2017-01-23"), "day"),
    ("January 23", D("2017-01-05"), None, D("2017-01-23"), "day"),
    ("January 23", D("2017-01-24"), "future", D("2018-01-23"), "day"),
    ("January 23", D("2017-01-24"), "present", D("2017-01-23"), "day"),
    ("23 January", D("2017-01-24"), "past", D("2017-01-23"), "day"),
    ("January 23rd", D("2017-01-24"), "past", D("2017-01-23"), "day"),
    ("Jan. 23, 2017", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("Monday, Jan. 23, 2017", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("the 23rd of January 2017", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("on 23/01/2017", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("01/23/2017", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("23.01.2017", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("05/06/2017", D("2017-07-01"), "past", None, None),
    ("05/05/2017", D("2017-07-01"), "past", D("2017-05-05"), "day"),
    ("2017-01-23", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("2017/01/23", D("2017-02-01"), "past", D("2017-01-23"), "day"),
    ("January 23 last year", WED, "past", D("2016-01-23"), "day"),
    ("January 23, 2018", WED, "past", None, None),
    ("January 32", WED, "past", None, None),
    # across the year boundary and leap days
    ("December 31", D("2017-01-01"), "past", D("2016-12-31"), "day"),
    ("December 31", D("2017-01-01"), None, D("2016-12-31"), "day"),
    ("January 1", D("2016-12-31"), "future", D("2017-01-01"), "day"),
    ("January 1", D("2016-12-31"), None, D("2017-01-01"), "day"),
    ("February 29", D("2017-03-01"), "past", D("2016-02-29"), "day"),
    ("February 29", D("2016-03-01"), "past", D("2016-02-29"), "day"),
    ("February 29", D("2017-01-10"), "future", D("2020-02-29"), "day"),
    ("February 29, 2017", D("2017-03-01"), "past", None, None),
    ("February 30", D("2017-03-01"), "past", None, None),
    # months and years
    ("in January", D("2017-03-10"), "past", D("2017-01-01"), "month"),
    ("in January", D("2016-12-10"), "past", D("2016-01-01"), "month"),
    ("in January", D("2016-12-10"), "future", D("2017-01-01"), "month"),
    ("in March", D("2016-12-10"), None, D("2017-03-01"), "month"),
    ("in January", D("2017-01-15"), "past", D("2017-01-01"), "month"),
    ("May 2017", D("2017-06-01"), "past", D("2017-05-01"), "month"),
    ("last January", WED, "past", D("2016-01-01"), "month"),
    ("next March", WED, "future", D("2017-03-01"), "month"),
    ("in 2016", WED, "past", D("2016-01-01"), "year"),
    ("in 2018", WED, "past", None, None),
    ("mid-2016", WED, "past", D("2016-05-01"), "year"),
    ("mid-January", WED, "past", D("2017-01-11"), "month"),
    ("early February", D("2017-03-01"), "past", D("2017-02-01"), "month"),
    ("late January", D("2017-01-15"), "past", D("2016-01-21"), "month"),
    ("late January 2017", D("2017-01-15"), "past", None, None),
    ("the end of January", D("2017-02-10"), "past", D("2017-01-21"), "month"),
    ("late last year", WED, "past", D("2016-09-01"), "year"),
    ("the end of last year", WED, "past", D("2016-09-01"), "year"),
    ("early this month", WED, "past", D("2017-01-01"), "month"),
    # weekdays, read from a Wednesday unless said otherwise
    ("Monday", WED, "past", D("2017-01-23"), "day"),
    ("on Monday", WED, None, D("2017-01-23"), "day"),
    ("Monday", WED, "present", D("2017-01-23"), "day"),
    ("Wednesday", WED, "past", WED, "day"),
    ("Thursday", WED, "past", D("2017-01-19"), "day"),
    ("last Wednesday", WED, "past", D("2017-01-18"), "day"),
    ("last Monday", WED, "past", D("2017-01-23"), "day"),
    ("last Monday", D("2017-01-23"), "past", D("2017-01-16"), "day"),
    ("Monday", D("2017-01-23"), "past", D("2017-01-23"), "day"),
    ("this past Sunday", WED, "past", D("2017-01-22"), "day"),
    ("next Tuesday", WED, "future", D("2017-01-31"), "day"),
    ("next Tuesday", WED, "past", None, None),
    ("Tuesday", WED, "future", D("2017-01-31"), "day"),
    ("Thursday", WED, "future", D("2017-01-26"), "day"),
    ("on Tuesday night", WED, "past", D("2017-01-24"), "day"),
    ("late on Tuesday", WED, "past", D("2017-01-24"), "day"),
    ("Sunday", D("2017-01-02"), "past", D("2017-01-01"), "day"),
    ("Friday", D("2017-01-02"), "past", D("2016-12-30"), "day"),
    # days and parts of days
    ("yesterday", D("2017-01-01"), "past", D("2016-12-31"), "day"),
    ("yesterday", D("2016-03-01"), "past", D("2016-02-29"), "day"),
    ("today", WED, "past", WED, "day"),
    ("tonight", WED, "future", WED, "day"),
    ("this morning", WED, "past", WED, "day"),
    ("last night", D("2017-03-01"), "past", D("2017-02-28"), "day"),
    ("the day before yesterday", WED, "past", D("2017-01-23"), "day"),
    ("tomorrow", WED, "past", None, None),
    ("tomorrow", D("2016-12-31"), "future", D("2017-01-01"), "day"),
    # weeks, months and years counted from publication
    ("last week", WED, "past", D("2017-01-16"), "week"),
    ("last week", D("2017-01-03"), "past", D("2016-12-26"), "week"),
    ("this week", WED, "past", D("2017-01-23"), "week"),
    ("earlier this week", WED, "past", D("2017-01-23"), "week"),
    ("later this week", WED, "future", D("2017-01-26"), "week"),
    ("later this week", WED, "past", None, None),
    ("later this week", D("2017-01-29"), "future", None, None),
    ("next week", WED, "past", None, None),
    ("next week", WED, "future", D("2017-01-30"), "week"),
    ("last month", D("2017-01-15"), "past", D("2016-12-01"), "month"),
    ("last month", D("2016-03-31"), "past", D("2016-02-01"), "month"),
    ("this month", WED, "past", D("2017-01-01"), "month"),
    ("earlier this month", WED, "past", D("2017-01-01"), "month"),
    ("last year", WED, "past", D("2016-01-01"), "year"),
    ("earlier this year", WED, "past", D("2017-01-01"), "year"),
    ("next year", WED, "future", D("2018-01-01"), "year"),
    # weekends
    ("over the weekend", WED, "past", D("2017-01-21"), "week"),
    ("over the weekend", D("2017-01-22"), "past", D("2017-01-21"), "week"),
    ("at the weekend", D("2017-01-02"), "past", D("2016-12-31"), "week"),
    ("last weekend", D("2017-01-22"), "past", D("2017-01-14"), "week"),
    ("this weekend", WED, "future", D("2017-01-28"), "week"),
    ("next weekend", D("2017-01-21"), "future", D("2017-01-28"), "week"),
    # counted shifts
    ("two days ago", D("2017-03-01"), "past", D("2017-02-27"), "day"),
    ("two days ago", D("2016-03-01"), "past", D("2016-02-28"), "day"),
    ("10 days ago", WED, "past", D("2017-01-15"), "day"),
    ("three weeks ago", WED, "past", D("2017-01-04"), "week"),
    ("a month ago", D("2017-03-31"), "past", D("2017-02-28"), "month"),
    ("a year ago", D("2016-02-29"), "past", D("2015-02-28"), "year"),
    ("in two weeks", WED, "future", D("2017-02-08"), "week"),
    ("in two weeks' time", WED, "past", None, None),
    # anaphoric, counted from `published`
    ("the day before", WED, "past", D("2017-01-24"), "day"),
    ("the previous day", WED, "past", D("2017-01-24"), "day"),
    ("the next day", WED, "past", None, None),
    ("two days later", WED, None, D("2017-01-27"), "day"),
    ("a week earlier", WED, "past", D("2017-01-18"), "week"),
    ("the previous week", WED, "past", D("2017-01-16"), "week"),
    # vague: found, never resolved
    ("recently", WED, "past", None, None),
    ("soon", WED, "future", None, None),
    ("in the past", WED, "past", None, None),
    ("in recent weeks", WED, "past", None, None),
    ("the 1990s", WED, "past", None, None),
    ("years ago", WED, "past", None, None),
    ("a few days ago", WED, "past", None, None),
    ("the past few days", WED, "past", None, None),
    ("the past three months", WED, "past", None, None),
    ("in the past year", WED, "past", None, None),
    ("36 hours ago", WED, "past", None, None),
    ("not a date", WED, "past", None, None),
    # a day of the month alone, placed by tense like a date without a year
    ("on the 23rd", WED, "past", D("2017-01-23"), "day"),
    ("on the 28th", WED, "past", D("2016-12-28"), "day"),
    ("on the 28th", WED, "future", D("2017-01-28"), "day"),
    ("on the 30th", D("2017-03-01"), "past", D("2017-01-30"), "day"),
    # a weekday of a named week
    ("Tuesday last week", WED, "past", D("2017-01-17"), "day"),
    ("on Friday of last week", WED, "past", D("2017-01-20"), "day"),
    ("Monday night last week", WED, "past", D("2017-01-16"), "day"),
    ("Monday this week", WED, "past", D("2017-01-23"), "day"),
    ("Friday this week", WED, "past", None, None),
    ("Tuesday next week", WED, "future", D("2017-01-31"), "day"),
    # the week, month and year so far or to come, as "this week"
    ("earlier in the week", WED, "past", D("2017-01-23"), "week"),
    ("later in the month", WED, "future", D("2017-01-26"), "month"),
    ("earlier in the year", WED, "past", D("2017-01-01"), "year"),
    # a night named by its day; "overnight" alone could be either day of the night
    ("overnight Saturday", WED, "past", D("2017-01-21"), "day"),
    ("overnight", WED, "past", None, None),
    ("the same day", WED, "past", WED, "day"),
    # hours in whole days, fortnights in weeks
    ("48 hours ago", WED, "past", D("2017-01-23"), "day"),
    ("24 hours earlier", WED, "past", D("2017-01-24"), "day"),
    ("a fortnight ago", WED, "past", D("2017-01-11"), "week"),
    # stretches counted from publication: their first day, at the precision of the smallest
    # period that holds them all
    ("in the past 24 hours", WED, "past", D("2017-01-24"), "week"),
    ("over the last two days", WED, "past", D("2017-01-23"), "week"),
    ("in the past three days", WED, "past", D("2017-01-22"), "month"),
    ("the past two weeks", WED, "past", D("2017-01-11"), "month"),
    ("over the past week", WED, "past", D("2017-01-18"), "month"),
    ("the past week", D("2017-01-05"), "past", None, None),
    ("within the next 48 hours", WED, "future", WED, "week"),
    ("the next three days", WED, "past", None, None),  # nothing that happened
    ("the previous three days", WED, "past", D("2017-01-22"), "month"),
    ("in the previous week", WED, "past", D("2017-01-16"), "week"),  # the calendar's week
    ("during the following day", WED, None, D("2017-01-26"), "day"),
    # seasons of the northern hemisphere, at year precision; a winter spans two years
    ("last summer", WED, "past", D("2016-06-01"), "year"),
    ("last summer", D("2017-07-15"), "past", D("2016-06-01"), "year"),
    ("last summer", D("2017-10-15"), "past", D("2017-06-01"), "year"),
    ("this past summer", D("2017-10-15"), "past", D("2017-06-01"), "year"),
    ("this spring", D("2017-04-15"), "past", D("2017-03-01"), "year"),
    ("this spring", WED, "past", None, None),
    ("next autumn", WED, "future", D("2017-09-01"), "year"),
    ("in the summer of 2015", WED, "past", D("2015-06-01"), "year"),
    ("summer 2015", WED, "past", D("2015-06-01"), "year"),
    ("last fall", WED, "past", D("2016-09-01"), "year"),
    ("in the fall", WED, "past", None, None),  # more often a tumble than autumn
    ("in the spring", WED, "future", D("2017-03-01"), "year"),
    ("last winter", WED, "past", None, None),
    # feasts: fixed days of the calendar, and days counted from Easter
    ("on Christmas Day", WED, "past", D("2016-12-25"), "day"),
    ("Christmas Eve", D("2016-12-20"), "future", D("2016-12-24"), "day"),
    ("New Year's Eve", WED, "past", D("2016-12-31"), "day"),
    ("New Year\u2019s Day", WED, "past", D("2017-01-01"), "day"),
    ("Christmas Day 2015", WED, "past", D("2015-12-25"), "day"),
    ("Good Friday", D("2017-05-01"), "past", D("2017-04-14"), "day"),
    ("on Easter Sunday", D("2017-05-01"), "past", D("2017-04-16"), "day"),
    ("Easter Monday", WED, "past", D("2016-03-28"), "day"),
    ("Easter Sunday 2019", WED, None, D("2019-04-21"), "day"),
    ("Palm Sunday", D("2019-05-01"), "past", D("2019-04-14"), "day"),
]


@pytest.mark.parametrize(("text", "published", "tense", "expected", "precision"), RESOLUTIONS)
def test_resolve_time_table(text, published, tense, expected, precision):
    found = resolve_time(text, published, tense)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.date, found.precision) == (expected, precision)
        assert found.resolution == "expression" and found.text == text


def test_resolving_a_found_expression_copies_its_offsets():
    text = "Rebels shelled Idlib on Monday, officials said."
    (expression,) = find_time_expressions(text)
    found = resolve_time(expression, WED, "past")
    assert found == EventDate(D("2017-01-23"), "day", "Monday", 24, 30, resolution="expression")


def test_resolving_a_string_has_no_offsets():
    found = resolve_time("yesterday", WED, "past")
    assert found is not None and (found.start, found.end) == (None, None)


def test_dates_beyond_the_calendar_are_not_resolved():
    assert resolve_time("last year", date(1, 6, 1), "past") is None
    assert resolve_time("tomorrow", date.max, "future") is None
    assert resolve_time("yesterday", date.max, "past").date == date.max - timedelta(days=1)


# Finding expressions in text


def spans(text: str) -> list[tuple[str, str]]:
    found = find_time_expressions(text)
    assert all(text[e.start : e.end] == e.text for e in found)
    return [(e.text, e.kind) for e in found]


def test_finds_expressions_with_offsets_and_kinds():
    text = (
        "Negotiations kicked off in Astana on January 23. Ahrar al-Sham rejected the idea "
        "last week. On Tuesday night, two days ago, rebels shelled the town; in mid-January "
        "and late last year they had done the same, as they did in 2016 and on 23/01/2017."
    )
    assert spans(text) == [
        ("January 23", "absolute"),
        ("last week", "relative"),
        ("Tuesday night", "weekday"),
        ("two days ago", "relative"),
        ("mid-January", "absolute"),
        ("late last year", "relative"),
        ("2016", "absolute"),
        ("23/01/2017", "absolute"),
    ]


def test_offsets_point_into_the_text():
    text = "Police said on Monday, Jan. 23, 2017 that yesterday's march was banned."
    found = find_time_expressions(text)
    assert [(e.start, e.end) for e in found] == [(15, 36), (42, 51)]
    assert [e.text for e in found] == ["Monday, Jan. 23, 2017", "yesterday"]


def test_longest_expression_wins():
    assert spans("the day before yesterday") == [("the day before yesterday", "relative")]
    assert spans("killed in the past three days") == [("in the past three days", "relative")]
    assert spans("on Tuesday last week") == [("Tuesday last week", "weekday")]
    assert spans("on Good Friday") == [("Good Friday", "absolute")]
    assert spans("the last week of January") == [("January", "absolute")]
    assert spans("killed in the spring in Syria") == [("in the spring", "absolute")]
    # a week's possessive is no weekday of it
    assert spans("On Monday, last week's attack was condemned.") == [
        ("Monday", "weekday"), ("last week", "relative")]
    assert spans("It happened late last year.") == [("late last year", "relative")]
    assert spans("over this past weekend") == [("this past weekend", "relative")]


@pytest.mark.parametrize(
    "text",
    [
        "They may attack the city.",
        "May they rest in peace.",
        "Thousands joined a protest march through the capital.",
        "A March rally was planned by the Women's March.",
        "An August body met to discuss it.",
        "Theresa May spoke to reporters.",
        "23 people were killed and 12 wounded.",
        "Shoppers crowded stores on Black Friday.",
        "The Good Friday Agreement holds.",
        "The Mail on Sunday reported it first.",
        "The April 6 Youth Movement called a strike.",
        "Crowds filled the square to mark the 25 January Revolution.",
        "China launched a Long March 5 rocket.",
        "April Ryan asked the question.",
        "Jan Smith and Mar-a-Lago.",
        "a 2016 report found 2,000 cases",
        "the meeting on 05/06/2017",
        "he may march",
        "The 5th Armored Division and the 21st century.",
        "They met on the 20th anniversary of the war.",
        "The Palm Sunday Massacre is remembered.",
        "After the fall of Aleppo, a fall in prices hit Spring Valley.",
        "He was injured in the fall.",
        "the Easter Sunday bombings in Sri Lanka and the Boxing Day tsunami",
        "Halloween costumes were banned on Pentecost Island.",
        "Fighting on the 2nd and 3rd floors went on.",
        "It was the last day for voters to register.",
    ],
)
def test_skips_what_only_looks_like_a_date(text):
    assert spans(text) == []


def test_month_names_need_context_only_where_ambiguous():
    assert spans("in May") == [("May", "absolute")]
    assert spans("since March") == [("March", "absolute")]
    assert spans("in August, talks failed") == [("August", "absolute")]
    assert spans("May 5, 2017") == [("May 5, 2017", "absolute")]
    assert spans("the January attack") == [("January", "absolute")]
    assert spans("Mar. 5") == [("Mar. 5", "absolute")]


def test_decades_and_vague_words_are_found_but_never_resolved():
    text = "In the 1990s the city was recently rebuilt; soon, in the past, years ago."
    found = find_time_expressions(text)
    assert [(e.text, e.kind) for e in found] == [
        ("the 1990s", "decade"),
        ("recently", "vague"),
        ("soon", "vague"),
        ("in the past", "vague"),
        ("years ago", "vague"),
    ]
    assert all(resolve_time(e, WED, "past") is None for e in found)
    assert all(resolve_time(e, WED, None) is None for e in found)


def test_kinds_are_the_documented_ones():
    text = (
        "Today, this morning, on Monday, the day before, January 23, recently, the 1990s, "
        "three weeks ago."
    )
    kinds = {e.kind for e in find_time_expressions(text)}
    assert kinds == set(TIME_KINDS)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_seed_article_dates():
    text = (SHARED / "samples" / "astana-talks-2017.txt").read_text(encoding="utf-8")
    found = find_time_expressions(text)
    resolved = {e.text: resolve_time(e, D("2017-01-24"), "past") for e in found}
    assert resolved["January 23"].date == D("2017-01-23")
    assert resolved["last week"].date == D("2017-01-16")


# The word lists


def test_word_lists_are_consistent():
    path = resources.files("dragoman") / "knowledge" / "dates" / "en.json"
    words = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(words["months"].values()) == list(range(1, 13))
    assert set(words["month_abbreviations"].values()) <= set(range(1, 13))
    assert set(words["ambiguous_months"]) <= set(words["months"])
    assert sorted(words["weekdays"].values()) == list(range(7))
    assert set(words["period_parts"].values()) == {"early", "mid", "late"}
    assert set(words["relations"].values()) <= {"last", "next", "this"}
    for unit in ("week", "month", "year"):
        assert words["part_starts"][unit] == sorted(words["part_starts"][unit])
    for phrase in words["period_phrases"].values():
        assert phrase["unit"] in ("week", "month", "year")
        assert phrase["kind"] in TIME_KINDS and phrase.get("edge") in (None, "earlier", "later")
    assert {p["kind"] for p in words["day_phrases"].values()} <= set(TIME_KINDS)
    for name, day in words["fixed_feasts"].items():
        assert name == "description" or date(2000, *day)  # a real day of a leap year
    assert all(isinstance(v, int) and -60 < v < 60 or k == "description"
               for k, v in words["easter_feasts"].items())
    assert all(k == "description" or (1 <= v[0] <= 12 and 1 <= v[1] <= 6)
               for k, v in words["seasons"].items())
    assert set(words["units"].values()) <= {"day", "week", "fortnight", "month", "year", "hour",
                                             None}


# Properties


EXPRESSIONS = [
    *sorted({row[0] for row in RESOLUTIONS}),
    "Saturday",
    "this Friday",
    "next Monday",
    "January",
    "in December",
    "early December",
    "the middle of March",
    "later this month",
    "later this year",
    "the following day",
    "the week after",
    "in three days",
    "five years ago",
    "December 31, 2016",
]
published_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
tenses = st.sampled_from(["past", "present", "future", None])
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EXPRESSIONS), published_dates)
def test_past_tense_never_lands_after_publication(text, published):
    found = resolve_time(text, published, "past")
    assert found is None or found.date <= published


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(months), st.integers(1, 31), published_dates, tenses)
def test_month_day_without_year_stays_within_reach(month, day, published, tense):
    found = resolve_time(f"{month} {day}", published, tense)
    month_number = months.index(month) + 1
    if day > (29 if month_number == 2 else 30 if month_number in (4, 6, 9, 11) else 31):
        assert found is None
        return
    assert found is not None and (found.date.month, found.date.day) == (month_number, day)
    reach = 4 * 366 if (month_number, day) == (2, 29) else 366
    if tense == "past":
        assert timedelta(0) <= published - found.date <= timedelta(days=reach)
    elif tense == "future":
        assert timedelta(0) <= found.date - published <= timedelta(days=reach)
    else:
        assert abs(found.date - published) <= timedelta(days=reach // 2 + 1)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(weekdays), published_dates, tenses)
def test_weekdays_are_within_a_week_in_the_tense_direction(name, published, tense):
    found = resolve_time(name, published, tense)
    assert found is not None and found.date.weekday() == weekdays.index(name)
    ahead = (found.date - published).days
    assert 0 <= ahead <= 6 if tense == "future" else -6 <= ahead <= 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Mayondech 0123/.-,JanuryTsw")), max_size=60))
def test_found_expressions_are_ordered_disjoint_slices(text):
    found = find_time_expressions(text)
    assert all(isinstance(e, TimeExpression) and text[e.start : e.end] == e.text for e in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(e.kind in TIME_KINDS for e in found)


def test_calendar_words_are_the_month_and_weekday_names_of_the_word_lists():
    from dragoman.code.dates import calendar_words

    words = calendar_words()
    assert {"march", "sept", "thursday", "may"} <= words
    assert len(words) == 12 + 12 + 7 and all(w == w.lower() for w in words)
