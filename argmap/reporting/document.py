"""The report as a value, and which maps answer each other: shared by the HTML and Markdown writers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from argmap.core.load import LoadedMap

__all__ = ["Report", "debate_groups"]


@dataclass(frozen=True)
class Report:
    """The document's text, and the files it links to (Markdown's SVGs), by relative name."""

    text: str
    assets: Mapping[str, str] = field(default_factory=dict)


def debate_groups(maps: Sequence[LoadedMap]) -> list[list[LoadedMap]]:
    """Maps that answer each other (linked by cross-map relations), as groups of two or more."""
    ids = {m.id for m in maps}
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for m in maps:
        for rel in m.map.relations:
            other = rel.target.partition(":")[0] if ":" in rel.target else None
            if other in ids and other != m.id:
                parent[root(other)] = root(m.id)
    groups: dict[str, list[LoadedMap]] = {}
    for m in maps:
        groups.setdefault(root(m.id), []).append(m)
    return [g for g in groups.values() if len(g) > 1]
