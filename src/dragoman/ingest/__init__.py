"""Readers: files, directories and stdin in, `Article`s out (I/O lives here, nowhere else).

`read_inputs` yields an `Article` for each good article and an `InputError` (not raised) for
each bad one, so one broken article never stops a run of a million:

    for item in read_inputs(["news/"], published=date(2017, 1, 23)):
        if isinstance(item, InputError): log(item) else: code(item)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from dragoman.errors import InputError, UnsupportedInputError
from dragoman.ingest.readers import READERS, read_jsonl_stream
from dragoman.model import Article

Item = Article | InputError


def read_inputs(
    inputs: Iterable[str | Path], *, published: date | None = None, stdin: IO[str] | None = None
) -> Iterator[Item]:
    """Articles from files, directories (recursively) and '-' (JSONL on stdin), in order."""
    for raw in inputs:
        if str(raw) == "-":
            yield from read_jsonl_stream(stdin or sys.stdin, "<stdin>", published)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _reader(p))
            for file in files:
                yield from read_file(file, published=published)
        elif path.exists():
            yield from read_file(path, published=published)
        else:
            yield InputError("no such file or directory", source=str(path),
                             hint="check the path")


def read_file(path: Path, *, published: date | None = None) -> Iterator[Item]:
    """The articles in one file; errors are yielded, never raised."""
    reader = _reader(path)
    if reader is None:
        yield UnsupportedInputError(f"unknown file type '{path.suffix}'", source=str(path))
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputError(f"cannot read ({error.strerror})", source=str(path))
        return
    yield from reader(data, str(path), published)


def _reader(path: Path):
    return READERS.get(path.suffix.lower())
