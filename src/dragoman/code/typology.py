"""All typologies from one coding: PLOVER type, mode and context; CAMEO and Goldstein; quad
class and PLOVER score; ACLED-style event type. Pure lookups in the knowledge tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dragoman.knowledge import Knowledge
    from dragoman.model import Entity


@dataclass(frozen=True, slots=True)
class Typology:
    quad_code: int | None
    event_scale: float | None
    goldstein: float | None
    context: tuple[str, ...]
    acled: dict[str, str] | None


def classify(knowledge: Knowledge, event: str, mode: str, cameo: str, context: list[str],
             actors: list[Entity], recipients: list[Entity]) -> Typology:
    event_type = knowledge.event_types.get(event)
    scale = knowledge.mode_scores.get((event, mode)) if mode else None
    if scale is None and event_type is not None:
        scale = event_type.score
    cameo_entry = knowledge.cameo_code(cameo)
    contexts = list(context)
    if cameo_entry is not None:
        contexts += [c for c in cameo_entry.context if c not in contexts]
    if mode in ("cyber", "misinformation") and mode not in contexts:
        contexts.append(mode)  # the manual: these modes add their context automatically
    return Typology(
        quad_code=event_type.quad_code if event_type else None,
        event_scale=scale,
        goldstein=cameo_entry.goldstein if cameo_entry else None,
        context=tuple(contexts),
        acled=acled_type(knowledge, event, mode, cameo, actors, recipients),
    )


def acled_type(knowledge: Knowledge, event: str, mode: str, cameo: str,
               actors: list[Entity], recipients: list[Entity]) -> dict[str, str] | None:
    """The first rule of knowledge/acled/mapping.csv whose conditions all hold."""
    actor_sectors = {a.sector for a in actors}
    recipient_sectors = {r.sector for r in recipients}
    for rule in knowledge.acled_rules:
        if rule.event != event:
            continue
        if rule.mode and rule.mode != mode:
            continue
        if rule.cameo_prefix and not (cameo or "").startswith(rule.cameo_prefix):
            continue
        if rule.actor_sector and rule.actor_sector not in actor_sectors:
            continue
        if rule.recipient_sector and rule.recipient_sector not in recipient_sectors:
            continue
        return {"event_type": rule.event_type, "sub_event_type": rule.sub_event_type}
    return None
