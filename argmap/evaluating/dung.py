"""Dung semantics on integer-indexed frameworks: grounded in linear time, labellings of extensions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["IN", "OUT", "UNDEC", "Grounded", "grounded", "is_complete", "labelling_of"]

IN, OUT, UNDEC = "in", "out", "undec"


@dataclass(frozen=True)
class Grounded:
    """The grounded labelling, and the round in which each labelled argument got its label.

    Round 0: unattacked, in. An argument is out in the round after its first in attacker, and in
    once all its attackers are out; undecided arguments have round -1. Rounds make explanations
    well-founded: an out argument's defeater was labelled in an earlier round."""

    labels: tuple[str, ...]
    rounds: tuple[int, ...]


def grounded(size: int, attacks: Sequence[tuple[int, int]]) -> Grounded:
    """Grounded labelling in O(arguments + attacks): count live attackers, propagate from the unattacked."""
    targets: list[list[int]] = [[] for _ in range(size)]
    live = [0] * size
    for a, b in attacks:
        targets[a].append(b)
        live[b] += 1
    labels = [UNDEC] * size
    rounds = [-1] * size
    frontier = [i for i in range(size) if live[i] == 0]
    for i in frontier:
        labels[i] = IN
        rounds[i] = 0
    step = 0
    while frontier:
        step += 1
        newly_out: list[int] = []
        for a in frontier:
            for b in targets[a]:
                if labels[b] is UNDEC:
                    labels[b] = OUT
                    rounds[b] = step
                    newly_out.append(b)
        frontier = []
        for b in newly_out:
            for c in targets[b]:
                live[c] -= 1
                if live[c] == 0 and labels[c] is UNDEC:
                    labels[c] = IN
                    rounds[c] = step
                    frontier.append(c)
    return Grounded(tuple(labels), tuple(rounds))


def labelling_of(size: int, attacks: Sequence[tuple[int, int]], extension: Iterable[int]) -> tuple[str, ...]:
    """The labelling an extension induces: in, out when attacked by it, undecided otherwise."""
    labels = [UNDEC] * size
    members = set(extension)
    for i in members:
        labels[i] = IN
    for a, b in attacks:
        if a in members and labels[b] is not IN:
            labels[b] = OUT
    return tuple(labels)


def is_complete(size: int, attacks: Sequence[tuple[int, int]], extension: Iterable[int]) -> bool:
    """True when the extension is conflict-free and contains exactly the arguments it defends."""
    members = set(extension)
    labels = labelling_of(size, attacks, members)
    if any(a in members and b in members for a, b in attacks):
        return False
    attackers: list[list[int]] = [[] for _ in range(size)]
    for a, b in attacks:
        attackers[b].append(a)
    defended = {i for i in range(size) if all(labels[a] == OUT for a in attackers[i])}
    return defended == members
