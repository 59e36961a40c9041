"""One rule in one place: where the catalogue and other maps are found, bad shapes, catalogue errors,
the report as a library call and the public API (issue 11, items 4-5, 7-9, 11-12; issue 10, 28)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.comparing.matrix import compare
from argmap.core.errors import ArgmapError, InvalidCatalogueError, InvalidMapError, UsageError
from argmap.core.load import find_catalogue, load_maps, validate
from argmap.reporting import report
from argmap.reporting.build import compared_maps
from tests.compare_data import HAND, hand_maps, in_memory
from tests.conftest import DATA, REPO


def copy_hand(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(HAND / name, folder / name)
    return folder


# ---------------------------------------------------------------- shapes (item 5)


def test_nodes_of_the_wrong_type_are_reported_not_raised(tmp_path: Path) -> None:
    data = json.loads((HAND / "alice.json").read_text(encoding="utf-8"))
    for bad in (5, None, "x"):
        data["nodes"] = bad
        (tmp_path / "alice.json").write_text(json.dumps(data), encoding="utf-8")
        result = validate([tmp_path / "alice.json"])
        assert not result.ok
        assert [p.path for p in result.problems][:1] == ["$.nodes"]


def test_a_peer_with_null_nodes_does_not_crash_validation(tmp_path: Path) -> None:
    copy_hand(tmp_path, "alice.json", "alice.txt", "propositions.json")
    bob = json.loads((HAND / "bob.json").read_text(encoding="utf-8"))
    bob["nodes"] = None
    (tmp_path / "bob.json").write_text(json.dumps(bob), encoding="utf-8")
    result = validate([tmp_path / "alice.json"])
    # Bob's file has no readable ids: Alice's relation into it cannot be checked, a warning.
    assert result.ok
    assert any("map 'bob' is not in" in p.message for p in result.problems)


# ---------------------------------------------------------------- dates (item 4)


def test_reversed_date_range_is_rejected() -> None:
    data = json.loads((HAND / "alice.json").read_text(encoding="utf-8"))
    node = next(n for n in data["nodes"] if n.get("date"))
    for date, ok in (("2014-05/2014-03", False), ("2014/2013-12", False), ("2014-05/2014", True)):
        node["date"] = date
        path = HAND / "tmp-alice.json"
        try:
            path.write_text(json.dumps(data), encoding="utf-8")
            problems = [p for p in validate([path]).problems if p.path and p.path.endswith(".date")]
        finally:
            path.unlink()
        assert (problems == []) is ok, (date, problems)


# ---------------------------------------------------------------- other maps beside the map (item 9)


def test_validate_an_absolute_path_from_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./maps here
    result = validate([(HAND / "alice.json").resolve()])
    assert result.ok
    assert [str(p) for p in result.problems if p.severity == "warning"] == []


def test_cross_map_checks_run_beside_the_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_hand(
        tmp_path / "elsewhere", "alice.json", "alice.txt", "bob.json", "bob.txt", "propositions.json"
    )
    data = json.loads((folder / "alice.json").read_text(encoding="utf-8"))
    rel = next(r for r in data["relations"] if r["to"].startswith("bob:"))
    rel["to"] = "bob:b99"
    (folder / "alice.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    messages = [p.message for p in validate([folder / "alice.json"]).problems]
    assert "unknown node 'b99' in map 'bob'" in messages


# ---------------------------------------------------------------- the catalogue (items 7, 8)


def test_a_bad_catalogue_names_itself_and_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_hand(tmp_path, "alice.json", "alice.txt")
    catalogue = json.loads((HAND / "propositions.json").read_text(encoding="utf-8"))
    catalogue["propositions"].append(dict(catalogue["propositions"][0]))
    (tmp_path / "propositions.json").write_text(json.dumps(catalogue), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = validate([Path("alice.json")])
    [problem] = [p for p in result.problems if p.severity == "error"]
    assert str(problem).startswith(
        "alice.json::$.nodes[0].stances: stances need a proposition catalogue, but propositions.json is "
        "invalid: propositions.json::$.propositions[6].id: duplicate id 'bridge-needed'"
    )
    with pytest.raises(InvalidCatalogueError, match=r"^propositions\.json::\$\.propositions\[6\]\.id: dup"):
        argmap.load_catalogue(Path("propositions.json"))
    assert not issubclass(InvalidCatalogueError, InvalidMapError)


def test_find_catalogue_is_the_one_rule(tmp_path: Path) -> None:
    maps = list(hand_maps())
    assert find_catalogue(maps) == HAND / "propositions.json"
    assert find_catalogue(maps, tmp_path / "given.json") == tmp_path / "given.json"
    copy_hand(tmp_path, "carol.json", "carol.txt", "propositions.json")
    other = load_maps([str(tmp_path / "carol.json")])
    with pytest.raises(UsageError, match="the maps use different proposition catalogues"):
        find_catalogue([maps[0], *other])
    with pytest.raises(UsageError, match="the maps use different proposition catalogues"):
        compare([maps[0], *other])
    with pytest.raises(UsageError, match="the maps use different proposition catalogues"):
        report([maps[0], *other])


def test_compare_and_report_cli_agree_on_different_catalogues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_hand(tmp_path, "carol.json", "carol.txt", "propositions.json")
    monkeypatch.chdir(REPO)
    args = ["--maps", "tests/data/compare", "alice", str(tmp_path / "carol.json")]
    for command in ("compare", "report"):
        result = CliRunner().invoke(main, [command, *args, "-o", str(tmp_path / f"out.{command}.md")])
        assert result.exit_code == 2, (command, result.output)
        assert "the maps use different proposition catalogues" in result.stderr
        assert not (tmp_path / f"out.{command}.md").exists()


# ---------------------------------------------------------------- the report as a library call (11; 10.28)


def test_report_returns_its_assets_and_writes_them_given_a_folder(tmp_path: Path) -> None:
    result = report(list(hand_maps()), "markdown", folder=tmp_path, name="town")
    assert sorted(result.assets) == [
        "town-alice.svg",
        "town-alice_bob_carol.svg",
        "town-bob.svg",
        "town-carol.svg",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*result.assets, "town.md"])
    for name in result.assets:
        assert f"]({name})" in result.text
        assert (tmp_path / name).read_text(encoding="utf-8") == result.assets[name]
    # The comparison is there without catalogue=: the library finds the one the maps were checked with.
    assert "## Comparison" in result.text


def test_report_fails_loudly_when_a_comparison_cannot_be_made(tmp_path: Path) -> None:
    [alice] = load_maps(["alice"], HAND)
    with pytest.raises(UsageError, match=r"^cannot compare: 1 of the 1 maps take a stance"):
        report([alice], comparison=True)
    assert "Comparison" not in report([alice]).text  # one map: nothing to compare, by default
    copy_hand(tmp_path, "alice.json", "alice.txt", "bob.json", "bob.txt", "propositions.json")
    maps = load_maps(["alice", "bob"], tmp_path)
    (tmp_path / "propositions.json").unlink()
    with pytest.raises(InvalidCatalogueError, match=r"propositions\.json: no such file"):
        report(maps)


def forum(author: str, speaker: str) -> Any:
    nodes = [
        {"id": "c1", "kind": "claim", "text": "t", "quote": "q", "speaker": speaker,
         "stances": [{"proposition": "bridge-needed", "position": "pro"}]},
    ]  # fmt: skip
    return in_memory("forum", author, nodes, date="2021-05")


def test_report_columns_follow_speaker_key() -> None:
    # The author named as speaker in other case and spacing is the author's own voice.
    own = forum("Dana Diaz", "dana  DIAZ")
    assert compared_maps([own]) == [own]
    others = forum("forum users", "Eve")
    assert compared_maps([others]) == []
    assert compared_maps([others], speakers=True) == [others]


def test_report_says_why_a_map_has_no_column(tmp_path: Path) -> None:
    maps = [*hand_maps(), forum("forum users", "Eve")]
    catalogue = HAND / "propositions.json"
    text = report(maps, "markdown", catalogue=catalogue).text
    assert (
        "forum users \\(forum\\) is not a column of the stance matrix: every stance in the map is a "
        "quoted speaker's, none the author's own \\(argmap report --speakers gives each quoted "
        "speaker a column\\)."
    ) in text
    with_speakers = report(maps, "markdown", catalogue=catalogue, speakers=True).text
    assert "is not a column" not in with_speakers
    assert "Eve \\(in forum\\)" in with_speakers


def test_report_cli_speakers_option(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "r.html"
    plain = CliRunner().invoke(main, ["report", "-o", str(out)])
    assert plain.exit_code == 0, plain.output
    page = out.read_text(encoding="utf-8")
    assert "anonymous forum commenters (forum-2014) is not a column of the stance matrix" in page
    split = CliRunner().invoke(main, ["report", "--speakers", "-o", str(out)])
    assert split.exit_code == 0, split.output
    assert "is not a column" not in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the public API (item 12)


def test_public_api_is_what_users_touch() -> None:
    names = set(argmap.__all__)
    assert "Evidence" not in names and not hasattr(argmap.core.model, "Evidence")
    assert {"find_catalogue", "Report", "InvalidCatalogueError", "speaker_key"} <= names
    claim = argmap.load_map("alice", HAND).map.nodes[0]
    assert isinstance(claim, argmap.Node)


def test_workspace_takes_only_settings() -> None:
    import inspect

    init = list(inspect.signature(argmap.Workspace).parameters)
    assert init == ["maps_dir", "seeds_dir", "catalogue_path", "root", "max_file_bytes"]
    with pytest.raises(TypeError):
        argmap.Workspace(_texts={})  # type: ignore[call-arg]  # the point of the test


def test_text_and_binary_render_functions_are_typed_apart() -> None:
    from typing import get_type_hints

    from argmap.rendering import render_bytes, render_text

    assert get_type_hints(render_text)["return"] is str
    assert get_type_hints(render_bytes)["return"] is bytes
    assert get_type_hints(argmap.format_comparison)["return"] is str
    [essay] = load_maps(["essay"], DATA / "valid", catalogue_path=DATA / "valid" / "propositions.json")
    assert render_text(essay, "dot").startswith("digraph")
    assert render_bytes(essay, "png").startswith(b"\x89PNG")
    with pytest.raises(ArgmapError, match="'png' is not a text format"):
        render_text(essay, "png")
    with pytest.raises(ArgmapError, match="'svg' is not a binary format"):
        render_bytes(essay, "svg")


def test_missing_peer_warning_names_both_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_hand(tmp_path / "here", "alice.json", "alice.txt", "propositions.json")
    (tmp_path / "maps").mkdir()
    monkeypatch.chdir(tmp_path)
    messages = [str(p) for p in validate([Path("here/alice.json")]).problems if "map 'bob'" in p.message]
    assert messages[0].endswith("map 'bob' is not in here/ or maps/, so 'bob:b2' cannot be checked")
