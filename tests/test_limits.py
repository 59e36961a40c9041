"""A map at every length limit of the schema still validates, renders in every format and reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core import model

MAP_ID = "l" * model.ID_MAX


@pytest.fixture
def at_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    quote = "word " * ((model.QUOTE_MAX - 3) // 5) + "end"
    assert len(quote) <= model.QUOTE_MAX
    (tmp_path / "maps").mkdir()
    (tmp_path / "source.txt").write_text(quote + "\n", encoding="utf-8")
    ids = {kind: kind * model.ID_MAX for kind in "cer"}
    data = {
        "version": 2,
        "id": MAP_ID,
        "title": "T" * model.TITLE_MAX,
        "author": {"name": "N" * model.NAME_MAX, "affiliation": "A" * model.TITLE_MAX},
        "source": {"path": "../source.txt", "title": "S" * model.TITLE_MAX, "date": "2020"},
        "description": "D" * model.DESCRIPTION_MAX,
        "nodes": [
            {
                "id": ids["c"],
                "kind": "claim",
                "text": "x" * model.TEXT_MAX,
                "quote": quote,
                "thesis": True,
                "speaker": "s" * model.NAME_MAX,
                "tags": ["t" * model.ID_MAX],
            },
            {
                "id": ids["e"],
                "kind": "evidence",
                "text": "y " * (model.TEXT_MAX // 2),
                "quote": "word end",
                "evidence_kind": "event",
                "date": "2020",
                "citation": "c" * model.REF_MAX,
            },
        ],
        "relations": [
            {
                "id": ids["r"],
                "type": "support",
                "from": [ids["e"]],
                "to": ids["c"],
                "note": "n" * model.NOTE_MAX,
            }
        ],
    }
    (tmp_path / "maps" / f"{MAP_ID}.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "dot"])
@pytest.mark.parametrize("labels", ["text", "quote"])
def test_every_format_works_at_the_limits(at_limits: Path, fmt: str, labels: str) -> None:
    result = CliRunner().invoke(main, ["render", MAP_ID, "--labels", labels, "-o", f"out.{fmt}"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert (at_limits / f"out.{fmt}").stat().st_size > 1000


def test_reports_work_at_the_limits(at_limits: Path) -> None:
    for target in ("r.html", "r.md"):
        result = CliRunner().invoke(main, ["report", "-o", target])
        assert (result.exit_code, result.stderr) == (0, "")
