"""Summarise the blind audit of event places on the geolocation development set.

An analyst (a helper agent that saw only the sentences) judged 240 places, each marked in its
sentence with the event's verb, without being told where a place came from:

* ``gold``: 80 places the development set itself marks;
* ``unmarked``: 80 places dragoman chose in sentences where the set marks no place (the
  measure counts each as a false positive);
* ``other``: 80 places dragoman chose in sentences where the set marks a different place.

Each is judged ``yes`` (where the event happened, and the most specific place the sentence gives
for it), ``coarser`` (where it happened, but the sentence names a smaller place for it), ``no``
or ``unclear``. The three groups were drawn at random (seed 20261129) from dragoman's output at
commit 7f97050 and shuffled together. The judgements are ours; the file keys them by the
development set's row ids and character offsets, with the place's name and the analyst's few
words of reason, and holds no sentences.

Usage::

    python tools/geolocation_audit.py \
        [--gold ../shared/gold/event-geolocation/event_geolocation.dev.jsonl]

With ``--gold`` (when the file is there) it also checks that every offset still names the place.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

AUDIT = Path(__file__).with_name("data") / "geolocation-audit-2026-11-29.jsonl"
GROUPS = ("gold", "unmarked", "other")
JUDGEMENTS = ("yes", "coarser", "no", "unclear")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, help="the development set, to check the offsets")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in AUDIT.read_text(encoding="utf-8").splitlines() if line]
    if args.gold is not None:
        if not args.gold.is_file():
            print(f"{args.gold}: no such file (the development set)", file=sys.stderr)
            return 2
        texts = {}
        for line in args.gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
        wrong = [r["id"] for r in rows
                 if texts.get(r["id"], "")[r["start"] : r["end"]] != r["place"]]
        if wrong:
            print(f"{args.gold}: rows missing, or offsets that no longer name their place: "
                  f"{wrong}", file=sys.stderr)
            return 1
    counts = Counter((r["group"], r["judgement"]) for r in rows)
    print("group     " + "".join(f"{j:>9}" for j in JUDGEMENTS) + "   yes share")
    for group in GROUPS:
        total = sum(counts[(group, j)] for j in JUDGEMENTS)
        cells = "".join(f"{counts[(group, j)]:>9}" for j in JUDGEMENTS)
        share = f"{counts[(group, 'yes')] / total:.2f}" if total else "-"
        print(f"{group:<10}{cells}   {share} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
