"""`argmap render` through CliRunner: files, stdout, suffix formats, and failures that lose nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_default_writes_name_svg_and_prints_path(work: Path) -> None:
    code, out, err = run("render", "essay")
    assert (code, out, err) == (0, "essay.svg\n", "")
    ET.parse(work / "essay.svg")


def test_output_suffix_chooses_format(work: Path) -> None:
    code, out, _ = run("render", "essay", "-o", "pic.png")
    assert (code, out) == (0, "pic.png\n")
    assert (work / "pic.png").read_bytes().startswith(b"\x89PNG")
    code, out, _ = run("render", "essay", "-o", "graph.dot")
    assert (code, out) == (0, "graph.dot\n")
    assert (work / "graph.dot").read_text(encoding="utf-8").startswith("digraph argmap {")


def test_stdout_output(work: Path) -> None:
    code, out, err = run("render", "essay", "-o", "-", "--format", "dot")
    assert (code, err) == (0, "")
    assert out.startswith("digraph argmap {")


def test_several_maps_into_a_folder_and_merged(work: Path) -> None:
    (work / "out").mkdir()
    code, out, _ = run("render", "essay", "reply", "-o", "out")
    assert (code, out) == (0, "out/essay.svg\nout/reply.svg\n")
    code, out, _ = run("render", "essay", "reply", "--merge")
    assert (code, out) == (0, "essay_reply.svg\n")


def test_several_maps_to_stdout_is_usage_error(work: Path) -> None:
    code, _, err = run("render", "essay", "reply", "-o", "-")
    assert code == 2
    assert err.endswith("Error: -o - writes one picture: give one map, or add --merge\n")


def test_missing_folders_are_created(work: Path) -> None:
    code, out, err = run("render", "essay", "-o", "sub/dir/essay.svg")
    assert (code, out, err) == (0, "sub/dir/essay.svg\n", "")
    assert (work / "sub" / "dir" / "essay.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_a_file_in_the_way_of_a_folder_is_one_line(work: Path) -> None:
    (work / "blocker").write_text("keep", encoding="utf-8")
    code, out, err = run("render", "essay", "-o", "blocker/essay.svg")
    assert (code, out) == (1, "")
    assert err == "Error: cannot write blocker/essay.svg: blocker is not a folder\n"
    assert (work / "blocker").read_text(encoding="utf-8") == "keep"


def test_failed_render_leaves_existing_file_untouched(work: Path) -> None:
    target = work / "keep.svg"
    target.write_text("precious", encoding="utf-8")
    code, _, err = run("render", "essay", "-o", "keep.svg", "--focus", "nope")
    assert code == 2
    assert "no node 'nope' in map 'essay'" in err
    assert target.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in work.iterdir()) == ["keep.svg", "maps", "source.txt"]


def test_unknown_map_lists_available(work: Path) -> None:
    code, _, err = run("render", "nosuch")
    assert code == 1
    assert err == (
        "Error: no map named 'nosuch': looked for maps/nosuch.json or .yaml "
        "(available maps: essay, minimal, reply, timed)\n"
    )


def test_invalid_map_is_reported_not_rendered(work: Path) -> None:
    (work / "maps" / "essay.json").write_text('{"version": 1}', encoding="utf-8")
    code, _, err = run("render", "essay")
    assert code == 1
    assert err.startswith("Error: maps/essay.json::$: 'id' is a required property (and ")
    assert not (work / "essay.svg").exists()


def test_render_needs_a_map(work: Path) -> None:
    code, _, err = run("render")
    assert code == 2
    assert "Missing argument 'MAP...'" in err


def test_stderr_clean_on_success(work: Path) -> None:
    code, _, err = run("render", "essay", "--legend", "--theme", "dark", "--layout", "neato")
    assert (code, err) == (0, "")
