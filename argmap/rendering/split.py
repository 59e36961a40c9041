"""`render --split`: one picture per direct reason of the thesis, and an overview linking them.

The overview draws the thesis, each reason's premises and any further conclusion; a node that
heads a larger part says how many nodes its part holds and links to that part's picture. Each part
draws its nodes and the thesis they argue for, so it reads on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from argmap.core.load import LoadedMap
from argmap.core.model import Relation
from argmap.rendering.labels import natural_key, short
from argmap.rendering.options import RenderOptions, ViewExtras
from argmap.rendering.parts import heads as parts_heads
from argmap.rendering.parts import upstream
from argmap.rendering.select import Selection, target_key
from argmap.rendering.svg import Rendered, render_result

__all__ = ["PART_DEPTH", "SplitPicture", "render_split", "split_views"]

# Relations a part draws below its premises before the rest moves on to a further part. Two give
# four ranks of 32-character nodes with the reason's target: about 950 pt, legible at A4 width.
PART_DEPTH = 2


@dataclass(frozen=True)
class SplitPicture:
    """One picture of a split map: its file name (relative) and what was rendered."""

    name: str
    rendered: Rendered


class _Splitter:
    """Walks a map from its heads (the thesis and any further conclusion) down its reasons."""

    def __init__(self, m: LoadedMap, stem: str, suffix: str) -> None:
        self.m = m
        self.stem = stem
        self.suffix = suffix
        self.by_id = {r.id: r for r in m.map.relations}
        self.into: dict[str, list[Relation]] = {}
        for rel in sorted(m.map.relations, key=lambda r: natural_key(r.id)):
            key = target_key(m.id, rel.target)
            if key[0] == m.id:
                self.into.setdefault(key[1], []).append(rel)
        self.views: list[tuple[str, ViewExtras]] = []
        self.depths: dict[str, int] = {}
        self.count = 0  # parts named so far
        self.heads = parts_heads(m)
        self.text = {n.id: n.text for n in m.map.nodes}

    def depth(self, rel: Relation, seen: frozenset[str] = frozenset()) -> int:
        """Relations in the longest chain from this one down (a picture's width in RL layout)."""
        if rel.id not in self.depths:
            below = [
                self.depth(r, seen | {rel.id})
                for end in (*rel.premises, rel.id)
                for r in self.into.get(end, ())
                if r.id not in seen and r.id != rel.id
            ]
            self.depths[rel.id] = 1 + max(below, default=0)
        return self.depths[rel.id]

    def selection(self, nodes: set[str], relations: set[str]) -> Selection:
        m = self.m
        return Selection(frozenset((m.id, n) for n in nodes), frozenset((m.id, r) for r in relations))

    def reach(
        self,
        nodes: set[str],
        relations: set[str],
        frontier: list[str],
        depth: int,
        branch: dict[str, str] | None = None,
    ) -> list[str]:
        """Add what argues for the frontier, `depth` relations deep; return the last frontier.

        Undercuts come with the relation they attack. The map's heads are not walked through:
        each has its own place in the overview. `branch` records, for each node reached, which
        node of the first level it lies beneath (a part continues one picture per branch).
        """
        branch = {} if branch is None else branch
        for level in range(depth):
            deeper: list[str] = []
            for node in frontier:
                if node in self.heads:
                    continue
                for rel in self.into.get(node, ()):
                    if rel.id in relations:
                        continue
                    for one in [rel, *self.into.get(rel.id, ())]:
                        relations.add(one.id)
                        for p in one.premises:
                            if p not in nodes:
                                deeper.append(p)
                                branch[p] = p if level == 0 else branch.get(node, node)
                        nodes.update(one.premises)
            frontier = deeper
        return frontier

    def onward(self, frontier: list[str], relations: set[str]) -> list[Relation]:
        return [
            r for n in frontier if n not in self.heads for r in self.into.get(n, ()) if r.id not in relations
        ]

    def link(
        self,
        at: list[str],
        reasons: list[Relation],
        drawn: set[str],
        hrefs: dict[tuple[str, str], str],
        notes: dict[tuple[str, str], str],
        parent: str,
    ) -> None:
        """Name the next part, point the nodes it continues at it, and draw it."""
        self.count += 1
        number = self.count
        part = f"{self.stem}-part{number}.{self.suffix}"
        hidden = set().union(*(upstream(r, self.into, set(self.heads))[0] for r in reasons)) - drawn
        for node in at:
            hrefs[(self.m.id, node)] = part
            notes[(self.m.id, node)] = f"\u2192 {part.rsplit('.', 1)[0]}"
        lead = sorted(at, key=natural_key)[0]
        more = f"{len(hidden)} more node" + ("" if len(hidden) == 1 else "s")
        notes[(self.m.id, lead)] += f": {more}"
        premises = sorted({p for r in reasons for p in r.premises}, key=natural_key)
        if len(at) == 1:
            subtitle = f"Part {number}: what argues for \u201c{short(self.text[at[0]], 60)}\u201d ({parent})"
        else:
            subtitle = f"Part {number}: what argues for {len(at)} claims of {parent}"
        self.picture(part, premises, reasons, subtitle)

    def picture(self, name: str, heads: list[str], context: list[Relation], subtitle: str) -> None:
        """A part: reasons' premises, what argues for them PART_DEPTH deep, and their targets."""
        index = len(self.views)
        self.views.append((name, ViewExtras()))  # a picture comes before the parts it links
        nodes = set(heads) | {target_key(self.m.id, r.target)[1] for r in context}
        relations = {r.id for r in context}
        branch: dict[str, str] = {}
        frontier = self.reach(nodes, relations, list(heads), PART_DEPTH, branch)
        hrefs: dict[tuple[str, str], str] = {}
        notes: dict[tuple[str, str], str] = {}
        # What lies deeper continues in one picture per first-level branch of this part.
        onward: dict[str, list[Relation]] = {}
        for rel in self.onward(frontier, relations):
            target = target_key(self.m.id, rel.target)[1]
            onward.setdefault(branch.get(target, target), []).append(rel)
        here = name.rsplit(".", 1)[0]
        for key in sorted(onward, key=natural_key):
            at = sorted({target_key(self.m.id, r.target)[1] for r in onward[key]}, key=natural_key)
            self.link(at, onward[key], nodes, hrefs, notes, here)
        self.views[index] = (name, ViewExtras(self.selection(nodes, relations), hrefs, notes, {}, subtitle))

    def overview(self, name: str) -> None:
        """The heads and their direct reasons; each reason with more beneath links to its part."""
        self.views.append((name, ViewExtras()))
        nodes = set(self.heads)
        relations: set[str] = set()
        reasons = [r for h in self.heads for r in self.into.get(h, ())]
        for rel in reasons:
            for one in [rel, *self.into.get(rel.id, ())]:
                relations.add(one.id)
                nodes.update(one.premises)
        hrefs: dict[tuple[str, str], str] = {}
        notes: dict[tuple[str, str], str] = {}
        here = name.rsplit(".", 1)[0]
        for rel in reasons:
            premises = [p for p in rel.premises if p not in self.heads]
            if self.onward(premises, relations):
                self.link(premises, self.onward(premises, relations), nodes, hrefs, notes, here)
        subtitle = f"Overview: the conclusions and their direct reasons; {self.count} linked parts"
        self.views[0] = (name, ViewExtras(self.selection(nodes, relations), hrefs, notes, {}, subtitle))


def split_views(m: LoadedMap, stem: str, suffix: str) -> list[tuple[str, ViewExtras]]:
    """(file name, view) of the overview, then of every part, in reading order."""
    splitter = _Splitter(m, stem, suffix)
    splitter.overview(f"{stem}-overview.{suffix}")
    return splitter.views


def render_split(
    m: LoadedMap,
    format: str = "svg",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    stem: str | None = None,
) -> list[SplitPicture]:
    """The overview and the parts of one map, rendered; names are STEM-overview and STEM-partN."""
    options = options or RenderOptions()
    if options.focus is not None:
        options = replace(options, focus=None)
    pictures = []
    for name, view in split_views(m, stem or m.id, format):
        pictures.append(SplitPicture(name, render_result([m], format, options, peers, extras=view)))
    return pictures
