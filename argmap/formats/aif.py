"""AIF in and out: AIFdb's JSON and OVA3's xAIF wrapper.

Claims and evidence are I-nodes; a support is an RA node, an attack a CA node (premises -> RA/CA ->
conclusion); a linked argument is one RA with several premises; an undercut is a CA whose target
is the RA it denies. Quotes travel as L-nodes anchored by YA ("Asserting"), speakers as
participants and locutions. On import MA (rephrase), PA (preference), TA (transitions) and the YA
nodes of the dialogue are understood and counted as dropped, never dropped silently.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from typing import Any

from argmap.core.model import FORMAT_VERSION, ArgumentMap
from argmap.formats.common import FormatError, IdMaker, Imported, build_map, excerpt_text, map_slug
from argmap.formats.schemas import AifNodeType

__all__ = ["dump", "load"]

_SCHEMES = {"RA": "Default Inference", "CA": "Default Conflict"}
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
# AIFdb writes who speaks into the L-node's text: "CL : and decided that ...".
_SPEAKER_PREFIX = re.compile(r"^(\S[^:\n]{0,60}?) : (.+)$", re.S)
_DROPPED = {
    "MA": "rephrases (MA) argmap has no relation for",
    "PA": "preferences (PA) argmap has no relation for",
    "TA": "dialogue transitions (TA)",
    "YA": "illocutions of the dialogue (YA) other than asserting a proposition",
    "L": "locutions anchoring no proposition (L)",
}


def _text_of_html(markup: str) -> str:
    """OVA's analysed text is HTML: line breaks kept, tags removed, entities decoded."""
    text = re.sub(r"<br\s*/?>", "\n", markup, flags=re.I)
    text = re.sub(r"</p\s*>", "\n\n", text, flags=re.I)
    return html.unescape(re.sub(r"<[^>]*>", "", text))


class _Reader:
    """One AIF graph, checked as it is read; every problem names its JSON path."""

    def __init__(self, data: Any, file: str) -> None:
        self.file = file
        self.prefix = "$"
        graph = data
        if isinstance(data, dict) and "AIF" in data:
            graph, self.prefix = data["AIF"], "$.AIF"
        if not isinstance(graph, dict):
            raise FormatError(file, "AIF is a JSON object with nodes and edges", self.prefix)
        for key in ("nodes", "edges"):
            if not isinstance(graph.get(key), list):
                raise FormatError(file, f"AIF needs a list of {key}", f"{self.prefix}.{key}")
        self.nodes: dict[str, dict[str, Any]] = {}
        for i, node in enumerate(graph["nodes"]):
            where = f"{self.prefix}.nodes[{i}]"
            if not isinstance(node, dict) or not isinstance(node.get("nodeID"), str | int):
                raise FormatError(file, "a node needs a nodeID", where)
            ident = str(node["nodeID"])
            if ident in self.nodes:
                raise FormatError(file, f"duplicate nodeID '{ident}'", f"{where}.nodeID")
            kind = node.get("type")
            if kind not in AifNodeType.__members__:
                known = ", ".join(AifNodeType.__members__)
                raise FormatError(
                    file, f"unknown AIF node type {json.dumps(kind)} (known: {known})", f"{where}.type"
                )
            if kind in ("I", "L") and not (isinstance(node.get("text"), str) and node["text"].strip()):
                raise FormatError(file, f"an {kind}-node needs a text", f"{where}.text")
            self.nodes[ident] = node
        self.kinds = {ident: str(node["type"]) for ident, node in self.nodes.items()}
        self.into: dict[str, list[str]] = {n: [] for n in self.nodes}
        self.out: dict[str, list[str]] = {n: [] for n in self.nodes}
        for i, edge in enumerate(graph["edges"]):
            where = f"{self.prefix}.edges[{i}]"
            if not isinstance(edge, dict):
                raise FormatError(file, "an edge is an object with fromID and toID", where)
            ends = []
            for key in ("fromID", "toID"):
                value = edge.get(key)
                if not isinstance(value, str | int) or str(value) not in self.nodes:
                    raise FormatError(file, f"unknown node {json.dumps(value)}", f"{where}.{key}")
                ends.append(str(value))
            self.out[ends[0]].append(ends[1])
            self.into[ends[1]].append(ends[0])
        people = {
            str(p.get("participantID")): f"{p.get('firstname', '')} {p.get('surname', '')}".strip()
            for p in graph.get("participants") or []
            if isinstance(p, dict)
        }
        self.speakers: dict[str, str] = {}
        for loc in graph.get("locutions") or []:
            if isinstance(loc, dict) and str(loc.get("nodeID")) in self.nodes:
                person = str(loc.get("personID"))
                if people.get(person):
                    self.speakers[str(loc["nodeID"])] = people[person]
        self.times = sorted(
            m.group(1)
            for item in [*graph["nodes"], *(graph.get("locutions") or [])]
            if isinstance(item, dict)
            for key in ("timestamp", "start")
            if isinstance(item.get(key), str) and (m := _DAY.match(item[key]))
        )

    def kind(self, ident: str) -> str:
        return self.kinds[ident]

    def utterance(self, l_node: str) -> tuple[str, str | None]:
        """What a locution says, and who says it (from its locution, else AIFdb's "Name : " prefix)."""
        text = str(self.nodes[l_node]["text"]).strip()
        speaker = self.speakers.get(l_node)
        if speaker:
            if text.startswith(speaker + ":"):
                text = text[len(speaker) + 1 :].strip()
            return text, speaker
        prefixed = _SPEAKER_PREFIX.match(text)
        if prefixed:
            return prefixed.group(2).strip(), prefixed.group(1).strip()
        return text, None

    def anchors(self, i_node: str) -> list[str]:
        """The L-nodes that assert an I-node: L -> YA -> I."""
        return [
            l_node
            for ya in self.into[i_node]
            if self.kind(ya) == "YA"
            for l_node in self.into[ya]
            if self.kind(l_node) == "L"
        ]


def load(data: Any, *, file: str, name: str, date: str | None = None, author: str | None = None) -> Imported:
    """Read AIFdb JSON or OVA xAIF (already parsed) into a map with its source text."""
    from argmap.core.provenance import SourceIndex

    r = _Reader(data, file)
    dropped: Counter[str] = Counter()
    notes: list[str] = []
    ids = IdMaker()
    inodes = [n for n in r.nodes if r.kind(n) == "I"]
    snodes = [n for n in r.nodes if r.kind(n) in ("RA", "CA")]
    for n in inodes + snodes:
        ids(n)

    anchors = {n: r.anchors(n) for n in inodes}
    used_l = {l_node for found in anchors.values() for l_node in found}
    used_ya = {ya for n in inodes for ya in r.into[n] if r.kind(ya) == "YA" and set(r.into[ya]) & used_l}
    for ident in r.nodes:
        kind = r.kind(ident)
        if (
            kind in ("MA", "PA", "TA")
            or (kind == "YA" and ident not in used_ya)
            or (kind == "L" and ident not in used_l)
        ):
            dropped[_DROPPED[kind]] += 1

    markup = data.get("text") if isinstance(data, dict) and "AIF" in data else None
    text = _text_of_html(markup) if isinstance(markup, str) else ""
    utterances = {l_node: r.utterance(l_node) for l_node in r.nodes if l_node in used_l}
    # Without a text of its own, the AIF's words are the text, and every quote is in it by
    # construction; only OVA's text has to be searched.
    made_up = not text.strip()
    if made_up:
        if used_l:
            text = excerpt_text(str(r.nodes[n]["text"]) for n in r.nodes if n in used_l)
        else:
            text = excerpt_text(str(r.nodes[n]["text"]) for n in inodes)
    index = None if made_up else SourceIndex(text)

    spoken = Counter(speaker for _, speaker in utterances.values() if speaker)
    chosen = author or (spoken.most_common(1)[0][0] if spoken else None)
    if author is None and len(spoken) > 1:
        notes.append(
            f"author taken to be {chosen}, the most frequent of {len(spoken)} speakers (--author chooses)"
        )

    nodes: list[dict[str, Any]] = []
    for n in inodes:
        own = " ".join(str(r.nodes[n]["text"]).split())
        node: dict[str, Any] = {"id": ids(n), "kind": "claim", "text": own}
        said = [utterances[l_node] for l_node in anchors[n]]
        if len(said) > 1:
            notes.append(f"I-node {n} is asserted {len(said)} times; the first locution is its quote")
        candidates = [said[0][0]] if said else []
        if not said or used_l == set():
            candidates.append(own)
        if index is None:  # the text is the locutions (or, without any, the propositions)
            quote = said[0][0] if said else (None if used_l else own)
        else:
            quote = next((c for c in candidates if index.find(c) is not None), None)
        if quote is None:
            node["implicit"] = True
            if said or not used_l:
                notes.append(f"I-node {n}: its words are not in the source text, so it is kept as implicit")
        else:
            node["quote"] = quote
        if said and said[0][1] and said[0][1] != chosen:
            node["speaker"] = said[0][1]
        nodes.append(node)

    relations: list[dict[str, Any]] = []
    main_id: dict[str, str] = {}
    for s in snodes:
        # An edge into an RA/CA from another RA/CA is that one's conclusion (an undercut), not a premise.
        premises = [ids(src) for src in r.into[s] if r.kind(src) == "I"]
        targets = [t for t in r.out[s] if r.kind(t) in ("I", "RA", "CA")]
        dropped["RA/CA links to MA/PA/TA/YA/L nodes"] += sum(
            1 for t in r.out[s] if r.kind(t) in ("MA", "PA", "TA", "L")
        )
        if not premises or not targets:
            dropped[f"{r.kind(s)} nodes without a premise or conclusion"] += 1
            continue
        if len(targets) > 1:
            notes.append(f"{r.kind(s)} node {s} has {len(targets)} conclusions: one relation each")
        for k, target in enumerate(targets):
            rel_id = ids(s) if k == 0 else ids.fresh(f"{ids(s)}-")
            main_id.setdefault(s, rel_id)
            relations.append(
                {
                    "id": rel_id,
                    "type": "support" if r.kind(s) == "RA" else "attack",
                    "from": premises,
                    "to": target,
                }
            )
    kept = {rel["id"] for rel in relations}
    for rel in relations:
        target = rel["to"]
        rel["to"] = main_id.get(target, ids(target)) if target in r.nodes else target
    node_ids = {n["id"] for n in nodes}
    orphans = [rel for rel in relations if rel["to"] not in kept and rel["to"] not in node_ids]
    if orphans:
        dropped["RA/CA nodes whose target was dropped"] += len(orphans)
        relations = [rel for rel in relations if rel not in orphans]
    _check_relation_cycles(relations, file)
    dropped = Counter({k: v for k, v in dropped.items() if v})

    if not nodes:
        raise FormatError(file, "has no I-nodes: no proposition to import", f"{r.prefix}.nodes")
    day = date or (r.times[0] if r.times else None)
    if day is None:
        raise FormatError(file, "no date: the AIF has no timestamps; give one with --date YYYY[-MM[-DD]]")
    if date is None:
        notes.append(f"date {day} is the earliest AIF timestamp (--date gives the text's own)")
    map_id = map_slug(name)
    kind = "OVA xAIF" if r.prefix == "$.AIF" else "AIF"
    document = {
        "version": FORMAT_VERSION,
        "id": map_id,
        "title": f"{name} ({kind})",
        "author": {"name": chosen or "Unknown"},
        "source": {"path": f"{map_id}.txt", "title": f"{name} ({kind})", "date": day},
        "description": f"Imported from {kind} {name}.",
        "nodes": nodes,
        "relations": relations,
    }
    return Imported(build_map(document, file), text, "aif", [], dropped, notes)


def _check_relation_cycles(relations: list[dict[str, Any]], file: str) -> None:
    """CA nodes attacking each other in a ring say nothing argmap (or AIF's authors) can use."""
    target = {rel["id"]: rel["to"] for rel in relations}
    for rel in relations:
        chain = [rel["id"]]
        current = rel["to"]
        while current in target:
            if current in chain:
                loop = chain[chain.index(current) :]
                raise FormatError(
                    file, "RA/CA nodes form a cycle: " + " -> ".join([*loop, current]), "$.edges"
                )
            chain.append(current)
            current = target[current]


# ------------------------------------------------------------------ export


def _timestamp(date: str) -> str:
    parts = (date.split("/")[0] + "-01-01").split("-")[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]} 00:00:00"


def dump(m: ArgumentMap, *, source_text: str | None = None, xaif: bool = False) -> tuple[str, list[str]]:
    """The map as AIFdb JSON (or OVA xAIF with the source text); and what AIF could not hold."""
    notes: list[str] = []
    taken = {n.id for n in m.nodes} | {r.id for r in m.relations}

    def fresh(base: str) -> str:
        candidate, k = base, 2
        while candidate in taken:
            candidate, k = f"{base}{k}", k + 1
        taken.add(candidate)
        return candidate

    stamp = _timestamp(m.source.date)
    people = [m.author.name, *sorted({n.speaker for n in m.nodes if n.speaker} - {m.author.name})]
    person_id = {name: str(i + 1) for i, name in enumerate(people)}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(src: str, trg: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": src, "toID": trg, "formEdgeID": None})

    for node in m.nodes:
        nodes.append({"nodeID": node.id, "text": node.text, "type": "I", "timestamp": stamp})
        if node.quote is None:
            continue
        l_id, ya_id = fresh(f"{node.id}.L"), fresh(f"{node.id}.YA")
        nodes.append({"nodeID": l_id, "text": node.quote, "type": "L", "timestamp": stamp})
        nodes.append(
            {"nodeID": ya_id, "text": "Asserting", "type": "YA", "timestamp": stamp, "scheme": "Asserting"}
        )
        edge(l_id, ya_id)
        edge(ya_id, node.id)
        locutions.append(
            {"nodeID": l_id, "personID": person_id[node.speaker or m.author.name], "timestamp": stamp}
        )
    external = [r.id for r in m.relations if ":" in r.target and r.target.split(":")[0] != m.id]
    for rel in m.relations:
        if rel.id in external:
            continue
        kind = "RA" if rel.type.value == "support" else "CA"
        nodes.append(
            {
                "nodeID": rel.id,
                "text": _SCHEMES[kind],
                "type": kind,
                "timestamp": stamp,
                "scheme": _SCHEMES[kind],
            }
        )
        for premise in rel.premises:
            edge(premise, rel.id)
        edge(rel.id, rel.target.split(":")[-1])
    if external:
        notes.append(
            f"left out {len(external)} relations to other maps ({', '.join(external)}): "
            "AIF links no documents"
        )
    lost = [
        label
        for label, present in (
            ("the thesis", any(n.thesis for n in m.nodes)),
            ("evidence kinds, dates and citations", any(n.kind.value == "evidence" for n in m.nodes)),
            ("tags", any(n.tags for n in m.nodes)),
            ("stances", any(n.stances for n in m.nodes)),
            ("relation notes", any(r.note for r in m.relations)),
        )
        if present
    ]
    if lost:
        notes.append("AIF has no place for " + ", ".join(lost))
    participants = [{"participantID": person_id[name], "firstname": name, "surname": ""} for name in people]
    graph: dict[str, Any] = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
    }
    if xaif:
        text = html.escape(source_text or "", quote=False).replace("\n", "<br>")
        graph.update({"schemefulfillments": [], "descriptorfulfillments": []})
        out: dict[str, Any] = {"AIF": graph, "text": text}
    else:
        out = graph
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n", notes
