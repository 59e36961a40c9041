"""docs/authoring.md cannot go stale: its walk-through runs here, command by command, output by output."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from tests.conftest import REPO

DOC = REPO / "docs" / "authoring.md"
# The walk-through: console blocks to run, files to write, and one-word edits, in document order.
STEP = re.compile(
    r"```console\n(?P<console>.*?)```"
    r"|<!-- write: (?P<write>\S+) -->\n```yaml\n(?P<body>.*?)```"
    r"|<!-- replace: (?P<file>\S+): (?P<old>.+?) -> (?P<new>.+?) -->",
    re.S,
)


def _steps() -> list[re.Match[str]]:
    text = DOC.read_text(encoding="utf-8")
    return list(STEP.finditer(text[: text.index("## Every field")]))


def _commands(block: str) -> list[tuple[str, str]]:
    """(command, expected output) pairs of one console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        else:
            pairs[-1][1].append(line)
    return [(cmd, "".join(f"{line}\n" for line in out)) for cmd, out in pairs]


def test_the_walkthrough_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "texts").mkdir()
    shutil.copy(REPO / "docs" / "walkthrough" / "bike-lanes.txt", tmp_path / "texts")
    monkeypatch.chdir(tmp_path)
    ran = 0
    for step in _steps():
        if step["write"]:
            Path(step["write"]).write_text(step["body"], encoding="utf-8")
        elif step["file"]:
            target = Path(step["file"])
            text = target.read_text(encoding="utf-8")
            assert step["old"] in text
            target.write_text(text.replace(step["old"], step["new"]), encoding="utf-8")
        else:
            for command, expected in _commands(step["console"]):
                args = shlex.split(command)
                assert args[0] == "argmap"
                result = CliRunner().invoke(main, args[1:])
                assert result.output == expected, command
                failing = "0 valid" in expected or expected.startswith("Error")
                assert result.exit_code == (1 if failing else 0), command
                ran += 1
    assert ran >= 7  # new, validate x3, quote x2, render
    assert Path("bikes.svg").read_text(encoding="utf-8").startswith("<?xml")
