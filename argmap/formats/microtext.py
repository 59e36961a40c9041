"""The Potsdam microtext corpus (arggraph XML, Peldszus & Stede 2015) read into argmap maps.

EDUs are the text's segments; ADUs (proponent or opponent) are grounded in one or more EDUs,
through a joint when adjacent EDUs only count together. Edges: `sup`/`exa` support, `reb` attacks
an ADU, `und` attacks an edge (an undercut), `add` joins a further premise to an existing edge
(a linked argument). The central claim is the one ADU with no outgoing edge. The text's `stance`
on its `topic_id` becomes a stance of the central claim on a catalogue proposition.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from typing import Any

from argmap.core.model import FORMAT_VERSION, Proposition, PropositionKind
from argmap.formats.common import FormatError, Imported, build_map, map_slug
from argmap.formats.schemas import AduType, EdgeType, StanceType

__all__ = ["TOPICS", "load", "proposition_for"]

# The trigger questions of the corpus's writing experiment (topics_triggers.md of the corpus).
TOPICS = {
    "introduce_capital_punishment": "Should Germany introduce the death penalty?",
    "stricter_regulation_of_intelligence_services": (
        "Should intelligence services be regulated more tightly by parliament?"
    ),
    "higher_dog_poo_fines": "Should the fine for leaving dog excrements on sideways be increased?",
    "public_broadcasting_fees_on_demand": (
        "Should only those viewers pay a TV licence fee who actually want to watch programs "
        "offered by public broadcasters?"
    ),
    "over_the_counter_morning_after_pill": (
        "Should the morning-after pill be sold over the counter at the pharmacy?"
    ),
    "charge_tuition_fees": "Should all universities in Germany charge tuition fees?",
    "partial_housing_development_at_Tempelhofer_Feld": (
        "Should parts of the Tempelhofer Feld be made available for residential construction?"
    ),
    "increase_weight_of_BA_thesis_in_final_grade": (
        "Should the weight of the BA thesis in the final grade be increased?"
    ),
    "cap_rent_increases": "Should there be a cap on rent increases for a change of tenant?",
    "health_insurance_cover_complementary_medicine": (
        "Should public health insurance cover treatments in complementary and alternative medicine?"
    ),
    "allow_shops_to_open_on_holidays_and_sundays": (
        "Should shopping malls generally be allowed to open on holidays and Sundays?"
    ),
    "EU_influence_on_political_events_in_Ukraine": (
        "Should the EU exert influence on the political events in Ukraine?"
    ),
    "keep_retirement_at_63": "Should the statutory retirement age remain at 63 years in the future?",
    "buy_tax_evader_data_from_dubious_sources": (
        "Should Germany buy CDs with tax evader data from dubious sources?"
    ),
    "TXL_airport_remain_operational_after_BER_opening": (
        "Should the Berlin Tegel airport remain operational after the opening of the Berlin "
        "Brandenburg airport?"
    ),
    "make_video_games_olympic": "Should video games be made olympic?",
    "school_uniforms": "Should school uniforms be worn again in our schools?",
    "waste_separation": "Should we continue to separate our waste for recycling?",
}
CORPUS = "Potsdam argumentative microtext corpus (Peldszus & Stede 2015)"
CORPUS_DATE = "2015"  # the corpus's publication; the texts carry no date of their own
_ARGUMENTATIVE = {EdgeType.SUP, EdgeType.EXA, EdgeType.REB, EdgeType.UND, EdgeType.ADD}


def proposition_for(topic_id: str) -> Proposition:
    """The catalogue proposition of a corpus topic: its trigger question, worded neutrally."""
    question = TOPICS.get(topic_id) or topic_id.replace("_", " ").capitalize() + "?"
    return Proposition(
        id=map_slug(topic_id),
        text=question,
        description=f"Microtext corpus topic '{topic_id}': pro answers yes, con answers no.",
        # The corpus's trigger questions ask what should be done ("Should ...?"): normative, so
        # timeless, and the texts' stances on them take no period.
        kind=PropositionKind.NORMATIVE,
        timeless=True,
    )


@dataclass
class _Edge:
    id: str
    src: str
    trg: str
    type: EdgeType


class _Graph:
    """The arggraph elements by id, checked against the DTD as they are read."""

    def __init__(self, root: ET.Element, file: str) -> None:
        self.file = file
        self.edus: dict[str, str] = {}
        self.joints: set[str] = set()
        self.adus: dict[str, AduType] = {}
        self.edges: dict[str, _Edge] = {}
        seen: set[str] = set()
        for element in root:
            if not isinstance(element.tag, str):  # a comment or processing instruction
                continue
            if element.tag not in ("edu", "joint", "adu", "edge"):
                raise FormatError(
                    file,
                    f"unknown element <{element.tag}> (arggraph.dtd has edu, joint, adu, edge)",
                    "arggraph",
                )
            ident = element.get("id")
            if not ident:
                raise FormatError(file, f"<{element.tag}> without an id", "arggraph")
            if ident in seen:
                raise FormatError(file, f"duplicate id '{ident}'", f"<{element.tag} id='{ident}'>")
            seen.add(ident)
            if element.tag == "edu":
                self.edus[ident] = " ".join((element.text or "").split())
                if not self.edus[ident]:
                    raise FormatError(file, "empty EDU", f"<edu id='{ident}'>")
            elif element.tag == "joint":
                self.joints.add(ident)
            elif element.tag == "adu":
                self.adus[ident] = _enum(AduType, element.get("type"), file, f"<adu id='{ident}'>", "type")
            elif element.tag == "edge":
                where = f"<edge id='{ident}'>"
                src, trg = element.get("src"), element.get("trg")
                if not src or not trg:
                    raise FormatError(file, "an edge needs src and trg", where)
                kind = _enum(EdgeType, element.get("type"), file, where, "type")
                self.edges[ident] = _Edge(ident, src, trg, kind)
            else:
                raise FormatError(
                    file,
                    f"unknown element <{element.tag}> (arggraph.dtd has edu, joint, adu, edge)",
                    "arggraph",
                )
        if not self.edus or not self.adus:
            raise FormatError(file, "an arggraph needs at least one <edu> and one <adu>", "arggraph")
        for edge in self.edges.values():
            self._check_edge(edge)

    def _check_edge(self, edge: _Edge) -> None:
        where = f"<edge id='{edge.id}'>"
        for end in (edge.src, edge.trg):
            if (
                end not in self.edus
                and end not in self.joints
                and end not in self.adus
                and end not in self.edges
            ):
                raise FormatError(self.file, f"'{end}' is no EDU, joint, ADU or edge", where)
        if edge.type is EdgeType.SEG:
            if edge.src not in self.edus and edge.src not in self.joints:
                raise FormatError(self.file, f"a seg edge starts at an EDU or joint, not '{edge.src}'", where)
            if edge.trg not in self.adus and edge.trg not in self.joints:
                raise FormatError(self.file, f"a seg edge ends at an ADU or joint, not '{edge.trg}'", where)
            return
        if edge.src not in self.adus:
            raise FormatError(
                self.file, f"a {edge.type.value} edge starts at an ADU, not '{edge.src}'", where
            )
        target = self.edges.get(edge.trg)
        if edge.type in (EdgeType.UND, EdgeType.ADD):
            if target is None or target.type is EdgeType.SEG:
                raise FormatError(
                    self.file,
                    f"an {edge.type.value} edge targets an argumentative edge, not '{edge.trg}'",
                    where,
                )
        elif edge.trg not in self.adus and (target is None or target.type is EdgeType.SEG):
            raise FormatError(self.file, f"a {edge.type.value} edge targets an ADU, not '{edge.trg}'", where)


def _enum(kind: type[Any], value: str | None, file: str, where: str, attribute: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise FormatError(file, f"{attribute} '{value}' is not one of {known}", where) from None


def _check_cycles(g: _Graph) -> None:
    """The argumentative edges form a tree: following them from any ADU must end at the root."""
    outgoing: dict[str, list[str]] = {}
    for edge in g.edges.values():
        if edge.type in _ARGUMENTATIVE:
            outgoing.setdefault(edge.src, []).append(edge.id)
            outgoing.setdefault(edge.id, []).append(edge.trg)
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(item: str, path: list[str]) -> None:
        state[item] = 1
        for nxt in outgoing.get(item, []):
            if state.get(nxt) == 1:
                loop = [*path[path.index(nxt) :], nxt]
                raise FormatError(g.file, "the argument graph has a cycle: " + " -> ".join(loop), "arggraph")
            if nxt not in state:
                visit(nxt, [*path, nxt])
        state[item] = 2

    for adu in g.adus:
        if adu not in state:
            visit(adu, [adu])


def _grounding(g: _Graph) -> dict[str, list[str]]:
    """The EDUs each ADU stands on, directly or through joints, in text order."""
    into: dict[str, list[str]] = {}
    for edge in g.edges.values():
        if edge.type is EdgeType.SEG:
            into.setdefault(edge.trg, []).append(edge.src)
    order = {edu: i for i, edu in enumerate(g.edus)}

    def edus_of(item: str, seen: frozenset[str]) -> list[str]:
        found: list[str] = []
        for src in into.get(item, []):
            if src in g.edus:
                found.append(src)
            elif src not in seen:
                found.extend(edus_of(src, seen | {src}))
        return found

    return {adu: sorted(set(edus_of(adu, frozenset({adu}))), key=order.__getitem__) for adu in g.adus}


def _locate(g: _Graph, text: str) -> dict[str, tuple[int, int]]:
    """Offsets of each EDU in the text, searched in document order."""
    from argmap.core.provenance import SourceIndex

    spans: dict[str, tuple[int, int]] = {}
    cursor = 0
    index: SourceIndex | None = None
    for edu, words in g.edus.items():
        start = text.find(words, cursor)
        if start < 0:
            start = text.find(words)
        if start >= 0:
            spans[edu] = (start, start + len(words))
        else:  # whitespace or typography differs: the quote matcher's folding finds it
            index = index or SourceIndex(text)
            found = index.find(words)
            if found is None:
                raise FormatError(g.file, "its text is not in the source text", f"<edu id='{edu}'>")
            spans[edu] = (found.start, found.end)
        cursor = spans[edu][1]
    return spans


def load(
    data: bytes,
    *,
    file: str,
    name: str,
    text: str | None = None,
    date: str | None = None,
    author: str | None = None,
) -> Imported:
    """Read one arggraph document; `text` is its .txt (None: rebuilt from the EDUs, with a note)."""
    if not data.strip():
        raise FormatError(file, "is empty; an arggraph document is XML")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        raise FormatError(file, f"invalid XML: {str(exc).split(':')[0]}", f"{line}:{column + 1}") from None
    if root.tag != "arggraph":
        raise FormatError(file, f"the root element is <{root.tag}>, not <arggraph>", "1")
    g = _Graph(root, file)
    _check_cycles(g)
    graph_id = root.get("id") or name
    notes: list[str] = []
    dropped: Counter[str] = Counter()
    if text is None:
        text = " ".join(g.edus.values()) + "\n"
        notes.append("no .txt beside it: source text rebuilt from the EDUs")
    spans = _locate(g, text)
    grounding = _grounding(g)

    # Relations: one per argumentative edge; `add` edges join their ADU to the edge they extend.
    def host(edge_id: str) -> str:
        while g.edges[edge_id].type is EdgeType.ADD:
            edge_id = g.edges[edge_id].trg
        return edge_id

    relations: dict[str, dict[str, Any]] = {}
    for edge in g.edges.values():
        if edge.type in (EdgeType.SUP, EdgeType.EXA, EdgeType.REB, EdgeType.UND):
            target = host(edge.trg) if edge.trg in g.edges else edge.trg
            kind = "support" if edge.type in (EdgeType.SUP, EdgeType.EXA) else "attack"
            relations[edge.id] = {"id": edge.id, "type": kind, "from": [edge.src], "to": target}
    for edge in g.edges.values():
        if edge.type is EdgeType.ADD:
            premises = relations[host(edge.trg)]["from"]
            if edge.src not in premises:
                premises.append(edge.src)

    examples = {e.src for e in g.edges.values() if e.type is EdgeType.EXA}
    has_outgoing = {e.src for e in g.edges.values() if e.type in _ARGUMENTATIVE}
    roots = [adu for adu in g.adus if adu not in has_outgoing]
    thesis = roots[0] if len(roots) == 1 else None
    if len(roots) > 1:
        notes.append(f"no central claim chosen: {', '.join(roots)} have no outgoing edge")
    topic, stance = root.get("topic_id"), root.get("stance")
    propositions: list[Proposition] = []
    stances: list[dict[str, Any]] = []
    if topic and stance and thesis:
        position = _enum(StanceType, stance, file, "arggraph", "stance")
        if position is StanceType.UNCLEAR:
            notes.append(f"stance 'unclear' on {topic} is not recorded as a position")
        else:
            propositions.append(proposition_for(topic))
            stances.append({"proposition": propositions[0].id, "position": position.value})

    nodes: list[dict[str, Any]] = []
    for adu, role in g.adus.items():
        edus = grounding[adu]
        if not edus:
            raise FormatError(file, "no EDU is segmented into this ADU", f"<adu id='{adu}'>")
        first, last = spans[edus[0]], spans[edus[-1]]
        between = [text[spans[a][1] : spans[b][0]] for a, b in itertools.pairwise(edus)]
        if all(not gap.strip() for gap in between):
            quote = text[first[0] : last[1]]
        else:
            quote = text[first[0] : first[1]]
            notes.append(f"ADU {adu} restates itself in {', '.join(edus[1:])}; the quote is {edus[0]}")
        node: dict[str, Any] = {
            "id": adu,
            "kind": "evidence" if adu in examples else "claim",
            "text": " ".join(g.edus[e] for e in edus),
            "quote": quote,
            "tags": ["proponent" if role is AduType.PRO else "opponent"],
        }
        if role is AduType.OPP:
            node["speaker"] = "opponent"
        if adu in examples:
            node["evidence_kind"] = "example"
        if adu == thesis:
            node["thesis"] = True
            if stances:
                node["stances"] = stances
        nodes.append(node)
    grounded = {e for edus in grounding.values() for e in edus}
    if len(grounded) < len(g.edus):
        dropped["EDUs in no ADU (not argumentative)"] = len(g.edus) - len(grounded)

    question = TOPICS.get(topic or "")
    map_id = map_slug(graph_id)
    title = f"{graph_id}: {question}" if question else f"Microtext {graph_id}"
    document = {
        "version": FORMAT_VERSION,
        "id": map_id,
        "title": title + (f" ({stance})" if stance and question else ""),
        "author": {"name": author or f"Author of {graph_id}"},
        "source": {
            "path": f"{map_id}.txt",
            "title": f"Microtext {graph_id}",
            "outlet": CORPUS,
            "date": date or CORPUS_DATE,
        },
        "description": f"Imported from {name}: arggraph annotation of the {CORPUS}, CC BY-NC-SA 4.0.",
        "nodes": nodes,
        "relations": list(relations.values()),
    }
    return Imported(build_map(document, file), text, "microtext", propositions, dropped, notes)
