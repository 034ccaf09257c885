"""The part of a record that golden files pin: what was coded, not incidental numbers."""

from __future__ import annotations


def project(record: dict) -> dict:
    place = record["event_loc"] or {}
    return {
        "article_id": record["article_id"],
        "sentence": record["text_info"]["sequence"],
        "trigger": record["evidence"]["trigger"],
        "event": record["event"],
        "mode": record["mode"],
        "cameo": record["cameo"],
        "actor": [f"{e['code']} {e['sector']} ({e['entity_text']})" for e in record["actor"]],
        "recipient": [f"{e['code']} {e['sector']} ({e['entity_text']})"
                      for e in record["recipient"]],
        "date": record["date"],
        "place": place.get("name"),
        "modality": record["modality"],
        "dead": record["dead"],
        "injured": record["injured"],
        "arrested": record["arrested"],
    }
