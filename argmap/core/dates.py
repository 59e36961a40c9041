"""ISO partial dates and ranges (2014, 2014-08, 2014-08-05, 2014-03/2014-08): order and overlap."""

from __future__ import annotations

__all__ = ["dates_overlap", "day_span", "interval", "is_reversed", "not_after"]


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


def day_span(date: str) -> tuple[int, int]:
    """The first and last day a partial date or range can name, as proleptic ordinals (2014-08 is
    1 to 31 August 2014): what comparing periods needs to cut a timeline into pieces."""
    import calendar
    import datetime

    start, end = interval(date)

    def first(value: str) -> int:
        parts = [int(p) for p in value.split("-")]
        year, month, day = [*parts, 1, 1][:3]
        return datetime.date(year, month, day).toordinal()

    def last(value: str) -> int:
        parts = [int(p) for p in value.split("-")]
        year = parts[0]
        month = parts[1] if len(parts) > 1 else 12
        day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
        return datetime.date(year, month, day).toordinal()

    return first(start), last(end)
