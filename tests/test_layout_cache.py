"""Layouts cached by a hash of their DOT: same bytes as a fresh layout, no Graphviz on a hit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.rendering import layoutcache
from argmap.rendering.layout import Layout


def test_a_hit_gives_the_same_bytes_without_graphviz(
    work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "cache"))
    fresh = CliRunner().invoke(main, ["render", "essay", "-o", "-"]).stdout
    assert len(list((tmp_path / "cache").glob("*.svg"))) == 1

    def no_graphviz(*args: object, **kwargs: object) -> Layout:
        raise AssertionError("Graphviz ran although the layout was cached")

    monkeypatch.setattr(layoutcache, "run_layout", no_graphviz)
    assert CliRunner().invoke(main, ["render", "essay", "-o", "-"]).stdout == fresh
    # Another picture (another theme) is a miss and must lay out.
    result = CliRunner().invoke(main, ["render", "essay", "--theme", "dark", "-o", "-"])
    assert result.exit_code == 1 and "Graphviz ran" in repr(result.exception)


def test_off_when_empty_and_quiet_when_unwritable(
    work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert layoutcache.cache_folder() is None  # the test suite runs with ARGMAP_CACHE_DIR=""
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(blocked / "cache"))
    result = CliRunner().invoke(main, ["render", "essay", "-o", "-"])
    assert (result.exit_code, result.stderr) == (0, "")
    monkeypatch.delenv("ARGMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert layoutcache.cache_folder() == tmp_path / "xdg" / "argmap" / "layouts"


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(layoutcache, "MAX_ENTRIES", 2)
    monkeypatch.setattr(layoutcache, "run_layout", lambda dot, **_: Layout(dot.encode(), ()))
    for i in range(4):
        layoutcache.cached_layout(f"digraph {{ n{i} }}")
        os.utime(
            next(p for p in tmp_path.glob("*.svg") if p.read_bytes() == f"digraph {{ n{i} }}".encode()),
            (i, i),
        )
    assert sorted(p.read_bytes() for p in tmp_path.glob("*.svg")) == [b"digraph { n2 }", b"digraph { n3 }"]
