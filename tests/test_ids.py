"""Ids and file names never collide: maps a + b drawn together against a map named a-b, and a node
b-c of map a against a node c of map a-b."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.core.ids import element_id, group_id, role_id
from argmap.core.load import LoadedMap
from argmap.core.model import LOCAL_ID, PropositionCatalogue
from argmap.reporting.build import build_report
from tests.compare_data import in_memory
from tests.test_report import parse


def claim(cid: str, quote: str, position: str = "pro") -> dict[str, object]:
    stance = {"proposition": "p", "position": position}
    return {"id": cid, "kind": "claim", "text": f"Text of {cid}", "quote": quote, "stances": [stance]}


CATALOGUE = PropositionCatalogue(version=2, propositions=[{"id": "p", "text": "P"}])


def tricky_maps() -> list[LoadedMap]:
    a = in_memory("a", "Ann", [claim("b-c", "alpha words"), claim("x", "beta words")])
    b = in_memory(
        "b",
        "Bob",
        [claim("c", "gamma words", "con")],
        relations=[{"id": "r1", "type": "attack", "from": ["c"], "to": "a:x"}],
    )
    a_b = in_memory("a-b", "Abe", [claim("c", "delta words"), claim("row", "epsilon words")])
    return [a, b, a_b]


def test_the_grammar() -> None:
    assert element_id("a", "b-c") != element_id("a-b", "c")
    assert group_id(["a", "b"]) != "a-b"
    # A role id equals no element id, because a local id never starts with "_".
    assert role_id("a", "row", "x") == "a._row.x" and not re.match(LOCAL_ID, "_row.x")
    assert role_id("map", "x") != element_id("map", "x")


def test_html_report_ids_are_unique() -> None:
    html = build_report(tricky_maps(), "html", catalogue=CATALOGUE).text
    ids = Counter(parse(html).ids)
    assert [i for i, n in ids.items() if n > 1] == []
    assert {"a.b-c", "a-b.c", "a._svg.a.b-c", "a-b._svg.a-b.c", "a_b._svg.a.x"} <= set(ids)


def test_markdown_asset_names_are_unique_and_each_is_linked() -> None:
    report = build_report(tricky_maps(), "markdown", catalogue=CATALOGUE, asset_stem="r")
    assert sorted(report.assets) == ["r-a-b.svg", "r-a.svg", "r-a_b.svg", "r-b.svg"]
    for name in report.assets:
        assert f"]({name})" in report.text
    anchors = [line for line in report.text.splitlines() if line.startswith('<a id="')]
    assert len(anchors) == len(set(anchors))


def test_merged_picture_file_is_not_a_map_named_like_it(tmp_path: Path, work: Path) -> None:
    result = CliRunner().invoke(main, ["render", "essay", "reply", "--merge", "--format", "dot"])
    assert (result.exit_code, result.stdout) == (0, "essay_reply.dot\n")
