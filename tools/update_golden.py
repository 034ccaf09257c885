"""Regenerate tests/golden/examples.jsonl from the sample articles (on purpose only).

    python tools/update_golden.py

Review the diff before committing it: a golden file pins what the coder produces on the
bundled samples, so a change here is a change in behaviour.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dragoman.ingest import read_inputs  # noqa: E402
from dragoman.pipeline import Coder  # noqa: E402
from tests.golden_projection import project  # noqa: E402

GOLDEN = REPO / "tests" / "golden" / "examples.jsonl"


def main() -> int:
    coder = Coder()
    rows = []
    for article in read_inputs([REPO / "examples" / "articles"]):
        for event in coder.code(article):
            rows.append(project(event.to_plover()))
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(f"wrote {len(rows)} events to {GOLDEN.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
