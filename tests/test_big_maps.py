"""Big maps by meaning: --split into an overview and parts, --cluster reasons, --merge side by side."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from argmap.core.load import LoadedMap, load_map
from argmap.rendering.options import RenderOptions
from argmap.rendering.parts import heads, parts
from argmap.rendering.split import render_split, split_views
from argmap.rendering.svg import render_svg
from tests.conftest import REPO
from tests.test_cli_render import run
from tests.test_render import load

SVG = "{http://www.w3.org/2000/svg}"
A4_WIDTH = 595.28  # points
MIN_TEXT = 6.0  # points of node text (11 pt) after shrinking a picture to A4 width


def panov() -> LoadedMap:
    return load_map(str(REPO / "maps" / "panov.json"))


def generated(n: int) -> LoadedMap:
    sys.path.insert(0, str(REPO / "bench"))
    from render_large import make_map

    result: LoadedMap = make_map(n)
    return result


def _width(svg: str) -> float:
    box = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', svg)
    assert box is not None
    return float(box.group(1))


def _node_ids(svg: str, prefix: str = "") -> set[str]:
    root = ET.fromstring(svg)
    return {
        (g.get("id") or "").removeprefix(prefix)
        for g in root.iter(f"{SVG}g")
        if "argmap-node" in (g.get("class") or "").split()
    }


def test_the_essay_has_one_head_and_parts_that_cover_it() -> None:
    (essay,) = load("essay")
    assert heads(essay) == ["c1"]
    covered = set().union(*(p.nodes for p in parts(essay))) | {"c1"}
    assert covered == {n.id for n in essay.map.nodes}


def test_panov_split_overview_links_every_part_and_parts_cover_the_map() -> None:
    m = panov()
    pictures = render_split(m, "svg")
    names = [p.name for p in pictures]
    assert names[0] == "panov-overview.svg"
    assert names[1:] == [f"panov-part{i}.svg" for i in range(1, len(names))]
    overview = str(pictures[0].rendered.data)
    # The overview: the thesis, the further conclusions and the direct reasons, not the whole map.
    assert {"panov.c1", "panov.c13", "panov.c15"} <= _node_ids(overview)
    assert len(_node_ids(overview)) < len(m.map.nodes)
    assert f"Overview: the conclusions and their direct reasons; {len(names) - 1} linked parts" in overview
    assert "Part 1: what argues for \u201cUnder US pressure and a pro-American lobby, Tokyo toughened" in str(
        pictures[1].rendered.data
    )
    linked = set(re.findall(r'href="(panov-part\d+\.svg)"', overview))
    assert linked and linked <= set(names)
    drawn = set().union(*(_node_ids(str(p.rendered.data)) for p in pictures))
    assert drawn >= {f"panov.{n.id}" for n in m.map.nodes}
    # Every part reached from the overview or from another part.
    reached = linked.union(
        *(re.findall(r'href="(panov-part\d+\.svg)"', str(p.rendered.data)) for p in pictures)
    )
    assert reached == set(names[1:])


def test_split_pictures_are_legible_at_a4_width() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from generate import argument_map

    for m in (panov(), generated(500), argument_map(500)):
        for name, view in split_views(m, m.id, "svg"):
            assert view.selection is not None and view.selection.nodes, name
        for picture in render_split(m, "svg"):
            width = _width(str(picture.rendered.data))
            assert 11 * min(1.0, A4_WIDTH / width) >= MIN_TEXT, (picture.name, width)


def test_cli_split_writes_the_pictures_into_a_folder(work: Path) -> None:
    (work / "out").mkdir()
    code, out, err = run("render", "essay", "--split", "-o", "out")
    assert (code, err) == (0, "")
    files = out.splitlines()
    assert files[0] == "out/essay-overview.svg"
    assert sorted(p.name for p in (work / "out").iterdir()) == sorted(Path(f).name for f in files)
    code, _, err = run("render", "essay", "--split", "-o", "one.svg")
    assert code == 2 and "--split writes several files: give -o an existing folder" in err
    code, _, err = run("render", "essay", "reply", "--split", "--merge")
    assert code == 2 and "--split draws one map at a time; leave out --merge" in err


def test_cluster_reasons_boxes_each_reason() -> None:
    svg = render_svg(panov(), RenderOptions(cluster="reasons"))
    root = ET.fromstring(svg)
    boxes = [g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("panov._group.part")]
    expected = [p for p in parts(panov()) if len(p.nodes) >= 2]
    assert len(boxes) == len(expected) >= 3
    texts = [" ".join(t.text or "" for t in g.iter(f"{SVG}text")) for g in boxes]
    assert any(t.startswith("Reason 1") for t in texts)


def _cluster_boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    root = ET.fromstring(svg)
    boxes = {}
    for g in root.iter(f"{SVG}g"):
        ident = g.get("id") or ""
        if ident.endswith("._cluster"):
            points = [
                tuple(map(float, p.split(",")))
                for path in g.iter(f"{SVG}path")
                for p in re.findall(r"-?[\d.]+,-?[\d.]+", path.get("d") or "")
            ]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            boxes[ident.removesuffix("._cluster")] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def test_merged_maps_sit_side_by_side_in_reading_order() -> None:
    boxes = _cluster_boxes(render_svg(load("essay", "reply")))
    essay, reply = boxes["essay"], boxes["reply"]
    assert essay[2] <= reply[0]  # essay's right edge before reply's left edge
    stacked = _cluster_boxes(render_svg(load("essay", "reply"), merge_layout="stack"))
    assert not stacked["essay"][2] <= stacked["reply"][0]


def test_collapse_folds_evidence_that_only_supports_one_claim() -> None:
    m = panov()
    svg = render_svg(m, RenderOptions(collapse=True))
    drawn = _node_ids(svg)
    # By hand from maps/panov.json: e15 only supports the thesis c1; e1, e6 and e8 only support c2.
    # e5 supports c7 and c2 (used twice) and e4 is linked with c9: both stay.
    assert "panov.e15" not in drawn and "panov.c1" in drawn
    assert not {"panov.e1", "panov.e6", "panov.e8"} & drawn
    assert {"panov.e5", "panov.e4"} <= drawn
    texts = " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
    assert "+ 3 pieces of evidence (e1, e6, e8)" in texts
    assert "+ 1 piece of evidence (e15)" in texts


def test_top_to_bottom_maps_are_stacked_along_the_ranks_instead_of_a_wide_strip() -> None:
    # A TB map is wide and short: the grid puts the next map below, not beside (one column).
    boxes = _cluster_boxes(render_svg(load("essay", "reply"), rankdir="TB"))
    assert boxes["essay"][3] <= boxes["reply"][1]  # essay's bottom above reply's top
    strip = _cluster_boxes(render_svg(load("essay", "reply"), rankdir="TB", merge_layout="stack"))
    assert not strip["essay"][3] <= strip["reply"][1]
