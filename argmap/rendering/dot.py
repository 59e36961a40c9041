"""Assemble the DOT graph of one or more maps: nodes, relations, junctions, clusters and the key."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import graphviz

from argmap.core.errors import UsageError
from argmap.core.load import LoadedMap
from argmap.core.model import Node, NodeKind, Relation, RelationType
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
from argmap.rendering.marks import apply_mark, marks_legend
from argmap.rendering.options import DotDocument, RenderOptions
from argmap.rendering.select import select, target_key
from argmap.rendering.style import THEMES, Theme

__all__ = ["DotDocument", "RenderOptions", "build_dot", "natural_key"]


class _Builder:
    def __init__(
        self, maps: Sequence[LoadedMap], options: RenderOptions, peers: Mapping[str, LoadedMap]
    ) -> None:
        self.maps = maps
        self.by_id = {m.id: m for m in maps}
        self.peers = peers
        self.options = options
        self.theme: Theme = THEMES[options.theme]
        self.tooltips: dict[str, str] = {}
        self.merge = len(maps) > 1
        self.selection = select(maps, options.focus, options.depth)
        self.ghosts: dict[tuple[str, str], str] = {}
        # Relations targeted by another relation, or with linked premises, get a junction point.
        targeted = {target_key(m.id, r.target) for m in maps for r in m.map.relations}
        self.junctions = {
            (m.id, r.id)
            for m in maps
            for r in m.map.relations
            if len(r.premises) > 1 or (m.id, r.id) in targeted
        }
        self.relation_keys = {(m.id, r.id) for m in maps for r in m.map.relations}

    # names: DOT node names use "__" (":" means a port in DOT); element ids use "-".
    @staticmethod
    def dot_name(map_id: str, local: str) -> str:
        return f"{map_id}__{local}"

    @staticmethod
    def element_id(map_id: str, local: str) -> str:
        return f"{map_id}-{local}"

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
            g.attr(overlap="false", splines="true")
        if not self.merge:
            g.attr(label=html_title(self.maps[0]), labelloc="t", fontsize="16")
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
        if node.implicit:
            styles.append("dashed")
            classes.append("implicit")
        if node.thesis:
            fill = t.thesis_fill
            attrs.update(peripheries="2", penwidth="2")
            classes.append("thesis")
        if node.speaker and node.speaker != m.map.author.name:
            classes.append("speaker")
        if styles != ["rounded", "filled"]:
            attrs["style"] = ",".join(styles)
        if fill != t.claim_fill:
            attrs["fillcolor"] = fill
        attrs.update(id=eid, **{"class": " ".join(classes)})
        if self.options.links:
            attrs.update(href=f"#{eid}", tooltip=dot_escape(node_tooltip(m, node)))
        self.tooltips[eid] = node_tooltip(m, node)
        attrs["label"] = node_label(m, node, self.options, self.theme)
        note = apply_mark(self.options.marks, f"{m.id}:{node.id}", attrs, attrs["label"], t.text)
        if note:
            self.tooltips[eid] += f"\n{note}"
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
        eid = f"ghost-{map_id}-{local}"
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
        return name

    def endpoint(self, g: graphviz.Digraph, m: LoadedMap, target: str) -> str | None:
        """The DOT name a relation points at, drawing a ghost when it is in an undrawn map."""
        key = target_key(m.id, target)
        if key in self.relation_keys:
            return self.dot_name(key[0], "rel__" + key[1]) if key in self.selection.relations else None
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
        if key[0] != m.id:
            classes.append("cross-map")
        if len(rel.premises) > 1:
            classes.append("linked")
        heads = {"arrowhead": "tee"} if attack else {}
        tip = f"{m.map.author.name} \u00b7 {rel.id}: {', '.join(rel.premises)} {rel.type.value}s {rel.target}"
        if rel.note:
            tip += f"\n{rel.note}"
        self.tooltips[eid] = clean(tip)
        common = {"color": colour, "style": style} if attack else {}
        cls = " ".join(classes)
        premises = [p for p in sorted(rel.premises, key=natural_key) if (m.id, p) in self.selection.nodes]
        if (m.id, rel.id) in self.junctions:
            junction = self.dot_name(m.id, "rel__" + rel.id)
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
            for p in premises:
                pid = f"{eid}-from-{p}"
                self.tooltips[pid] = self.tooltips[eid]
                top.edge(
                    self.dot_name(m.id, p), junction, arrowhead="none", id=pid, **common, **{"class": cls}
                )
            top.edge(junction, target, **heads, id=f"{eid}-to", **common, **{"class": cls})
            self.tooltips[f"{eid}-to"] = self.tooltips[eid]
        else:
            for p in premises:
                top.edge(self.dot_name(m.id, p), target, **heads, id=eid, **common, **{"class": cls})

    def legend(self, g: graphviz.Digraph) -> None:
        t = self.theme
        with g.subgraph(name="cluster_legend") as key:
            key.attr(label="Key", id="legend", style="rounded", color=t.muted, fontcolor=t.text)
            samples = [
                ("claim", "Claim", {"shape": "box", "style": "rounded,filled", "fillcolor": t.claim_fill}),
                ("evidence", "Evidence", {"shape": "note", "style": "filled", "fillcolor": t.evidence_fill}),
                (
                    "thesis",
                    "Main thesis",
                    {
                        "shape": "box",
                        "style": "rounded,filled",
                        "fillcolor": t.thesis_fill,
                        "peripheries": "2",
                    },
                ),
                (
                    "implicit",
                    "Implicit premise",
                    {"shape": "box", "style": "rounded,dashed,filled", "fillcolor": t.claim_fill},
                ),
                ("ghost", "Another map's node", {"shape": "box", "style": "rounded,dotted"}),
            ]
            for name, label, attrs in samples:
                key.node(f"legend__{name}", label=label, id=f"legend-{name}", **attrs)
            key.node("legend__a", label="premise", shape="plaintext", id="legend-a")
            key.node("legend__b", label="premise", shape="plaintext", id="legend-b")
            key.node("legend__c", label="supports", shape="plaintext", id="legend-c")
            key.node("legend__d", label="attacks", shape="plaintext", id="legend-d")
            key.edge("legend__a", "legend__c", color=t.support, arrowhead="normal", id="legend-support")
            key.edge(
                "legend__b", "legend__d", color=t.attack, style="dashed", arrowhead="tee", id="legend-attack"
            )

    def build(self) -> DotDocument:
        g = self.graph()
        for m in self.maps:
            # In a merged picture each map is a cluster holding its nodes and junction points,
            # so Graphviz keeps every argument inside its author's box.
            container = graphviz.Digraph(name=f"cluster_{m.id}") if self.merge else g
            if self.merge:
                container.attr(
                    label=html_title(m),
                    id=f"cluster-{m.id}",
                    style="rounded,filled",
                    fillcolor=self.theme.cluster,
                    color=self.theme.muted,
                    fontcolor=self.theme.text,
                )
            for node in sorted(m.map.nodes, key=lambda n: natural_key(n.id)):
                if (m.id, node.id) in self.selection.nodes:
                    self.add_node(container, m, node)
            for rel in sorted(m.map.relations, key=lambda r: natural_key(r.id)):
                if (m.id, rel.id) in self.selection.relations:
                    self.add_relation(container, g, m, rel)
            if self.merge:
                g.subgraph(container)
        if self.options.legend:
            self.legend(g)
        if self.options.marks is not None and self.options.marks.legend:
            marks_legend(g, self.options.marks, self.theme.text, self.theme.muted)
        node_count = len(self.selection.nodes) + len(self.ghosts)
        warnings: list[str] = []
        if node_count > 1000 and self.options.layout == "dot" and self.options.focus is None:
            warnings.append(
                f"{node_count} nodes: the dot layout may take minutes; draw a neighbourhood with "
                "--focus NODE --depth N, or use --layout sfdp"
            )
        names = " and ".join(m.map.author.name for m in self.maps)
        title = f"Argument map: {names}" if not self.merge else f"Argument maps of {names}"
        description = "; ".join(describe(m) for m in self.maps)
        return DotDocument(
            source=g.source,
            tooltips=self.tooltips,
            title=clean(title),
            description=clean(description),
            node_count=node_count,
            warnings=tuple(warnings),
        )


def build_dot(
    maps: Sequence[LoadedMap],
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
) -> DotDocument:
    """Build the DOT of one map, or of several merged into one picture with a cluster each."""
    options = options or RenderOptions()
    options.check()
    if not maps:
        raise UsageError("nothing to render: no maps given")
    return _Builder(list(maps), options, peers or {}).build()
