"""Why an argument has its label or strength, in words an analyst can check against the quotes."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.core.escaping.terminal import terminal_line
from argmap.evaluating.dung import IN, OUT, UNDEC
from argmap.evaluating.evaluation import Evaluation

__all__ = ["Reason", "clean", "describe", "first_defeater", "premise_quotes", "reasons"]


def clean(text: str) -> str:
    """Map text made inert for a terminal or CSV: control and bidi characters shown as escapes, as
    in every text format argmap writes (core/escaping/terminal.py)."""
    return terminal_line(text)


def describe(ev: Evaluation, i: int) -> str:
    """One line naming an argument: a relation says who relates what to what."""
    a = ev.framework.arguments[i]
    if not a.is_relation:
        return f"{a.key} ({clean(a.author)}: {clean(a.text)})"
    args = ev.framework.arguments
    premises = " + ".join(_short(ev, p, a.map_id) for p in a.premises)
    target = _short(ev, a.target, a.map_id) if a.target is not None else "?"
    verb = "attacks" if a.kind == "attack" else "supports"
    if a.target is not None and args[a.target].is_relation:
        verb = "undercuts" if a.kind == "attack" else "backs"
    return f"{a.key} ({clean(a.author)}: {premises} {verb} {target})"


def _short(ev: Evaluation, i: int, home: str) -> str:
    """An argument's local id within its own map, its full key from another map."""
    a = ev.framework.arguments[i]
    return a.local if a.map_id == home else a.key


def premise_quotes(ev: Evaluation, i: int) -> list[tuple[str, str]]:
    """For a relation, (key, quoted or paraphrased statement) of each premise; for a node, itself."""
    a = ev.framework.arguments[i]
    nodes = a.premises if a.is_relation else (i,)
    out = []
    for p in nodes:
        node = ev.framework.arguments[p]
        said = f"\u201c{clean(node.quote)}\u201d" if node.quote else f"(implicit) {clean(node.text)}"
        out.append((node.key, said))
    return out


@dataclass(frozen=True)
class Reason:
    """Why one argument has its label: the arguments that decide it, each with its own label and,
    for an attacker that is out, the first argument that defeats it."""

    label: str
    deciding: tuple[int, ...]  # out: its defeaters (in); in: its attackers (all out); undec: undecided ones
    counters: tuple[int | None, ...]  # for each deciding argument that is out, one in attacker of it


def _first(items: list[int]) -> int | None:
    return items[0] if items else None


def first_defeater(ev: Evaluation, i: int) -> int | None:
    """The earliest in attacker of an argument, or None."""
    return _first(ev.defeaters(i))


def reasons(ev: Evaluation, i: int, most: int = 3) -> Reason:
    """The reason for argument i's label (extension semantics)."""
    label = ev.labels[i]
    attackers = ev.framework.attackers[i]
    if label == OUT:
        deciding = ev.defeaters(i) or [a for a in attackers if ev.labels[a] != OUT]
    elif label == IN:
        deciding = list(attackers)
    else:
        deciding = [a for a in attackers if ev.labels[a] == UNDEC]
    deciding = deciding[:most]
    counters = tuple(_first(ev.defeaters(a)) if ev.labels[a] == OUT else None for a in deciding)
    return Reason(label, tuple(deciding), counters)
