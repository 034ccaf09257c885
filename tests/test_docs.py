"""The README cannot lie: its help text is the command's, its quick start has two commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from .conftest import REPO

README = (REPO / "README.md").read_text("utf-8")


def test_readme_help_block_is_the_live_help():
    block = re.search(r"<!-- help:code -->\n```\n(.*?)```\n<!-- /help -->", README, re.S)
    assert block, "README lost its help block"
    live = subprocess.run([sys.executable, "-m", "dragoman", "code", "--help"],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"},
                          timeout=120).stdout.replace("python -m dragoman", "dragoman")
    assert block.group(1) == live, "README help is stale: paste `COLUMNS=80 dragoman code --help`"


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)```", section, re.S)
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_exactly_two_commands_and_ci_runs_the_second():
    commands = quick_start_commands()
    assert commands == ["./scripts/quickstart.sh", "./scripts/test.sh"]
    assert "./scripts/test.sh" in (REPO / ".ci" / "run").read_text("utf-8")


@pytest.mark.slow
def test_quick_start_runs_the_main_job_on_the_samples():
    if not (REPO / ".venv" / "bin" / "dragoman").exists() or sys.prefix != str(REPO / ".venv"):
        pytest.skip("the quick start installs into .venv; run the suite from it")
    done = subprocess.run(["./scripts/quickstart.sh"], cwd=REPO, capture_output=True,
                          text=True, timeout=900, env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "ASSAULT" in done.stdout and "CONSULT" not in done.stderr
    assert re.search(r"coded 5 articles, \d+ events", done.stderr)
