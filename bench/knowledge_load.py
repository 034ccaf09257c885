"""How big is the knowledge base, and how long does it take to load and index?

Loads the packaged knowledge in a fresh process (so no cache helps), then builds the actor
index the resolver uses, and prints sizes and times. Run it a few times; take the smallest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import time, resource, json
from importlib import resources
t0 = time.perf_counter()
from dragoman.knowledge import load_knowledge
k = load_knowledge()
t1 = time.perf_counter()
from dragoman.resolve.actors import index_for
index = index_for(k)
t2 = time.perf_counter()
root = resources.files("dragoman.knowledge")
files = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".csv", ".json")]
print(json.dumps({
    "files": len(files), "megabytes": sum(p.stat().st_size for p in files) / 1e6,
    "actor_records": len(k.actor_records), "agent_records": len(k.agent_records),
    "verb_pattern_records": len(k.verb_pattern_records), "names_indexed": len(index.keys),
    "load_seconds": t1 - t0, "index_seconds": t2 - t1,
    "peak_rss_megabytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> int:
    import json

    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD], capture_output=True,
                                      text=True, check=True).stdout) for _ in range(3)]
    best = min(runs, key=lambda r: r["load_seconds"] + r["index_seconds"])
    for key, value in best.items():
        print(f"{key:<22} {value:.2f}" if isinstance(value, float) else f"{key:<22} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
