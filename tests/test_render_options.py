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
    assert f'id="{prefix}essay.c1"' in str(svg)


def test_cli_refuses_a_script_in_the_id_prefix(work: Path) -> None:
    result = CliRunner().invoke(main, ["render", "essay", "--id-prefix", '"><script>alert(1)</script>'])
    assert result.exit_code == 2
    assert "--id-prefix must start with a letter" in result.stderr
    assert not (work / "essay.svg").exists()


def test_build_dot_checks_the_prefix_too() -> None:
    with pytest.raises(UsageError):
        build_dot(load("essay"), RenderOptions(id_prefix="<g>"))


def test_focus_node_is_marked() -> None:
    doc = build_dot(load("essay"), RenderOptions(focus="c3", depth=1))
    line = next(x for x in doc.source.splitlines() if x.startswith('\t"essay.c3" ['))
    assert "penwidth=3.5" in line and "focus" in line
    others = [x for x in doc.source.splitlines() if x.startswith('\t"essay.') and '"essay.c3" [' not in x]
    assert others and not any("focus" in x for x in others)
    svg = render(load("essay"), "svg", focus="c3", depth=1)
    assert 'class="node argmap-node claim essay.c3 map-essay speaker focus"' in str(svg)


def test_focus_on_a_map_not_drawn_says_so() -> None:
    """kobayashi:k1 exists; the real reason is that kobayashi is not in the picture."""
    with pytest.raises(UsageError, match=r"map 'essay' is not drawn here \(maps drawn: reply\)"):
        build_dot(load("reply"), RenderOptions(focus="essay:c1"))


def test_focus_on_a_relation_says_so() -> None:
    with pytest.raises(UsageError, match="'r4' is a relation of map 'essay'; focus on a node"):
        build_dot(load("essay"), RenderOptions(focus="r4"))


def test_focus_on_a_missing_node_still_says_no_node() -> None:
    with pytest.raises(UsageError, match="no node 'zz' in map 'essay'"):
        build_dot(load("essay"), RenderOptions(focus="essay:zz"))


def test_depth_without_focus_is_refused() -> None:
    with pytest.raises(UsageError, match="--depth has no effect without --focus"):
        build_dot(load("essay"), RenderOptions(depth=1))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--depth", "1"], "--depth has no effect without --focus"),
        (["--depth", "2"], "--depth has no effect without --focus"),
        (["--format", "png", "--embed"], "--embed only applies to SVG; the output format is png"),
        (["-o", "x.dot", "--links", "--id-prefix", "p"], "--links and --id-prefix only apply to SVG"),
        (["--layout", "neato", "--rankdir", "LR"], "--rankdir only applies to --layout dot"),
    ],
)
def test_cli_refuses_options_without_effect(work: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["render", "essay", *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert not list(work.glob("essay.*")) and not (work / "x.dot").exists()


def test_cli_focus_with_default_depth(work: Path) -> None:
    result = CliRunner().invoke(main, ["render", "essay", "--focus", "c3", "-o", "-", "--format", "dot"])
    assert result.exit_code == 0
    assert result.stdout == build_dot(load("essay"), RenderOptions(focus="c3", depth=2)).source


def test_verbose_with_dot_format_is_refused(work: Path) -> None:
    result = CliRunner().invoke(main, ["render", "essay", "--format", "dot", "-v"])
    assert result.exit_code == 2
    assert "--format dot does not run Graphviz" in result.stderr
