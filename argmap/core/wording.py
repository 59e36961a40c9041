"""Counted nouns in messages and reports: "1 map", "2 maps", "1 piece of evidence"."""

from __future__ import annotations

__all__ = ["count"]

_IRREGULAR = {"piece of evidence": "pieces of evidence", "dated item": "dated items"}


def count(n: int, noun: str, plural: str | None = None) -> str:
    """n and the noun, singular for exactly one: count(1, "map") == "1 map"."""
    if n == 1:
        return f"{n:,} {noun}"
    return f"{n:,} {plural or _IRREGULAR.get(noun) or noun + 's'}"
