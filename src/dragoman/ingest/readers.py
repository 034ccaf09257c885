"""One reader per input format: bytes and a name in, articles or errors out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import IO

from dragoman.errors import InputError
from dragoman.extract.html import extract_html
from dragoman.extract.text import clean, dateline_date
from dragoman.model import Article, content_hash

Reader = Callable[[bytes, str, "date | None"], Iterator["Article | InputError"]]


def parse_date(value: object, source: str) -> date | None:
    """'2017-01-23' or an ISO datetime ('2017-01-23T10:00:00Z') -> date; None stays None."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be a string, got {type(value).__name__}",
                         source=source)
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date() if "T" in text or " " in text else (
            date.fromisoformat(text[:10])
        )
    except ValueError:
        raise InputError(f"'published' is not YYYY-MM-DD or an ISO datetime: {value!r}",
                         source=source) from None


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})", source=source) from None


def read_text(data: bytes, source: str, published: date | None) -> Iterator[Article | InputError]:
    try:
        title, body = clean(_decode(data, source))
    except InputError as error:
        yield error
        return
    if not body.strip():
        yield InputError("no text left after removing page furniture", source=source)
        return
    yield Article(id="a-" + content_hash(title, body), text=body, title=title,
                  published=published or dateline_date(body), origin=source)


def read_html(data: bytes, source: str, published: date | None) -> Iterator[Article | InputError]:
    try:
        yield extract_html(_decode(data, source), source=source, published=published)
    except InputError as error:
        yield error


def read_jsonl(data: bytes, source: str, published: date | None) -> Iterator[Article | InputError]:
    try:
        text = _decode(data, source)
    except InputError as error:
        yield error
        return
    yield from _records(text.splitlines(), source, published)


def read_jsonl_stream(stream: IO[str], source: str, published: date | None):
    yield from _records(stream, source, published)


def _records(lines, source: str, published: date | None) -> Iterator[Article | InputError]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _record(line, f"{source}:{number}", published)


def _record(line: str, where: str, published: date | None) -> Article | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(f"not valid JSON ({error.msg} at column {error.colno})", source=where)
    if not isinstance(record, dict):
        return InputError("each line must be a JSON object", source=where)
    try:
        return article_from_record(record, where, published)
    except InputError as error:
        return error


def article_from_record(record: dict, where: str, published: date | None) -> Article:
    """An article from a JSONL record: id, text or html, url, title, published, source."""
    meta = {
        "url": _optional_str(record, "url", where),
        "source": _optional_str(record, "source", where),
        "published": parse_date(record.get("published"), where) or published,
    }
    if isinstance(record.get("html"), str) and not record.get("text"):
        article = extract_html(record["html"], source=where, published=meta["published"])
        title = _optional_str(record, "title", where) or article.title
        return Article(id=str(record.get("id") or article.id), text=article.text, title=title,
                       url=meta["url"] or article.url, source=meta["source"] or article.source,
                       published=meta["published"] or article.published, origin=where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no 'text' (or 'html') string", source=where)
    title, body = clean(text, detect_title=False)
    title = _optional_str(record, "title", where)
    ident = record.get("id")
    ident = str(ident) if ident not in (None, "") else "a-" + content_hash(title, body)
    meta["published"] = meta["published"] or dateline_date(body)
    return Article(id=ident, text=body, title=title, origin=where, **meta)


def _optional_str(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f"'{key}' must be a string", source=where)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}
