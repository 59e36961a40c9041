"""AIF in and out: the real AIFdb and OVA files, arguebuf reading every export, and every way to fail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.load import load_map
from argmap.formats import aif
from argmap.formats.common import FormatError
from argmap.formats.files import import_file
from tests.conftest import REPO

SEED_MAPS = sorted(p.stem for p in (REPO / "maps").glob("*.json") if p.name != "propositions.json")


def test_aifdb_nodeset_imports_with_what_was_dropped_said(corpora: Path) -> None:
    imported, guess = import_file(corpora / "aif" / "aifdb_nodeset6064_original.json")
    assert guess.reason == "JSON with nodes and edges"
    m = imported.map
    assert (m.id, m.author.name, m.source.date, len(m.nodes), len(m.relations)) == (
        "aifdb-nodeset6064-original",
        "CL",
        "2014-04-28",
        9,
        5,
    )
    assert imported.summary() == (
        "8 dialogue transitions (TA); 5 illocutions of the dialogue (YA) other than asserting a "
        "proposition; 7 locutions anchoring no proposition (L); author taken to be CL, the most "
        "frequent of 2 speakers (--author chooses); date 2014-04-28 is the earliest AIF timestamp "
        "(--date gives the text's own)"
    )
    # The quote is what was said (the L-node, without AIFdb's "CL : " prefix); the text is the I-node.
    first = m.nodes[0]
    assert (
        first.text == "they got to a point where Macmillan realised there was no way forward except by "
        "increasing brutality"
    )
    assert first.quote == (
        "But my point is they got to a point where Macmillan realised there was no way forward except by "
        "increasing brutality"
    )
    assert imported.source_text.splitlines()[0].startswith("CL : and decided that this had taught")
    assert next((r.id, r.type.value, r.premises, r.target) for r in m.relations) == (
        "111803",
        "support",
        ["29053"],
        "29054",
    )


def test_reconstructed_nodeset_and_ova_xaif(corpora: Path) -> None:
    rebuilt, _ = import_file(corpora / "aif" / "aifdb_nodeset6064_reconstructed.json")
    assert rebuilt.summary() == (
        "3 rephrases (MA) argmap has no relation for; "
        "date 2014-04-28 is the earliest AIF timestamp (--date gives the text's own)"
    )
    assert all(n.quote == n.text for n in rebuilt.map.nodes)  # no locutions: the propositions are the text
    ova, guess = import_file(corpora / "aif" / "arguebuf_ts_xaif_example.json")
    assert guess.reason == 'OVA xAIF: JSON with an "AIF" object'
    assert ova.source_text == "A because B\n"  # OVA's HTML text, tags removed
    assert ova.map.author.name == "Participant Rachel"
    assert [(r.type.value, r.premises, r.target) for r in ova.map.relations] == [
        ("support", ["15_164926162804546033"], "2_164926129380455983")
    ]


def test_every_corpus_file_imports_validates_renders_and_compares(corpora: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["import", str(corpora / "aif"), str(corpora / "microtexts"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        f"imported 14 of 14 files (3 aif, 11 microtext) into {tmp_path}/; 3 skipped, 0 failed, 3 with notes, "
        "4 warnings"
    )
    names = sorted(p.stem for p in tmp_path.glob("*.json") if p.name != "propositions.json")
    validated = runner.invoke(main, ["validate", "--maps", str(tmp_path)])
    assert validated.exit_code == 0, validated.output
    rendered = runner.invoke(
        main, ["render", "--maps", str(tmp_path), *names, "--format", "dot", "-o", str(tmp_path)]
    )
    assert rendered.exit_code == 0, rendered.output
    assert len(list(tmp_path.glob("*.dot"))) == 14
    # AIF has no stances, so its maps have nothing to compare; the microtexts do.
    micro = [n for n in names if n.startswith("micro-")]
    compared = runner.invoke(main, ["compare", "--maps", str(tmp_path), *micro])
    assert compared.exit_code == 0, compared.output
    assert "Comparison of 11 actors on 5 propositions" in compared.stdout
    lonely = runner.invoke(
        main, ["compare", "--maps", str(tmp_path), "aifdb-nodeset6064-original", "micro-b001"]
    )
    assert lonely.stderr == (
        "Error: map 'aifdb-nodeset6064-original' takes no stance on any proposition; nothing to compare\n"
    )


LINKED = {
    "nodes": [
        {"nodeID": "1", "text": "We should go.", "type": "I", "timestamp": "2020-05-01 10:00:00"},
        {"nodeID": "2", "text": "It is sunny.", "type": "I"},
        {"nodeID": "3", "text": "We have time.", "type": "I"},
        {"nodeID": "4", "text": "It will rain later.", "type": "I"},
        {"nodeID": "5", "text": "Sun now says nothing about later.", "type": "I"},
        {"nodeID": "10", "text": "Default Inference", "type": "RA"},
        {"nodeID": "11", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "12", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "13", "text": "Default Preference", "type": "PA"},
    ],
    "edges": [
        {"edgeID": "a", "fromID": "2", "toID": "10"},
        {"edgeID": "b", "fromID": "3", "toID": "10"},
        {"edgeID": "c", "fromID": "10", "toID": "1"},
        {"edgeID": "d", "fromID": "4", "toID": "11"},
        {"edgeID": "e", "fromID": "11", "toID": "1"},
        {"edgeID": "f", "fromID": "5", "toID": "12"},
        {"edgeID": "g", "fromID": "12", "toID": "10"},
        {"edgeID": "h", "fromID": "4", "toID": "13"},
    ],
    "locutions": [],
}


def test_linked_premises_attacks_and_undercuts() -> None:
    imported = aif.load(LINKED, file="x.json", name="x")
    assert [(r.id, r.type.value, r.premises, r.target) for r in imported.map.relations] == [
        ("10", "support", ["2", "3"], "1"),
        ("11", "attack", ["4"], "1"),
        ("12", "attack", ["5"], "10"),
    ]
    assert imported.summary().startswith("1 preferences (PA) argmap has no relation for; date 2020-05-01")


def _broken(change: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(LINKED))
    for key, value in change.items():
        if key == "node":
            data["nodes"].append(value)
        elif key == "edge":
            data["edges"].append(value)
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "x.json::$: AIF is a JSON object with nodes and edges"),
        ({"nodes": []}, "x.json::$.edges: AIF needs a list of edges"),
        ({"nodes": [], "edges": []}, "x.json::$.nodes: has no I-nodes: no proposition to import"),
        (
            _broken({"node": {"nodeID": "9", "type": "XA", "text": "?"}}),
            'x.json::$.nodes[9].type: unknown AIF node type "XA" (known: I, L, RA, CA, MA, PA, YA, TA)',
        ),
        (
            _broken({"node": {"nodeID": "1", "type": "I", "text": "again"}}),
            "x.json::$.nodes[9].nodeID: duplicate nodeID '1'",
        ),
        (
            _broken({"edge": {"edgeID": "z", "fromID": "2", "toID": "99"}}),
            'x.json::$.edges[8].toID: unknown node "99"',
        ),
        (
            _broken({"node": {"nodeID": "9", "type": "I", "text": " "}}),
            "x.json::$.nodes[9].text: an I-node needs a text",
        ),
        (
            _broken(
                {
                    "edges": [e for e in LINKED["edges"] if e["edgeID"] not in "egh"]
                    + [
                        {"edgeID": "y", "fromID": "11", "toID": "12"},
                        {"edgeID": "z", "fromID": "12", "toID": "11"},
                    ],
                }
            ),
            "x.json::$.edges: RA/CA nodes form a cycle: 11 -> 12 -> 11",
        ),
    ],
)
def test_malformed_aif_fails_in_one_line(data: Any, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        aif.load(data, file="x.json", name="x")
    assert str(caught.value) == message


def test_no_date_anywhere_asks_for_one() -> None:
    data = json.loads(json.dumps(LINKED))
    del data["nodes"][0]["timestamp"]
    with pytest.raises(
        FormatError, match=r"^x.json: no date: the AIF has no timestamps; give one with --date"
    ):
        aif.load(data, file="x.json", name="x")
    assert aif.load(data, file="x.json", name="x", date="2020").map.source.date == "2020"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty; nothing to import"),
        ('{"nodes": [1, 2', "invalid JSON: expecting ',' delimiter"),
        ('{"a": 1}', 'is JSON but not AIF (no "nodes" and "edges", no "AIF")'),
        ("just some prose.", "is not AIF, arggraph XML or Argdown; name the format with --from"),
        ("<html><body/></html>", "is XML but not an arggraph (no <arggraph> root)"),
    ],
)
def test_files_that_are_not_what_they_seem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}") and message in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_an_argmap_map_is_not_imported_as_aif(in_repo: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", "maps/kobayashi.json", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: maps/kobayashi.json: is an argmap map already; validate it with argmap validate\n"
    )


@pytest.mark.parametrize("name", SEED_MAPS)
def test_arguebuf_loads_every_exported_aif_with_nodes_and_edges_intact(name: str, tmp_path: Path) -> None:
    from arguebuf import load

    m = load_map(name, REPO / "maps")
    text, _ = aif.dump(m.map, source_text=m.source_text)
    path = tmp_path / f"{name}.json"
    path.write_text(text, encoding="utf-8")
    internal = [r for r in m.map.relations if ":" not in r.target]
    expected_edges = {(p, r.id) for r in internal for p in r.premises} | {(r.id, r.target) for r in internal}
    xaif, _ = aif.dump(m.map, source_text=m.source_text, xaif=True)
    for graph in (load.file(path), load.xaif(json.loads(xaif))):
        assert set(graph.atom_nodes) == {n.id for n in m.map.nodes}
        assert {k: v.plain_text for k, v in graph.atom_nodes.items()} == {n.id: n.text for n in m.map.nodes}
        assert set(graph.scheme_nodes) == {r.id for r in internal}
        kinds = {k: type(v.scheme).__name__ for k, v in graph.scheme_nodes.items()}
        assert kinds == {r.id: "Support" if r.type.value == "support" else "Attack" for r in internal}
        assert {(e.source.id, e.target.id) for e in graph.edges.values()} == expected_edges
    # arguebuf models arguments, not dialogue: the L and YA nodes of the quotes are AIF's, and there.
    data = json.loads(text)
    quoted = sum(n.quote is not None for n in m.map.nodes)
    assert [n["type"] for n in data["nodes"]].count("L") == quoted == len(data["locutions"])
    assert len(data["edges"]) == len(expected_edges) + 2 * quoted
