"""What a picture says: the map's title as one text run, ghost nodes labelled in every run."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.load import Workspace, validate
from argmap.rendering.svg import render
from tests.conftest import REPO

SVG = "{http://www.w3.org/2000/svg}"


def seed(name: str) -> object:
    [m] = validate([REPO / "maps" / f"{name}.json"], Workspace(maps_dir=REPO / "maps")).maps
    return m


def graph_label_runs(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    graph = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "graph")
    return [t.text or "" for t in graph.findall(f"{SVG}text")]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("panov", "Panov: Japan has chosen America (2014-09)"),
        ("abiru", "Abiru (2016): U.S.-Russia tensions may shape Japan-Russia negotiations (2016-11)"),
        (
            "nyt-2014",
            "The New York Times: Japan's limited 2014 sanctions: solidarity with Washington vs. an open "
            "door to Moscow (2014-08)",
        ),
    ],
)
def test_map_title_is_one_run_without_the_author_twice(name: str, title: str, in_repo: Path) -> None:
    svg = render(seed(name), "svg")  # type: ignore[call-overload]
    assert graph_label_runs(str(svg)) == [title]


def ghost_texts(svg_path: Path, ghost_id: str) -> str:
    root = ET.parse(svg_path).getroot()
    ghost = next(g for g in root.iter(f"{SVG}g") if g.get("id") == ghost_id)
    return " ".join(t.text or "" for t in ghost.iter(f"{SVG}text"))


def test_ghost_is_labelled_when_its_map_is_drawn_in_the_same_run(in_repo: Path, tmp_path: Path) -> None:
    """render panov kobayashi -o dir drew Kobayashi's nodes in Panov's picture as bare ids."""
    result = CliRunner().invoke(main, ["render", "panov", "kobayashi", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    alone = tmp_path / "alone"
    alone.mkdir()
    assert CliRunner().invoke(main, ["render", "panov", "-o", str(alone / "panov.svg")]).exit_code == 0
    root = ET.parse(tmp_path / "panov.svg").getroot()
    ghosts = sorted(g.get("id") or "" for g in root.iter(f"{SVG}g") if "ghost" in (g.get("class") or ""))
    assert ghosts
    for ghost in ghosts:
        together = ghost_texts(tmp_path / "panov.svg", ghost)
        assert together == ghost_texts(alone / "panov.svg", ghost)
        assert together.startswith("Kazushige Kobayashi ")


def test_report_headings_name_the_author_once(in_repo: Path) -> None:
    from argmap.reporting.build import build_report

    panov = seed("panov")
    html = build_report([panov], "html").text  # type: ignore[list-item]
    markdown = build_report([panov], "markdown").text  # type: ignore[list-item]
    assert ">Panov: Japan has chosen America</h2>" in html
    assert "Alexander Panov: Panov" not in html and "Alexander Panov: Panov" not in markdown
    assert "## Panov: Japan has chosen America\n" in markdown
