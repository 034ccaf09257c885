"""Readers and extraction: every input format, page furniture, and errors that name the input."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from dragoman.errors import InputError, UnsupportedInputError
from dragoman.extract.text import clean, dateline_date, find_dateline, split_title, strip_boilerplate
from dragoman.ingest import read_inputs
from dragoman.model import Article

from .conftest import EXAMPLES

WIDGET = "\n".join(["Subscribe", "Notify of", "guest", "0 Comments", "Inline Feedbacks",
                    "View all comments"])


def test_title_is_first_line_before_a_blank_line_and_its_repeat_is_dropped():
    title, body = split_title("Talks Kick Off\n\nTalks Kick Off\n\nNegotiations began today.")
    assert title == "Talks Kick Off"
    assert body == "Negotiations began today."


def test_a_first_paragraph_is_not_a_title():
    title, body = split_title("Rebels shelled the town on Monday.\n\nThe army replied.")
    assert title is None and body.startswith("Rebels")


def test_comment_widget_and_what_follows_is_cut():
    text = "The army attacked the town.\n\n" + WIDGET
    assert strip_boilerplate(text) == "The army attacked the town."


def test_furniture_lines_are_dropped_but_news_is_kept():
    text = "Photograph: Someone/AFP/Getty Images\nShare on Facebook\nRebels seized the airport."
    assert strip_boilerplate(text) == "Rebels seized the airport."


def test_subscribe_inside_an_article_does_not_cut_the_rest():
    text = "Subscribe\nThe government rejected the plan and said it would not negotiate with anyone."
    assert "rejected" in strip_boilerplate(text)


def test_dateline_place_and_date():
    line = find_dateline("DAMASCUS, March 14, 2016 (Reuters) - Syrian forces shelled Douma.")
    assert line is not None and line.place == "DAMASCUS"
    assert dateline_date("DAMASCUS, March 14, 2016 (Reuters) - x") == date(2016, 3, 14)
    assert find_dateline("Police in Yangon arrested - protesters") is None


@pytest.mark.parametrize("text, place, region, day", [
    ("KIDAL, Mali (AP) - Gunmen attacked a convoy.", "KIDAL", "Mali", None),
    ("SAN JOSE, Calif. (AP) -- Police said.", "SAN JOSE", "Calif.", None),
    ("DAMASCUS, Syria, March 14 (Wire) - Shelling hit Douma.", "DAMASCUS", "Syria", "March 14"),
    ("DAMASCUS, March 14, 2016 (Reuters) - x", "DAMASCUS", None, "March 14, 2016"),
])
def test_a_dateline_may_name_its_country_or_state(text, place, region, day):
    line = find_dateline(text)
    assert (line.place, line.region, line.date) == (place, region, day)
    assert text[line.end:].split()[0] not in ("-", "--", "(AP)")


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nRussia and Turkey backed the talks.\n\n" + WIDGET, "utf-8")
    [article] = read_inputs([path], published=date(2017, 1, 23))
    assert isinstance(article, Article)
    assert article.title == "A headline"
    assert article.text == "Russia and Turkey backed the talks."
    assert article.published == date(2017, 1, 23)
    assert article.origin == str(path)


def test_same_input_gives_same_article_id(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels attacked the town.", "utf-8")
    (tmp_path / "b.txt").write_text("Rebels attacked the town.", "utf-8")
    first, second = read_inputs([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert first.id == second.id


def test_html_page_main_text_metadata_and_no_comments():
    [article] = read_inputs([EXAMPLES / "kiev-protests.html"])
    assert article.title == "Thousands rally in Kiev against price rises"
    assert article.published == date(2016, 11, 20)  # the page's own date, not today's
    assert "marched through central Kiev" in article.text
    assert "Great article" not in article.text and "Share on Facebook" not in article.text
    assert "newsletter" not in article.text.lower()


def test_html_page_date_wins_over_published_but_published_fills_a_gap(tmp_path):
    page = "<html><body><article><p>" + "Troops withdrew from the border town. " * 5 + \
        "</p></article></body></html>"
    path = tmp_path / "p.html"
    path.write_text(page, "utf-8")
    [article] = read_inputs([path], published=date(2020, 5, 1))
    assert article.published == date(2020, 5, 1)


def test_jsonl_fields_and_iso_datetime():
    articles = list(read_inputs([EXAMPLES / "wire.jsonl"]))
    assert [a.id for a in articles] == ["wire-001", "wire-002", "wire-003"]
    assert articles[1].published == date(2019, 7, 2)  # from 2019-07-02T08:15:00Z
    assert articles[0].url == "https://wire.example.org/001"
    assert articles[0].source == "Example Wire"
    assert articles[0].title == "EU imposes sanctions on Venezuelan officials"
    assert articles[0].text.startswith("BRUSSELS (Wire) - The European Union")


def test_jsonl_html_record(tmp_path):
    record = {"id": "h1", "html": "<html><body><article><p>" + "Rebels shelled the army base "
              "near the city on Friday. " * 4 + "</p></article></body></html>",
              "published": "2015-03-01"}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    [article] = read_inputs([path])
    assert article.id == "h1" and "Rebels shelled" in article.text
    assert article.published == date(2015, 3, 1)


def test_broken_records_are_reported_and_the_rest_kept(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": "Troops attacked the village."}),
        "{not json",
        json.dumps({"id": "bad-date", "text": "x y z", "published": "23/01/2017"}),
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "text": "Police arrested 12 protesters."}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = list(read_inputs([path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok1", "ok2"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "not valid JSON" in str(errors[0])
    assert "YYYY-MM-DD" in str(errors[1])
    assert "no 'text'" in str(errors[2])


def test_stdin_jsonl():
    stream = io.StringIO(json.dumps({"id": "s1", "text": "Iran rejected the proposal."}) + "\n")
    [article] = read_inputs(["-"], stdin=stream, published=date(2019, 1, 1))
    assert article.id == "s1" and article.published == date(2019, 1, 1)
    assert article.origin == "<stdin>:1"


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article about sanctions.", "utf-8")
    (tmp_path / "one.txt").write_text("First article about talks.", "utf-8")
    (tmp_path / "notes.md").write_text("not an article", "utf-8")
    items = list(read_inputs([tmp_path]))
    assert [i.text.split()[0] for i in items] == ["Second", "First"]


def test_missing_and_unsupported_inputs_name_the_path(tmp_path):
    odd = tmp_path / "x.pdf"
    odd.write_bytes(b"%PDF")
    missing, unsupported = read_inputs([tmp_path / "nope.txt", odd])
    assert isinstance(missing, InputError) and str(tmp_path / "nope.txt") in str(missing)
    assert isinstance(unsupported, UnsupportedInputError) and ".pdf" in str(unsupported)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 talks".encode("latin-1"))
    [error] = read_inputs([path])
    assert isinstance(error, InputError) and "UTF-8" in str(error)


@pytest.mark.parametrize("text", ["", "   \n\n  ", WIDGET])
def test_empty_text_is_an_error(tmp_path, text):
    path = tmp_path / "e.txt"
    path.write_text(text, "utf-8")
    [error] = read_inputs([path])
    assert isinstance(error, InputError)


def test_clean_normalises_invisible_spaces():
    _, body = clean("A\u00a0B\u200b C", detect_title=False)
    assert body == "A B C"


def test_an_article_made_in_python_takes_an_iso_date_string():
    from datetime import date

    from dragoman.errors import InputError
    from dragoman.model import Article

    assert Article(id="a", text="x", published="2024-05-01").published == date(2024, 5, 1)
    with pytest.raises(InputError, match="'published' is not YYYY-MM-DD"):
        Article(id="a", text="x", published="May 1")
