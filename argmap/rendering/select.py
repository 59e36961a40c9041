"""Which nodes and relations a picture shows: everything, or one node's neighbourhood."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.core.errors import UsageError
from argmap.core.load import LoadedMap
from argmap.core.model import Relation

__all__ = ["Selection", "select", "target_key"]


@dataclass(frozen=True)
class Selection:
    nodes: frozenset[tuple[str, str]]
    relations: frozenset[tuple[str, str]]


def target_key(owner: str, target: str) -> tuple[str, str]:
    if ":" in target:
        other, _, local = target.partition(":")
        return other, local
    return owner, target


def select(maps: Sequence[LoadedMap], focus: str | None, depth: int) -> Selection:
    """Everything, or the neighbourhood of one node within `depth` relations."""
    all_nodes = {(m.id, n.id) for m in maps for n in m.map.nodes}
    all_relations = {(m.id, r.id) for m in maps for r in m.map.relations}
    if focus is None:
        return Selection(frozenset(all_nodes), frozenset(all_relations))
    start = target_key(maps[0].id, focus)
    drawn = {m.id: m for m in maps}
    if start not in all_nodes:
        known = ", ".join(sorted(drawn))
        if start[0] not in drawn:
            # The node may well exist: its map is simply not in this picture.
            raise UsageError(
                f"--focus {focus}: map '{start[0]}' is not drawn here (maps drawn: {known}); "
                f"render it too, with --merge to draw the maps in one picture"
            )
        if any(r.id == start[1] for r in drawn[start[0]].map.relations):
            raise UsageError(
                f"--focus {focus}: '{start[1]}' is a relation of map '{start[0]}'; focus on a node"
            )
        raise UsageError(f"--focus: no node '{start[1]}' in map '{start[0]}' (maps drawn: {known})")
    # Nodes and relations form one graph; a relation links its premises and its target.
    neighbours: dict[tuple[str, str], set[tuple[str, str]]] = {}
    relations: dict[tuple[str, str], Relation] = {}
    for m in maps:
        for rel in m.map.relations:
            key = ("rel:" + m.id, rel.id)
            relations[key] = rel
            ends = [(m.id, p) for p in rel.premises]
            target = target_key(m.id, rel.target)
            ends.append(("rel:" + target[0], target[1]) if target not in all_nodes else target)
            for end in ends:
                neighbours.setdefault(key, set()).add(end)
                neighbours.setdefault(end, set()).add(key)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if seen[current] >= 2 * depth:
            continue
        for nxt in sorted(neighbours.get(current, ())):
            if nxt not in seen:
                seen[nxt] = seen[current] + 1
                queue.append(nxt)
    kept_relations = {key for key in seen if key in relations}
    # A kept relation keeps all its premises: half of a linked argument would misrepresent it.
    kept_nodes = {key for key in seen if key in all_nodes}
    for key in kept_relations:
        kept_nodes.update((key[0][4:], p) for p in relations[key].premises)
    return Selection(frozenset(kept_nodes), frozenset((key[0][4:], key[1]) for key in kept_relations))
