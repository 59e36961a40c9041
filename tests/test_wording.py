"""Counted nouns agree with their number in every message and report (issue 10, item 27)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.core.errors import InvalidMapError, Problem
from argmap.core.wording import count


def test_count() -> None:
    assert [count(n, "map") for n in (0, 1, 2, 1000)] == ["0 maps", "1 map", "2 maps", "1,000 maps"]
    assert count(1, "piece of evidence") == "1 piece of evidence"
    assert count(3, "piece of evidence") == "3 pieces of evidence"


def test_one_of_each_in_compare_and_report(work: Path) -> None:
    out = CliRunner().invoke(main, ["compare", "essay", "reply"]).stdout
    assert "The evidence timeline has 1 dated item from 1 map (see" in out
    html = CliRunner().invoke(main, ["report", "essay", "-o", "-"]).stdout
    assert '<p class="lead">1 argument map, each tied' in html
    assert "<dt>Map</dt><dd>7 claims, 1 piece of evidence, 5 relations</dd>" in html


def test_one_more_error() -> None:
    problems = [Problem("m.json", "$.id", "bad"), Problem("m.json", "$.title", "bad")]
    assert str(InvalidMapError(problems)) == "m.json::$.id: bad (and 1 more error)"
