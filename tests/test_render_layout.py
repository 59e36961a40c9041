"""Laying out: attributes every engine can afford, warnings before the layout, Graphviz's death
explained, and PDFs that are the same bytes on every run."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.errors import RenderError
from argmap.rendering.cost import LIMITS, layout_cost
from argmap.rendering.dot import RenderOptions, build_dot
from argmap.rendering.svg import render
from tests.conftest import REPO
from tests.test_render import load

# ---------------------------------------------------------------- engine attributes


@pytest.mark.parametrize("engine", ["neato", "fdp", "sfdp", "circo", "twopi"])
def test_force_directed_engines_get_attributes_they_can_afford(engine: str) -> None:
    """overlap=false needs a triangulation library the bundled Graphviz lacks (sfdp: 94x dot at 1k)."""
    source = build_dot(load("essay"), RenderOptions(layout=engine)).source
    assert "overlap=scale" in source
    assert "overlap=false" not in source and "splines=true" not in source


def test_sfdp_removes_overlaps_quietly() -> None:
    data = render(load("essay", "reply"), "dot", layout="sfdp")
    assert "overlap=scale" in str(data)
    from argmap.rendering.svg import render_result

    result = render_result(load("essay", "reply"), "svg", layout="sfdp")
    assert not any("triangulation" in m for m in result.graphviz_messages)


# ---------------------------------------------------------------- the estimate


def test_estimate_counts_edges_too() -> None:
    """A 1,000-node map with 10,000 relations ran past 300 s with no warning: nodes alone were counted."""
    cost = layout_cost(1_000, 10_000, "dot", focused=False)
    assert cost.expensive
    assert cost.warning == (
        "1,000 nodes and 10,000 edges: the dot layout may take minutes and much memory; "
        "draw a neighbourhood with --focus NODE --depth N"  # sfdp is no faster with so many edges
    )
    assert not layout_cost(1_000, 1_000, "dot", focused=False).expensive


def test_advice_is_only_what_helps() -> None:
    """sfdp is recommended only where it is fast; a focused picture is not told to focus."""
    big = layout_cost(LIMITS["sfdp"].nodes + 1, 20, "dot", focused=True)
    assert big.warning is not None and "sfdp" not in big.warning and "--focus" not in big.warning
    assert layout_cost(LIMITS["sfdp"].nodes + 1, 20, "sfdp", focused=False).warning == (
        f"{LIMITS['sfdp'].nodes + 1:,} nodes and 20 edges: the sfdp layout may take minutes and much "
        "memory; draw a neighbourhood with --focus NODE --depth N"
    )


def big_map(folder: Path, nodes: int, relations_per_node: int) -> None:
    (folder / "maps").mkdir()
    (folder / "x.txt").write_text("x", encoding="utf-8")
    data = {
        "version": 2,
        "id": "big",
        "title": "big",
        "author": {"name": "generator"},
        "source": {"path": "../x.txt", "title": "x", "date": "2020"},
        "nodes": [{"id": f"n{i}", "kind": "claim", "text": f"c{i}", "implicit": True} for i in range(nodes)],
        "relations": [
            {"id": f"r{i}-{k}", "type": "support", "from": [f"n{i}"], "to": f"n{(i * 31 + k * 7) % i}"}
            for i in range(1, nodes)
            for k in range(relations_per_node)
        ],
    }
    (folder / "maps" / "big.json").write_text(json.dumps(data), encoding="utf-8")


def test_dense_map_warns_before_the_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """200 nodes and 1,990 edges: warned (edges count), and the warning comes before Graphviz runs."""
    big_map(tmp_path, 200, 10)
    monkeypatch.chdir(tmp_path)
    seen: list[str] = []

    def layout(*args: object, **kwargs: object) -> object:
        seen.append("layout")
        raise RenderError("stopped by the test")

    monkeypatch.setattr("argmap.rendering.layoutcache.run_layout", layout)
    result = CliRunner().invoke(main, ["render", "big"])
    assert result.exit_code == 1
    assert seen == ["layout"]
    assert result.stderr.splitlines() == [
        "warning: 200 nodes and 1,990 edges: the dot layout may take minutes and much memory; draw a "
        "neighbourhood with --focus NODE --depth N, or use --layout sfdp (several times faster at this size)",
        "Error: stopped by the test",
    ]


def test_expensive_layouts_run_in_a_child_process(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    from argmap.rendering.layout import run_layout as real

    def spy(source: str, **kwargs: object) -> object:
        calls.append(kwargs)
        return real(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("argmap.rendering.layoutcache.run_layout", spy)
    monkeypatch.setattr("argmap.rendering.cost.LIMITS", {**LIMITS, "dot": LIMITS["circo"].__class__(3, 3)})
    data = render(load("essay"), "svg")
    assert calls[-1]["isolate"] is True and calls[-1]["size"] == "10 nodes and 9 edges"
    assert str(data).startswith("<?xml")  # the child's picture, finished as usual


# ---------------------------------------------------------------- Graphviz dying

OOM_SCRIPT = """
import resource, sys
from argmap.core.errors import RenderError
from argmap.rendering.layout import run_layout
run_layout("digraph {{ a -> b }}")
vm = int(open("/proc/self/status").read().split("VmSize:")[1].split()[0]) * 1024
resource.setrlimit(resource.RLIMIT_AS, (vm + 60 * 2**20, vm + 60 * 2**20))
n = 3000
edges = "".join(f"n{{i}} -> n{{(i * 7919 + 13) % n}}; n{{i}} -> n{{(i * 104729 + 7) % n}};" for i in range(n))
try:
    run_layout("digraph {{" + edges + "}}", isolate={isolate}, size="3,000 nodes and 6,000 edges")
except RenderError as exc:
    print(exc)
"""


def run_script(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")
def test_graphviz_out_of_memory_is_explained() -> None:
    """Graphviz ends its process when memory runs out: the isolated layout survives to say so."""
    done = run_script(textwrap.dedent(OOM_SCRIPT.format(isolate=True)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "Graphviz stopped with exit status 1 laying out 3,000 nodes and 6,000 edges with dot: "
        "out of memory when trying to allocate"
    )
    assert done.stdout.rstrip().endswith("draw less with --focus NODE --depth N, or try --layout sfdp")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")
def test_graphviz_dying_in_process_is_not_silent() -> None:
    """In-process, Graphviz's own last words used to go to a captured, lost file descriptor 2."""
    done = run_script(textwrap.dedent(OOM_SCRIPT.format(isolate=False)))
    assert done.returncode == 1
    assert "out of memory" in done.stderr


# ---------------------------------------------------------------- reproducible PDF


def xref_is_right(data: bytes) -> bool:
    """Every in-use object offset in the cross-reference table points at that object."""
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    table = data[start:].split(b"trailer")[0].split(b"\n")
    first = int(table[1].split()[0])
    entries = [line.split() for line in table[2:] if line.strip()]
    return all(
        re.match(rb"%d 0 obj" % (first + i), data[int(off) :]) is not None
        for i, (off, _, kind) in enumerate(entries)
        if kind == b"n"
    )


def test_pdf_has_a_fixed_creation_date_and_stays_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = render(load("essay"), "pdf")
    assert isinstance(data, bytes)
    assert b"/CreationDate (D:19700101000000" in data
    assert xref_is_right(data)
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert len(reader.pages) == 1 and "Jane Doe" in reader.pages[0].extract_text()
    assert reader.metadata is not None and reader.metadata.creation_date == datetime(1970, 1, 1, tzinfo=UTC)


def test_pdf_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render(load("essay"), "pdf")
    assert isinstance(data, bytes) and xref_is_right(data)
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert reader.metadata is not None
    assert reader.metadata.creation_date == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


@pytest.mark.slow
def test_pdf_is_byte_identical_across_processes(tmp_path: Path) -> None:
    """Two processes, a second apart at least in the clock's eyes: the same bytes."""
    script = (
        "import sys, time\n"
        "from argmap.core.load import load_map\n"
        "from argmap.rendering.svg import render\n"
        "time.sleep(float(sys.argv[2]))\n"
        "open(sys.argv[1], 'wb').write(render(load_map('panov'), 'pdf'))\n"
    )
    for name, pause in (("a.pdf", "0"), ("b.pdf", "1.1")):
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / name), pause], cwd=REPO, check=False, timeout=120
        )
        assert done.returncode == 0
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
