"""How long a layout will take, estimated from its nodes and edges before Graphviz starts.

The limits are what bench/engines.py measured (bench/README.md): below them every engine finishes
in seconds on the project's machine; above them the layout may take minutes or gigabytes. The
estimate is made before laying out, so the warning comes first, and a layout past the limits runs
in a child process, where Graphviz running out of memory cannot take the caller's process with it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LIMITS", "LayoutCost", "layout_cost"]


@dataclass(frozen=True)
class Limit:
    """The largest picture an engine lays out in seconds: nodes, and edges (dot's crossing
    minimisation and the force-directed engines' spline routing grow with the edges)."""

    nodes: int
    edges: int


# bench/engines.py, tree-shaped maps, ratios to dot in the same run: at 1,000 nodes neato takes
# ~10x dot, fdp and sfdp ~0.7x; at 5,000 dot and neato run past minutes, sfdp takes seconds on a
# quiet machine; 1,000 nodes with 10,000 edges stop dot for minutes. circo and twopi are not
# measured and get dot's limits (circo half of them: it places every node on circles).
LIMITS: dict[str, Limit] = {
    "dot": Limit(nodes=1_000, edges=1_500),
    "neato": Limit(nodes=300, edges=450),
    "fdp": Limit(nodes=1_000, edges=1_500),
    "sfdp": Limit(nodes=5_000, edges=7_500),
    "circo": Limit(nodes=500, edges=750),
    "twopi": Limit(nodes=1_000, edges=1_500),
}


@dataclass(frozen=True)
class LayoutCost:
    """Whether a layout is expensive, and what to tell the user before it starts."""

    expensive: bool
    warning: str | None


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def layout_cost(nodes: int, edges: int, engine: str, focused: bool) -> LayoutCost:
    """The estimate for `nodes` and `edges` laid out by `engine`; the advice names only what helps."""
    limit = LIMITS.get(engine, LIMITS["dot"])
    if nodes <= limit.nodes and edges <= limit.edges:
        return LayoutCost(False, None)
    advice = []
    if not focused:
        advice.append("draw a neighbourhood with --focus NODE --depth N")
    sfdp = LIMITS["sfdp"]
    if engine != "sfdp" and nodes <= sfdp.nodes and edges <= sfdp.edges:
        advice.append("use --layout sfdp (several times faster at this size)")
    size = f"{_count(nodes, 'node')} and {_count(edges, 'edge')}"
    tail = f"; {', or '.join(advice)}" if advice else ""
    return LayoutCost(True, f"{size}: the {engine} layout may take minutes and much memory{tail}")
