"""`argmap render --color-by`: nodes coloured and labelled by the evaluation, with a key of their own."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.rendering.marks import acceptance_marks, strength_marks

SVG = "{http://www.w3.org/2000/svg}"


def _svg(*args: str) -> ET.Element:
    result = CliRunner().invoke(main, ["render", *args, "-o", "-"])
    assert result.exit_code == 0, result.output
    return ET.fromstring(result.stdout)


def _node(root: ET.Element, element_id: str) -> tuple[str, str]:
    """The fill of a node's shape and the text of its label."""
    group = next(g for g in root.iter(f"{SVG}g") if g.get("id") == element_id)
    shape = next(e for e in group if e.tag in (f"{SVG}path", f"{SVG}polygon"))
    text = " ".join((t.text or "") for t in group.iter(f"{SVG}text"))
    return shape.get("fill", ""), text


def test_acceptance_colours_and_labels_each_node(in_repo: Path) -> None:
    root = _svg("panov", "kobayashi", "--merge", "--color-by", "acceptance")
    marks = acceptance_marks({}, "light", "")
    assert marks.legend == (
        ("\u2713 stands", "#b9e4d4"),
        ("? undecided", "#f6efa6"),
        ("\u2717 out", "#f5c6a5"),
    )
    fill, text = _node(root, "kobayashi.k1")
    assert (fill, text.endswith("\u2717 out")) == ("#f5c6a5", True)
    fill, text = _node(root, "panov.c1")
    assert (fill, text.endswith("\u2713 stands")) == ("#b9e4d4", True)
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "marks-legend")
    assert "grounded semantics (argmap evaluate)" in " ".join(t.text or "" for t in legend.iter(f"{SVG}text"))


def test_strength_marks_follow_the_chosen_gradual_semantics(in_repo: Path) -> None:
    root = _svg("kobayashi", "--color-by", "strength")
    fill, text = _node(root, "kobayashi.ke1")
    assert (fill, text.endswith("strength 0.50")) == ("#ffffff", True)
    assert strength_marks({"a": 1.0, "b": 0.0}, "light", "t").fills == {"a": "#b9e4d4", "b": "#f5c6a5"}


def test_a_single_map_is_evaluated_alone_and_its_ghosts_stay_plain(in_repo: Path) -> None:
    root = _svg("panov", "--color-by", "acceptance")
    ghost = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "kobayashi._ghost.k1")
    assert "marked" not in (ghost.get("class") or "")


def test_color_by_and_semantics_must_agree(in_repo: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", "panov", "--color-by", "acceptance", "--semantics", "dfquad"]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: --color-by acceptance needs --semantics grounded, complete, preferred or stable; got 'dfquad'"
    )
