"""The comparison formats: parsed back, validated, escaped, and no wider than a terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from pathlib import Path

import networkx as nx
import pytest
from jsonschema import Draft202012Validator

from argmap.comparing.comparison import Comparison
from argmap.comparing.formats import FORMATS, format_comparison
from argmap.comparing.formats.common import abbreviations, csv_cell, md
from argmap.comparing.formats.data import CSV_COLUMNS
from argmap.comparing.matrix import compare
from argmap.core.errors import UsageError
from argmap.core.model import PropositionCatalogue
from tests.compare_data import hand, in_memory, seeds
from tests.conftest import REPO, check_golden

HOSTILE = "| <script> *x* [a](javascript:alert(1))"
SVG = "{http://www.w3.org/2000/svg}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def text_of(c: Comparison, fmt: str) -> str:
    out = format_comparison(c, fmt)
    assert isinstance(out, str)
    return out


@cache
def hostile() -> Comparison:
    """Every piece of user text is hostile; long words and long quotes test the 80 columns."""
    long_quote = "=cmd|' /C calc'!A0 " + " ".join(["overlong"] * 80) + " https://example.org/" + "x" * 120
    a = in_memory(
        "evil",
        f"{HOSTILE} & Co",
        [
            {"id": "c1", "kind": "claim", "text": f"# {HOSTILE}\n- item", "quote": long_quote,
             "stances": [{"proposition": "p", "position": "pro", "intensity": 3}]},
            {"id": "c2", "kind": "claim", "text": "1. <b>bold</b> `code` ~~s~~ \u001b[2J",
             "quote": "@SUM(1+1)",
             "speaker": "-Mallory \\ <img src=x onerror=alert(1)>",
             "stances": [{"proposition": "p", "position": "con"}]},
            {"id": "e1", "kind": "evidence", "text": f"{HOSTILE} event", "quote": "+1 evidence",
             "evidence_kind": "event", "date": "2020-01", "citation": "<cite>"},
        ],
        relations=[{"id": "r1", "type": "attack", "from": ["c1"], "to": "good:g1"}],
    )  # fmt: skip
    b = in_memory(
        "good",
        "Gina Good",
        [
            {"id": "g1", "kind": "claim", "text": "Plain.", "quote": "plain words",
             "stances": [{"proposition": "p", "position": "con", "intensity": 1}]},
            {"id": "ge", "kind": "evidence", "text": f"{HOSTILE} event!", "quote": "q", "date": "2020"},
        ],
        relations=[{"id": "gr", "type": "support", "from": ["ge"], "to": "g1"}],
    )  # fmt: skip
    catalogue = PropositionCatalogue(version=2, propositions=[{"id": "p", "text": f"{HOSTILE} \\N"}])
    return compare([a, b], catalogue, speakers=True)


COMPARISONS: dict[str, Callable[[], Comparison]] = {
    "hand": hand,
    "hand-speakers": lambda: hand(speakers=True),
    "seeds": seeds,
    "seeds-speakers": lambda: seeds(speakers=True),
    "hostile": hostile,
}


# ---------------------------------------------------------------- text


def test_text_matches_golden(update_golden: bool) -> None:
    check_golden("compare-millbrook.txt", text_of(hand(), "text"), update_golden)


@pytest.mark.parametrize("which", ["hand", "hand-speakers", "seeds", "seeds-speakers", "hostile"])
def test_text_fits_80_columns(which: str) -> None:
    c = COMPARISONS[which]()
    out = text_of(c, "text")
    assert "\x1b" not in out  # no terminal control codes from user text
    lines = out.splitlines()
    too_long = [line for line in lines if len(line) > 80]
    assert too_long == []


def test_text_splits_a_wide_matrix_into_blocks() -> None:
    c = seeds(speakers=True)
    out = text_of(c, "text")
    headers = [line for line in out.splitlines() if re.fullmatch(r" {20,}( +[A-Z]{1,2})+", line)]
    # The seed maps' actor count grows as maps are revised; what must hold is the split itself.
    assert len(c.actors) > 12 and len(headers) >= 2
    assert [label for h in headers for label in h.split()] == abbreviations(len(c.actors))


def test_text_shows_both_sides_of_a_disagreement_with_quotes() -> None:
    out = text_of(seeds(), "text")
    block = out[out.index("japan-russia-policy-independent: for B, E; against A, D, G") :]
    block = block[: block.index("\n\n")]
    # A claim about another time than its source's year says which.
    assert 'E + kobayashi:k1 (3 about 2014-08) "is spinning out of Washington' in block
    assert 'G \u2212 panov:c1 (3 about 2014-07/2014-09) "The events of July-August 2014 show' in block
    assert 'A \u2212 abiru:c18 (2) "Tokyo plans' in block  # about its source's year, 2016
    # Each quote once per proposition, however many pairs it opposes (E-D and E-G here).
    assert block.count("kobayashi:k1 (3 about 2014-08)") == 1
    assert "panov r39: G attacks E's kobayashi:k1 (not answered)" in out


def test_abbreviations_continue_past_z() -> None:
    assert abbreviations(28)[24:] == ["Y", "Z", "AA", "AB"]


# ---------------------------------------------------------------- markdown


def test_markdown_matches_golden(update_golden: bool) -> None:
    check_golden("compare-millbrook.md", text_of(hand(), "markdown"), update_golden)


def test_markdown_escapes_hostile_text() -> None:
    out = text_of(hostile(), "markdown")
    # No unescaped markup, link or emphasis: every <, >, [, ], * and _ has its backslash.
    assert re.findall(r"(?<!\\)[<>\[\]*_]", out.replace("<br>", "")) == []
    assert r"\| \<script\> \*x\* \[a\]\(javascript:alert\(1\)\)" in out
    assert "\n#" not in out.replace("\n## ", "\n").replace("\n# ", "\n")  # only our headings
    # Every table row has exactly as many unescaped pipes as its header: no cell breaks out.
    rows = [line for line in out.splitlines() if line.startswith("|")]
    tables: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith("|"):
            if not tables or not tables[-1]:
                tables.append([])
            tables[-1].append(line)
        elif tables and tables[-1]:
            tables.append([])
    for table in (t for t in tables if t):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table
    assert rows


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        (HOSTILE, r"\| \<script\> \*x\* \[a\]\(javascript:alert\(1\)\)"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("a_b `c` ~d~ & e", r"a\_b \`c\` \~d\~ \& e"),
        ("two\nlines", "two lines"),
    ],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md(raw) == escaped


# ---------------------------------------------------------------- JSON


@cache
def comparison_schema() -> Draft202012Validator:
    schema = json.loads((REPO / "schema" / "comparison.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("which", ["hand", "hand-speakers", "seeds-speakers", "hostile"])
def test_json_is_valid_against_its_schema(which: str) -> None:
    c = COMPARISONS[which]()
    data = json.loads(text_of(c, "json"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in comparison_schema().iter_errors(data)]
    assert errors == []
    assert next(iter(data)) == "version" and data["version"] == 1


def test_json_holds_the_full_comparison() -> None:
    data = json.loads(text_of(hand(), "json"))
    assert [a["id"] for a in data["actors"]] == ["alice", "bob", "carol"]
    cost = data["matrix"][1][0]
    assert (cost["proposition"], cost["actor"], cost["position"], cost["intensity"]) == (
        "cost-acceptable",
        "alice",
        "mixed",
        2,
    )
    assert [claim["node"] for claim in cost["claims"]] == ["a2", "a3"]
    pair = data["pairs"][0]
    assert (pair["a"], pair["b"], pair["coverage"], pair["disagree_on"]) == (
        "alice",
        "bob",
        0.4,
        ["bridge-needed", "cost-acceptable"],  # Alice's mixed cell leans pro (+1/6), Bob is con
    )
    assert (cost["score"], cost["direction"]) == (pytest.approx(1 / 6), 1)
    assert data["consensus"] == ["tolls-fair", "repairs-overdue"]
    assert data["shared_events"][0]["opposite_on"] == ["bridge-needed"]
    assert data["only"] is None


def test_json_schema_rejects_what_it_does_not_describe() -> None:
    data = json.loads(text_of(hand(), "json"))
    data["actors"][0]["extra"] = 1
    assert not comparison_schema().is_valid(data)


# ---------------------------------------------------------------- CSV


def test_csv_round_trip() -> None:
    rows = list(csv.DictReader(io.StringIO(text_of(hand(), "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    claims = [
        (cell.actor, cell.proposition, ref.node)
        for row in hand().matrix
        for cell in row
        for ref in cell.claims
    ]
    assert [(r["actor"], r["proposition"], r["node"]) for r in rows] == claims
    first = rows[0]
    assert first == {
        "actor": "alice",
        "actor_label": "Alice Archer",
        "map": "alice",
        "proposition": "bridge-needed",
        "position": "pro",
        "intensity": "3",
        "cell_position": "pro",
        "node": "a1",
        "text": "Millbrook needs a bridge now.",
        "quote": "Millbrook needs a bridge across the river, and it needs it now.",
        "start": "60",
        "end": "123",
    }
    mixed = [r for r in rows if r["actor"] == "alice" and r["proposition"] == "cost-acceptable"]
    assert [(r["node"], r["position"], r["cell_position"]) for r in mixed] == [
        ("a2", "pro", "mixed"),
        ("a3", "con", "mixed"),
    ]


def test_csv_neutralises_formulas_and_keeps_text_intact() -> None:
    rows = list(csv.DictReader(io.StringIO(text_of(hostile(), "csv"))))
    quotes = {r["node"]: r["quote"] for r in rows}
    assert quotes["c1"].startswith("'=cmd|")
    assert quotes["c2"] == "'@SUM(1+1)"
    # The newline survives inside a quoted cell; the "-" after it is neutralised like a cell start.
    assert rows[0]["text"] == f"# {HOSTILE}\n'- item"
    for value in ("=1", "+1", "-1", "@1", "\t1", "\r1"):
        assert csv_cell(value) == "'" + value
    assert csv_cell(None) == "" and csv_cell(3) == "3"


@pytest.mark.parametrize("brk", ["\r", "\n", "\r\n"])
def test_csv_line_break_cannot_start_a_row_or_a_formula(brk: str) -> None:
    """A node text "Harmless text<CR>=cmd|..." was written unquoted: a reader saw a new row whose first
    cell was a formula. Now the cell is quoted, reads back as one cell, and the formula is inert."""
    text = f"Harmless text{brk}=cmd|' /C calc'!A0"
    c = in_memory(
        "m",
        "Ann",
        [
            {
                "id": "c1",
                "kind": "claim",
                "text": text,
                "quote": "q",
                "stances": [{"proposition": "p", "position": "pro"}],
            }
        ],
    )
    d = in_memory(
        "n",
        "Bob",
        [
            {
                "id": "d1",
                "kind": "claim",
                "text": "t",
                "quote": "q",
                "stances": [{"proposition": "p", "position": "con"}],
            }
        ],
    )
    catalogue = PropositionCatalogue(version=2, propositions=[{"id": "p", "text": "P"}])
    out = text_of(compare([c, d], catalogue), "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 3 and all(len(r) == len(rows[0]) for r in rows)
    assert rows[1][rows[0].index("text")] == f"Harmless text{brk}'=cmd|' /C calc'!A0"
    # A tool that splits on line breaks sees no line that starts with a formula character.
    assert not [line for line in re.split(r"\r\n|\r|\n", out) if line[:1] in ("=", "+", "-", "@")]


def test_csv_cell_neutralises_after_every_break() -> None:
    assert csv_cell("a\n=1\r+2\r\n@3\n-4\nok") == "a\n'=1\r'+2\r\n'@3\n'-4\nok"


# ---------------------------------------------------------------- GraphML


def read_graphml(c: Comparison, tmp_path: Path) -> nx.DiGraph:
    path = tmp_path / "c.graphml"
    path.write_text(text_of(c, "graphml"), encoding="utf-8")
    graph = nx.read_graphml(path)
    assert isinstance(graph, nx.DiGraph)
    return graph


def test_graphml_parses_with_networkx(tmp_path: Path) -> None:
    g = read_graphml(hand(), tmp_path)
    actors = sorted(n for n, d in g.nodes(data=True) if d["type"] == "actor")
    props = sorted(n for n, d in g.nodes(data=True) if d["type"] == "proposition")
    assert actors == ["actor-alice", "actor-bob", "actor-carol"]
    assert len(props) == 5 and "prop-bridge-needed" in props
    assert g.nodes["actor-alice"]["label"] == "Alice Archer"
    assert g.nodes["prop-bridge-needed"]["contestation"] == pytest.approx(2 / 3)
    stances = [(u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "stance"]
    assert len(stances) == 11  # the non-silent cells
    bob = g.edges["actor-bob", "prop-bridge-needed"]
    assert (bob["sign"], bob["weight"], bob["position"]) == (-1, 2, "con")
    assert bob["score"] == pytest.approx(-2 / 3)
    mixed = g.edges["actor-alice", "prop-cost-acceptable"]
    # sign is the direction: a mixed cell leaning pro (+2 and -1) is +1, as in every pair measure.
    assert (mixed["sign"], mixed["position"], mixed["claims"]) == (1, "mixed", 2)
    neutral = g.edges["actor-carol", "prop-tolls-fair"]
    assert (neutral["sign"], neutral["weight"]) == (0, 0)
    pair = g.edges["actor-bob", "actor-carol"]
    assert pair["kind"] == "pair" and pair["shared"] == 3
    assert (pair["coverage"], pair["opposition"]) == pytest.approx((0.6, 2 / 3))
    assert pair["cosine"] == pytest.approx(-0.48507, abs=1e-5)


def test_graphml_declares_every_attribute_and_leaves_undefined_out(tmp_path: Path) -> None:
    text = text_of(hand(speakers=True), "graphml")
    root = ET.fromstring(text)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    declared = {k.get("id") for k in root.iter(f"{ns}key")}
    used = {d.get("key") for d in root.iter(f"{ns}data")}
    assert used <= declared
    g = read_graphml(hand(speakers=True), tmp_path)
    empty = g.edges["actor-alice", "actor-alice--mayor-diaz"]
    assert "agreement" not in empty and empty["coverage"] == 0.0
    assert g.nodes["actor-alice--mayor-diaz"]["speaker"] == "Mayor Diaz"


def test_graphml_keeps_hostile_text(tmp_path: Path) -> None:
    g = read_graphml(hostile(), tmp_path)
    assert g.nodes["actor-evil"]["label"] == f"{HOSTILE} & Co"


# ---------------------------------------------------------------- SVG


def svg_root(c: Comparison) -> ET.Element:
    return ET.fromstring(text_of(c, "svg").encode("utf-8"))


def _cell_text(group: ET.Element) -> str:
    return "".join(t.text or "" for t in group.iter(f"{SVG}text"))


def test_svg_is_a_titled_matrix_with_symbols_colours_and_a_key() -> None:
    out = text_of(hand(), "svg")
    assert "Generated by graphviz" not in out
    root = ET.fromstring(out.encode("utf-8"))
    assert root.findtext(f"{SVG}title") == "Stances of Alice Archer, Bob Baker, Carol Chen"
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    assert {"actor-alice", "actor-bob", "actor-carol", "prop-bridge-needed", "prop-tolls-fair"} <= set(groups)
    # Each cell says its position by colour (Okabe-Ito), symbol and word; silent cells too.
    expected = {
        "stance-alice__bridge-needed": ("#0072b2", "+ pro"),
        "stance-bob__bridge-needed": ("#d55e00", "\u2212 con"),
        "stance-bob__tolls-fair": ("#e0e0e0", "0 neutral"),
        "stance-alice__ferry-sufficient": ("#ffffff", "\u00b7 silent"),
    }
    for ident, (fill, words) in expected.items():
        cell = groups[ident]
        assert cell.find(f".//{SVG}polygon").get("fill") == fill  # type: ignore[union-attr]
        assert _cell_text(cell) == words
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Key:" in texts and all(w in texts for w in ("pro", "con", "mixed", "neutral", "silent"))


def test_svg_is_deterministic_and_escapes_labels() -> None:
    assert text_of(hand(), "svg") == text_of(hand(), "svg")
    root = svg_root(hostile())
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "<script>" in texts  # shown as text, not markup
    assert root.find(f".//{SVG}script") is None


# ---------------------------------------------------------------- dispatch


# Every format, and the report, in a fresh interpreter: what a set or dict order could change differs
# between PYTHONHASHSEED values, never between two calls in one process.
_DIGESTS = """
import hashlib, sys
from argmap.comparing.formats import FORMATS, format_comparison
from argmap.reporting import report
from tests.compare_data import hand, hand_maps, seeds
for name, c in (("hand", hand()), ("seeds", seeds(speakers=True))):
    for fmt in FORMATS:
        print(name, fmt, hashlib.sha256(format_comparison(c, fmt).encode()).hexdigest())
for fmt in ("html", "markdown"):
    r = report(list(hand_maps()), fmt)
    print("report", fmt, hashlib.sha256(repr((r.text, sorted(r.assets.items()))).encode()).hexdigest())
"""


@pytest.mark.slow
def test_every_format_is_deterministic_across_hash_seeds() -> None:
    runs = [
        subprocess.run(
            [sys.executable, "-c", _DIGESTS],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert len(runs[0].splitlines()) == 2 * len(FORMATS) + 2
    assert runs[0] == runs[1]


def test_unknown_format() -> None:
    with pytest.raises(UsageError, match=r"^unknown comparison format 'yaml' \(choose from text, markdown"):
        format_comparison(hand(), "yaml")


# ---------------------------------------------------------------- edges that mutation testing found unguarded


def _boxes(c: Comparison) -> dict[str, tuple[float, float, float, float]]:
    """Bounding box (left, top, right, bottom) of every node's outline in the SVG, by node id."""
    boxes = {}
    for g in svg_root(c).iter(f"{SVG}g"):
        if "node" not in (g.get("class") or "").split():
            continue
        xs, ys = [], []
        for shape in g.iter():
            points = shape.get("points") or " ".join(re.findall(r"-?[\d.]+,-?[\d.]+", shape.get("d") or ""))
            for point in points.split():
                x, y = point.split(",")
                xs.append(float(x))
                ys.append(float(y))
        boxes[str(g.get("id"))] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def test_graphml_declares_every_key_with_its_domain_and_description() -> None:
    root = ET.fromstring(text_of(hand(), "graphml"))
    keys = root.findall(f"{GRAPHML}key")
    assert keys
    for key in keys:
        desc = key.find(f"{GRAPHML}desc")
        assert key.get("for") in {"node", "edge"} and desc is not None and desc.text
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("id") == "comparison"
    ids = [e.get("id") for e in graph.findall(f"{GRAPHML}edge")]
    assert "stance-alice__bridge-needed" in ids and "pair-alice__bob" in ids


def test_json_and_csv_keep_text_as_written() -> None:
    assert "Washington\u2019s" in text_of(seeds(), "json")  # not \\u2019
    csv_text = text_of(hand(), "csv")
    # RFC 4180 rows end in CRLF; no other carriage return is added to the text.
    assert csv_text.endswith("\r\n") and "\r" not in csv_text.replace("\r\n", "")


def test_text_shows_implicit_claims_and_shortens_long_quotes() -> None:
    catalogue = PropositionCatalogue(version=2, propositions=[{"id": "p", "text": "P."}])
    long_quote = " ".join(["word"] * 80)
    a = in_memory(
        "a",
        "A",
        [
            {"id": "c1", "kind": "claim", "text": "An unstated premise.", "implicit": True,
             "stances": [{"proposition": "p", "position": "pro"}]},
            {"id": "c2", "kind": "claim", "text": "Long.", "quote": long_quote,
             "stances": [{"proposition": "p", "position": "pro"}]},
        ],
    )  # fmt: skip
    b = in_memory(
        "b",
        "B",
        [
            {
                "id": "c1",
                "kind": "claim",
                "text": "t",
                "quote": "q",
                "stances": [{"proposition": "p", "position": "con"}],
            }
        ],
    )
    out = text_of(compare([a, b], catalogue), "text")
    assert "    A + a:c1 (2) (implicit) An unstated premise.\n" in out
    assert "\n      word word" in out  # continuation lines indented under the claim
    assert "word \u2026\n" in out and out.count("word") < 80


def test_pair_lookup_names_what_is_missing() -> None:
    with pytest.raises(KeyError, match="no pair of actors 'alice' and 'nobody'"):
        hand().pair("alice", "nobody")
    with pytest.raises(KeyError, match="no actor 'nobody'"):
        hand().actor("nobody")
    with pytest.raises(KeyError, match="no proposition 'nothing'"):
        hand().row("nothing")
