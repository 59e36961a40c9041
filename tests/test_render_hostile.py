"""Hostile text renders as text: the SVG parses, and no element or attribute comes from map content."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.core.load import LoadedMap
from argmap.core.model import ArgumentMap
from argmap.rendering.svg import render

SVG = "{http://www.w3.org/2000/svg}"
GRAPHVIZ_TAGS = {"svg", "g", "title", "desc", "path", "polygon", "ellipse", "text", "polyline", "a"}
HOSTILE = [
    "<script>alert('x')</script>",
    "a & b \"quoted\" 'single'",
    "back\\slash \\l \\N \\G \\n end",
    "line one\nline two\r\nthree\ttab",
    "Supercalifragilisticexpialidociouswordthatgoesonandonwithoutanyspaceatall",
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 right-to-left",
    "emoji \U0001f600\U0001f1ef\U0001f1f5",
    "]]> <!-- --> <![CDATA[x]]> &amp; &#60;",
    "control\x00\x07chars",
    "<b>bold</b> <BR/> <TABLE>",
]


def hostile_map(text: str) -> LoadedMap:
    data = {
        "version": 2,
        "id": "hostile",
        "title": text,
        "author": {"name": text, "affiliation": text},
        "source": {"path": "x.txt", "title": text, "date": "2020"},
        "nodes": [
            {"id": "c1", "kind": "claim", "text": text, "quote": text, "thesis": True, "speaker": text},
            {
                "id": "e1",
                "kind": "evidence",
                "text": text,
                "quote": text,
                "date": "2020-01",
                "citation": text,
            },
            {"id": "c2", "kind": "claim", "text": text, "implicit": True},
        ],
        "relations": [
            {"id": "r1", "type": "support", "from": ["e1", "c2"], "to": "c1", "note": text},
            {"id": "r2", "type": "attack", "from": ["c2"], "to": "other:x"},
        ],
    }
    return LoadedMap(ArgumentMap.model_validate(data), Path("hostile.json"), Path("x.txt"), text, {})


def assert_safe(svg: str) -> None:
    root = ET.fromstring(svg)  # parses as XML
    for element in root.iter():
        assert element.tag.removeprefix(SVG) in GRAPHVIZ_TAGS, element.tag
        for name in element.attrib:
            assert not name.lower().startswith("on"), name


def test_hostile_strings_render_as_text() -> None:
    for text in HOSTILE:
        for labels in ("text", "quote"):
            svg = render(hostile_map(text), "svg", labels=labels, links=True)
            assert isinstance(svg, str)
            assert_safe(svg)
            embedded = render(hostile_map(text), "svg", embed=True)
            assert isinstance(embedded, str)
            assert_safe(embedded)
    svg = render(hostile_map("<script>alert('x')</script>"), "svg")
    assert isinstance(svg, str)
    root = ET.fromstring(svg)
    visible = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "<script>alert('x')</script>" in visible


def test_backslash_escapes_are_not_interpreted() -> None:
    svg = render(hostile_map("back\\slash \\l \\N end"), "svg")
    assert isinstance(svg, str)
    visible = " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
    assert "back\\slash \\l \\N end" in visible


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_text_gives_parseable_svg(text: str) -> None:
    svg = render(hostile_map(text), "svg")
    assert isinstance(svg, str)
    assert_safe(svg)
