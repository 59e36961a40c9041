"""Every number a comparison computes, in one place: the cell, its direction, and the measures built on it.

The one rule for mixed and neutral (docs/compare.md, "One rule for mixed and neutral"):

- A cell's **score** is the mean of its pro and con claims' values (+intensity, -intensity) divided
  by 3; neutral claims say "no side", so they stay out of the mean (they cannot water down a side).
  A cell with only neutral claims scores 0.
- A cell's **direction** is the sign of its score: +1 (pro, or mixed leaning pro), -1 (con, or mixed
  leaning con), 0 (neutral, or mixed in perfect balance).
- Every measure compares directions: two cells **agree** when their directions are equal, are
  **opposed** when one is +1 and the other -1; contestation, consensus, the pairs and GraphML's
  `sign` all use the direction, so no two measures can tell different stories about one pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from argmap.comparing.comparison import CellPosition, ClaimRef, Direction

__all__ = [
    "MAX_INTENSITY",
    "cell_measures",
    "contestation",
    "cosine",
    "direction",
    "is_consensus",
    "ratio",
]

MAX_INTENSITY = 3


def cell_measures(claims: Sequence[ClaimRef]) -> tuple[CellPosition, float, int]:
    """Position, score and intensity of one actor's claims on one proposition."""
    if not claims:
        return "silent", 0.0, 0
    pro = con = total = sided = 0  # pro and con: the largest intensity on each side
    for claim in claims:
        if claim.position == "pro":
            pro = max(pro, claim.intensity)
            total += claim.intensity
            sided += 1
        elif claim.position == "con":
            con = max(con, claim.intensity)
            total -= claim.intensity
            sided += 1
    position: CellPosition = "mixed" if pro and con else "pro" if pro else "con" if con else "neutral"
    score = total / sided / MAX_INTENSITY if sided else 0.0
    return position, score, max(pro, con)


def direction(score: float) -> Direction:
    """+1, -1 or 0: the side a cell comes down on, the one thing every measure compares."""
    if score > 0:
        return 1
    if score < 0:
        return -1
    return 0


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None (undefined) when whole is 0."""
    return part / whole if whole else None


def cosine(dot: float, norm_a: float, norm_b: float) -> float | None:
    """dot / (norm_a * norm_b), kept inside [-1, 1] against rounding; None for a zero vector."""
    if not norm_a or not norm_b:
        return None
    return max(-1.0, min(1.0, dot / (norm_a * norm_b)))


def contestation(positive: int, negative: int) -> float:
    """2 min(positive, negative) / (positive + negative): 0 one-sided (or nobody sided), 1 evenly split."""
    sided = positive + negative
    return 2 * min(positive, negative) / sided if sided else 0.0


def is_consensus(directions: Iterable[int]) -> bool:
    """At least two actors address it and every two of them agree (one direction for all)."""
    seen = list(directions)
    return len(seen) >= 2 and len(set(seen)) == 1
