"""Render speed on generated maps of 100, 1,000 and 5,000 nodes, against Graphviz alone.

For each size, in a fresh process: build the map, then time
  baseline: pygraphviz laying out and drawing the very DOT argmap produced (Graphviz's own work;
            the pygraphviz wheel bundles Graphviz and no `dot` executable, so this is the
            in-process equivalent of `dot -Tsvg`), and
  argmap:   argmap.render(map, "svg") end to end (DOT building, layout, SVG post-processing),
and report the ratio and the process's peak memory. Usage: python bench/render_large.py [N ...]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SIZES = (100, 1_000, 5_000)


def make_map(n: int) -> Any:
    from argmap.core.load import LoadedMap
    from argmap.core.model import ArgumentMap

    rng = random.Random(n)
    nodes = [
        {
            "id": f"n{i}",
            "kind": "evidence" if i % 3 == 2 else "claim",
            "text": f"Generated statement number {i} with a few words to wrap",
            "implicit": True,
            **({"date": "2014-08-05"} if i % 3 == 2 else {}),
        }
        for i in range(n)
    ]
    relations = []
    for i in range(1, n):
        parent = rng.randrange(max(0, i - 40), i)
        kind = "attack" if rng.random() < 0.2 else "support"
        premises = [f"n{i}"]
        relations.append({"id": f"r{i}", "type": kind, "from": premises, "to": f"n{parent}"})
    data = {
        "version": 2,
        "id": f"gen{n}",
        "title": f"generated {n}",
        "author": {"name": "generator"},
        "source": {"path": "x.txt", "title": "x", "date": "2020"},
        "nodes": nodes,
        "relations": relations,
    }
    return LoadedMap(ArgumentMap.model_validate(data), Path("x.json"), Path("x.txt"), "", {})


def one(n: int) -> None:
    import pygraphviz

    from argmap.rendering.dot import build_dot
    from argmap.rendering.svg import render

    m = make_map(n)
    source = build_dot([m]).source
    render(make_map(20), "svg")  # load fonts and plugins once, outside both timings
    base = ours = float("inf")
    for _ in range(2 if n <= 1_000 else 1):  # best of two, alternating, where it is affordable
        start = time.perf_counter()
        pygraphviz.AGraph(string=source).draw(format="svg", prog="dot")
        base = min(base, time.perf_counter() - start)
        start = time.perf_counter()
        svg = render(m, "svg")
        ours = min(ours, time.perf_counter() - start)
    start = time.perf_counter()
    build_dot([m])
    dot_time = time.perf_counter() - start
    assert isinstance(svg, str) and svg.count('class="node') >= n
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n:6d} nodes  graphviz {base:6.2f} s  argmap {ours:6.2f} s  ratio {ours / base:4.2f}x  "
        f"(building DOT {dot_time:4.2f} s)  peak {peak:5.0f} MiB"
    )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        one(int(sys.argv[2]))
        return
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    for n in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
