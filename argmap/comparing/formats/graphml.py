"""The comparison as one GraphML graph: actor and proposition nodes, stance and pair edges."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from argmap.comparing.comparison import Comparison
from argmap.core.escaping import xml_text

__all__ = ["GRAPHML_KEYS", "actor_node_id", "format_graphml", "proposition_node_id"]

NS = "http://graphml.graphdrawing.org/xmlns"
# (id, for, type, description): every attribute a node or edge may carry.
GRAPHML_KEYS = (
    ("type", "node", "string", "actor or proposition"),
    ("label", "node", "string", "actor's name or the proposition's text"),
    ("map", "node", "string", "actor: id of the map the stances come from"),
    ("speaker", "node", "string", "actor: the quoted speaker (absent for a map's author)"),
    ("date", "node", "string", "actor: publication date of the source"),
    ("contestation", "node", "double", "proposition: 2 min(pro, con) / (pro + con)"),
    ("kind", "edge", "string", "stance (actor to proposition) or pair (actor to actor)"),
    ("sign", "edge", "int", "stance: the direction, +1 pro or leaning pro, -1 con or leaning con, else 0"),
    ("weight", "edge", "int", "stance: intensity, the largest among the claims (0 for neutral)"),
    ("position", "edge", "string", "stance: pro, con, neutral or mixed"),
    ("score", "edge", "double", "stance: mean of the pro and con values / 3, from -1 to 1"),
    ("claims", "edge", "int", "stance: how many claims stand behind it"),
    ("shared", "edge", "int", "pair: propositions both address"),
    ("coverage", "edge", "double", "pair: Jaccard index of the addressed propositions"),
    ("agreement", "edge", "double", "pair: share of shared propositions with equal positions"),
    ("opposition", "edge", "double", "pair: share of shared propositions with pro against con"),
    ("cosine", "edge", "double", "pair: cosine similarity of the score vectors"),
)


def actor_node_id(actor: str) -> str:
    """The stable node id of an actor (also used in the SVG)."""
    return f"actor-{actor}"


def proposition_node_id(proposition: str) -> str:
    """The stable node id of a proposition (also used in the SVG)."""
    return f"prop-{proposition}"


def _element(graph: ET.Element, tag: str, ids: dict[str, str], values: dict[str, object]) -> None:
    """A node or edge with its data; GraphML leaves an undefined (None) value out."""
    element = ET.SubElement(graph, tag, ids)
    for key, value in values.items():
        if value is not None:
            ET.SubElement(element, "data", key=key).text = xml_text(str(value))


def format_graphml(c: Comparison) -> str:
    """One directed graph; networkx.read_graphml reads it (it reads only a file's first graph)."""
    # The namespace is written as a plain attribute: ET.register_namespace would change how every
    # other module's XML (the SVG renderer's) is serialised.
    root = ET.Element("graphml", xmlns=NS)
    for key, domain, kind, description in GRAPHML_KEYS:
        element = ET.SubElement(root, "key", {"id": key, "for": domain, "attr.name": key, "attr.type": kind})
        ET.SubElement(element, "desc").text = description
    graph = ET.SubElement(root, "graph", id="comparison", edgedefault="directed")
    for actor in c.actors:
        _element(
            graph,
            "node",
            {"id": actor_node_id(actor.id)},
            {
                "type": "actor",
                "label": actor.label,
                "map": actor.map,
                "speaker": actor.speaker,
                "date": actor.date,
            },
        )
    for summary in c.propositions:
        _element(
            graph,
            "node",
            {"id": proposition_node_id(summary.id)},
            {"type": "proposition", "label": summary.text, "contestation": summary.contestation},
        )
    stances = [cell for row in c.matrix for cell in row if cell.position != "silent"]
    for cell in stances:
        ends = {"source": actor_node_id(cell.actor), "target": proposition_node_id(cell.proposition)}
        _element(
            graph,
            "edge",
            {"id": f"stance-{cell.actor}__{cell.proposition}", **ends},
            {
                "kind": "stance",
                "sign": cell.direction,
                "weight": cell.intensity,
                "position": cell.position,
                "score": cell.score,
                "claims": len(cell.claims),
            },
        )
    for pair in c.pairs:
        ends = {"source": actor_node_id(pair.a), "target": actor_node_id(pair.b)}
        _element(
            graph,
            "edge",
            {"id": f"pair-{pair.a}__{pair.b}", **ends},
            {
                "kind": "pair",
                "shared": pair.shared,
                "coverage": pair.coverage,
                "agreement": pair.agreement,
                "opposition": pair.opposition,
                "cosine": pair.cosine,
            },
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
