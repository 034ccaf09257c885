"""Is dragoman faster than merely parsing every sentence? And does coding cost less than the
parse it needs?

Corpus: the NGEC synthetic stories from ../shared when present (a fixed sample), else the
bundled sample articles repeated. Three measurements, in one process, after a warm-up:

1. baseline: spaCy's full pipeline (the same model dragoman uses) over every sentence;
2. dragoman: the whole pipeline (sentences, prefilter, parse of candidates, actors, toponyms,
   events, places, dates, records), per stage;
3. resolution: time inside actor resolution (the name-scan stage plus the resolver, counted
   by wrapping it), against the coding time of the same run; the median of the runs.

The garbage collector is off while timing, as in timeit.

Prints the figures and the ratios; exits 0 whatever they are (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def corpus(limit: int) -> list:
    from dragoman.ingest import read_inputs
    from dragoman.model import Article

    zipped = REPO.parent / "shared/gold/ngec-synthetic-plover/gpt_synthetic_events_2023-10-19_19.csv.zip"
    if zipped.exists():
        from dragoman.evaluate.ngec import read_stories

        rows = list(read_stories(zipped))[::7][:limit]
        return [Article(id=f"s{i}", text=r["text"]) for i, r in enumerate(rows)]
    articles = [a for a in read_inputs([REPO / "examples/articles"]) if isinstance(a, Article)]
    return (articles * (limit // len(articles) + 1))[:limit]


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


@contextmanager
def collector_off() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def time_baseline(nlp, sentences: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(sentences, batch_size=64):
        pass
    return time.perf_counter() - started


def time_dragoman(coder, articles) -> tuple[float, dict[str, float], int, int]:
    stages: dict[str, float] = defaultdict(float)
    sentences = parsed = 0
    started = time.perf_counter()
    for document in coder.run_many(articles):
        if isinstance(document, tuple):  # (article, error): the run goes on, but say so
            article, error = document
            print(f"error: {article.id if article else '?'}: {error}", file=sys.stderr)
            continue
        for name, seconds in document.timings.items():
            stages[name] += seconds
        sentences += document.stats.get("sentences", 0)
        parsed += document.stats.get("parsed", 0)
    return time.perf_counter() - started, stages, sentences, parsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--no-geo", action="store_true", help="leave out the gazetteer stages")
    parser.add_argument("--runs", type=positive, default=3, help="timed runs of each (default 3)")
    args = parser.parse_args()

    from dragoman.extract.nlp import load_model
    from dragoman.extract.sentences import split_sentences
    from dragoman.pipeline import Coder, Config
    from dragoman.resolve import actors

    articles = corpus(args.articles)
    nlp = load_model()
    coder = Coder(Config(geolocate=not args.no_geo))
    coder.code(articles[0])  # warm-up: knowledge, indexes, gazetteer, model
    all_sentences = [s.text for a in articles for s in split_sentences(a.text)]
    time_baseline(nlp, all_sentences[:50])

    spent = [0.0]
    resolve = actors.ActorResolver.resolve

    def timed_resolve(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return resolve(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    # As timeit does, the cyclic garbage collector is off while timing (and run between runs):
    # a full collection walks every live object (the model, the knowledge, the gazetteer:
    # 0.4 s here) and would be charged to whichever stage happened to trigger it.
    baseline = []
    for _ in range(args.runs):
        with collector_off():
            baseline.append(time_baseline(nlp, all_sentences))
    actors.ActorResolver.resolve = timed_resolve
    runs, resolutions = [], []
    for _ in range(args.runs):
        spent[0] = 0.0
        with collector_off():
            run = time_dragoman(coder, articles)
        runs.append(run)
        resolutions.append(spent[0] + run[1].get("actors", 0.0))  # scan stage + resolver
    actors.ActorResolver.resolve = resolve
    total, stages, n_sentences, n_parsed = min(runs, key=lambda r: r[0])
    base = min(baseline)
    parse = stages["parse"]
    coding = total - parse
    # resolution against coding, per run (both from the same run), then the median run
    shares = sorted((res / (run[0] - run[1]["parse"]), res, run[0] - run[1]["parse"])
                    for res, run in zip(resolutions, runs))
    share, resolution, run_coding = shares[len(shares) // 2]
    print(f"corpus: {len(articles)} articles, {n_sentences} sentences, {n_parsed} parsed "
          f"({n_parsed / n_sentences:.0%})")
    print(f"baseline, spaCy over every sentence: {base:.2f} s "
          f"({len(all_sentences) / base:.0f} sentences/s)")
    print(f"dragoman, whole pipeline:             {total:.2f} s "
          f"({len(articles) / total:.1f} articles/s)")
    for name, seconds in sorted(stages.items(), key=lambda x: -x[1]):
        print(f"  {name:<12} {seconds:7.2f} s  {seconds / total:5.1%}")
    print(f"ratio dragoman / parse-everything:    {total / base:.2f}  (below 1: faster)")
    print(f"ratio coding / its own parse:         {coding / parse:.2f}  (below 1: coding "
          "costs less than the parse)")
    print(f"ratio actor resolution / coding:      {share:.2f}  "
          f"(median of {len(runs)} runs: {resolution:.2f} s of {run_coding:.2f} s; "
          f"all runs {', '.join(f'{s[0]:.2f}' for s in shares)})")
    print(f"ratio actor resolution / the rest of coding: {share / (1 - share):.2f}"
          "  (what resolution adds to the other coding stages, same run)")
    print(f"spread of repeated runs: baseline {statistics.pstdev(baseline):.2f} s, "
          f"dragoman {statistics.pstdev([r[0] for r in runs]):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
