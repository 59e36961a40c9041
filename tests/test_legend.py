"""The key: only what the picture draws, in reading order, compact and beside the map."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from argmap.core.load import load_map
from argmap.rendering.legend import ENTRIES
from argmap.rendering.svg import render_svg
from tests.conftest import REPO
from tests.test_render import load

SVG = "{http://www.w3.org/2000/svg}"
WORDS = {
    "claim": "claim",
    "evidence": "evidence",
    "main thesis": "thesis",
    "implicit premise": "implicit",
    "another map\u2019s node": "ghost",
    "supports": "support",
    "attacks": "attack",
    "linked premises meet at a dot": "linked",
    "attack on a relation (undercut)": "undercut",
}


def _legend(svg: str) -> tuple[list[str], ET.Element, ET.Element]:
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "legend")
    texts = [t.text or "" for t in group.iter(f"{SVG}text")]
    assert texts[0] == "Key"
    return [WORDS[t] for t in texts[1:] if t in WORDS], group, root


def test_a_map_with_one_claim_has_a_one_entry_key() -> None:
    entries, _, _ = _legend(render_svg(load("minimal"), legend=True))
    assert entries == ["claim"]


def test_the_key_lists_what_the_essay_draws_in_reading_order() -> None:
    # essay: claims, evidence, a thesis, an implicit premise, supports, attacks, a linked argument,
    # an undercut and an attack on the reply map (a ghost node); see tests/data/valid/essay.json.
    entries, _, _ = _legend(render_svg(load("essay"), legend=True))
    assert entries == [e for e in ENTRIES if e in entries]
    assert entries == ["claim", "evidence", "thesis", "implicit", "support", "attack", "linked", "undercut"]
    focused, _, _ = _legend(render_svg(load("essay"), legend=True, focus="e1", depth=0))
    assert focused == ["evidence"]


def _box(root: ET.Element, group: ET.Element) -> tuple[float, float, float, float]:
    points = [
        tuple(map(float, p.split(",")))
        for poly in group.iter(f"{SVG}polygon")
        for p in (poly.get("points") or "").split()
    ]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_panovs_key_is_small_and_beside_the_map() -> None:
    panov = load_map(str(REPO / "maps" / "panov.json"))
    plain = ET.fromstring(render_svg(panov))
    _, group, root = _legend(render_svg(panov, legend=True))
    width, height = (float(v) for v in (root.get("viewBox") or "").split()[2:])
    left, top, right, bottom = _box(root, group)
    assert (right - left) * (bottom - top) <= 0.15 * width * height
    # Beside, not above: the picture grows by at most 5% in either direction.
    plain_width, plain_height = (float(v) for v in (plain.get("viewBox") or "").split()[2:])
    assert width <= plain_width * 1.05 and height <= plain_height * 1.05
