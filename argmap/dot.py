"""Build the DOT text of one or more maps: pure, sorted, every piece of user text escaped."""

from __future__ import annotations

import html
import re
import textwrap
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import graphviz

from argmap.errors import UsageError
from argmap.layout import ENGINES
from argmap.load import LoadedMap
from argmap.model import Node, NodeKind, Relation, RelationType
from argmap.style import THEMES, Theme

__all__ = ["DotDocument", "RenderOptions", "build_dot", "natural_key"]

LABEL_MODES = ("text", "quote", "id")
RANKDIRS = ("RL", "LR", "BT", "TB")
# Characters XML 1.0 forbids; Graphviz would copy them into the SVG and break it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class RenderOptions:
    """How to draw: labels, direction, neighbourhood, engine, theme and SVG extras."""

    labels: str = "text"
    rankdir: str = "RL"
    focus: str | None = None
    depth: int = 2
    layout: str = "dot"
    theme: str = "light"
    legend: bool = False
    links: bool = False
    embed: bool = False
    id_prefix: str | None = None
    wrap: int = 32

    def check(self) -> None:
        """Raise UsageError for an option value that makes no sense."""
        choices = {
            "labels": (self.labels, LABEL_MODES),
            "rankdir": (self.rankdir, RANKDIRS),
            "layout": (self.layout, ENGINES),
            "theme": (self.theme, tuple(THEMES)),
        }
        for name, (value, allowed) in choices.items():
            if value not in allowed:
                raise UsageError(f"--{name} must be one of {', '.join(allowed)}; got '{value}'")
        if self.depth < 0:
            raise UsageError(f"--depth must be 0 or more; got {self.depth}")
        if self.wrap < 8:
            raise UsageError(f"label wrap width must be at least 8; got {self.wrap}")


@dataclass(frozen=True)
class DotDocument:
    """DOT source plus what the SVG step adds: a tooltip per element id, a title, a description."""

    source: str
    tooltips: Mapping[str, str]
    title: str
    description: str
    node_count: int
    warnings: tuple[str, ...] = field(default=())


def natural_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """Sort c2 before c10."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", value) if p)


def clean(text: str) -> str:
    """User text with characters that XML cannot carry removed."""
    return _CONTROL.sub("\ufffd", text)


def _html_lines(text: str, width: int) -> str:
    lines = textwrap.wrap(clean(text), width=width, break_long_words=True) or [""]
    return '<BR ALIGN="LEFT"/>'.join(html.escape(line, quote=True) for line in lines) + '<BR ALIGN="LEFT"/>'


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# ---------------------------------------------------------------- selection


@dataclass(frozen=True)
class _Selection:
    nodes: frozenset[tuple[str, str]]
    relations: frozenset[tuple[str, str]]


def _target_key(owner: str, target: str) -> tuple[str, str]:
    if ":" in target:
        other, _, local = target.partition(":")
        return other, local
    return owner, target


def _select(maps: Sequence[LoadedMap], focus: str | None, depth: int) -> _Selection:
    """Everything, or the neighbourhood of one node within `depth` relations."""
    all_nodes = {(m.id, n.id) for m in maps for n in m.map.nodes}
    all_relations = {(m.id, r.id) for m in maps for r in m.map.relations}
    if focus is None:
        return _Selection(frozenset(all_nodes), frozenset(all_relations))
    start = _target_key(maps[0].id, focus)
    if start not in all_nodes:
        known = ", ".join(sorted(m.id for m in maps))
        raise UsageError(f"--focus: no node '{start[1]}' in map '{start[0]}' (maps drawn: {known})")
    # Nodes and relations form one graph; a relation links its premises and its target.
    neighbours: dict[tuple[str, str], set[tuple[str, str]]] = {}
    relations: dict[tuple[str, str], Relation] = {}
    for m in maps:
        for rel in m.map.relations:
            key = ("rel:" + m.id, rel.id)
            relations[key] = rel
            ends = [(m.id, p) for p in rel.premises]
            target = _target_key(m.id, rel.target)
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
    return _Selection(frozenset(kept_nodes), frozenset((key[0][4:], key[1]) for key in kept_relations))


# ---------------------------------------------------------------- building


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
        self.selection = _select(maps, options.focus, options.depth)
        self.ghosts: dict[tuple[str, str], str] = {}
        # Relations targeted by another relation, or with linked premises, get a junction point.
        targeted = {_target_key(m.id, r.target) for m in maps for r in m.map.relations}
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
            g.attr(label=self.html_title(self.maps[0]), labelloc="t", fontsize="16")
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

    def html_title(self, m: LoadedMap) -> str:
        author = html.escape(clean(m.map.author.name), quote=True)
        title = html.escape(clean(_short(m.map.title, 90)), quote=True)
        date = html.escape(m.map.source.date, quote=True)
        return f"<<B>{author}</B>: {title} ({date})>"

    def node_label(self, m: LoadedMap, node: Node) -> str:
        t = self.theme
        opts = self.options
        if opts.labels == "id":
            body = html.escape(node.id, quote=True) + '<BR ALIGN="LEFT"/>'
        elif opts.labels == "quote" and node.quote:
            body = _html_lines("\u201c" + node.quote.strip() + "\u201d", opts.wrap)
        else:
            body = _html_lines(node.text, opts.wrap)
        if node.thesis:
            body = f"<B>{body}</B>"
        head = ""
        if node.speaker and node.speaker != m.map.author.name:
            speaker = html.escape(clean(_short(node.speaker, opts.wrap + 12)), quote=True)
            head = f'<FONT POINT-SIZE="9" COLOR="{t.muted}"><I>{speaker}:</I></FONT><BR ALIGN="LEFT"/>'
        elif node.implicit:
            head = f'<FONT POINT-SIZE="9" COLOR="{t.muted}"><I>implicit premise</I></FONT><BR ALIGN="LEFT"/>'
        foot_parts = [p for p in (node.date, node.citation) if p]
        foot = ""
        if foot_parts and opts.labels != "id":
            small = html.escape(clean(_short(" \u00b7 ".join(foot_parts), opts.wrap + 12)), quote=True)
            foot = f'<FONT POINT-SIZE="9" COLOR="{t.muted}">{small}</FONT><BR ALIGN="LEFT"/>'
        return f"<{head}{body}{foot}>"

    def node_tooltip(self, m: LoadedMap, node: Node) -> str:
        kind = "main thesis" if node.thesis else node.kind.value
        lines = [f"{m.map.author.name} \u00b7 {node.id} ({kind}): {node.text}"]
        if node.quote:
            lines.append(f"\u201c{node.quote.strip()}\u201d")
        else:
            lines.append("implicit premise: reconstructed by the mapper, not in the text")
        if node.speaker:
            lines.append(f"speaker: {node.speaker}")
        if node.evidence_kind:
            lines.append(f"evidence: {node.evidence_kind.value}")
        if node.date:
            lines.append(f"date: {node.date}")
        if node.citation:
            lines.append(f"citation: {node.citation}")
        return clean("\n".join(lines))

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
            attrs.update(href=f"#{eid}", tooltip=self._dot_escape(self.node_tooltip(m, node)))
        self.tooltips[eid] = self.node_tooltip(m, node)
        g.node(self.dot_name(m.id, node.id), label=self.node_label(m, node), **attrs)

    @staticmethod
    def _dot_escape(text: str) -> str:
        # escString: backslash sequences mean things (\n, \l, \N); double them to keep them text.
        # nohtml: the graphviz package would take a value in <...> for an HTML label.
        escaped: str = graphviz.nohtml(text.replace("\\", "\\\\"))
        return escaped

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
            f'<<FONT POINT-SIZE="9"><I>{html.escape(clean(_short(who, self.options.wrap)), quote=True)}'
            f"</I></FONT>"
            f'<BR ALIGN="LEFT"/>{_html_lines(text, self.options.wrap)}>'
        )
        self.tooltips[eid] = clean(f"{who} \u00b7 {map_id}:{local} (another map): {text}")
        g.node(
            name,
            label=label,
            shape="box",
            style="rounded,dotted",
            color=t.muted,
            fontcolor=t.muted,
            id=eid,
            **{"class": f"argmap-node ghost map-{map_id} {eid}"},
        )
        self.ghosts[(map_id, local)] = name
        return name

    def endpoint(self, g: graphviz.Digraph, m: LoadedMap, target: str) -> str | None:
        """The DOT name a relation points at, drawing a ghost when it is in an undrawn map."""
        key = _target_key(m.id, target)
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
        key = _target_key(m.id, rel.target)
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
                    label=self.html_title(m),
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
        node_count = len(self.selection.nodes) + len(self.ghosts)
        warnings: list[str] = []
        if node_count > 1000 and self.options.layout == "dot" and self.options.focus is None:
            warnings.append(
                f"{node_count} nodes: the dot layout may take minutes; draw a neighbourhood with "
                "--focus NODE --depth N, or use --layout sfdp"
            )
        names = " and ".join(m.map.author.name for m in self.maps)
        title = f"Argument map: {names}" if not self.merge else f"Argument maps of {names}"
        description = "; ".join(_describe(m) for m in self.maps)
        return DotDocument(
            source=g.source,
            tooltips=self.tooltips,
            title=clean(title),
            description=clean(description),
            node_count=node_count,
            warnings=tuple(warnings),
        )


def _describe(m: LoadedMap) -> str:
    thesis = next((n for n in m.map.nodes if n.thesis), None)
    claims = sum(n.kind is NodeKind.CLAIM for n in m.map.nodes)
    evidence = len(m.map.nodes) - claims
    supports = sum(r.type is RelationType.SUPPORT for r in m.map.relations)
    attacks = len(m.map.relations) - supports
    text = (
        f"{m.map.author.name}, {m.map.title} ({m.map.source.date}): {claims} claims, "
        f"{evidence} pieces of evidence, {supports} supports, {attacks} attacks"
    )
    return text + (f"; main thesis: {thesis.text}" if thesis else "")


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
