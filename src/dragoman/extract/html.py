"""Main text and metadata from an HTML page, with trafilatura (no comments, no furniture)."""

from __future__ import annotations

from datetime import date

from dragoman.errors import InputError
from dragoman.extract.text import same_words, normalize, strip_boilerplate
from dragoman.model import Article, content_hash

# Only dates the page states about itself (meta tags, time elements); never today's date.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract_html(html: str, *, source: str, published: date | None = None) -> Article:
    """An `Article` from a page: trafilatura's main text, title, date, URL and site name.

    The page's own date wins over `published` (the fallback for pages that carry none).
    Raises InputError when no main text can be found.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    if document is None or not (document.text or "").strip():
        raise InputError("no main text found in the HTML page", source=source)
    title = (document.title or "").strip() or None
    text = normalize(document.text)
    first, _, rest = text.partition("\n")
    if title and same_words(first, title):
        text = rest
    body = strip_boilerplate(text)
    if not body:
        raise InputError("no text left after removing page furniture", source=source)
    page_date = _page_date(document.date)
    return Article(
        id="a-" + content_hash(title, body),
        text=body,
        title=title,
        url=document.url or None,
        source=document.sitename or None,
        published=page_date or published,
        origin=source,
    )


def _page_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
