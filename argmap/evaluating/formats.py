"""An Evaluation as text for analysts, JSON for programs, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Iterator
from typing import Any

from argmap.core.errors import UsageError
from argmap.evaluating.dung import IN, OUT
from argmap.evaluating.evaluation import Evaluation
from argmap.evaluating.explain import clean, describe, first_defeater, premise_quotes, reasons

__all__ = ["EVALUATION_FORMATS", "evaluation_data", "format_evaluation"]

EVALUATION_FORMATS = ("text", "json", "csv")
_WORDS = {"in": "stands", "out": "out", "undec": "undecided"}
_NAMES = {
    "grounded": "Grounded",
    "complete": "Complete",
    "preferred": "Preferred",
    "stable": "Stable",
    "dfquad": "DF-QuAD",
    "quadratic": "Quadratic energy",
    "extension": "Solver's extension",
}


def format_evaluation(ev: Evaluation, fmt: str = "text", *, show: int = 3) -> str:
    """The evaluation in one of EVALUATION_FORMATS; `show` caps reasons and relations per node."""
    if fmt == "json":
        return json.dumps(evaluation_data(ev), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(ev)
    if fmt == "text":
        return "\n".join(_text(ev, show)) + "\n"
    raise UsageError(f"evaluation format must be one of {', '.join(EVALUATION_FORMATS)}; got '{fmt}'")


def _nodes(ev: Evaluation, map_id: str) -> list[int]:
    return [i for i, a in enumerate(ev.framework.arguments) if a.map_id == map_id and not a.is_relation]


def _head(ev: Evaluation) -> Iterator[str]:
    fw = ev.framework
    nodes = sum(not a.is_relation for a in fw.arguments)
    maps = ", ".join(ev.maps)
    name = f"{_NAMES[ev.semantics]} semantics" if ev.semantics != "extension" else "A solver's extension"
    yield f"{name} on {maps}: {nodes} nodes and {fw.size - nodes} relations"
    yield f"as {fw.size} arguments, {len(fw.attacks)} attacks once flattened (docs/evaluate.md)."
    if ev.semantics == "extension" and not ev.exhaustive:
        yield "Warning: this extension is not complete (it is not conflict-free, or defends other arguments)."
    if fw.left_out:
        yield f"Left out, pointing into maps not evaluated: {', '.join(fw.left_out)}."
    if ev.gradual and ev.strengths is not None and not ev.strengths.converged:
        yield f"Warning: no fixed point after {ev.strengths.iterations} iterations; last values shown."
    if ev.semantics in ("complete", "preferred", "stable"):
        more = "" if ev.exhaustive else " at least"
        yield (
            f"{ev.semantics.capitalize()} extensions:{more} {ev.count}. A node stands when it is in every "
            "one, is out when it is out in every one, and is undecided otherwise."
        )
        if ev.count == 0:
            yield "There is no stable extension: every node is undecided."
        for n, ext in enumerate(ev.extensions, 1):
            members = [fw.arguments[i].key for i in ext if not fw.arguments[i].is_relation]
            yield f"  E{n}: {{{', '.join(members)}}}"
        if len(ev.extensions) < ev.count:
            yield f"  ... and {ev.count - len(ev.extensions)} more (--limit shows more)"


def _text(ev: Evaluation, show: int) -> Iterator[str]:
    yield from _head(ev)
    fw = ev.framework
    for map_id in ev.maps:
        nodes = _nodes(ev, map_id)
        if not nodes:
            continue
        author = fw.arguments[nodes[0]].author if nodes else map_id
        yield ""
        if ev.gradual:
            yield f"{clean(author)} ({map_id})"
        else:
            standing = sum(ev.labels[i] == IN for i in nodes)
            out = sum(ev.labels[i] == OUT for i in nodes)
            undec = len(nodes) - standing - out
            counts = f"{standing} of {len(nodes)} nodes stand, {out} out, {undec} undecided"
            yield f"{clean(author)} ({map_id}): {counts}"
        if ev.gradual:
            for i in nodes:
                yield from _strength_lines(ev, i, show)
            continue
        # Nodes nothing attacks stand whatever happens: one line for all of them keeps the
        # contested ones, which need reading, in view.
        unopposed = [i for i in nodes if ev.labels[i] == IN and not fw.attackers[i]]
        for i in nodes:
            if i not in unopposed:
                yield from _label_lines(ev, i, show)
        if unopposed:
            names = ", ".join(fw.arguments[i].local for i in unopposed)
            yield from textwrap.wrap(
                f"unopposed, so standing: {names}", 100, initial_indent="  ", subsequent_indent="    "
            )


def _quote_lines(ev: Evaluation, i: int, indent: str) -> Iterator[str]:
    for key, said in premise_quotes(ev, i):
        yield f"{indent}{key} {said}"


def _node_line(ev: Evaluation, i: int, lead: str) -> str:
    a = ev.framework.arguments[i]
    thesis = " (thesis)" if a.thesis else ""
    return f"  {lead:<9} {a.local}{thesis}: {clean(a.text)}"


def _label_lines(ev: Evaluation, i: int, show: int) -> Iterator[str]:
    label = ev.labels[i]
    lead = _WORDS[label]
    if ev.in_counts and ev.count and label not in (IN, OUT):
        lead = f"in {ev.in_counts[i]}/{ev.count}"
    yield _node_line(ev, i, lead)
    why = reasons(ev, i, show)
    if label == IN and not why.deciding:
        return
    yield from _quote_lines(ev, i, "            ")
    for d, counter in zip(why.deciding, why.counters, strict=True):
        if label == OUT:
            yield f"            defeated by {describe(ev, d)}, which stands:"
            yield from _quote_lines(ev, d, "              ")
            yield from _why_in(ev, d)
        elif label == IN:
            by = f", defeated by {describe(ev, counter)}" if counter is not None else ""
            yield f"            survives {describe(ev, d)}: out{by}"
            if counter is not None:
                yield from _quote_lines(ev, counter, "              ")
        else:
            yield f"            attacked by {describe(ev, d)}, itself undecided"


def _why_in(ev: Evaluation, d: int) -> Iterator[str]:
    attackers = ev.framework.attackers[d]
    if not attackers:
        yield "              (nothing in the evaluated maps attacks it)"
    for a in attackers[:3]:
        counter = first_defeater(ev, a)
        by = f" by {describe(ev, counter)}" if counter is not None else ""
        yield f"              its attacker {describe(ev, a)} is out, defeated{by}"
        if counter is not None:
            yield from _quote_lines(ev, counter, "                ")


def _strength_lines(ev: Evaluation, i: int, show: int) -> Iterator[str]:
    assert ev.strengths is not None
    a = ev.framework.arguments[i]
    yield _node_line(ev, i, f"{ev.strengths.values[i]:.3f}") + f"  (base {a.base:g})"
    moved = ev.contributions[i][:show] if ev.contributions else ()
    for r, delta in moved:
        yield f"            {delta:+.3f} {describe(ev, r)}"


def evaluation_data(ev: Evaluation) -> dict[str, Any]:
    """The evaluation as JSON-ready data: every argument with its verdict and reasons."""
    fw = ev.framework
    data: dict[str, Any] = {
        "semantics": ev.semantics,
        "maps": list(ev.maps),
        "arguments": fw.size,
        "attacks": len(fw.attacks),
        "left_out": list(fw.left_out),
    }
    if ev.gradual and ev.strengths is not None:
        data["converged"] = ev.strengths.converged
    elif ev.semantics != "grounded":
        data["extensions"] = {
            "count": ev.count,
            "exhaustive": ev.exhaustive,
            "listed": [[fw.arguments[i].key for i in ext] for ext in ev.extensions],
        }
    items = []
    for i, a in enumerate(fw.arguments):
        item: dict[str, Any] = {"key": a.key, "map": a.map_id, "id": a.local, "kind": a.kind}
        if a.is_relation:
            item["from"] = [fw.arguments[p].key for p in a.premises]
            item["to"] = fw.arguments[a.target].key if a.target is not None else None
        else:
            item.update(text=a.text, quote=a.quote, author=a.author, base_score=a.base)
        if ev.gradual and ev.strengths is not None:
            item["strength"] = round(ev.strengths.values[i], 6)
            if ev.contributions:
                item["moved_by"] = [
                    {"relation": fw.arguments[r].key, "change": round(d, 6)} for r, d in ev.contributions[i]
                ]
        else:
            item["label"] = ev.labels[i]
            if ev.in_counts:
                item["in_extensions"] = ev.in_counts[i]
            why = reasons(ev, i)
            key = {"out": "defeated_by", "in": "survives", "undec": "undecided_attackers"}[why.label]
            item[key] = [fw.arguments[d].key for d in why.deciding]
        items.append(item)
    data["results"] = items
    return data


def _csv(ev: Evaluation) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    value = "strength" if ev.gradual else "label"
    writer.writerow(["key", "map", "id", "kind", value, "reasons", "text"])
    for item in evaluation_data(ev)["results"]:
        if ev.gradual:
            shown = f"{item['strength']:.6f}"
            why = " ".join(f"{m['relation']}:{m['change']:+.6f}" for m in item.get("moved_by", [])[:3])
        else:
            shown = item["label"]
            why = " ".join(
                item.get("defeated_by") or item.get("survives") or item.get("undecided_attackers") or []
            )
        text = item.get("text", "")
        # A leading = + - @ would be a formula in a spreadsheet; the apostrophe keeps it text.
        safe = ("'" + text) if text[:1] in ("=", "+", "-", "@") else text
        writer.writerow([item["key"], item["map"], item["id"], item["kind"], shown, why, clean(safe)])
    return buffer.getvalue()
