"""A map as a graph for Gephi, networkx and pandas: GraphML text, or a networkx DiGraph.

Relations are nodes of their own, as AIF's RA/CA nodes are: each premise has an edge to its
relation, each relation an edge to its target. That keeps linked premises together and lets an
undercut end on the relation it attacks; a node of another map is a node of type `external`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from argmap.core.escaping.xml import xml_text
from argmap.core.model import ArgumentMap

if TYPE_CHECKING:
    import networkx

__all__ = ["GRAPHML_KEYS", "dump", "to_networkx"]

NS = "http://graphml.graphdrawing.org/xmlns"
# Characters XML 1.0 cannot carry at all; a map's text may hold them, its GraphML may not.
# (id, for, type, description)
GRAPHML_KEYS = (
    ("type", "node", "string", "claim, evidence, support, attack or external"),
    ("label", "node", "string", "the node's text (paraphrase), or the relation's type"),
    ("quote", "node", "string", "the verbatim quote of the source"),
    ("implicit", "node", "boolean", "an unstated premise"),
    ("thesis", "node", "boolean", "the map's main thesis"),
    ("speaker", "node", "string", "who says it, when not the author"),
    ("tags", "node", "string", "tags, comma-separated"),
    ("stances", "node", "string", "proposition:position:intensity, comma-separated"),
    ("evidence_kind", "node", "string", "evidence: what kind"),
    ("date", "node", "string", "the date of what the node reports"),
    ("citation", "node", "string", "evidence: the source the author cites"),
    ("note", "node", "string", "relation: the mapper's note"),
    (
        "role",
        "edge",
        "string",
        "premise (node to relation) or target (relation to what it supports or attacks)",
    ),
)
_BOOLEAN = {key for key, _, kind, _ in GRAPHML_KEYS if kind == "boolean"}


def _records(m: ArgumentMap) -> tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str, str]]]:
    nodes: list[tuple[str, dict[str, Any]]] = []
    for node in m.nodes:
        nodes.append(
            (
                node.id,
                {
                    "type": node.kind.value,
                    "label": node.text,
                    "quote": node.quote,
                    "implicit": node.implicit or None,
                    "thesis": node.thesis or None,
                    "speaker": node.speaker,
                    "tags": ",".join(node.tags) or None,
                    "stances": ",".join(
                        f"{s.proposition}:{s.position.value}:{s.intensity}" for s in node.stances
                    )
                    or None,
                    "evidence_kind": node.evidence_kind.value if node.evidence_kind else None,
                    "date": node.date,
                    "citation": node.citation,
                },
            )
        )
    edges: list[tuple[str, str, str]] = []
    known = {n.id for n in m.nodes} | {r.id for r in m.relations}
    external: list[str] = []
    for rel in m.relations:
        nodes.append((rel.id, {"type": rel.type.value, "label": rel.type.value, "note": rel.note}))
        edges += [(premise, rel.id, "premise") for premise in rel.premises]
        target = rel.target.split(":", 1)[1] if rel.target.startswith(m.id + ":") else rel.target
        if target not in known and target not in external:
            external.append(target)
        edges.append((rel.id, target, "target"))
    nodes += [(target, {"type": "external", "label": target}) for target in external]
    return nodes, edges


def dump(m: ArgumentMap) -> str:
    """The map as one directed GraphML graph (networkx.read_graphml reads it)."""
    root = ET.Element("graphml", xmlns=NS)
    for key, domain, kind, description in GRAPHML_KEYS:
        element = ET.SubElement(root, "key", {"id": key, "for": domain, "attr.name": key, "attr.type": kind})
        ET.SubElement(element, "desc").text = description
    graph = ET.SubElement(root, "graph", id=m.id, edgedefault="directed")
    nodes, edges = _records(m)
    for ident, values in nodes:
        element = ET.SubElement(graph, "node", id=ident)
        for key, value in values.items():
            if value is not None:
                text = ("true" if value else "false") if key in _BOOLEAN else xml_text(str(value))
                ET.SubElement(element, "data", key=key).text = text
    for k, (source, target, role) in enumerate(edges):
        element = ET.SubElement(graph, "edge", id=f"e{k + 1}", source=source, target=target)
        ET.SubElement(element, "data", key="role").text = role
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_networkx(m: ArgumentMap) -> networkx.DiGraph:
    """The same graph as a networkx DiGraph (needs networkx: pip install networkx)."""
    try:
        import networkx as nx
    except ModuleNotFoundError:
        from argmap.core.errors import ArgmapError

        raise ArgmapError("to_networkx needs the networkx package: pip install networkx") from None
    graph = nx.DiGraph(id=m.id)
    nodes, edges = _records(m)
    for ident, values in nodes:
        graph.add_node(ident, **{k: v for k, v in values.items() if v is not None})
    for source, target, role in edges:
        graph.add_edge(source, target, role=role)
    return graph
