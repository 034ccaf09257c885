"""The JSON Schema of the event record, shipped with the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def event_schema() -> dict[str, Any]:
    """The JSON Schema every record of `dragoman code` validates against."""
    text = resources.files("dragoman.schema").joinpath("event.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_event(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `record` does not follow the event schema."""
    import jsonschema

    jsonschema.Draft202012Validator(event_schema()).validate(record)
