"""Argdown in and out: the light syntax for writing maps, and what Argdown's own tools read.

Export: each node is a statement `[id]: text #(tag)` with its quote, kind, speaker, thesis,
stances and evidence details as YAML data; each relation is an argument `<id>` whose premises
support it (`+ [premise]`) and which supports (`+> [node]`), attacks (`-> [node]`) or undercuts
(`_> <relation>`) its target; the relation's note is the argument's text. The map's title, author
and source, and the propositions its stances name, go in the front matter. A relation into another
map points at a placeholder statement `[map:node]` marked `{external: "map:node"}`.

Import reads that and what authors write by hand: statements with or without titles, `+`/`-`
relations between statements, arguments with premise-conclusion structures (`(1)`...`----`),
undercuts `_>`/`<_`, #tags and {data}. A statement without a quote quotes itself: the source text
written beside the imported map is the document's own statements.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from argmap.core.model import FORMAT_VERSION, ArgumentMap, Proposition, PropositionCatalogue
from argmap.formats.argdown_syntax import (
    Document,
    escape_text,
    flow,
    parse_lines,
    pcs_steps,
    read_document,
    read_front_matter,
)
from argmap.formats.common import FormatError, IdMaker, Imported, build_map, excerpt_text, map_slug

__all__ = ["dump", "load"]

_NODE_KEYS = (
    "kind",
    "quote",
    "implicit",
    "speaker",
    "thesis",
    "stances",
    "evidence_kind",
    "date",
    "citation",
)


# ------------------------------------------------------------------ export


def _tag(tag: str) -> str | None:
    return None if ")" in tag or "\n" in tag else f"#({tag})"


def dump(m: ArgumentMap, catalogue: PropositionCatalogue | None = None) -> tuple[str, list[str]]:
    """The map as an Argdown document; and the notes on what took a nearest form."""
    notes: list[str] = []
    used = {s.proposition for n in m.nodes for s in n.stances}
    propositions = [
        p.model_dump(mode="json", exclude_none=True)
        for p in (catalogue.propositions if catalogue else [])
        if p.id in used
    ]
    meta: dict[str, Any] = {
        "id": m.id,
        "title": m.title,
        "author": m.author.model_dump(mode="json", exclude_none=True),
    }
    meta["source"] = m.source.model_dump(mode="json", exclude_none=True)
    if m.reported_by:
        meta["reported_by"] = m.reported_by.model_dump(mode="json", exclude_none=True)
    if m.description:
        meta["description"] = m.description
    if propositions:
        meta["propositions"] = propositions
    front = [
        "===",
        f"title: {flow(m.title)}",
        f"author: {flow(m.author.name)}",
        f"date: {flow(m.source.date)}",
        f"argmap: {flow(meta)}",
        "===",
    ]
    out = [
        *(line.replace("===", "\\u003d\\u003d\\u003d") if 0 < i < 5 else line for i, line in enumerate(front))
    ]
    out += ["", f"# {escape_text(m.title)}", ""]
    for node in m.nodes:
        tags = [_tag(t) for t in node.tags]
        data = node.model_dump(mode="json", exclude_none=True, exclude_defaults=True, include=set(_NODE_KEYS))
        data = {"kind": node.kind.value, **data}
        if None in tags:
            data["tags"] = list(node.tags)
        line = f"[{node.id}]: {escape_text(node.text)}" + "".join(
            f" {t}" for t in tags if t and None not in tags
        )
        out += [line, f"  {flow(data)}", ""]
    externals = sorted({r.target for r in m.relations if ":" in r.target and r.target.split(":")[0] != m.id})
    for target in externals:
        other, _, local = target.partition(":")
        out += [
            f"[{target}]: Node {escape_text(local)} of map {escape_text(other)}",
            f"  {flow({'external': target})}",
            "",
        ]
    if externals:
        notes.append(
            f"{len(externals)} nodes of other maps are placeholder statements ({', '.join(externals)})"
        )
    relation_ids = {r.id for r in m.relations}
    out += ["# Relations", ""]
    for rel in m.relations:
        head = f"<{rel.id}>" + (f": {escape_text(rel.note)}" if rel.note else "")
        lines = [head, *(f"  + [{p}]" for p in rel.premises)]
        target = rel.target.split(":", 1)[1] if rel.target.startswith(m.id + ":") else rel.target
        if target in relation_ids:
            symbol = "_>" if rel.type.value == "attack" else "+>"
            if rel.type.value == "support":
                notes.append(
                    f"{rel.id} supports relation {target}: Argdown reads it as support of its premises"
                )
            lines.append(f"  {symbol} <{target}>")
        else:
            lines.append(f"  {'+>' if rel.type.value == 'support' else '->'} [{target}]")
        out += [*lines, ""]
    return "\n".join(out).rstrip("\n") + "\n", notes


# ------------------------------------------------------------------ import


def _ids_and_nodes(
    doc: Document, ids: IdMaker, notes: list[str]
) -> tuple[list[dict[str, Any]], dict[str, str], list[str]]:
    """The statements as nodes, the placeholders of other maps' nodes, and the quoted passages."""
    nodes: list[dict[str, Any]] = []
    external: dict[str, str] = {}
    passages: list[str] = []
    untitled: list[str] = []
    for title, element in doc.statements.items():
        if isinstance(element.data.get("external"), str):
            external[title] = element.data["external"]
            continue
        data = element.data
        if not element.text:
            untitled.append(title)
        node: dict[str, Any] = {
            "id": ids(title),
            "kind": data.get("kind", "claim"),
            "text": element.text or title,
        }
        for key in _NODE_KEYS[1:]:
            if key in data:
                node[key] = str(data[key]) if key in ("date", "quote", "speaker", "citation") else data[key]
        tags = element.tags + [str(t) for t in data.get("tags", []) if str(t) not in element.tags]
        if tags:
            node["tags"] = tags
        if not node.get("implicit") and "quote" not in node:
            node["quote"] = node["text"]
        if node.get("quote"):
            passages.append(str(node["quote"]))
        nodes.append(node)
    if untitled:
        listed = ", ".join(f"[{t}]" for t in untitled)
        notes.append(f"{len(untitled)} statements are only referred to ({listed}): their title is their text")
    return nodes, external, passages


def load(
    text: str,
    *,
    file: str,
    name: str,
    date: str | None = None,
    author: str | None = None,
    read_source: Callable[[str], str] | None = None,
) -> Imported:
    """Read an Argdown document into a map. When its front matter names a `source` file (read
    through read_source), the quotes are checked against that text; otherwise the document's own
    statements become the map's source text."""
    if not text.strip():
        raise FormatError(file, "is empty; nothing to import")
    front, body, skipped = read_front_matter(text, file)
    doc = read_document(parse_lines(body, file, skipped), file)
    if not doc.statements:
        raise FormatError(file, "has no statements to import")
    ids = IdMaker()
    for title in doc.statements:
        ids(title)
    notes: list[str] = []
    nodes, external, passages = _ids_and_nodes(doc, ids, notes)
    relations: list[dict[str, Any]] = []
    relation: dict[str, Any]
    main: dict[str, str] = {}  # argument title -> id of the relation it stands for

    def end(kind: str, title: str) -> str:
        if kind == "statement":
            return external.get(title) or ids(title)
        if title not in main:
            raise FormatError(file, f"argument <{title}> has no premises and no conclusion to point at")
        return main[title]

    # Premise-conclusion structures: each inference supports the statement after it.
    for arg in doc.arguments.values():
        steps = pcs_steps(arg, file)
        for k, (premises, conclusion) in enumerate(steps):
            rel_id = ids(arg.title) if k == len(steps) - 1 else ids.fresh(f"{ids(arg.title)}.")
            relation = {
                "id": rel_id,
                "type": "support",
                "from": [ids(p) for p in premises],
                "to": ids(conclusion),
            }
            if arg.text and k == len(steps) - 1:
                relation["note"] = arg.text
            relations.append(relation)
            main[arg.title] = rel_id
    # Loose arguments: statements supporting them are their premises.
    for source_kind, source, rel_type, target_kind, target, _ in doc.relations:
        if source_kind == "statement" and target_kind == "argument" and rel_type == "support":
            doc.arguments[target].premises.append(source)
    reasons: dict[str, list[str]] = {}
    for arg in doc.arguments.values():
        if arg.pcs and main.get(arg.title):
            final = next(r for r in relations if r["id"] == main[arg.title])
            reasons[arg.title] = [final["to"]]
        elif arg.premises:
            reasons[arg.title] = [ids(p) for p in arg.premises]
        elif arg.text:
            reason = ids.fresh(f"{ids(arg.title)}.reason")
            nodes.append({"id": reason, "kind": "claim", "text": arg.text, "quote": arg.text})
            passages.append(arg.text)
            reasons[arg.title] = [reason]
            notes.append(f"argument <{arg.title}> has no premises: its text became claim {reason}")
    outgoing = [r for r in doc.relations if r[0] == "argument" or r[3] == "statement" or r[2] != "support"]
    for source_kind, source, rel_type, target_kind, target, line in outgoing:
        if source_kind == "statement" and target_kind == "argument" and rel_type == "support":
            continue
        if source_kind == "argument":
            if source not in reasons:
                raise FormatError(file, f"argument <{source}> has no premises", f"{line}:1")
            premises = reasons[source]
            rel_id = ids(source) if source not in main else ids.fresh(f"{ids(source)}.")
            main.setdefault(source, rel_id)
        else:
            premises = [ids(source)]
            rel_id = ids.fresh("r")
        if target_kind == "argument" and rel_type != "undercut":
            notes.append(f"line {line}: a {rel_type} of argument <{target}> is read as one of its inference")
        kind = "support" if rel_type == "support" else "attack"
        if rel_type == "undercut" and target_kind == "statement":
            notes.append(f"line {line}: an undercut of a statement is read as an attack on it")
        relation = {
            "id": rel_id,
            "type": kind,
            "from": premises,
            "to": (target_kind, target),
            "line": line,
        }
        if (
            source_kind == "argument"
            and rel_id == ids(source)
            and doc.arguments[source].text
            and not doc.arguments[source].pcs
        ):
            relation["note"] = doc.arguments[source].text
        relations.append(relation)
    for rel in relations:
        if isinstance(rel["to"], tuple):
            rel["to"] = end(*rel["to"])
        rel.pop("line", None)
    for arg in doc.arguments.values():
        if arg.title not in main:
            doc.dropped["arguments that support or attack nothing"] += 1
    circular = [r for r in relations if r["to"] in r["from"]]
    if circular:
        doc.dropped["relations from a statement to itself"] += len(circular)
        relations = [r for r in relations if r not in circular]
    dropped = Counter({k: v for k, v in doc.dropped.items() if v})

    meta: dict[str, Any] = front["argmap"] if isinstance(front.get("argmap"), dict) else {}
    origin: dict[str, Any] = meta["source"] if isinstance(meta.get("source"), dict) else {}
    named = front.get("source") if isinstance(front.get("source"), str) else None
    source_text = excerpt_text(passages)
    if named:
        if read_source is None:
            raise FormatError(file, f"names the source file {named}, which cannot be read here")
        source_text = read_source(named)
    day = date or origin.get("date") or front.get("date")
    if not day:
        raise FormatError(file, "no date: add `date: YYYY-MM-DD` to the front matter or give --date")
    who: dict[str, Any] = (
        meta["author"]
        if isinstance(meta.get("author"), dict)
        else {"name": str(front.get("author") or "Unknown")}
    )
    if author:
        who = {"name": author}
    map_id = str(meta.get("id") or map_slug(name))
    title = str(meta.get("title") or front.get("title") or name)
    document: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "id": map_id,
        "title": title,
        "author": who,
        "source": {
            **{k: v for k, v in origin.items() if k in ("title", "outlet", "url")},
            "title": str(origin.get("title") or title),
            "path": f"{map_id}.txt",
            "date": str(day),
        },
        "nodes": nodes,
        "relations": relations,
    }
    for key in ("reported_by", "description"):
        if meta.get(key):
            document[key] = meta[key]
    try:
        propositions = [
            Proposition.model_validate(p) for p in meta.get("propositions") or [] if isinstance(p, dict)
        ]
    except ValueError as exc:
        raise FormatError(
            file, f"a proposition in the front matter is not valid: {exc}".splitlines()[0]
        ) from None
    return Imported(build_map(document, file), source_text, "argdown", propositions, dropped, notes)
