"""Format version 2: `argmap migrate` upgrades version 1 files without changing their meaning or layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.errors import ArgmapError
from argmap.core.migrate import migrate_data, migrate_text
from tests.conftest import DATA

V1_MAP = """{
  "version": 1,
  "id": "old",
  "title": "Old",
  "author": {"name": "A. N. Other"},
  "source": {"path": "../source.txt", "title": "Tea or Coffee", "date": "2020"},
  "nodes": [{"id": "only", "kind": "claim", "text": "T.",
             "quote": "that worry applies only to coffee drunk after noon.",
             "stances": [{"proposition": "coffee-better", "position": "pro"}]}]
}
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_migrate_text_rewrites_only_the_version_number() -> None:
    text, changes = migrate_text(V1_MAP, "old.json")
    assert text == V1_MAP.replace('"version": 1', '"version": 2', 1)
    assert changes == ["version 1 -> 2", "stances keep no period: each is about the source's date, as before"]


def test_a_catalogue_is_upgraded_with_its_defaults_named() -> None:
    data, changes = migrate_data({"version": 1, "propositions": [{"id": "p", "text": "P."}]}, "c.json")
    assert data == {"version": 2, "propositions": [{"id": "p", "text": "P."}]}
    assert changes[1] == "propositions: kind defaults to descriptive, timeless to false; review both"


def test_current_files_are_left_alone_and_unknown_versions_refused() -> None:
    assert migrate_data({"version": 2, "nodes": []}, "x.json") == ({"version": 2, "nodes": []}, [])
    with pytest.raises(ArgmapError, match=r"^x.json::\$.version: unknown format version 7 "):
        migrate_data({"version": 7, "nodes": []}, "x.json")
    with pytest.raises(ArgmapError, match="not an argmap map or proposition catalogue"):
        migrate_data([1, 2], "x.json")


def test_cli_prints_one_file_and_rewrites_in_place(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(V1_MAP, encoding="utf-8")
    code, out = run("migrate", str(old))
    assert (code, json.loads(out)["version"]) == (0, 2)
    assert old.read_text(encoding="utf-8") == V1_MAP  # printing never touches the file
    code, out = run("migrate", "--in-place", str(old))
    assert (code, out) == (
        0,
        f"{old}: version 1 -> 2; stances keep no period: each is about the source's date, as before\n",
    )
    assert json.loads(old.read_text(encoding="utf-8"))["version"] == 2
    assert run("migrate", "--in-place", str(old)) == (0, f"{old}: already version 2, unchanged\n")


def test_cli_refuses_several_files_without_in_place(tmp_path: Path) -> None:
    code, out = run("migrate", "a.json", "b.json")
    assert code == 2 and "several files need --in-place" in out


def test_a_file_still_invalid_after_upgrading_is_left_unchanged(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    original = V1_MAP.replace('"text": "T."', '"text": ""')
    bad.write_text(original, encoding="utf-8")
    code, out = run("migrate", "--in-place", str(bad))
    assert code == 1
    assert out.endswith(
        f"{bad}::$.nodes[0].text: '' should be non-empty (after upgrading; the file is unchanged)\n"
    )
    assert bad.read_text(encoding="utf-8") == original


def test_the_seed_maps_and_test_data_are_current() -> None:
    paths = [*(DATA / "valid").glob("*.json"), *(DATA.parent.parent / "maps").glob("*.json")]
    outdated = [p.name for p in paths if json.loads(p.read_text(encoding="utf-8"))["version"] != 2]
    assert outdated == []
