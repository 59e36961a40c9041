"""What a map may read: only regular files inside its project, under the size limit (issue 10)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.load import Workspace, load_catalogue, load_map, load_maps, validate
from tests.conftest import DATA, REPO

SECRET = "TOP-SECRET-LINE the quote is here"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _map(map_id: str, source: dict[str, str], quote: str = "the quote is here") -> dict[str, object]:
    return {
        "version": 2,
        "id": map_id,
        "title": "A map",
        "author": {"name": "A. N. Other"},
        "source": {**source, "title": "A text", "date": "2020"},
        "nodes": [{"id": "c1", "kind": "claim", "text": "Something.", "quote": quote}],
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/proj holding maps/ and texts/, and a secret file beside it, outside the project."""
    proj = tmp_path / "proj"
    (proj / "maps").mkdir(parents=True)
    (proj / "texts").mkdir()
    (tmp_path / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    monkeypatch.chdir(proj)
    return proj


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_symlink_out_of_the_project_is_refused_and_nothing_leaks(project: Path) -> None:
    os.symlink(project.parent / "secret.txt", project / "texts" / "innocent.txt")
    _write(project / "maps" / "m.json", _map("m", {"path": "../texts/innocent.txt"}))
    code, out, err = run("validate", "m")
    assert (code, err) == (1, "")
    assert out == (
        "maps/m.json::$.source.path: source text texts/innocent.txt lies outside the project "
        "(through a symbolic link); a map may only read files inside ./\n"
        "checked 1 file: 0 valid, 1 invalid; 1 error, 0 warnings\n"
    )
    code, out, err = run("report", "m", "-o", "r.html")
    assert code == 1 and SECRET not in out + err
    assert not (project / "r.html").exists()


def test_a_failing_quote_outside_leaks_no_closest_passage(project: Path) -> None:
    _write(project / "maps" / "m.json", _map("m", {"path": "../../secret.txt"}, quote="not in it at all"))
    code, out, _ = run("validate", "m")
    assert code == 1
    assert "TOP-SECRET" not in out and "lies outside the project" in out


def test_root_widens_the_project(project: Path) -> None:
    _write(project / "maps" / "m.json", _map("m", {"path": "../../secret.txt"}))
    assert run("validate", "m")[0] == 1
    code, out, _ = run("validate", "m", "--root", str(project.parent))
    assert code == 0, out


def test_a_symlink_loop_is_one_line(project: Path) -> None:
    os.symlink("b.txt", project / "texts" / "a.txt")
    os.symlink("a.txt", project / "texts" / "b.txt")
    _write(project / "maps" / "m.json", _map("m", {"path": "../texts/a.txt"}))
    code, out, err = run("validate", "m")
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        "maps/m.json::$.source.path: source text texts/a.txt cannot be read: "
        "Too many levels of symbolic links"
    )


def test_a_nul_character_in_a_path_is_one_line(project: Path) -> None:
    _write(project / "maps" / "m.json", _map("m", {"path": "../texts/a.txt\u0000.txt"}))
    code, out, err = run("validate", "m")
    assert (code, err) == (1, "")
    assert out.splitlines()[0].startswith("maps/m.json::$.source.path: source text texts/a.txt")
    assert out.splitlines()[0].endswith(" has a NUL character in its name")


def test_a_symlink_inside_the_project_is_fine(project: Path) -> None:
    (project / "texts" / "real.txt").write_text(SECRET, encoding="utf-8")
    os.symlink("real.txt", project / "texts" / "alias.txt")
    _write(project / "maps" / "m.json", _map("m", {"path": "../texts/alias.txt"}))
    assert run("validate", "m")[0] == 0


def test_manifest_entry_outside_the_project_is_refused(project: Path) -> None:
    (project / "seeds").mkdir()
    seed = {
        "id": "passwd",
        "file": str(project.parent / "secret.txt"),
        "title": "x",
        "authors": ["x"],
        "outlet": "x",
        "date": "2020",
        "description": "x",
    }
    _write(project / "seeds" / "seeds.json", {"version": 1, "seeds": [seed]})
    _write(project / "maps" / "m.json", _map("m", {"seed": "passwd"}))
    code, out, _ = run("validate", "m")
    assert code == 1
    assert out.splitlines()[0] == (
        f"maps/m.json::$.source.seed: source text {project.parent / 'secret.txt'} lies outside the "
        "project; a map may only read files inside seeds/ or ./"
    )
    code, out, _ = run("validate", "seeds/seeds.json")
    assert code == 1 and "$.seeds[0].file: source text" in out and SECRET not in out


def test_fifo_as_map_and_as_source_fails_at_once(project: Path) -> None:
    os.mkfifo(project / "maps" / "pipe.json")
    os.mkfifo(project / "texts" / "pipe.txt")
    code, out, _ = run("validate", "maps/pipe.json")
    assert code == 1
    assert out.splitlines()[0] == "maps/pipe.json: is a named pipe (FIFO), not a regular file"
    _write(project / "maps" / "m.json", _map("m", {"path": "../texts/pipe.txt"}))
    code, out, _ = run("validate", "m")
    assert out.splitlines()[0] == (
        "maps/m.json::$.source.path: source text texts/pipe.txt is a named pipe (FIFO), not a regular file"
    )


def test_devices_as_maps_fail_cleanly(project: Path) -> None:
    code, out, err = run("validate", "/dev/zero", "/dev/urandom")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "/dev/zero: is a character device, not a regular file",
        "/dev/urandom: is a character device, not a regular file",
        "checked 2 files: 0 valid, 2 invalid; 2 errors, 0 warnings",
    ]


def test_size_limit_applies_to_maps_and_sources(project: Path) -> None:
    (project / "texts" / "big.txt").write_text("the quote is here " + "x" * (2 * 1024 * 1024), "utf-8")
    _write(project / "maps" / "m.json", _map("m", {"path": "../texts/big.txt"}))
    assert run("validate", "m")[0] == 0
    _, out, _ = run("validate", "m", "--max-file-size", "1")
    assert out.splitlines()[0] == (
        "maps/m.json::$.source.path: source text texts/big.txt is larger than the 1 MB limit"
    )
    assert Workspace(max_file_bytes=10).reader.max_bytes == 10
    report = validate(["maps/m.json"], Workspace(max_file_bytes=100))
    assert [str(p) for p in report.problems] == ["maps/m.json: is larger than the 100 bytes limit"]


def test_catalogue_and_manifest_are_recognised(in_repo: Path) -> None:
    code, out, err = run("validate", "seeds/seeds.json", "maps/propositions.json")
    assert (code, err) == (0, "")
    assert out == (
        "seeds/seeds.json: ok\nmaps/propositions.json: ok\n"
        "checked 2 files: 2 valid, 0 invalid; 0 errors, 0 warnings\n"
    )
    data = json.loads(run("validate", "seeds/seeds.json", "--format", "json")[1])
    assert data["files"][0]["kind"] == "manifest"


def test_an_edited_seed_text_is_caught_when_validating_the_manifest(tmp_path: Path) -> None:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    with (tmp_path / "seeds" / "panov-2014-riac.txt").open("a", encoding="utf-8") as f:
        f.write("an extra line\n")
    report = validate([tmp_path / "seeds" / "seeds.json"])
    assert not report.ok
    assert [p.path for p in report.problems] == ["$.seeds[0].sha256"]


def test_paths_may_be_str_or_pathlike(in_repo: Path) -> None:
    report = validate(["maps/panov.json"])
    assert report.ok and report.maps[0].id == "panov"
    catalogue = load_catalogue("maps/propositions.json")
    assert catalogue.propositions
    ws = Workspace(maps_dir="maps", seeds_dir="seeds", catalogue_path="maps/propositions.json")
    assert validate([Path("maps/kobayashi.json")], ws).ok
    assert load_maps(["kobayashi"], "maps", seeds_dir="seeds")[0].id == "kobayashi"
    assert load_map("tests/data/valid/essay.json", DATA / "valid").id == "essay"
