"""Time in a comparison: two stances meet only when their periods overlap, or the proposition is timeless.

A row of the matrix whose claims all overlap in time (the common case: every stance is about its
source's date, and the sources are close) compares as before, cell against cell. Otherwise the
row's timeline is cut at every start and end of a claim's period into slices; in each slice an
actor's direction is the sign of the mean of its pro and con claims that cover the slice (the same
rule as a cell's, measures.py). Two actors clash when some slice has them on opposite sides, agree
when they meet in some slice and never clash, and are apart in time when no slice holds both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from argmap.comparing.comparison import Cell, CellPosition, ClaimRef, Direction
from argmap.comparing.measures import cell_measures, direction
from argmap.core.dates import day_span

__all__ = ["Slice", "cell_period", "clash_cells", "meeting", "row_is_uniform", "slices"]

# A claim's period as (first day, last day) ordinals, cached: rows share periods.
_SPANS: dict[str, tuple[int, int]] = {}


def _span(period: str) -> tuple[int, int]:
    found = _SPANS.get(period)
    if found is None:
        found = _SPANS[period] = day_span(period)
    return found


def cell_period(claims: Sequence[ClaimRef]) -> str | None:
    """The time a cell's claims are about, earliest start to latest end; None when timeless or empty."""
    periods = [c.period for c in claims if c.period is not None]
    if not periods:
        return None
    first = min(periods, key=lambda p: _span(p)[0])
    last = max(periods, key=lambda p: _span(p)[1])
    start, end = first.partition("/")[0], last.rpartition("/")[2]
    return start if start == end else f"{start}/{end}"


def row_is_uniform(row: Sequence[Cell]) -> bool:
    """Whether every claim of the row overlaps every other in time (or the row is timeless): then
    each cell stands for one time and cells compare directly. Intervals on a line overlap pairwise
    exactly when the latest start is not after the earliest end."""
    spans = [_span(c.period) for cell in row for c in cell.claims if c.period is not None]
    return not spans or max(s for s, _ in spans) <= min(e for _, e in spans)


@dataclass(frozen=True)
class Slice:
    """A stretch of time in a row, and each actor's direction in it (None: the actor says nothing)."""

    first: int
    last: int
    directions: tuple[Direction | None, ...]


def _direction(claims: Sequence[ClaimRef]) -> Direction | None:
    """The direction of the claims about a slice, by the rule of a cell's (measures.py)."""
    return direction(cell_measures(claims)[1]) if claims else None


def slices(row: Sequence[Cell]) -> list[Slice]:
    """The row's timeline cut where any claim's period starts or ends, with who says what in each."""
    spans = [[(_span(c.period), c) for c in cell.claims if c.period is not None] for cell in row]
    cuts = sorted(
        {s for cell in spans for (s, _), _c in cell} | {e + 1 for cell in spans for (_, e), _c in cell}
    )
    found = []
    for first, after in pairwise(cuts):
        last = after - 1
        directions = tuple(
            _direction([c for (s, e), c in cell if s <= first and last <= e]) for cell in spans
        )
        if sum(d is not None for d in directions) >= 1:
            found.append(Slice(first, last, directions))
    return found


def meeting(row_slices: Sequence[Slice], i: int, j: int) -> str:
    """How actors i and j stand on a row in time: "opposed", "agree", or "apart" (never together)."""
    met = False
    for piece in row_slices:
        a, b = piece.directions[i], piece.directions[j]
        if a is None or b is None:
            continue
        if a * b < 0:
            return "opposed"
        met = True
    # Together but never on opposite sides: they agree only where their directions are equal.
    if not met:
        return "apart"
    same = any(p.directions[i] is not None and p.directions[i] == p.directions[j] for p in row_slices)
    return "agree" if same else "neither"


def clash_cells(row: Sequence[Cell]) -> tuple[list[Cell], list[Cell]]:
    """In a row whose times do not all overlap: the cells on each side of a clash, each holding only
    its claims about the times of the clash (so a quote about another time is not shown as one)."""
    found = slices(row)
    clashing = [s for s in found if 1 in s.directions and -1 in s.directions]
    sides: tuple[list[Cell], list[Cell]] = ([], [])
    both: tuple[tuple[Direction, list[Cell], CellPosition], ...] = (
        (1, sides[0], "pro"),
        (-1, sides[1], "con"),
    )
    for j, cell in enumerate(row):
        for side, out, position in both:
            spans = [(s.first, s.last) for s in clashing if s.directions[j] == side]
            claims = tuple(
                c
                for c in cell.claims
                if c.position == position
                and c.period is not None
                and any(_span(c.period)[0] <= first and last <= _span(c.period)[1] for first, last in spans)
            )
            if claims:
                out.append(replace(cell, position=position, claims=claims, period=cell_period(claims)))
    return sides
