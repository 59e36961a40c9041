"""The report as a value, and which maps answer each other: shared by the HTML and Markdown writers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.comparing.comparison import Comparison
from argmap.core.load import LoadedMap

__all__ = ["Report", "debate_groups", "left_out"]


@dataclass(frozen=True)
class Report:
    """The document's text, and the files it links to (Markdown's SVGs), by relative name."""

    text: str
    assets: Mapping[str, str] = field(default_factory=dict)

    def write(self, target: Path) -> list[Path]:
        """Write the assets beside target, then the document to target (atomically); return the paths."""
        from argmap.core.output import write_atomic

        written = []
        for name, data in sorted(self.assets.items()):
            write_atomic(target.parent / name, data)
            written.append(target.parent / name)
        write_atomic(target, self.text)
        return [*written, target]


def left_out(maps: Sequence[LoadedMap], c: Comparison) -> list[str]:
    """Why each map without a column in the comparison is not there, one sentence each."""
    columns = {a.map for a in c.actors}
    notes = []
    for m in maps:
        if m.id in columns:
            continue
        if any(n.stances for n in m.map.nodes):
            notes.append(
                f"{m.map.author.name} ({m.id}) is not a column of the stance matrix: every stance in "
                "the map is a quoted speaker's, none the author's own (argmap report --speakers "
                "gives each quoted speaker a column)."
            )
        else:
            notes.append(
                f"{m.map.author.name} ({m.id}) is not a column of the stance matrix: the map takes no "
                "stance on any proposition."
            )
    return notes


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
