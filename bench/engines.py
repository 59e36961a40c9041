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
    warned = "warns" if doc.warnings else "no warning"
    print(f"{case:18s} {doc.node_count:6d} nodes {doc.edge_count:6d} edges  {took:7.2f} s  ({warned})")


def main() -> None:
    args = sys.argv[1:]
    limit = LIMIT
    if args[:1] == ["--one"]:
        one(args[1])
        return
    if args[:1] == ["--limit"]:
        limit, args = float(args[1]), args[2:]
    for case in args or CASES:
        try:
            subprocess.run([sys.executable, __file__, "--one", case], check=True, timeout=limit)
        except subprocess.TimeoutExpired:
            print(f"{case:18s} stopped after {limit:.0f} s", flush=True)


if __name__ == "__main__":
    main()
