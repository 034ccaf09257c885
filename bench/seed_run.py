"""Time and peak memory of `dragoman code` on the seed article, as a user runs it.

Runs the command in a child process three times (the first run may build the gazetteer
index if it is missing: reported separately) and prints wall time and the child's peak
resident memory (getrusage RUSAGE_CHILDREN, so one child at a time)."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared/samples/astana-talks-2017.txt"


def main() -> int:
    article = SEED if SEED.exists() else REPO / "examples/articles/douma-shelling.txt"
    command = [sys.executable, "-m", "dragoman", "code", str(article), "--published",
               "2017-01-23", "--format", "jsonl"]
    for run in range(3):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        events = len(done.stdout.splitlines())
        print(f"run {run + 1}: {seconds:.2f} s, {events} events, peak memory so far "
              f"{peak:.0f} MB, exit {done.returncode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
