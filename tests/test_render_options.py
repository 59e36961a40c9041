"""Render options that could be abused or that would silently do nothing are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.errors import UsageError
from argmap.rendering.dot import RenderOptions, build_dot
from argmap.rendering.svg import render
from tests.test_render import load


@pytest.mark.parametrize(
    "prefix", ['"><script>alert(1)</script>', "a b", "1abc", "x:y", "p\u00e9-", "a'b", "a\nb", "-x"]
)
def test_id_prefix_must_be_an_id_prefix(prefix: str) -> None:
    with pytest.raises(UsageError, match="--id-prefix must start with a letter"):
        render(load("essay"), "svg", id_prefix=prefix)


@pytest.mark.parametrize("prefix", ["", "x", "_a", "report.map-1_", "Map-svg-"])
def test_good_id_prefixes_are_used(prefix: str) -> None:
    svg = render(load("essay"), "svg", id_prefix=prefix)
    assert f'id="{prefix}essay-c1"' in str(svg) or f'id="{prefix}essay.c1"' in str(svg)


def test_cli_refuses_a_script_in_the_id_prefix(work: Path) -> None:
    result = CliRunner().invoke(main, ["render", "essay", "--id-prefix", '"><script>alert(1)</script>'])
    assert result.exit_code == 2
    assert "--id-prefix must start with a letter" in result.stderr
    assert not (work / "essay.svg").exists()


def test_build_dot_checks_the_prefix_too() -> None:
    with pytest.raises(UsageError):
        build_dot(load("essay"), RenderOptions(id_prefix="<g>"))
