#!/usr/bin/env bash
# Set everything up, then run the whole test suite (slow tests included). Extra arguments go
# to pytest. Exits non-zero when a test fails or when no test was collected (pytest's 5).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
