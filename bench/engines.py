"""Layout engines at 1,000 and 5,000 nodes: how long `argmap render --layout ENGINE` takes.

For each engine and size, in a fresh process: the tree-shaped map of bench/render_large.py
(n nodes, n - 1 relations), rendered to SVG end to end with argmap.render; and the same map with
ten times as many relations (each node also supports nine random earlier nodes), the case that
made dot run past 300 s. A run is stopped after LIMIT seconds. Also prints whether argmap warns
before such a layout (rendering/cost.py). The baseline is dot on the same map in the same run.

Usage: python bench/engines.py [--limit SECONDS] [ENGINE:NODES[:dense] ...]
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from typing import Any

CASES = [f"{engine}:{n}" for n in (1_000, 5_000) for engine in ("dot", "neato", "fdp", "sfdp")] + [
    "dot:1000:dense",
    "sfdp:1000:dense",
]
LIMIT = 120.0


def make(n: int, dense: bool) -> Any:
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    from render_large import make_map

    m = make_map(n)
    if dense:
        rng = random.Random(n)
        extra = [
            {"id": f"d{i}-{k}", "type": "support", "from": [f"n{i}"], "to": f"n{rng.randrange(i)}"}
            for i in range(1, n)
            for k in range(9)
        ]
        data = m.map.model_dump(by_alias=True, exclude_none=True)
        data["relations"] += extra
        from argmap.core.load import LoadedMap
        from argmap.core.model import ArgumentMap

        m = LoadedMap(ArgumentMap.model_validate(data), m.path, m.source_path, "", {})
    return m


def one(case: str) -> None:
    from argmap.rendering.dot import RenderOptions, build_dot
    from argmap.rendering.svg import render

    engine, n, *rest = case.split(":")
    m = make(int(n), bool(rest))
    render(make(20, False), "svg")  # load fonts and plugins once, outside the timing
    doc = build_dot([m], RenderOptions(layout=engine))
    start = time.perf_counter()
    render(m, "svg", layout=engine)
    took = time.perf_counter() - start
    print(f"{took} {doc.node_count} {doc.edge_count} {'warns' if doc.warnings else 'quiet'}")


def main() -> None:
    args = sys.argv[1:]
    limit = LIMIT
    if args[:1] == ["--one"]:
        one(args[1])
        return
    if args[:1] == ["--limit"]:
        limit, args = float(args[1]), args[2:]
    dot: dict[str, float] = {}  # the dot time of each size in this run: the baseline of the ratio
    print(f"{'case':18s} {'nodes':>6s} {'edges':>6s} {'time':>9s} {'vs dot':>8s}  warning")
    for case in args or CASES:
        engine, _, size = case.partition(":")
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--one", case],
                check=True,
                timeout=limit,
                capture_output=True,
                text=True,
            )
        except subprocess.TimeoutExpired:
            print(f"{case:18s} {'':>6s} {'':>6s} {f'>{limit:.0f} s':>9s}", flush=True)
            continue
        took, nodes, edges, warned = done.stdout.split()
        seconds = float(took)
        if engine == "dot":
            dot[size] = seconds
        ratio = f"{seconds / dot[size]:.2f}x" if size in dot else ""
        print(f"{case:18s} {nodes:>6s} {edges:>6s} {seconds:7.2f} s {ratio:>8s}  {warned}", flush=True)


if __name__ == "__main__":
    main()
