"""`render --collapse`: each sub-argument (a claim and the evidence that only supports it) as one node.

Evidence folds into its claim when it supports that claim alone and nothing argues about it; the
claim then says how many pieces it holds ("+ 3 pieces of evidence") and its tooltip lists them.
Attacks, linked premises and evidence used twice stay drawn: folding them would hide structure.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.core.load import LoadedMap
from argmap.core.model import NodeKind, RelationType
from argmap.rendering.options import ViewExtras
from argmap.rendering.select import Selection, target_key

__all__ = ["collapsed", "folded"]


def folded(m: LoadedMap) -> dict[str, list[str]]:
    """Claim id -> the evidence ids folded into it."""
    kinds = {n.id: n.kind for n in m.map.nodes}
    uses: dict[str, int] = {}
    targeted: set[str] = set()
    for rel in m.map.relations:
        for p in rel.premises:
            uses[p] = uses.get(p, 0) + 1
        targeted.add(target_key(m.id, rel.target)[1] if target_key(m.id, rel.target)[0] == m.id else "")
    result: dict[str, list[str]] = {}
    for rel in m.map.relations:
        owner, target = target_key(m.id, rel.target)
        if rel.type is not RelationType.SUPPORT or len(rel.premises) != 1 or owner != m.id:
            continue
        (premise,) = rel.premises
        if (
            kinds.get(premise) is NodeKind.EVIDENCE
            and kinds.get(target) is NodeKind.CLAIM
            and uses[premise] == 1
            and premise not in targeted
            and rel.id not in targeted
        ):
            result.setdefault(target, []).append(premise)
    return result


def collapsed(maps: Sequence[LoadedMap], base: Selection) -> ViewExtras:
    """The view with folded evidence left out and a count on each claim that holds some."""
    hidden_nodes: set[tuple[str, str]] = set()
    hidden_relations: set[tuple[str, str]] = set()
    notes: dict[tuple[str, str], str] = {}
    for m in maps:
        folds = folded(m)
        evidence = {e for es in folds.values() for e in es}
        for rel in m.map.relations:
            if len(rel.premises) == 1 and rel.premises[0] in evidence:
                hidden_relations.add((m.id, rel.id))
        for claim, pieces in folds.items():
            shown = [p for p in pieces if (m.id, p) in base.nodes]
            if (m.id, claim) not in base.nodes or not shown:
                continue
            hidden_nodes.update((m.id, p) for p in shown)
            word = "piece" if len(shown) == 1 else "pieces"
            notes[(m.id, claim)] = f"+ {len(shown)} {word} of evidence ({', '.join(shown)})"
    selection = Selection(base.nodes - hidden_nodes, base.relations - hidden_relations)
    return ViewExtras(selection=selection, notes=notes)
