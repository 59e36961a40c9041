"""What reaches a terminal is inert: control and bidi characters from maps and file names are escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import common, main

TITLE = "\x1b]0;pwned\x07"
BIDI = "\u202e"


def hostile_map(folder: Path, source_path: str) -> Path:
    data = json.loads((folder / "maps" / "minimal.json").read_text(encoding="utf-8"))
    data["source"]["path"] = source_path
    path = folder / "maps" / "minimal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_validate_escapes_a_hostile_source_path(work: Path) -> None:
    hostile_map(work, f"missing{TITLE}{BIDI}.txt")
    result = CliRunner().invoke(main, ["validate", "--maps", "maps", "minimal"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and BIDI not in result.stdout
    assert "missing\\x1b]0;pwned\\x07\\u202e.txt" in result.stdout


def test_validate_escapes_a_hostile_file_name(work: Path) -> None:
    name = f"maps/evil{TITLE}.json"
    (work / name).write_text("{", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--maps", "maps", name])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout
    assert "evil\\x1b]0;pwned\\x07.json" in result.stdout


def test_error_messages_are_escaped(work: Path) -> None:
    result = CliRunner().invoke(main, ["render", "--maps", "maps", f"nothing{TITLE}"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "nothing\\x1b]0;pwned\\x07" in result.stderr


HOSTILE_TEXT = f"Plain claim {TITLE} and \x9b2J and {BIDI}reversed"


def two_maps(folder: Path) -> None:
    """Two maps with opposite stances; the authors' names carry terminal commands."""
    source = "first words. second words."
    (folder / "src.txt").write_text(source, encoding="utf-8")
    catalogue = {"version": 2, "propositions": [{"id": "p", "text": "P"}]}
    (folder / "maps" / "propositions.json").write_text(json.dumps(catalogue), encoding="utf-8")
    for map_id, quote, position in (("one", "first words", "pro"), ("two", "second words", "con")):
        data = {
            "version": 2,
            "id": map_id,
            "title": "T",
            "author": {"name": f"{map_id.title()} {HOSTILE_TEXT}"},
            "source": {"path": "../src.txt", "title": "S", "date": "2020"},
            "nodes": [
                {
                    "id": "c1",
                    "kind": "claim",
                    "text": HOSTILE_TEXT,
                    "quote": quote,
                    "stances": [{"proposition": "p", "position": position}],
                }
            ],
        }
        (folder / "maps" / f"{map_id}.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "csv", "markdown", "json"])
def test_compare_to_a_terminal_is_escaped(work: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    two_maps(work)
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(main, ["compare", "--maps", "maps", "one", "two", "--format", fmt])
    assert result.exit_code == 0, result.output
    for raw in ("\x1b", "\x07", "\x9b", BIDI):
        assert raw not in result.stdout
    # Text and CSV show ESC as \x1b; Markdown already replaced it (XML cannot carry it); JSON wrote \u001b.
    assert ("\\x1b]0;pwned\\x07" in result.stdout) == (fmt in ("text", "csv"))
    assert "\\u202ereversed" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_compare_to_a_pipe_keeps_the_text(work: Path, fmt: str) -> None:
    """Only a terminal gets escapes: a file or pipe gets the format's own bytes."""
    two_maps(work)
    result = CliRunner().invoke(main, ["compare", "--maps", "maps", "one", "two", "--format", fmt])
    assert result.exit_code == 0
    assert BIDI in result.stdout


def test_binary_picture_is_not_printed_to_a_terminal(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(main, ["render", "essay", "--format", "png", "-o", "-"])
    assert result.exit_code == 2
    assert "would print a binary picture to the terminal" in result.stderr
    assert result.stdout_bytes == b""
