"""ISO partial dates and ranges (2014, 2014-08, 2014-08-05, 2014-03/2014-08): order and overlap."""

from __future__ import annotations

__all__ = ["dates_overlap", "interval", "is_reversed", "not_after"]


def interval(date: str) -> tuple[str, str]:
    """A date or range as its (start, end); a single date is both."""
    start, _, end = date.partition("/")
    return start, end or start


def not_after(x: str, y: str) -> bool:
    """x <= y for ISO partial dates, compared at the coarser precision of the two."""
    n = min(len(x), len(y))
    return x[:n] <= y[:n]


def dates_overlap(a: str, b: str) -> bool:
    """Whether two partial dates (or ranges) can name the same day, at the coarser precision."""
    a_start, a_end = interval(a)
    b_start, b_end = interval(b)
    return not_after(a_start, b_end) and not_after(b_start, a_end)


def is_reversed(date: str) -> bool:
    """Whether a range ends before it starts (2014-05/2014-03); 2014/2014-03 is not reversed."""
    start, end = interval(date)
    return not not_after(start, end)
