"""Rendering from several threads at once: same pictures, messages kept apart, standard error intact."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

from argmap.rendering.layout import run_layout
from tests.conftest import REPO

GOOD = "digraph { a -> b }"


def warned(i: int) -> str:
    """A graph Graphviz warns about; Graphviz warns once per unknown shape name, so each is new."""
    return f"digraph {{ n [shape=shape_{i}] }}"


def test_eight_threads_get_their_own_pictures_and_messages() -> None:
    plain = run_layout(GOOD)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: (i, run_layout(warned(i)), run_layout(GOOD)), range(64)))
    for i, layout, good in results:
        assert layout.messages == (f"Warning: using box for unknown shape shape_{i}",)
        assert layout.data.startswith(b"<?xml") and b"<title>n</title>" in layout.data
        assert good == plain


@pytest.mark.slow
def test_standard_error_is_intact_after_concurrent_renders() -> None:
    """fd 2 used to be swapped for a temp file per render: with 8 threads at once it could stay
    pointed at a deleted file, and every later message of the process was lost."""
    script = textwrap.dedent(
        """
        import os, sys
        from concurrent.futures import ThreadPoolExecutor
        from argmap.rendering.layout import run_layout
        before = os.fstat(2)
        with ThreadPoolExecutor(8) as pool:
            for _ in range(20):
                list(pool.map(lambda i: run_layout("digraph { a -> b; a [shape=nope] }"), range(8)))
        after = os.fstat(2)
        print((before.st_dev, before.st_ino) == (after.st_dev, after.st_ino))
        os.write(2, b"still here\\n")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "True\n"
    assert done.stderr.splitlines()[-1:] == ["still here"]
    assert "unknown shape" not in done.stderr  # Graphviz's warnings went to the renders, not to fd 2


def test_fd2_is_not_touched_by_a_render() -> None:
    run_layout(GOOD)  # the first call in a process may set things up
    before = os.fstat(2)
    read, write = os.pipe()
    saved = os.dup(2)
    os.dup2(write, 2)
    try:
        layout = run_layout(warned(999))
        os.write(2, b"mine\n")
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(write)
    with os.fdopen(read, "rb") as stream:
        assert stream.read() == b"mine\n"
    assert layout.messages == ("Warning: using box for unknown shape shape_999",)
    assert (os.fstat(2).st_ino, os.fstat(2).st_dev) == (before.st_ino, before.st_dev)


@pytest.mark.slow
def test_fallback_without_a_handler_still_collects_messages() -> None:
    """Where argmap cannot find Graphviz's cgraph to install its handler, fd 2 is captured, under
    the lock, and restored: the messages still arrive and the process's stderr still works."""
    script = textwrap.dedent(
        """
        import os
        from concurrent.futures import ThreadPoolExecutor
        from argmap.rendering import layout
        layout._cgraph_candidates = lambda: iter(())
        with ThreadPoolExecutor(8) as pool:
            found = list(pool.map(lambda i: layout.run_layout(f"digraph {{ n [shape=s{i}] }}"), range(16)))
        assert layout._HANDLER.installed is False
        print(sorted(m for f in found for m in f.messages)[:2])
        os.write(2, b"still here\\n")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "['Warning: using box for unknown shape s0', 'Warning: using box for unknown shape s1']\n"
    )
    assert done.stderr.splitlines()[-1:] == ["still here"]
