"""Shared fixtures. Tests that read ../shared skip cleanly where it is absent (a user's clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "articles"

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present")


@pytest.fixture(scope="session")
def nlp():
    from dragoman.extract.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def coder():
    """The default pipeline, geolocation included (builds the gazetteer once if needed)."""
    from dragoman.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def coder_nogeo():
    from dragoman.pipeline import Coder, Config

    return Coder(Config(geolocate=False))


@pytest.fixture(scope="session")
def validate():
    """Validate one PLOVER record against the shipped JSON Schema."""
    import jsonschema

    from dragoman.schema import event_schema

    validator = jsonschema.Draft202012Validator(event_schema())

    def check(record: dict) -> dict:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors]
        return record

    return check
