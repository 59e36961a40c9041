"""`argmap import` and `argmap export` at the command line: outputs, exit codes, and never a lost file."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.load import load_map
from argmap.formats import graphml, to_networkx
from tests.conftest import REPO


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_export_prints_one_map_and_says_what_took_a_nearest_form(in_repo: Path) -> None:
    code, out, err = _run("export", "panov", "--to", "argdown")
    assert code == 0
    assert out.startswith('===\ntitle: "Panov: Japan has chosen America"\n')
    assert err == (
        "note: panov: 5 nodes of other maps are placeholder statements "
        "(kobayashi:k1, kobayashi:k2, kobayashi:k3, kobayashi:k4, kobayashi:kr4)\n"
    )
    code, out, err = _run("export", "panov", "--to", "aif")
    assert code == 0 and json.loads(out)["participants"][0] == {
        "participantID": "1",
        "firstname": "Alexander Panov",
        "surname": "",
    }
    assert err.splitlines() == [
        "note: panov: left out 6 relations to other maps (r39, r40, r41, r42, r43, r57): "
        "AIF links no documents",
        "note: panov: AIF has no place for the thesis, evidence kinds, dates and citations, stances, "
        "relation notes",
    ]


def test_export_several_maps_into_a_folder(in_repo: Path, tmp_path: Path) -> None:
    code, out, _ = _run("export", "panov", "kobayashi", "--to", "graphml", "-o", str(tmp_path))
    assert code == 0
    assert out.splitlines() == [f"{tmp_path}/panov.graphml", f"{tmp_path}/kobayashi.graphml"]
    code, _, err = _run("export", "panov", "kobayashi", "--to", "xaif")
    assert code == 2 and "several maps need -o to be a folder" in err
    code, out, _ = _run("export", "panov", "kobayashi", "--to", "aif", "-o", f"{tmp_path}/new/")
    assert code == 0 and out.splitlines() == [f"{tmp_path}/new/panov.json", f"{tmp_path}/new/kobayashi.json"]


def test_export_never_writes_over_the_map(in_repo: Path) -> None:
    before = (REPO / "maps" / "kobayashi.json").read_bytes()
    code, _, err = _run("export", "kobayashi", "--to", "aif", "-o", "maps/kobayashi.json")
    assert code == 2 and "would write over the map's own files" in err
    assert (REPO / "maps" / "kobayashi.json").read_bytes() == before


def test_import_one_file_as_a_named_map(in_repo: Path, tmp_path: Path) -> None:
    exported = tmp_path / "panov.argdown"
    assert _run("export", "panov", "--to", "argdown", "-o", str(exported))[0] == 0
    code, out, _ = _run("import", str(exported), "-o", str(tmp_path / "mine" / "reply.json"))
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[0]
        == f"{exported}: argdown (text with Argdown statements or relations) -> {tmp_path}/mine/reply.json"
    )
    # Panov's relations into Kobayashi's map cannot be checked where no kobayashi.json is: warnings.
    assert lines[1] == (
        f"  warning: {tmp_path}/mine/reply.json::$.relations[38].to: map 'kobayashi' is not in "
        f"{tmp_path}/mine/, so 'kobayashi:k1' cannot be checked"
    )
    assert lines[-1] == (
        f"imported 1 of 1 files (1 argdown) into {tmp_path}/mine/; 0 skipped, 0 failed, 0 with notes, "
        "6 warnings"
    )
    written = json.loads((tmp_path / "mine" / "reply.json").read_text(encoding="utf-8"))
    assert (written["id"], written["source"]["path"]) == ("reply", "reply.txt")
    assert (tmp_path / "mine" / "propositions.json").is_file()


def test_import_never_writes_over_its_input(tmp_path: Path) -> None:
    aif = tmp_path / "debate.json"
    aif.write_text(
        json.dumps(
            {
                "nodes": [
                    {"nodeID": "1", "text": "A claim.", "type": "I", "timestamp": "2020-01-01 00:00:00"}
                ],
                "edges": [],
            }
        ),
        encoding="utf-8",
    )
    before = aif.read_bytes()
    code, _, err = _run("import", str(aif), "-o", str(tmp_path))
    assert code == 1
    assert err == f"Error: {aif}: importing would write over the input {aif}\n"
    assert aif.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["debate.json"]


def test_import_usage_errors(tmp_path: Path) -> None:
    code, _, err = _run("import", "a.json", "b.json", "-o", str(tmp_path / "x.json"))
    assert code == 2 and "-o " in err and "names one map, but there are 2 files; give a folder" in err
    code, _, err = _run("import", "a.json", "-o", str(tmp_path / "Bad Name.json"))
    assert code == 2 and "the file name is the map id" in err


def test_graphml_is_what_to_networkx_builds(tmp_path: Path) -> None:
    m = load_map("panov", REPO / "maps").map
    path = tmp_path / "panov.graphml"
    path.write_text(graphml.dump(m), encoding="utf-8")
    read = nx.read_graphml(path)
    built = to_networkx(m)
    assert importlib.import_module("argmap").to_networkx is to_networkx
    assert set(read.nodes) == set(built.nodes) and set(read.edges) == set(built.edges)
    assert dict(read.nodes["c1"]) == dict(built.nodes["c1"])
    # 40 nodes, 43 relations as nodes, 4 nodes of another map.
    assert len(built) == 54 + 58 + 5  # panov: nodes, relations, ghosts of kobayashi
    undercut = next(r for r in m.relations if any(r.target == o.id for o in m.relations))
    assert built.edges[undercut.id, undercut.target]["role"] == "target"
    assert built.nodes[undercut.target]["type"] in ("support", "attack")
    assert built.nodes["kobayashi:k1"]["type"] == "external"


def test_graphml_stays_well_formed_whatever_the_text(tmp_path: Path) -> None:
    from argmap.core.model import FORMAT_VERSION, ArgumentMap

    m = ArgumentMap.model_validate(
        {
            "version": FORMAT_VERSION,
            "id": "odd",
            "title": "odd",
            "author": {"name": "A"},
            "source": {"path": "odd.txt", "title": "odd", "date": "2024"},
            "nodes": [{"id": "n1", "kind": "claim", "text": "bell\x07 <b>&amp; ]]>", "quote": "q"}],
        }
    )
    path = tmp_path / "odd.graphml"
    path.write_text(graphml.dump(m), encoding="utf-8")
    assert nx.read_graphml(path).nodes["n1"]["label"] == "bell\ufffd <b>&amp; ]]>"


def test_exports_of_kobayashi_are_the_golden_files(in_repo: Path, update_golden: bool) -> None:
    """The exact bytes of each export, reviewed once; the same input gives the same bytes."""
    from tests.conftest import check_golden

    for fmt, name in (
        ("argdown", "kobayashi.argdown"),
        ("aif", "kobayashi.aif.json"),
        ("graphml", "kobayashi.graphml"),
    ):
        first = _run("export", "kobayashi", "--to", fmt)[1]
        assert _run("export", "kobayashi", "--to", fmt)[1] == first
        check_golden(name, first, update_golden)


def test_import_reads_through_the_checked_reader(tmp_path: Path) -> None:
    """A named pipe fails at once (the reader never blocks on it) and nothing is written."""
    import os

    fifo = tmp_path / "debate.json"
    os.mkfifo(fifo)
    code, out, err = _run("import", str(fifo), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in out + err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
