"""Convert the CAMEO code list, Goldstein scale and CAMEO-to-PLOVER table into one CSV.

Writes src/dragoman/knowledge/cameo/codes.csv with, for every CAMEO event code: its label, its
Goldstein score, and the PLOVER event type, mode and context it maps to. Run from the repository
root with ../shared present:

    python tools/build_cameo_codes.py [--shared ../shared]

Sources (facts converted, notices kept in knowledge/cameo/README.md):
CAMEO_codefile_0.7b5_ICEWS.txt and CAMEO_goldstein_scale_phoenix.tsv (MIT),
CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src/dragoman/knowledge/cameo/codes.csv"

# The manual drops CAMEO 02 (APPEAL), but its REQUEST covers "all requests, demands, and
# orders"; appeals are requests, so we map them like the matching 10x demands.
APPEAL_MODES = {"021": "assist", "022": "assist", "023": "assist", "024": "change",
                "025": "yield", "026": "meet", "027": "meet", "028": "meet"}

# Modes the table gives that contradict the mode definitions in the manual itself.
MODE_FIXES = {"195": "aerial", "1712": "destroy", "175": "", "186": "targeted"}


def read_labels(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"LABEL:\s*(\d+)=\s*(.+)", line)
        if match and match.group(1) not in labels:
            labels[match.group(1)] = match.group(2).strip()
        heading = re.match(r"//(\d\d):\s*(.+)", line)
        if heading and heading.group(1) not in labels:
            labels[heading.group(1)] = heading.group(2).strip().capitalize()
    return labels


def read_goldstein(path: Path) -> dict[str, float]:
    rows = csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")
    return {row["cameo_code"]: float(row["goldstein"]) for row in rows}


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not match:
            continue
        code, event, mode, context = (part.strip() for part in match.groups())
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        table.setdefault(code, (event, mode.lower().replace(" ", ""), context))
    return table


def plover_for(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    event, mode, context = _plover_for(code, table)
    return event, MODE_FIXES.get(code, mode), context


def _plover_for(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    if code in table:
        return table[code]
    if code.startswith("02"):
        return ("REQUEST", APPEAL_MODES.get(code[:3], ""), "")
    for prefix in (code[:3], code[:2] + "0", code + "0"):
        if prefix in table:
            return table[prefix]
    return ("", "", "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    onto = args.shared / "reference/ontology"
    labels = read_labels(onto / "CAMEO_codefile_0.7b5_ICEWS.txt")
    goldstein = read_goldstein(onto / "CAMEO_goldstein_scale_phoenix.tsv")
    plover = read_plover(onto / "CAMEO2PLOVER-2021.txt")
    codes = sorted(set(labels) | set(goldstein) | set(plover))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["cameo", "label", "goldstein", "plover_event", "plover_mode",
                         "plover_context"])
        for code in codes:
            event, mode, context = plover_for(code, plover)
            score = goldstein.get(code, goldstein.get(code[:3], goldstein.get(code[:2], "")))
            writer.writerow([code, labels.get(code, ""), score, event, mode, context])
    print(f"wrote {len(codes)} CAMEO codes to {OUT.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
