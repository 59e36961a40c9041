"""Integrity checks on a parsed map: ids, relation ends, theses, stances and cross-map references."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from pathlib import Path

from argmap.core.dates import dates_overlap, is_reversed
from argmap.core.model import ArgumentMap
from argmap.core.reading import Collector, display_path
from argmap.core.workspace import Workspace, load_catalogue_file, peer_folders, peer_ids

__all__ = ["check_integrity"]


def check_integrity(
    ws: Workspace,
    m: ArgumentMap,
    map_path: Path,
    collector: Collector,
    present: Mapping[str, frozenset[str]],
) -> None:
    """Ids, relation ends, theses, propositions and cross-map references."""
    if m.id != map_path.stem:
        collector.add(["id"], f"map id '{m.id}' differs from the file name '{map_path.stem}'")

    first_seen: dict[str, str] = {}
    node_ids: set[str] = set()
    thesis: str | None = None
    for i, node in enumerate(m.nodes):
        if node.id in first_seen:
            collector.add(["nodes", i, "id"], f"duplicate id '{node.id}' (first at {first_seen[node.id]})")
        else:
            first_seen[node.id] = f"$.nodes[{i}]"
            node_ids.add(node.id)
        if node.date is not None and _reversed(node.date):
            start, _, end = node.date.partition("/")
            collector.add(
                ["nodes", i, "date"], f"date range '{node.date}' ends ({end}) before it starts ({start})"
            )
        if node.thesis:
            if thesis is not None:
                collector.add(
                    ["nodes", i, "thesis"],
                    f"a second main thesis ('{thesis}' is already the thesis)",
                )
            else:
                thesis = node.id
    relation_ids: dict[str, int] = {}
    for i, rel in enumerate(m.relations):
        if rel.id in first_seen:
            collector.add(["relations", i, "id"], f"duplicate id '{rel.id}' (first at {first_seen[rel.id]})")
        else:
            first_seen[rel.id] = f"$.relations[{i}]"
            relation_ids[rel.id] = i

    _check_relations(ws, m, map_path, collector, node_ids, relation_ids, present)
    _check_stances(ws, m, map_path, collector)

    _check_placeholders(m, collector)

    reporter = m.reported_by.map if m.reported_by else None
    if reporter and reporter != m.id and peer_ids(ws, reporter, map_path, present) is None:
        collector.add(
            ["reported_by", "map"], f"map '{reporter}' is not in {_folders(ws, map_path)}", "warning"
        )


def _reversed(date: str) -> bool:
    """Whether a range start/end ends before it starts, compared at the coarser precision of the two
    (2014-05/2014 is a fine range: May 2014 to some time in 2014)."""
    start, sep, end = date.partition("/")
    n = min(len(start), len(end))
    return bool(sep) and end[:n] < start[:n]


def _folders(ws: Workspace, map_path: Path) -> str:
    return " or ".join(f"{display_path(folder)}/" for folder in peer_folders(ws, map_path))


def _check_relations(
    ws: Workspace,
    m: ArgumentMap,
    map_path: Path,
    collector: Collector,
    node_ids: set[str],
    relation_ids: dict[str, int],
    present: Mapping[str, frozenset[str]],
) -> None:
    connected: set[str] = set()
    for i, rel in enumerate(m.relations):
        for j, premise in enumerate(rel.premises):
            if premise in node_ids:
                connected.add(premise)
            elif premise in relation_ids:
                collector.add(
                    ["relations", i, "from", j],
                    f"'{premise}' is a relation; premises must be nodes",
                )
            else:
                collector.add(["relations", i, "from", j], f"unknown node '{premise}'")
        target = rel.target
        if ":" in target:
            other, _, local = target.partition(":")
            if other == m.id:
                target = local
            else:
                ids = peer_ids(ws, other, map_path, present)
                if ids is None:
                    collector.add(
                        ["relations", i, "to"],
                        f"map '{other}' is not in {_folders(ws, map_path)}, so '{rel.target}' "
                        "cannot be checked",
                        "warning",
                    )
                elif local not in ids:
                    collector.add(["relations", i, "to"], f"unknown node '{local}' in map '{other}'")
                continue
        if target == rel.id:
            collector.add(["relations", i, "to"], f"relation '{rel.id}' targets itself")
        elif target in rel.premises:
            collector.add(["relations", i, "to"], f"relation '{rel.id}' goes from '{target}' to itself")
        elif target in node_ids:
            connected.add(target)
        elif target not in relation_ids:
            collector.add(["relations", i, "to"], f"unknown node or relation '{target}'")
    _check_relation_cycles(m, collector, relation_ids)
    _check_support_cycles(m, collector, node_ids)
    if m.relations:
        for i, node in enumerate(m.nodes):
            if node.id not in connected:
                collector.add(["nodes", i], f"node '{node.id}' is in no relation", "warning")


def _check_relation_cycles(m: ArgumentMap, collector: Collector, relation_ids: dict[str, int]) -> None:
    """An undercut chain must end on a node: r1 attacking r2 attacking r1 says nothing."""
    targets = {rel.id: rel.target for rel in m.relations}
    reported: set[frozenset[str]] = set()
    for rel in m.relations:
        chain = [rel.id]
        current = rel.target
        while current in relation_ids and current not in chain:
            chain.append(current)
            current = targets[current]
        if current not in chain:
            continue
        loop = chain[chain.index(current) :]
        if len(loop) > 1 and frozenset(loop) not in reported:
            reported.add(frozenset(loop))
            collector.add(
                ["relations", relation_ids[loop[0]], "to"],
                "relations form a cycle: " + " -> ".join([*loop, loop[0]]),
            )


def _check_support_cycles(m: ArgumentMap, collector: Collector, node_ids: set[str]) -> None:
    """Warn once per circle of support (c1 supports e1 supports c1): such a map argues in a circle."""
    # Edges premise -> target, each remembering the first relation (in document order) that draws it.
    edges: dict[str, dict[str, int]] = {}
    for i, rel in enumerate(m.relations):
        if rel.type.value != "support" or rel.target not in node_ids:
            continue
        for premise in rel.premises:
            if premise in node_ids and premise != rel.target:
                edges.setdefault(premise, {}).setdefault(rel.target, i)
    for component in _strongly_connected(edges):
        if len(component) < 2:
            continue
        # The circle through the component's earliest relation, found breadth-first.
        first, start, end = min(
            (i, a, b) for a in component for b, i in edges.get(a, {}).items() if b in component
        )
        previous: dict[str, str | None] = {end: None}
        queue = deque([end])
        while queue and start not in previous:
            current = queue.popleft()
            for nxt in sorted(edges.get(current, {})):
                if nxt in component and nxt not in previous:
                    previous[nxt] = current
                    queue.append(nxt)
        back = [start]  # start, its predecessor, ..., end
        while back[-1] != end:
            back.append(str(previous[back[-1]]))
        circle = [start, *reversed(back)]
        collector.add(
            ["relations", first],
            "circular support: "
            + " -> ".join(circle)
            + " (each supports the next, so the map argues in a circle)",
            "warning",
        )


def _strongly_connected(edges: dict[str, dict[str, int]]) -> list[set[str]]:
    """Tarjan's strongly connected components, without recursion (maps can be deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, {}))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _check_stances(ws: Workspace, m: ArgumentMap, map_path: Path, collector: Collector) -> None:
    if not any(node.stances for node in m.nodes):
        return
    catalogue_path = ws.catalogue_for(map_path)
    catalogue, problems = load_catalogue_file(ws, catalogue_path)
    if catalogue is None:
        first = next((i for i, n in enumerate(m.nodes) if n.stances), 0)
        if not catalogue_path.exists():
            reason = f"{display_path(catalogue_path)} does not exist"
        else:
            # The catalogue's own first problem, with its file and place, so the user knows what to fix.
            errors = [p for p in problems if p.severity == "error"]
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            reason = (
                f"{display_path(catalogue_path)} is invalid: {errors[0] if errors else 'unreadable'}{more}"
            )
        collector.add(["nodes", first, "stances"], f"stances need a proposition catalogue, but {reason}")
        return
    known = {p.id: p for p in catalogue.propositions}
    for i, node in enumerate(m.nodes):
        seen: dict[str, list[str]] = {}
        for j, stance in enumerate(node.stances):
            where: list[str | int] = ["nodes", i, "stances", j]
            proposition = known.get(stance.proposition)
            if proposition is None:
                collector.add(
                    [*where, "proposition"],
                    f"unknown proposition '{stance.proposition}' (not in {display_path(catalogue_path)})",
                )
            elif proposition.timeless and stance.period is not None:
                collector.add(
                    [*where, "period"],
                    f"'{stance.proposition}' is timeless (a {proposition.kind.value} proposition): "
                    "its stances take no period",
                )
            if stance.period is not None and is_reversed(stance.period):
                collector.add([*where, "period"], f"the range '{stance.period}' ends before it starts")
            # One claim may describe a proposition at several times (an outlier until 2018, in
            # line since), but not twice for the same time.
            period = stance.period or m.source.date
            earlier = seen.setdefault(stance.proposition, [])
            if any(dates_overlap(period, other) for other in earlier):
                collector.add(
                    [*where, "proposition"],
                    f"a second stance on '{stance.proposition}' in the same claim for the same period",
                )
            earlier.append(period)


# What `argmap new` leaves for the mapper to fill in; kept here so validation flags every one.
PLACEHOLDER = "TODO"


def _check_placeholders(m: ArgumentMap, collector: Collector) -> None:
    """A warning for each text a draft still holds a placeholder in, until the mapper replaces it."""
    fields: list[tuple[list[str | int], str | None]] = [
        (["title"], m.title),
        (["author", "name"], m.author.name),
        (["source", "title"], m.source.title),
    ]
    fields += [(["nodes", i, "text"], node.text) for i, node in enumerate(m.nodes)]
    for where, value in fields:
        if value is not None and value.startswith(PLACEHOLDER):
            collector.add(where, f"placeholder left in: {value}", "warning")
