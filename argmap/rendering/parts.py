"""A map cut by meaning: one part per direct reason of the thesis (its premises and all beneath them).

`--cluster reasons` boxes each part; `render --split` (split.py) walks the same heads and reasons.
A node beneath two reasons belongs to the first (in relation id order); a node that argues for
nothing in the map is a further conclusion and heads a part of its own: with the thesis, the parts
cover the map.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.core.load import LoadedMap
from argmap.core.model import Relation
from argmap.rendering.labels import natural_key
from argmap.rendering.select import target_key

__all__ = ["Part", "heads", "parts", "reason_groups", "upstream"]


@dataclass(frozen=True)
class Part:
    """One reason: the relation into the thesis (None: a further conclusion) and what it holds."""

    index: int
    relation: str | None  # None: a further conclusion of the map, not a reason for its thesis
    nodes: frozenset[str]
    relations: frozenset[str]
    lead: str | None  # the node that names the part: the reason's first premise, or the conclusion


def upstream(
    start: Relation, into: Mapping[str, list[Relation]], claimed: set[str]
) -> tuple[set[str], set[str]]:
    """Nodes and relations that argue, directly or not, for or against a relation's premises.

    `into` maps a node or relation id to the relations that point at it (ids are unique across
    both in a map); nodes in `claimed` belong to an earlier part and are not walked again.
    """
    nodes: set[str] = set()
    relations: set[str] = set()
    pending = [start]
    while pending:
        rel = pending.pop()
        if rel.id in relations:
            continue
        relations.add(rel.id)
        pending.extend(into.get(rel.id, ()))  # undercuts of this relation
        for premise in rel.premises:
            if premise in nodes or premise in claimed:
                continue
            nodes.add(premise)
            pending.extend(into.get(premise, ()))
    return nodes, relations


def parts(m: LoadedMap) -> list[Part]:
    """The parts of one map, in the order of the relations into its thesis."""
    thesis = next((n.id for n in m.map.nodes if n.thesis), None)
    into: dict[str, list[Relation]] = {}
    for rel in sorted(m.map.relations, key=lambda r: natural_key(r.id)):
        key = target_key(m.id, rel.target)
        if key[0] == m.id:
            into.setdefault(key[1], []).append(rel)
    claimed: set[str] = {thesis} if thesis else set()
    taken_relations: set[str] = set()
    result: list[Part] = []
    for rel in into.get(thesis, []) if thesis else []:
        nodes, relations = upstream(rel, into, claimed)
        relations -= taken_relations
        claimed |= nodes
        taken_relations |= relations
        lead = next((p for p in sorted(rel.premises, key=natural_key)), None)
        result.append(Part(len(result) + 1, rel.id, frozenset(nodes), frozenset(relations), lead))
    # Nodes under no reason of the thesis: a further conclusion (a node that argues for nothing in
    # the map) heads a part of its own with everything beneath it.
    premises_in_map = {
        p for r in m.map.relations if target_key(m.id, r.target)[0] == m.id for p in r.premises
    }
    for node in sorted(m.map.nodes, key=lambda n: natural_key(n.id)):
        if node.id in claimed or node.id in premises_in_map:
            continue
        claimed.add(node.id)
        nodes, relations = {node.id}, set()
        for rel in into.get(node.id, []):
            more_nodes, more_relations = upstream(rel, into, claimed)
            claimed |= more_nodes
            nodes |= more_nodes
            relations |= more_relations - taken_relations
        taken_relations |= relations
        result.append(Part(len(result) + 1, None, frozenset(nodes), frozenset(relations), node.id))
    rest = {n.id for n in m.map.nodes} - claimed
    if rest:  # only a cycle with no way out can be left
        loose = {r.id for r in m.map.relations if r.id not in taken_relations and set(r.premises) <= rest}
        taken_relations |= loose
        result.append(Part(len(result) + 1, None, frozenset(rest), frozenset(loose), None))
    return result


def reason_groups(maps: Sequence[LoadedMap]) -> dict[tuple[str, str], tuple[str, str]]:
    """A box per part of two or more nodes, labelled with its place in the argument."""
    groups: dict[tuple[str, str], tuple[str, str]] = {}
    for m in maps:
        for part in parts(m):
            if len(part.nodes) < 2:
                continue
            kind = f"Reason {part.index}" if part.relation else f"Further conclusion ({part.index})"
            label = f"<<I>{html.escape(kind)}</I>>"
            for node in part.nodes:
                groups[(m.id, node)] = (f"part{part.index}", label)
    return groups


def heads(m: LoadedMap) -> list[str]:
    """Where a map's argument ends: the thesis, then any node that argues for nothing in the map."""
    thesis = [n.id for n in m.map.nodes if n.thesis]
    premises = {p for r in m.map.relations if target_key(m.id, r.target)[0] == m.id for p in r.premises}
    rest = [n.id for n in m.map.nodes if not n.thesis and n.id not in premises]
    return thesis + sorted(rest, key=natural_key)
