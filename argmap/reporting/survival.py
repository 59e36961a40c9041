"""The report's section on what survives when authors who answer each other are evaluated together.

Each group of maps joined by cross-map relations is evaluated under grounded semantics (the
sceptical answer: what stands whatever one chooses in a dispute). Every node that is attacked, and
every node that is out or undecided, gets a row: the verdict, the node linked to its entry and
quote, and the attackers that decide it, each linked and quoted. Unopposed nodes that stand are
counted, not listed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.comparing.formats.common import md
from argmap.core.escaping.xml import xml_label
from argmap.core.ids import element_id, group_id, role_id
from argmap.core.load import LoadedMap
from argmap.evaluating.dung import IN
from argmap.evaluating.evaluation import Evaluation, evaluate
from argmap.evaluating.explain import reasons
from argmap.rendering.marks import acceptance_marks
from argmap.rendering.options import RenderOptions
from argmap.rendering.svg import render_svg
from argmap.reporting.document import debate_groups

__all__ = ["Verdict", "survival_html", "survival_markdown", "survival_verdicts"]

_WORDS = {"in": "stands", "out": "out", "undec": "undecided"}


@dataclass(frozen=True)
class Ref:
    """A node of a map, as the report links and quotes it."""

    map_id: str
    node: str
    author: str
    text: str
    quote: str | None


@dataclass(frozen=True)
class Verdict:
    """One node's label and the arguments that decide it (their premises, as nodes)."""

    label: str
    node: Ref
    deciding: tuple[tuple[str, tuple[Ref, ...]], ...]  # (relation key, its premises)
    verb: str  # "defeated by", "survives", "attacked by"
    # For a node that survives: what puts each of its attackers out (relation key, its premises).
    counters: tuple[tuple[str, tuple[Ref, ...]] | None, ...] = ()


def _ref(ev: Evaluation, i: int) -> Ref:
    a = ev.framework.arguments[i]
    return Ref(a.map_id, a.local, a.author, a.text, a.quote)


def _relation(ev: Evaluation, d: int) -> tuple[str, tuple[Ref, ...]]:
    return ev.framework.arguments[d].key, tuple(_ref(ev, p) for p in ev.framework.arguments[d].premises)


def _counts(group: Sequence[LoadedMap], unopposed: Mapping[str, int]) -> str:
    return ", ".join(f"{unopposed[m.id]} of {m.map.author.name}'s nodes" for m in group)


def survival_verdicts(group: Sequence[LoadedMap]) -> tuple[Evaluation, list[Verdict], dict[str, int]]:
    """The group's grounded evaluation, a verdict per contested node, and how many stand unopposed."""
    ev = evaluate(list(group), "grounded")
    fw = ev.framework
    verdicts: list[Verdict] = []
    unopposed: dict[str, int] = {m.id: 0 for m in group}
    for i, a in enumerate(fw.arguments):
        if a.is_relation:
            continue
        if ev.labels[i] == IN and not fw.attackers[i]:
            unopposed[a.map_id] += 1
            continue
        why = reasons(ev, i)
        deciding = tuple(_relation(ev, d) for d in why.deciding)
        counters = tuple(_relation(ev, c) if c is not None else None for c in why.counters)
        verb = {"out": "defeated by", "in": "survives", "undec": "attacked by"}[why.label]
        verdicts.append(Verdict(why.label, _ref(ev, i), deciding, verb, counters))
    return ev, verdicts, unopposed


def _e(text: object) -> str:
    return xml_label(str(text))


def _link_html(r: Ref) -> str:
    said = f"\u201c{_e(r.quote)}\u201d" if r.quote else f"<i>(implicit)</i> {_e(r.text)}"
    return f'<a href="#{_e(element_id(r.map_id, r.node))}">{_e(r.author)}, {_e(r.node)}</a>: {said}'


def _counter_html(counter: tuple[str, tuple[Ref, ...]] | None) -> str:
    if counter is None:
        return ""
    key, premises = counter
    return f" (out: defeated by {_e(key)}: " + "; ".join(_link_html(p) for p in premises) + ")"


def survival_html(maps: Sequence[LoadedMap], known: Mapping[str, LoadedMap]) -> str:
    """The HTML section, or "" when no maps answer each other."""
    parts = []
    for group in debate_groups(maps):
        ev, verdicts, unopposed = survival_verdicts(group)
        names = " and ".join(m.map.author.name for m in group)
        ids = group_id(m.id for m in group)
        labels = {a.key: ev.labels[i] for i, a in enumerate(ev.framework.arguments) if not a.is_relation}
        marks = acceptance_marks(labels, "light", "grounded semantics")
        svg = render_svg(
            group,
            RenderOptions(marks=marks, embed=True, links=True, id_prefix=role_id(ids, "survival") + "."),
            known,
        )
        rows = "".join(
            f'<tr><td class="verdict {v.label}">{_WORDS[v.label]}</td><td>{_link_html(v.node)}</td>'
            f"<td>{_e(v.verb)}<ul>"
            + "".join(
                f"<li>{_e(key)}: "
                + "; ".join(_link_html(p) for p in premises)
                + _counter_html(counter)
                + "</li>"
                for (key, premises), counter in zip(v.deciding, v.counters, strict=True)
            )
            + "</ul></td></tr>"
            for v in verdicts
        )
        counts = _e(_counts(group, unopposed))
        parts.append(
            f"<h3>{_e(names)}</h3><figure>{svg}<figcaption>{_e(names)} evaluated together; "
            "green stands, vermillion is out, yellow is undecided.</figcaption></figure>"
            '<div class="scroll"><table><thead><tr><th scope="col">Verdict</th><th scope="col">Node</th>'
            f'<th scope="col">Why</th></tr></thead><tbody>{rows}</tbody></table></div>'
            f'<p class="muted">Unopposed, and so standing: {counts}.</p>'
        )
    if not parts:
        return ""
    return (
        '<section id="survival" aria-labelledby="h-survival"><h2 id="h-survival">What survives</h2>'
        '<p class="muted">Maps that answer each other, evaluated together under grounded semantics: a '
        "node is out when an attacker that stands defeats it. How supports, linked premises and "
        "undercuts enter: docs/evaluate.md in the argmap repository.</p>" + "".join(parts) + "</section>"
    )


def _link_md(r: Ref) -> str:
    said = f"\u201c{md(r.quote)}\u201d" if r.quote else f"*(implicit)* {md(r.text)}"
    return f"[{md(r.author)}, {md(r.node)}](#{element_id(r.map_id, r.node)}): {said}"


def _counter_md(counter: tuple[str, tuple[Ref, ...]] | None) -> str:
    if counter is None:
        return ""
    key, premises = counter
    return f" (out: defeated by {md(key)}: " + "; ".join(_link_md(p) for p in premises) + ")"


def survival_markdown(maps: Sequence[LoadedMap]) -> list[str]:
    """The Markdown section's lines, or [] when no maps answer each other."""
    out: list[str] = []
    for group in debate_groups(maps):
        _, verdicts, unopposed = survival_verdicts(group)
        out += [f"### {md(' and '.join(m.map.author.name for m in group))}", ""]
        out += ["| Verdict | Node | Why |", "| --- | --- | --- |"]
        for v in verdicts:
            why = "<br>".join(
                f"{md(key)}: " + "; ".join(_link_md(p) for p in premises) + _counter_md(counter)
                for (key, premises), counter in zip(v.deciding, v.counters, strict=True)
            )
            out.append(f"| {_WORDS[v.label]} | {_link_md(v.node)} | {v.verb}<br>{why} |")
        out += ["", f"Unopposed, and so standing: {md(_counts(group, unopposed))}.", ""]
    if not out:
        return []
    head = [
        '<a id="survival"></a>',
        "",
        "## What survives",
        "",
        "Maps that answer each other, evaluated together under grounded semantics: a node is out when "
        "an attacker that stands defeats it. How supports, linked premises and undercuts enter: "
        "docs/evaluate.md in the argmap repository.",
        "",
    ]
    return head + out
