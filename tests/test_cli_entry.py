"""The console entry point answers --help and --version without click, with click's very words."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.entry import HELP, _rendered_help
from tests.conftest import REPO

_PROBE = (
    "import sys; sys.argv = ['argmap', *sys.argv[1:]]; from argmap.cli.entry import run\n"
    "try: run()\n"
    "finally: print('click loaded' if 'click' in sys.modules else 'click not loaded', file=sys.stderr)"
)


def _run(*args: str, columns: str = "100") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": columns}
    return subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, cwd=REPO, env=env, check=True
    )


def test_help_text_is_clicks_own() -> None:
    assert _rendered_help() == HELP, "run python -m argmap.cli.entry --regenerate and paste the text"


@pytest.mark.slow
def test_help_text_is_what_click_prints_in_a_terminal() -> None:
    code = (
        "import sys; sys.argv = ['argmap', '--help']; from argmap.cli import main; main(prog_name='argmap')"
    )
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout == HELP


@pytest.mark.slow
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_needs_no_click(flag: str) -> None:
    done = _run(flag)
    assert (done.stdout, done.stderr) == (HELP, "click not loaded\n")


@pytest.mark.slow
def test_version_needs_no_click() -> None:
    done = _run("--version")
    assert (done.stdout, done.stderr) == ("argmap, version 0.1.0\n", "click not loaded\n")
    assert CliRunner().invoke(main, ["--version"], prog_name="argmap").stdout == done.stdout


@pytest.mark.slow
def test_narrow_terminals_and_commands_go_to_click() -> None:
    narrow = _run("--help", columns="60")
    assert narrow.stderr == "click loaded\n" and narrow.stdout != HELP
    assert narrow.stdout.startswith("Usage: argmap [OPTIONS] COMMAND [ARGS]...")
    assert _run("validate", "kobayashi").stderr == "click loaded\n"
