"""Assemble the DOT graph of one or more maps: nodes, relations, junctions, clusters and the key."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace

import graphviz

from argmap.core.errors import UsageError
from argmap.core.ids import element_id, role_id
from argmap.core.load import LoadedMap
from argmap.core.model import Node, NodeKind, Relation, RelationType
from argmap.rendering.arrange import arrange_maps
from argmap.rendering.collapse import collapsed
from argmap.rendering.cost import layout_cost
from argmap.rendering.labels import (
    clean,
    describe,
    dot_escape,
    html_lines,
    html_title,
    natural_key,
    node_label,
    node_tooltip,
    short,
)
from argmap.rendering.legend import legend_label
from argmap.rendering.marks import apply_mark, marks_legend
from argmap.rendering.options import DEFAULT_DEPTH, DotDocument, RenderOptions, ViewExtras
from argmap.rendering.parts import reason_groups
from argmap.rendering.select import select, target_key
from argmap.rendering.style import THEMES, Theme

__all__ = ["DotDocument", "RenderOptions", "build_dot", "natural_key"]


class _Builder:
    def __init__(
        self,
        maps: Sequence[LoadedMap],
        options: RenderOptions,
        peers: Mapping[str, LoadedMap],
        extras: ViewExtras,
    ) -> None:
        self.maps = maps
        self.by_id = {m.id: m for m in maps}
        self.peers = peers
        self.options = options
        self.theme: Theme = THEMES[options.theme]
        self.tooltips: dict[str, str] = {}
        self.merge = len(maps) > 1
        self.extras = extras
        self.selection = extras.selection or select(
            maps, options.focus, DEFAULT_DEPTH if options.depth is None else options.depth
        )
        self.ghosts: dict[tuple[str, str], str] = {}
        self.focus = target_key(maps[0].id, options.focus) if options.focus else None
        # Relations targeted by another relation, or with linked premises, get a junction point.
        targeted = {target_key(m.id, r.target) for m in maps for r in m.map.relations}
        self.junctions = {
            (m.id, r.id)
            for m in maps
            for r in m.map.relations
            if len(r.premises) > 1 or (m.id, r.id) in targeted
        }
        self.relation_keys = {(m.id, r.id) for m in maps for r in m.map.relations}
        # What the layout's cost grows with, counted as the DOT is written.
        self.edge_count = 0
        self.junction_points: set[str] = set()
        # What the picture draws, for a key that lists only that (see legend.ENTRIES).
        self.used: set[str] = set()
        self.merged: list[tuple[LoadedMap, graphviz.Digraph]] = []

    # DOT node names and element ids follow core/ids.py, so that no two can be equal, whatever the
    # maps' ids (":" would mean a port in DOT, so it is not used).
    @staticmethod
    def dot_name(map_id: str, local: str) -> str:
        return element_id(map_id, local)

    @staticmethod
    def junction_name(map_id: str, relation: str) -> str:
        return role_id(map_id, "junction", relation)

    @staticmethod
    def element_id(map_id: str, local: str) -> str:
        return element_id(map_id, local)

    def graph(self) -> graphviz.Digraph:
        t = self.theme
        g = graphviz.Digraph(name="argmap")
        g.attr(
            rankdir=self.options.rankdir,
            bgcolor=t.background,
            fontname=t.font,
            fontcolor=t.text,
            nodesep="0.35",
            ranksep="0.45",
            newrank="true",
            id="graph",
        )
        if self.options.layout != "dot":
            # overlap=scale spreads the layout until no two nodes overlap: fast, and needs no
            # triangulation library (the bundled Graphviz has none, so overlap=false fell back to a
            # Voronoi method that took sfdp 94x as long as dot at 1,000 nodes). Curved edges routed
            # around nodes (splines=true) cost as much again; straight edges are drawn instead.
            g.attr(overlap="scale")
        if not self.merge:
            label = html_title(self.maps[0])
            if self.extras.subtitle:
                # Which view of the map this is (a split's overview or part), under its title.
                sub = html.escape(clean(self.extras.subtitle), quote=True)
                label = f'{label[:-1]}<BR/><FONT POINT-SIZE="11" COLOR="{self.theme.muted}">{sub}</FONT>>'
            g.attr(label=label, labelloc="t", fontsize="16")
        # Defaults are the commonest case (a claim, a support), so most elements carry only their
        # id, class and label: smaller DOT, and faster to build for big maps.
        g.attr(
            "node",
            fontname=t.font,
            fontsize="11",
            fontcolor=t.text,
            color=t.border,
            penwidth="1.2",
            shape="box",
            style="rounded,filled",
            fillcolor=t.claim_fill,
        )
        g.attr("edge", fontname=t.font, fontsize="9", fontcolor=t.muted, color=t.support, penwidth="1.4")
        return g

    def add_node(self, g: graphviz.Digraph, m: LoadedMap, node: Node) -> None:
        t = self.theme
        eid = self.element_id(m.id, node.id)
        styles = ["rounded", "filled"]
        classes = ["argmap-node", node.kind.value, eid, f"map-{m.id}"]
        fill = t.claim_fill if node.kind is NodeKind.CLAIM else t.evidence_fill
        attrs: dict[str, str] = {} if node.kind is NodeKind.CLAIM else {"shape": "note"}
        if node.kind is NodeKind.EVIDENCE:
            styles.remove("rounded")
        self.used.add("thesis" if node.thesis else node.kind.value)
        if node.implicit:
            styles.append("dashed")
            classes.append("implicit")
            self.used.add("implicit")
        if node.thesis:
            fill = t.thesis_fill
            attrs.update(peripheries="2", penwidth="2")
            classes.append("thesis")
        if node.speaker and node.speaker != m.map.author.name:
            classes.append("speaker")
        if (m.id, node.id) == self.focus:
            # The node the picture is centred on: the heaviest border in the picture, in full ink.
            attrs.update(penwidth="3.5", color=t.text)
            classes.append("focus")
        if styles != ["rounded", "filled"]:
            attrs["style"] = ",".join(styles)
        if fill != t.claim_fill:
            attrs["fillcolor"] = fill
        attrs.update(id=eid, **{"class": " ".join(classes)})
        if self.options.links:
            attrs.update(href=f"#{eid}", tooltip=dot_escape(node_tooltip(m, node)))
        self.tooltips[eid] = node_tooltip(m, node)
        label = node_label(m, node, self.options, self.theme)
        note = self.extras.notes.get((m.id, node.id))
        href = self.extras.hrefs.get((m.id, node.id))
        if note:
            small = html.escape(clean(note), quote=True)
            # A note that links (to a split part) looks like a link; a count (folded evidence) does not.
            small = f'<FONT COLOR="{t.support}"><U>{small}</U></FONT>' if href else small
            label = label[:-1] + f'<FONT POINT-SIZE="9" COLOR="{t.muted}">{small}</FONT><BR ALIGN="LEFT"/>>'

        if href:
            attrs.update(href=href, target="_top")
        attrs["label"] = label
        mark = apply_mark(self.options.marks, f"{m.id}:{node.id}", attrs, label, t.text)
        if mark:
            self.tooltips[eid] += f"\n{mark}"
        g.node(self.dot_name(m.id, node.id), **attrs)

    def ghost(self, g: graphviz.Digraph, map_id: str, local: str) -> str:
        """A node of a map not drawn here: dotted, labelled with its author."""
        name = self.dot_name(map_id, local)
        if (map_id, local) in self.ghosts:
            return name
        t = self.theme
        peer = self.peers.get(map_id)
        node = next((n for n in peer.map.nodes if n.id == local), None) if peer else None
        who = peer.map.author.name if peer else map_id
        text = node.text if node else local
        eid = role_id(map_id, "ghost", local)
        label = (
            f'<<FONT POINT-SIZE="9"><I>{html.escape(clean(short(who, self.options.wrap)), quote=True)}'
            f"</I></FONT>"
            f'<BR ALIGN="LEFT"/>{html_lines(text, self.options.wrap)}>'
        )
        self.tooltips[eid] = clean(f"{who} \u00b7 {map_id}:{local} (another map): {text}")
        attrs = {"style": "rounded,dotted", "class": f"argmap-node ghost map-{map_id} {eid}"}
        note = apply_mark(self.options.marks, f"{map_id}:{local}", attrs, label, t.muted)
        if note:
            self.tooltips[eid] += f"\n{note}"
        g.node(name, **{"label": label, **attrs}, shape="box", color=t.muted, fontcolor=t.muted, id=eid)
        self.ghosts[(map_id, local)] = name
        self.used.add("ghost")
        return name

    def endpoint(self, g: graphviz.Digraph, m: LoadedMap, target: str) -> str | None:
        """The DOT name a relation points at, drawing a ghost when it is in an undrawn map."""
        key = target_key(m.id, target)
        if key in self.relation_keys:
            return self.junction_name(*key) if key in self.selection.relations else None
        if key[0] in self.by_id:
            return self.dot_name(*key) if key in self.selection.nodes else None
        return self.ghost(g, *key)

    def add_relation(self, g: graphviz.Digraph, top: graphviz.Digraph, m: LoadedMap, rel: Relation) -> None:
        """Junction points go in the map's cluster (g); edges go at the top level (top), because an
        edge written inside a cluster pulls both its ends, even another map's node, into it."""
        t = self.theme
        target = self.endpoint(top, m, rel.target)
        if target is None:
            return
        eid = self.element_id(m.id, rel.id)
        attack = rel.type is RelationType.ATTACK
        colour = t.attack if attack else t.support
        style = "dashed" if attack else "solid"
        classes = ["argmap-relation", rel.type.value, eid, f"map-{m.id}"]
        key = target_key(m.id, rel.target)
        if key in self.relation_keys:
            classes.append("undercut")
            self.used.add("undercut")
        elif attack:
            self.used.add("attack")
        else:
            self.used.add("support")
        if key[0] != m.id:
            classes.append("cross-map")
        if len(rel.premises) > 1:
            classes.append("linked")
            self.used.add("linked")
        heads = {"arrowhead": "tee"} if attack else {}
        tip = f"{m.map.author.name} \u00b7 {rel.id}: {', '.join(rel.premises)} {rel.type.value}s {rel.target}"
        if rel.note:
            tip += f"\n{rel.note}"
        self.tooltips[eid] = clean(tip)
        common = {"color": colour, "style": style} if attack else {}
        if key[0] != m.id and self.merge and self.options.merge_layout != "stack":
            # Between maps placed side by side, an attack must not pull one map into another's ranks.
            common["constraint"] = "false"
        cls = " ".join(classes)
        premises = [p for p in sorted(rel.premises, key=natural_key) if (m.id, p) in self.selection.nodes]
        if (m.id, rel.id) in self.junctions:
            junction = self.junction_name(m.id, rel.id)
            g.node(
                junction,
                label="",
                shape="point",
                width="0.09",
                fillcolor=colour,
                style="filled",
                color=colour,
                id=eid,
                **{"class": cls + " junction"},
            )
            self.junction_points.add(junction)
            self.edge_count += len(premises) + 1
            for number, p in enumerate(premises, 1):
                pid = role_id(m.id, f"from{number}", rel.id)
                self.tooltips[pid] = self.tooltips[eid]
                top.edge(
                    self.dot_name(m.id, p), junction, arrowhead="none", id=pid, **common, **{"class": cls}
                )
            to_id = role_id(m.id, "to", rel.id)
            top.edge(junction, target, **heads, id=to_id, **common, **{"class": cls})
            self.tooltips[to_id] = self.tooltips[eid]
        else:
            self.edge_count += len(premises)
            for p in premises:
                top.edge(self.dot_name(m.id, p), target, **heads, id=eid, **common, **{"class": cls})

    def legend(self, g: graphviz.Digraph) -> None:
        label = legend_label(self.used, self.theme)
        if label is None:
            return
        # Alone in the first rank, the key sits at the side of the picture, not in a band above it.
        with g.subgraph(name="legend_rank") as side:
            side.attr(rank="min")
            side.node("legend", label=label, shape="plain", id="legend", **{"class": "legend"})

    def box(
        self, container: graphviz.Digraph, boxes: dict[str, graphviz.Digraph], m: LoadedMap, node: str
    ) -> graphviz.Digraph:
        """The subgraph a node goes in: its group's box when the view groups nodes, else the map's."""
        group = self.extras.groups.get((m.id, node))
        if group is None:
            return container
        key, label = group
        if key not in boxes:
            boxes[key] = graphviz.Digraph(name=f"cluster_{m.id}__{key}")
            boxes[key].attr(
                label=label,
                id=role_id(m.id, "group", key),
                style="rounded,dashed",
                color=self.theme.muted,
                fontcolor=self.theme.muted,
                fontsize="10",
                labeljust="l",
            )
        return boxes[key]

    def build(self) -> DotDocument:
        g = self.graph()
        for m in self.maps:
            # In a merged picture each map is a cluster holding its nodes and junction points,
            # so Graphviz keeps every argument inside its author's box.
            container = graphviz.Digraph(name=f"cluster_map_{m.id}") if self.merge else g
            if self.merge:
                container.attr(
                    label=html_title(m),
                    id=role_id(m.id, "cluster"),
                    style="rounded,filled",
                    fillcolor=self.theme.cluster,
                    color=self.theme.muted,
                    fontcolor=self.theme.text,
                )
            boxes: dict[str, graphviz.Digraph] = {}
            # Filter before sorting: a split part draws a few dozen nodes of a map of thousands.
            nodes = [n for n in m.map.nodes if (m.id, n.id) in self.selection.nodes]
            for node in sorted(nodes, key=lambda n: natural_key(n.id)):
                self.add_node(self.box(container, boxes, m, node.id), m, node)
            relations = [r for r in m.map.relations if (m.id, r.id) in self.selection.relations]
            for rel in sorted(relations, key=lambda r: natural_key(r.id)):
                self.add_relation(container, g, m, rel)
            for box in boxes.values():
                container.subgraph(box)
            if self.merge:
                g.subgraph(container)
                self.merged.append((m, container))
        if self.merge and self.options.merge_layout != "stack":
            arrange_maps(g, [m for m, _ in self.merged], self.selection, self.options)
        if self.options.legend:
            self.legend(g)
        if self.options.marks is not None and self.options.marks.legend:
            marks_legend(g, self.options.marks, self.theme.text, self.theme.muted)
        node_count = len(self.selection.nodes) + len(self.ghosts) + len(self.junction_points)
        cost = layout_cost(node_count, self.edge_count, self.options.layout, self.options.focus is not None)
        names = " and ".join(m.map.author.name for m in self.maps)
        title = f"Argument map: {names}" if not self.merge else f"Argument maps of {names}"
        description = "; ".join(describe(m) for m in self.maps)
        return DotDocument(
            source=g.source,
            tooltips=self.tooltips,
            title=clean(title),
            description=clean(description),
            node_count=node_count,
            edge_count=self.edge_count,
            expensive=cost.expensive,
            warnings=(cost.warning,) if cost.warning else (),
        )


def build_dot(
    maps: Sequence[LoadedMap],
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    extras: ViewExtras | None = None,
) -> DotDocument:
    """Build the DOT of one map, or of several merged into one picture with a cluster each."""
    options = options or RenderOptions()
    options.check()
    if not maps:
        raise UsageError("nothing to render: no maps given")
    extras = extras or ViewExtras()
    if options.cluster == "reasons" and not extras.groups:
        extras = replace(extras, groups=reason_groups(maps))
    if options.collapse:
        depth = DEFAULT_DEPTH if options.depth is None else options.depth
        base = extras.selection or select(maps, options.focus, depth)
        folded_view = collapsed(maps, base)
        extras = replace(extras, selection=folded_view.selection, notes={**folded_view.notes, **extras.notes})
    return _Builder(list(maps), options, peers or {}, extras).build()
