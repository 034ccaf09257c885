"""`dragoman actors lookup`: how a piece of text resolves to an actor, and why."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any


def explain(text: str, when: date, context: str | None = None,
            actor_files: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Rows: first the chosen entity, then every knowledge-base entry the text matches with
    each of its roles, marked valid or not on `when`."""
    from dragoman.evaluate.ngec import resolve_alone
    from dragoman.extract.nlp import load_model
    from dragoman.knowledge import load_knowledge
    from dragoman.resolve.actors import ActorResolver
    from dragoman.stages import gazetteer_country

    knowledge = load_knowledge(actor_files=actor_files)
    resolver = ActorResolver.from_knowledge(knowledge, _maybe_gazetteer(gazetteer_country))
    doc = load_model()(text)
    entity = resolve_alone(resolver, doc, context, when)
    rows: list[dict[str, Any]] = [{
        "what": "chosen", "text": entity.entity_text if entity else text,
        "code": entity.code if entity else None, "sector": entity.sector if entity else None,
        "sectors": ",".join(entity.sectors) if entity else "",
        "wikidata": entity.identifier_id if entity else None,
        "name": entity.identifier_text if entity else None,
        "how": entity.resolution if entity else "no actor found",
        "valid": None, "source": None,
    }]
    for mention in resolver.index.scan(doc):
        words = doc[mention.start : mention.end].text
        for lex in mention.lexes:
            rows.extend(_lex_rows(words, lex, when))
    return rows


def _maybe_gazetteer(factory):
    try:
        return factory()
    except Exception:  # the lookup still works without place names' countries
        return None


def _lex_rows(words: str, lex, when: date) -> list[dict[str, Any]]:
    entry = lex.entry
    if lex.kind == "agent":
        return [{"what": "agent", "text": words, "code": entry.code, "sector": entry.sector,
                 "sectors": ",".join(entry.sectors), "wikidata": None, "name": entry.name,
                 "how": entry.id, "valid": None, "source": None}]
    rows = []
    for role in entry.roles:
        span = f"{role.valid_from or '…'} to {role.valid_to or '…'}"
        rows.append({"what": lex.kind, "text": words, "code": role.code,
                     "sector": role.sector or None, "sectors": ",".join(role.sectors),
                     "wikidata": entry.wikidata, "name": entry.name,
                     "how": f"{entry.id} {role.office or ''} ({span})".strip(),
                     "valid": role.valid_on(when), "source": entry.source})
    return rows
