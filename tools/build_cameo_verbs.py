"""Convert the PETRARCH CAMEO verb dictionary into dragoman's verb-pattern records.

Reads CAMEO.2.0.verbs.txt from the shared reference folder and writes, next to the package's
other CAMEO knowledge:

* src/dragoman/knowledge/cameo/verb-patterns.jsonl: one record per verb and pattern line, in
  the source's order (knowledge/schemas/verb-pattern.schema.json); byte-identical on re-run;
* src/dragoman/knowledge/cameo/LICENSE.cameo-verbs.txt: the source's MIT notice, verbatim.

Usage::

    python tools/build_cameo_verbs.py [--shared ../shared] [--out src/dragoman/knowledge/cameo]

A summary (counts and the parser's warnings) goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = Path("reference/phoenix/CAMEO.2.0.verbs.txt")
PROVENANCE = "openeventdata/petrarch2 @676801c, phoenix/CAMEO.2.0.verbs.txt"

try:
    from dragoman.knowledge.tabari_verbs import parse_verb_dictionary
except ImportError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO / "src"))
    from dragoman.knowledge.tabari_verbs import parse_verb_dictionary


def licence_notice(text: str) -> str:
    """The MIT notice from the dictionary's '#' header, from its title to its last paragraph."""
    lines = [
        line[1:].removeprefix(" ").rstrip() for line in text.splitlines() if line.startswith("#")
    ]
    start = next(k for k, line in enumerate(lines) if line.startswith("The MIT License"))
    end = next(k for k in range(start, len(lines)) if "OTHER DEALINGS IN THE SOFTWARE" in lines[k])
    return "\n".join(lines[start : end + 1]) + "\n"


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def summary(records: list[dict], warnings: list[str], out: Path) -> str:
    kinds = Counter(r["kind"] for r in records)
    synsets = {t["synset"] for r in records for t in _terms(r)}
    groups = {r["group"] for r in records}
    lines = [
        f"{kinds['verb']} verbs and {kinds['pattern']} patterns in {len(groups)} groups,",
        f"{len(synsets)} synsets used, {len(warnings)} warnings; wrote {out}",
        *warnings,
    ]
    return "\n".join(lines) + "\n"


def _terms(record: dict):
    for element in record.get("left", []) + record.get("right", []):
        inner = element.get("object", [element])
        for part in inner:
            yield from (t for t in part.get("words", []) if "synset" in t)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "src/dragoman/knowledge/cameo")
    args = parser.parse_args(argv)
    path = args.shared / SOURCE
    if not path.exists():
        print(f"error: {path} not found (pass --shared)", file=sys.stderr)
        return 1
    text = path.read_text(encoding="utf-8")
    records, warnings = parse_verb_dictionary(text, path.name)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "verb-patterns.jsonl"
    target.write_text(jsonl(records), encoding="utf-8")
    notice = licence_notice(text)
    note = (
        f"\nThis notice covers verb-patterns.jsonl, converted from {PROVENANCE}"
        " by tools/build_cameo_verbs.py.\n"
    )
    (args.out / "LICENSE.cameo-verbs.txt").write_text(notice + note, encoding="utf-8")
    sys.stderr.write(summary(records, warnings, target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
