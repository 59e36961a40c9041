"""What every comparison format shares: symbols, actor abbreviations, numbers and escaping."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator

from argmap.comparing.comparison import Cell, Comparison

__all__ = [
    "LEGEND",
    "SYMBOLS",
    "SectionWriter",
    "abbreviations",
    "csv_cell",
    "md",
    "number",
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


def number(value: float | None, digits: int = 2) -> str:
    """A measure for people: fixed decimals, 'n/a' when it is undefined."""
    return "n/a" if value is None else f"{value:.{digits}f}"


def sides(c: Comparison) -> Iterator[tuple[str, list[Cell], list[Cell]]]:
    """(proposition, cells leaning pro, cells leaning con) for every proposition with both, in row order.

    Every actor of one side is opposed to every actor of the other (the pairs' disagree_on), so
    writing each side once gives every opposed pair with each quote once, not once per pair.
    """
    for summary, row in zip(c.propositions, c.matrix, strict=True):
        if summary.leaning_pro and summary.leaning_con:
            pro = [cell for cell in row if cell.direction == 1]
            con = [cell for cell in row if cell.direction == -1]
            yield summary.id, pro, con


# Characters with a meaning in (GitHub-flavoured) Markdown, inline or in a table. CommonMark lets any
# ASCII punctuation be backslash-escaped, so escaping a few harmless ones costs nothing.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
# What starts a block when it opens a line: a list item or rule ('-'), a heading underline ('='),
# an ordered list ('1.'); '+', '>', '#' and '1)' are escaped everywhere already.
_MD_BLOCK_START = re.compile(r"^(?:([-=])|(\d+)\.)")


def md(text: str) -> str:
    """User text made inert for Markdown: one line, every special character escaped."""
    one_line = " ".join(text.split())
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line)
    return _MD_BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\.", escaped)


# Spreadsheets run a cell starting with these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would read as a formula gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


# XML 1.0 forbids most control characters and lone surrogates even when escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text that can stand in an XML document (ElementTree escapes <, & and quotes itself)."""
    return _XML_INVALID.sub("\ufffd", text)
