"""The pipeline: stages from article to PLOVER events, and the `Coder` that runs them.

Each stage is a small named object with a version that reads some fields of a `Document` and
sets others (declared in `requires` / `provides`); it never reads files, opens a database or
prints. The stages, in order:

    sentences -> candidates -> parse -> actors -> toponyms -> events -> places -> dates -> records

`candidates` is what makes dragoman faster than parsing everything: only sentences holding a
word that can signal an event reach the parser. Every event records the versions of the stages
and of the knowledge that made it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from time import perf_counter
from typing import TYPE_CHECKING, Any, Protocol

from dragoman import __version__
from dragoman.errors import DragomanError, InputError
from dragoman.model import Article, Event, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dragoman.code.events import Coded, EventCoder
    from dragoman.code.where import PlaceMention
    from dragoman.knowledge import Knowledge
    from dragoman.resolve.actors import ActorResolver, ArticleActors, Mention
    from dragoman.resolve.gazetteer import Gazetteer

log = logging.getLogger("dragoman")


@dataclass
class Document:
    """An article on its way through the stages; each stage fills the fields it provides."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Any] = field(default_factory=list)  # blank-tokenised sentence docs
    candidates: list[int] = field(default_factory=list)  # indices of sentences to parse
    parsed: dict[int, Doc] = field(default_factory=dict)
    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    actors: ArticleActors | None = None
    coded: list[tuple[int, Coded]] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    resolved_places: dict[tuple[int, int], Any] = field(default_factory=dict)
    locations: dict[int, Any] = field(default_factory=dict)  # coded index -> Location
    dates: dict[int, Any] = field(default_factory=dict)  # coded index -> EventDate
    events: list[Event] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


class Stage(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, document: Document) -> Document: ...


@dataclass(frozen=True)
class Config:
    """What a `Coder` is built from; every field has a sensible default."""

    actor_files: tuple[str, ...] = ()
    agent_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()
    replace_verbs: bool = False
    use_verb_patterns: bool = True
    geolocate: bool = True
    prefilter: bool = True
    gazetteer_path: str | None = None


class Coder:
    """Codes articles into PLOVER events. Builds its stages lazily on first use.

        coder = Coder()
        events = coder.code(Article.from_text("Rebels attacked Aleppo on Monday.",
                                              published=date(2016, 5, 2)))
    """

    def __init__(self, config: Config | None = None, *, knowledge: Knowledge | None = None,
                 parser: Callable[[Sequence[str]], list[Doc]] | None = None):
        self.config = config or Config()
        self._knowledge = knowledge
        self._parser = parser
        self._stages: list[Stage] | None = None

    @property
    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            from dragoman.knowledge import load_knowledge

            self._knowledge = load_knowledge(
                actor_files=self.config.actor_files, agent_files=self.config.agent_files,
                verb_files=self.config.verb_files, replace_verbs=self.config.replace_verbs)
        return self._knowledge

    @property
    def stages(self) -> list[Stage]:
        if self._stages is None:
            from dragoman.stages import build_stages

            self._stages = build_stages(self.knowledge, self.config, self._parser)
        return self._stages

    def versions(self) -> dict[str, str]:
        return {stage.name: stage.version for stage in self.stages}

    def run(self, article: Article) -> Document:
        """All stages over one article; returns the finished `Document`."""
        return _through(self.stages, Document(article))

    def code(self, article: Article) -> list[Event]:
        """The events of one article (all modalities; filter on `Event.modality`)."""
        return self.run(article).events

    def code_many(self, items: Iterable[Article | InputError], batch_size: int = 32
                  ) -> Iterator[tuple[Article | None, list[Event] | DragomanError]]:
        """Code a stream, in order; a failing article yields its error and the run goes on."""
        for item in self.run_many(items, batch_size):
            if isinstance(item, Document):
                yield item.article, item.events
            else:
                article, error = item
                yield article, error

    def run_many(self, items: Iterable[Article | InputError], batch_size: int = 32
                 ) -> Iterator[Document | tuple[Article | None, DragomanError]]:
        """Finished documents (or (article, error) pairs), in order. Articles go through the
        stages in batches so that the parser sees the candidate sentences of many articles at
        once: spaCy is much faster on large batches than on one article's few sentences."""
        batch: list[Article | DragomanError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, items: list[Article | DragomanError]
                   ) -> Iterator[Document | tuple[Article | None, DragomanError]]:
        split = next(i for i, stage in enumerate(self.stages) if stage.name == "parse")
        before, parse, after = self.stages[:split], self.stages[split], self.stages[split + 1:]
        documents: list[Document | tuple[Article | None, DragomanError]] = []
        for item in items:
            if isinstance(item, DragomanError):
                documents.append((None, item))
                continue
            done = self._guarded(item, lambda item=item: _through(before, Document(item)))
            documents.append(done if isinstance(done, Document) else (item, done))
        ready = [d for d in documents if isinstance(d, Document)]
        started = perf_counter()
        parse.parse_batch(ready)  # type: ignore[attr-defined]
        elapsed, total = perf_counter() - started, sum(len(d.candidates) for d in ready)
        for document in documents:
            if not isinstance(document, Document):
                yield document
                continue
            # the batch's parse time, shared out by the sentences each document had parsed
            document.timings["parse"] = elapsed * len(document.candidates) / max(1, total)
            done = self._guarded(document.article,
                                 lambda document=document: _through(after, document))
            yield done if isinstance(done, Document) else (document.article, done)

    @staticmethod
    def _guarded(article: Article, work: Callable[[], Document]) -> Document | DragomanError:
        try:
            return work()
        except DragomanError as error:
            return error
        except Exception as error:  # one broken article never stops a run of a million
            log.exception("coding failed for %s", article.origin or article.id)
            return InputError(f"coding failed: {type(error).__name__}: {error}",
                              source=article.origin or article.id,
                              hint="please report this article as a bug")


def _through(stages: Sequence[Stage], document: Document) -> Document:
    for stage in stages:
        started = perf_counter()
        document = stage(document)
        document.timings[stage.name] = perf_counter() - started
    return document


def coder_info(versions: dict[str, str], knowledge_version: str) -> dict[str, Any]:
    return {"name": "dragoman", "version": __version__, "knowledge": knowledge_version,
            "stages": versions}
