"""Authoring: new, quote, convert, examples, YAML maps with line numbers, and the preview's state."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.authoring.watch import Watcher, serve
from argmap.cli import main
from argmap.core.load import Workspace, validate
from argmap.core.yamldoc import parse_yaml
from tests.conftest import REPO

TEXT = REPO / "docs" / "walkthrough" / "bike-lanes.txt"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "texts").mkdir()
    shutil.copy(TEXT, tmp_path / "texts")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_fills_a_seeds_metadata_and_the_draft_validates(project: Path) -> None:
    code, out = run("new", "brown2", "--seed", "brown-2018-diplomat")
    assert code == 0 and out.splitlines()[:4] == [
        "maps/brown2.yaml",
        "schema/argmap.schema.json (for editors: completion and checking as you type)",
        "schema/propositions.schema.json (for editors: completion and checking as you type)",
        "next:",
    ]
    assert (project / "schema" / "argmap.schema.json").is_file()
    data, problem, _ = parse_yaml((project / "maps" / "brown2.yaml").read_text(encoding="utf-8"), "x")
    assert problem is None
    assert data["author"] == {"name": "James D. J. Brown"}
    assert data["source"] == {
        "seed": "brown-2018-diplomat",
        "title": "A New Cold War With Russia Forces Japan to Choose Sides",
        "outlet": "The Diplomat",
        "date": "2018-05",
    }
    report = validate([project / "maps" / "brown2.yaml"], Workspace(maps_dir=project / "maps"))
    assert report.ok
    assert [p.path for p in report.problems] == ["$.title", "$.nodes[0].text"]
    assert all(p.severity == "warning" and "placeholder left in: TODO" in p.message for p in report.problems)


def test_new_never_overwrites_and_checks_its_arguments(project: Path) -> None:
    (project / "maps" / "bikes.json").write_text("{}", encoding="utf-8")
    code, out = run("new", "bikes", "--source", "texts/bike-lanes.txt")
    assert (code, out) == (1, "Error: maps/bikes.json exists; argmap new never overwrites a map\n")
    assert (project / "maps" / "bikes.json").read_text(encoding="utf-8") == "{}"
    assert run("new", "Bad_Name", "--source", "texts/bike-lanes.txt")[0] == 2
    assert (
        "one of them" in run("new", "x", "--source", "texts/bike-lanes.txt", "--seed", "panov-2014-riac")[1]
    )
    assert "no seed 'nope'" in run("new", "x", "--seed", "nope")[1]


def test_a_json_draft_of_a_file_points_at_it_relative_to_the_map(project: Path) -> None:
    code, _ = run("new", "bikes", "--source", "texts/bike-lanes.txt", "--format", "json", "--date", "2024-05")
    data = json.loads((project / "maps" / "bikes.json").read_text(encoding="utf-8"))
    assert code == 0 and data["source"]["path"] == "../texts/bike-lanes.txt" and data["version"] == 2
    assert data["$schema"] == "../schema/argmap.schema.json"
    assert validate([project / "maps" / "bikes.json"], Workspace(maps_dir=project / "maps")).ok


def test_quote_prints_passages_verbatim_with_their_places(project: Path) -> None:
    assert run("quote", "texts/bike-lanes.txt", "critics say lanes take away parking", "-n", "1") == (
        0,
        "texts/bike-lanes.txt:11:1 (87% similar)\n  Critics say the lanes take parking\n",
    )
    code, out = run("quote", "brown-2018-diplomat", "abe may even believe", "--json", "-n", "1")
    assert code == 0
    assert json.loads(out)["passages"] == [
        {
            "passage": "Abe may even believe",
            "line": 49,
            "column": 287,
            "start": 7637,
            "end": 7657,
            "similarity": 1.0,
        }
    ]
    assert run("quote", "nowhere", "x") == (
        1,
        "Error: 'nowhere' is no text file, map in maps/ or seed in seeds/seeds.json\n",
    )


def test_quote_reads_a_maps_source_only_inside_its_project(project: Path) -> None:
    (project / "maps" / "evil.json").write_text(
        json.dumps({"source": {"path": "/etc/passwd", "title": "x", "date": "2020"}}), encoding="utf-8"
    )
    code, out = run("quote", "evil", "root")
    assert code == 1 and "root:" not in out
    assert out.startswith(
        "Error: maps/evil.json::$.source.path: the text /etc/passwd lies outside the project"
    )


def test_quote_keeps_control_characters_off_the_terminal(project: Path) -> None:
    (project / "texts" / "evil.txt").write_text("Innocent words \x1b]0;pwned\x07 here.", encoding="utf-8")
    code, out = run("quote", "texts/evil.txt", "innocent words pwned here", "-n", "1")
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "\\x1b]0;pwned\\x07" in out


def test_every_seed_map_converts_to_yaml_and_back_unchanged(tmp_path: Path) -> None:
    for path in sorted((REPO / "maps").glob("*.json")):
        shutil.copy(path, tmp_path / path.name)
        code, out = run("convert", str(tmp_path / path.name))
        assert (code, out) == (
            0,
            f"{tmp_path / path.stem}.yaml\nnote: {tmp_path}/ now holds {path.name} and {path.stem}.yaml; "
            f"a map named '{path.stem}' must have one file, so move or delete one of them\n",
        )
        (tmp_path / path.name).unlink()
        code, _ = run("convert", str(tmp_path / f"{path.stem}.yaml"))
        assert code == 0
        assert json.loads((tmp_path / path.name).read_text(encoding="utf-8")) == json.loads(path.read_text())


def test_convert_never_replaces_a_file(tmp_path: Path) -> None:
    shutil.copy(REPO / "maps" / "kobayashi.json", tmp_path / "k.json")
    (tmp_path / "k.yaml").write_text("keep", encoding="utf-8")
    assert run("convert", str(tmp_path / "k.json")) == (
        1,
        f"Error: {tmp_path / 'k.yaml'} exists; argmap convert never replaces a file\n",
    )
    assert (tmp_path / "k.yaml").read_text(encoding="utf-8") == "keep"


def test_yaml_problems_carry_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(
        "version: 2\nid: m\ntitle: T\nauthor: {name: A}\nsource: {path: ../x.txt, title: X, date: 2020}\n"
        "nodes:\n  - id: c1\n    kind: claim\n    text: ''\n    implicit: true\n    implicit: false\n",
        encoding="utf-8",
    )
    report = validate([tmp_path / "m.yaml"], Workspace(maps_dir=tmp_path))
    assert [str(p) for p in report.problems] == [
        f"{tmp_path / 'm.yaml'}:11:5: invalid YAML: duplicate key: implicit"
    ]
    text = (tmp_path / "m.yaml").read_text(encoding="utf-8").replace("    implicit: false\n", "")
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    report = validate([tmp_path / "m.yaml"], Workspace(maps_dir=tmp_path))
    assert [str(p) for p in report.problems] == [
        f"{tmp_path / 'm.yaml'}:9:11: $.nodes[0].text: '' should be non-empty"
    ]


def test_two_files_for_one_map_are_refused(tmp_path: Path) -> None:
    for suffix in (".json", ".yaml"):
        (tmp_path / f"twin{suffix}").write_text("{}", encoding="utf-8")
    code, out = run("validate", "--maps", str(tmp_path), "twin")
    assert code == 1 and "map 'twin' has 2 files" in out and out.endswith("; keep one\n")


def test_examples_copy_the_corpus_and_never_replace_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run("examples", str(tmp_path / "ex"))
    assert code == 0 and out.startswith(f"{tmp_path / 'ex'}: ")
    assert (tmp_path / "ex" / "maps" / "panov.json").is_file()
    assert (tmp_path / "ex" / "schema" / "argmap.schema.json").is_file()
    monkeypatch.chdir(tmp_path / "ex")
    assert run("validate", "panov")[0] == 0
    code, out = run("examples", ".")
    assert code == 1 and "never overwrites a file" in out


def test_the_preview_serves_only_localhost_and_follows_changes(project: Path) -> None:
    path = project / "maps" / "bikes.yaml"
    path.write_text(
        "version: 2\nid: bikes\ntitle: T\nauthor: {name: A}\n"
        "source: {path: ../texts/bike-lanes.txt, title: X, date: 2024}\n"
        "nodes:\n  - {id: c1, kind: claim, text: Lanes pay., quote: protected lanes pay for themselves}\n",
        encoding="utf-8",
    )
    watcher = Watcher(path, Workspace(maps_dir=project / "maps"))
    stop = threading.Event()
    summaries: list[str] = []
    urls = serve(watcher, 0, stop, lambda p: summaries.append(p.summary))
    url = next(urls)
    thread = threading.Thread(target=lambda: list(urls), daemon=True)
    thread.start()
    try:
        host = url.removeprefix("http://").rstrip("/")
        request = urllib.request.Request(f"{url}state?after=-1", headers={"Host": host})
        state = json.loads(urllib.request.urlopen(request, timeout=5).read())
        assert state["version"] == 1 and state["ok"] and "<svg" in state["svg"]
        assert "<mark" in state["source"] and summaries == [
            "maps/bikes.yaml: valid, 0 warnings; 1 quotes found"
        ]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(
                urllib.request.Request(url, headers={"Host": "evil.example:80"}), timeout=5
            )
        assert refused.value.code == 403
        path.write_text(path.read_text(encoding="utf-8").replace("pay for themselves", "pay for itself"))
        request = urllib.request.Request(f"{url}state?after=1", headers={"Host": host})
        state = json.loads(urllib.request.urlopen(request, timeout=10).read())
        assert state["version"] == 2 and not state["ok"] and "<svg" in state["svg"]
        assert "maps/bikes.yaml:7:" in state["problems"]
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


@pytest.mark.slow
def test_shell_completion_offers_map_names_from_the_maps_folder() -> None:
    import os
    import subprocess
    import sys

    def complete(words: str) -> str:
        env = {**os.environ, "_ARGMAP_COMPLETE": "bash_complete", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - 1)
        code = "from argmap.cli import main; main(prog_name='argmap')"
        return subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True
        ).stdout

    assert complete("argmap render pa") == "plain,panov\n"
    assert complete("argmap validate --maps tests/data/valid e") == "plain,essay\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "a: &x [1, 2]\nb: *x\n",
            "m.yaml:2:1: invalid YAML: YAML anchors and aliases are not allowed in a map",
        ),
        ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "m.yaml:1:4: invalid YAML: YAML anchors and aliases"),
        ("a: 1234567890123456789\n", "m.yaml:1:4: invalid YAML: a number of more than 15 digits"),
        ("a: " + "9" * 5000 + "\n", "m.yaml: invalid YAML: a number of more than 15 digits"),
        ("a: .nan\n", "m.yaml:1:4: invalid YAML: not a number (NaN or infinity)"),
        ("a: " + "[" * 70 + "]" * 70 + "\n", "m.yaml:1:67: invalid YAML: nested deeper than 64 levels"),
        ("a: 1\n---\nb: 2\n", "m.yaml: holds 2 YAML documents; a map is one"),
    ],
)
def test_yaml_is_read_as_strictly_as_json(text: str, problem: str) -> None:
    data, found, _ = parse_yaml(text, "m.yaml")
    assert data is None and found is not None and str(found).startswith(problem)
