"""Pairwise measures of actors: coverage, agreement, opposition, cosine, over propositions as bits."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import combinations
from operator import mul

from argmap.comparing.comparison import Actor, Cell, Pair
from argmap.comparing.measures import cosine, ratio
from argmap.comparing.periods import Slice, meeting

__all__ = ["pairs"]


class _Decoder:
    """Turns a bit set (bit k = the k-th compared proposition) into ids in proposition order.

    A byte at a time through a cache of byte values: at 5,000 pairs of 200 propositions this is
    five times faster than sorting sets of ids.
    """

    def __init__(self, compared: Sequence[str]) -> None:
        self.compared = compared
        self.size = (len(compared) + 7) // 8
        self.cache: dict[tuple[int, int], tuple[str, ...]] = {}

    def __call__(self, bits: int) -> tuple[str, ...]:
        if not bits:
            return ()
        out: list[str] = []
        for chunk, value in enumerate(bits.to_bytes(self.size, "little")):
            if value:
                ids = self.cache.get((chunk, value))
                if ids is None:
                    ids = tuple(self.compared[8 * chunk + b] for b in range(8) if value >> b & 1)
                    self.cache[(chunk, value)] = ids
                out += ids
        return tuple(out)


def pairs(
    actors: Sequence[Actor],
    matrix: Sequence[Sequence[Cell]],
    compared: Sequence[str],
    timed: Mapping[int, Sequence[Slice]] | None = None,
) -> tuple[Pair, ...]:
    """Every pair of actors, in actor order; matrix rows follow compared, columns follow actors.

    `timed`: the slices of the rows whose claims are not all about overlapping times (periods.py);
    there two cells meet only where their times do, and cells that never meet are apart in time."""
    # Per actor and direction (-1, 0, 1), the propositions where the actor's cell has it, as the bits
    # of an int: the pair measures compare directions (measures.py), never positions.
    masks = [{-1: 0, 0: 0, 1: 0} for _ in actors]
    for k, row in enumerate(matrix):
        for j, cell in enumerate(row):
            if cell.position != "silent":
                masks[j][cell.direction] |= 1 << k
    addressed = [m[-1] | m[0] | m[1] for m in masks]
    # Score vectors over every compared proposition (silent = 0); map(mul, ...) runs in C.
    vectors = [[row[j].score for row in matrix] for j in range(len(actors))]
    norms = [math.sqrt(sum(map(mul, v, v))) for v in vectors]
    decode = _Decoder(compared)
    timed = timed or {}
    timed_bits = sum(1 << k for k in timed)
    found = []
    for i, j in combinations(range(len(actors)), 2):
        a, b = masks[i], masks[j]
        both = addressed[i] & addressed[j]
        union = (addressed[i] | addressed[j]).bit_count()
        same = (a[1] & b[1]) | (a[-1] & b[-1]) | (a[0] & b[0])
        opposed = (a[1] & b[-1]) | (a[-1] & b[1])
        apart = 0
        if both & timed_bits:
            # Rows where time matters: the cells' directions say nothing until their times meet.
            same &= ~timed_bits
            opposed &= ~timed_bits
            for k, row_slices in timed.items():
                if both >> k & 1:
                    how = meeting(row_slices, i, j)
                    if how == "opposed":
                        opposed |= 1 << k
                    elif how == "agree":
                        same |= 1 << k
                    elif how == "apart":
                        apart |= 1 << k
        shared = (both & ~apart).bit_count()
        dot = sum(map(mul, vectors[i], vectors[j]))
        found.append(
            Pair(
                a=actors[i].id,
                b=actors[j].id,
                shared=shared,
                coverage=ratio(shared, union),
                agreement=ratio(same.bit_count(), shared),
                opposition=ratio(opposed.bit_count(), shared),
                cosine=cosine(dot, norms[i], norms[j]),
                agree_on=decode(same),
                disagree_on=decode(opposed),
                only_a=decode(addressed[i] & ~addressed[j]),
                only_b=decode(addressed[j] & ~addressed[i]),
                apart_in_time=decode(apart),
            )
        )
    return tuple(found)
