#!/usr/bin/env bash
# Set everything up, then code the bundled sample articles and print their events.
# The first run also builds the offline gazetteer in ~/.cache/dragoman (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/dragoman code examples/articles --format table "$@"
