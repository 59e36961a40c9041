"""What every comparison format shares: symbols, actor abbreviations, numbers; escaping is re-exported
from argmap.core.escaping, the one place that knows each output language."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator

from argmap.comparing.comparison import Cell, Comparison
from argmap.comparing.periods import clash_cells, row_is_uniform
from argmap.core.escaping import csv_cell, md, xml_text

__all__ = [
    "LEGEND",
    "SYMBOLS",
    "UNDEFINED",
    "SectionWriter",
    "abbreviations",
    "csv_cell",
    "md",
    "number",
    "over_time",
    "sides",
    "xml_text",
]

SYMBOLS = {"pro": "+", "con": "\u2212", "neutral": "0", "mixed": "\u00b1", "silent": "\u00b7"}
LEGEND = "+ pro, \u2212 con, 0 neutral, \u00b1 mixed, \u00b7 silent"


def abbreviations(count: int) -> list[str]:
    """Short column names A, B, ... Z, AA, AB, ...: spreadsheet style, so they stay 1-2 wide."""
    names = []
    for i in range(count):
        name = ""
        n = i + 1
        while n:
            n, rest = divmod(n - 1, 26)
            name = chr(ord("A") + rest) + name
        names.append(name)
    return names


class SectionWriter(ABC):
    """The text and Markdown formats: the same sections in the same order, columns named A, B, ..."""

    def __init__(self, c: Comparison) -> None:
        self.c = c
        self.abbr = dict(zip((a.id for a in c.actors), abbreviations(len(c.actors)), strict=True))
        self.label = {a.id: a.label for a in c.actors}

    def render(self) -> str:
        """Every section, a blank line between two, no trailing spaces."""
        lines: list[str] = []
        for section in (
            self.head(),
            self.matrix(),
            self.pairs(),
            self.disagreements(),
            self.changes(),
            self.engagements(),
            self.contested(),
            self.consensus(),
            self.evidence(),
        ):
            if lines:
                lines.append("")
            lines.extend(section)
        return "\n".join(line.rstrip() for line in lines) + "\n"

    @abstractmethod
    def head(self) -> Iterator[str]:
        """What is compared, and the actors."""

    @abstractmethod
    def changes(self) -> Iterator[str]:
        """Propositions two actors address only about different times."""

    @abstractmethod
    def matrix(self) -> Iterator[str]:
        """The stance matrix."""

    @abstractmethod
    def pairs(self) -> Iterator[str]:
        """The measures of every pair of actors."""

    @abstractmethod
    def disagreements(self) -> Iterator[str]:
        """Every proposition with actors on both sides, each side's quotes written once."""

    @abstractmethod
    def engagements(self) -> Iterator[str]:
        """Relations from one compared map into another."""

    @abstractmethod
    def contested(self) -> Iterator[str]:
        """The most contested propositions."""

    @abstractmethod
    def consensus(self) -> Iterator[str]:
        """The consensus core."""

    @abstractmethod
    def evidence(self) -> Iterator[str]:
        """Shared events and the evidence timeline."""


# How every human-readable output (compare text and Markdown, the reports) spells a measure that is
# undefined (no shared propositions, a zero vector): one spelling, documented in docs/compare.md.
UNDEFINED = "n/a"


def number(value: float | None, digits: int = 2) -> str:
    """A measure for people: fixed decimals, UNDEFINED when it is undefined."""
    return UNDEFINED if value is None else f"{value:.{digits}f}"


def sides(c: Comparison) -> Iterator[tuple[str, list[Cell], list[Cell]]]:
    """(proposition, cells leaning pro, cells leaning con) for every proposition with both, in row order.

    Every actor of one side is opposed to every actor of the other (the pairs' disagree_on), so
    writing each side once gives every opposed pair with each quote once, not once per pair. Where
    the stances are about times that do not all overlap, only the times they share count: the sides
    are those of the clashes, with the claims about those times (periods.py).
    """
    for summary, row in zip(c.propositions, c.matrix, strict=True):
        if not row_is_uniform(row):
            pro, con = clash_cells(row)
            if pro and con:
                yield summary.id, pro, con
        elif summary.leaning_pro and summary.leaning_con:
            pro = [cell for cell in row if cell.direction == 1]
            con = [cell for cell in row if cell.direction == -1]
            yield summary.id, pro, con


def over_time(c: Comparison) -> Iterator[tuple[str, list[tuple[Cell, Cell]]]]:
    """(proposition, the pairs of cells apart in time on it) where two actors address a proposition
    only about different times: change over time, not disagreement."""
    apart: dict[str, list[tuple[str, str]]] = {}
    for pair in c.pairs:
        for proposition in pair.apart_in_time:
            apart.setdefault(proposition, []).append((pair.a, pair.b))
    for summary, row in zip(c.propositions, c.matrix, strict=True):
        if summary.id in apart:
            cells = {cell.actor: cell for cell in row}
            yield summary.id, [(cells[a], cells[b]) for a, b in apart[summary.id]]
