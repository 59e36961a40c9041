"""Report and split-view times against a plain render of the same maps, in the same run.

  report:  argmap.report(seed maps, "html") against rendering each seed map to SVG once
           (the report draws every map, plus the merged debate and the comparison);
  split:   render_split(map, "svg") against render(map, "svg"), for Panov's map and for
           generated arguments of 500 and 2,000 nodes (bench/generate.py);
  paper:   render(panov, "pdf", paper="a4") against render(panov, "pdf").
Best of 3 runs each. Usage: python bench/views.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))


def best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def row(name: str, baseline: float, measured: float, note: str = "") -> None:
    ratio = measured / baseline
    print(f"| {name} | {baseline * 1000:.0f} ms | {measured * 1000:.0f} ms | {ratio:.2f}\u00d7 | {note} |")


def main() -> None:
    from generate import argument_map

    from argmap.core.load import LoadedMap, Workspace, load_catalogue, load_from, load_peers
    from argmap.rendering.split import render_split
    from argmap.rendering.svg import render
    from argmap.reporting.build import report

    ws = Workspace(maps_dir=REPO / "maps")
    maps = load_from(ws, [])
    peers = load_peers(ws, maps)
    catalogue = load_catalogue(REPO / "maps" / "propositions.json")
    print("| view | plain render | view | ratio | pictures |")
    print("|---|---|---|---|---|")
    plain = best(lambda: [render(m, "svg", peers=peers) for m in maps])
    full = best(lambda: report(maps, "html", catalogue=catalogue, peers=peers))
    row(f"report, {len(maps)} seed maps (HTML)", plain, full, f"{len(maps)} maps + merged debates")
    panov = next(m for m in maps if m.id == "panov")
    for m, label in (
        (panov, "Panov (40 nodes)"),
        (argument_map(500), "generated, 500 nodes"),
        (argument_map(2000), "generated, 2,000 nodes"),
    ):

        def whole(m: LoadedMap = m) -> object:
            return render(m, "svg", peers=peers)

        def split(m: LoadedMap = m) -> object:
            return render_split(m, "svg", peers=peers)

        count = len(render_split(m, "svg", peers=peers))
        row(f"render --split, {label}", best(whole), best(split), str(count))
    row(
        "render --paper a4, Panov (PDF)",
        best(lambda: render(panov, "pdf", peers=peers)),
        best(lambda: render(panov, "pdf", peers=peers, paper="a4")),
        "overview + tiles",
    )


if __name__ == "__main__":
    main()
