"""The comparison as plain text for an 80-column terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from argmap.comparing.comparison import Cell, ClaimRef, Comparison, PropositionSummary
from argmap.comparing.formats.common import LEGEND, SYMBOLS, SectionWriter, number, over_time, sides
from argmap.core.escaping import terminal_text
from argmap.core.wording import count

__all__ = ["WIDTH", "format_text"]

WIDTH = 80
# Proposition ids longer than this are cut in tables, so that several columns still fit.
ID_WIDTH = 44
# A quote longer than this is shortened with an ellipsis: the reader sees the gist and the node id.
QUOTE_CHARS = 230


def _fill(text: str, indent: str = "", more: str | None = None) -> list[str]:
    """Wrap to WIDTH; long words (URLs) are broken rather than allowed to overflow.

    Control and bidi characters are shown as visible escapes: the text format is read in terminals.
    """
    if len(indent) + len(text) <= WIDTH and text.isprintable() and text[:1] != " ":
        return [indent + text]  # what textwrap would give, without its cost (100,000 claims)
    return textwrap.wrap(
        terminal_text(text),
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + "  " if more is None else more,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quote(claim: ClaimRef) -> str:
    body = f'"{_one_line(claim.quote)}"' if claim.quote else f"(implicit) {_one_line(claim.text)}"
    return textwrap.shorten(body, QUOTE_CHARS, placeholder=" \u2026")


class _Writer(SectionWriter):
    def __init__(self, c: Comparison) -> None:
        super().__init__(c)
        # A claim is about its source's year unless it says otherwise; only the exceptions are shown.
        self.year = {a.map: a.date[:4] for a in c.actors}
        self.id_width = min(max((len(p.id) for p in c.propositions), default=11), ID_WIDTH)

    def head(self) -> Iterator[str]:
        c = self.c
        restricted = " (restricted with --only)" if c.only is not None else ""
        order = "by source date" if c.by_date else "in map order"
        yield from _fill(
            f"Comparison of {count(len(c.actors), 'actor')} on {count(len(c.propositions), 'proposition')}"
            f"{restricted}; "
            f"actors {order}{', quoted speakers included' if c.speakers else ''}."
        )

    def matrix(self) -> Iterator[str]:
        c = self.c
        yield "Stances"
        yield f"  {LEGEND}"
        width = max(3, max((len(a) for a in self.abbr.values()), default=1) + 1)
        per_block = max(1, (WIDTH - self.id_width) // width)
        ids = [a.id for a in c.actors]
        for start in range(0, len(ids), per_block):
            block = range(start, min(start + per_block, len(ids)))
            yield ""
            yield " " * self.id_width + "".join(self.abbr[ids[j]].rjust(width) for j in block)
            for kind, rows in _by_kind(c):
                if kind:
                    yield kind
                for summary, row in rows:
                    cells = "".join(SYMBOLS[row[j].position].rjust(width) for j in block)
                    yield _cut(summary.id, self.id_width).ljust(self.id_width) + cells
        # The time each cell is about, for the rows where some cell is about another time than its
        # source's year (the default): the rows where time can change what the matrix means.
        year = {a.id: a.date[:4] for a in c.actors}
        timed = [
            (s, row)
            for s, row in zip(c.propositions, c.matrix, strict=True)
            if any(x.period not in (None, year[x.actor]) for x in row)
        ]
        if timed:
            yield ""
            yield "  About: the time each cell's stances are about, where one is not about its"
            yield "  source's year (the default)"
            for summary, row in timed:
                periods = "  ".join(f"{self.abbr[x.actor]} {x.period}" for x in row if x.period)
                yield from _fill(f"{_cut(summary.id, self.id_width)}: {periods}", "  ", "    ")
        yield ""
        for actor in c.actors:
            note = ""
            if actor.excluded_speakers and not c.speakers:
                n = len(actor.excluded_speakers)
                speakers = f"{n} quoted speaker{'s' if n > 1 else ''}"
                if actor.claims == 0:
                    note = f"; all its stances are by {speakers} (see --speakers)"
                else:
                    note = f"; stances of {speakers} not counted (see --speakers)"
            if actor.speaker is not None:
                line = f"{self.abbr[actor.id]}  {actor.name} (quoted in {actor.map}, {actor.date})"
            else:
                reported = f", as reported by {actor.reported_by}" if actor.reported_by else ""
                line = f"{self.abbr[actor.id]}  {actor.label} ({actor.map}, {actor.date}{reported}){note}"
            yield from _fill(line, "  ", "  " + " " * (len(self.abbr[actor.id]) + 2))

    def pairs(self) -> Iterator[str]:
        yield "Pairs"
        yield from _fill(
            "coverage: shared / addressed by either; agreement and opposition: shares of the "
            "shared propositions with equal and with pro-vs-con positions; cosine of the scores.",
            "  ",
        )
        if not self.c.pairs:
            return
        pair_width = max(len(self.abbr[p.a]) + len(self.abbr[p.b]) + 1 for p in self.c.pairs)
        yield ""
        yield f"  {'pair'.ljust(pair_width)}  shared  coverage  agreement  opposition  cosine"
        for p in self.c.pairs:
            name = f"{self.abbr[p.a]}-{self.abbr[p.b]}".ljust(pair_width)
            yield (
                f"  {name}  {p.shared:6d}  {number(p.coverage):>8}  {number(p.agreement):>9}"
                f"  {number(p.opposition):>10}  {number(p.cosine):>6}"
            )

    def _claims(self, cell: Cell) -> Iterator[str]:
        abbr = self.abbr[cell.actor]
        for claim in cell.claims:
            when = f" about {claim.period}" if claim.period not in (None, self.year[claim.map]) else ""
            head = f"{abbr} {SYMBOLS[claim.position]} {claim.map}:{claim.node} ({claim.intensity}{when}) "
            yield from _fill(head + _quote(claim), "    ", "      ")

    def disagreements(self) -> Iterator[str]:
        yield "Disagreements (actors leaning pro against actors leaning con; each claim once)"
        found = False
        for proposition, pro, con in sides(self.c):
            found = True
            yield ""
            yield from _fill(f"{proposition}: for {self._side(pro)}; against {self._side(con)}")
            for cell in (*pro, *con):
                yield from self._claims(cell)
        if not found:
            yield "  none"

    def _side(self, cells: list[Cell]) -> str:
        return ", ".join(
            self.abbr[x.actor] + ("" if x.position in ("pro", "con") else f" ({x.position})") for x in cells
        )

    def changes(self) -> Iterator[str]:
        yield "Over time (two actors speak of it only about different times: change, no clash)"
        found = False
        for proposition, apart in over_time(self.c):
            found = True
            yield ""
            yield from _fill(
                f"{proposition}: " + "; ".join(f"{self._when(x)} and {self._when(y)}" for x, y in apart),
                "",
                "  ",
            )
        if not found:
            yield "  none"

    def _when(self, cell: Cell) -> str:
        return f"{self.abbr[cell.actor]} {SYMBOLS[cell.position]} about {cell.period}"

    def engagements(self) -> Iterator[str]:
        yield "Direct engagement (relations from one compared map into another)"
        for e in self.c.engagements:
            state = "answered" if e.answered else "not answered"
            yield ""
            yield from _fill(
                f"{e.source_map} {e.relation}: {self.abbr[e.source_actor]} {e.type}s "
                f"{self.abbr[e.target_actor]}'s {e.target.map}:{e.target.node} ({state})",
                "  ",
            )
            for premise in e.premises:
                yield from _fill(f"from {premise.node}: {_one_line(premise.text)}", "    ", "      ")
            yield from _fill(f"to {e.target.node}: {_one_line(e.target.text)}", "    ", "      ")
        if not self.c.engagements:
            yield "  none"

    def contested(self) -> Iterator[str]:
        yield "Most contested (contestation = 2 min(for, against) / (for + against))"
        if not self.c.most_contested:
            yield "  none"
            return
        yield ""
        header = "  contest.  " + "proposition".ljust(self.id_width)
        yield header + "".join(s.rjust(4) for s in (SYMBOLS[k] for k in SYMBOLS))
        for pid in self.c.most_contested:
            s = self.c.summary(pid)
            counts = "".join(f"{n:4d}" for n in (s.pro, s.con, s.neutral, s.mixed, s.silent))
            yield f"  {number(s.contestation):>8}  {_cut(pid, self.id_width).ljust(self.id_width)}{counts}"

    def consensus(self) -> Iterator[str]:
        yield "Consensus (addressed by two or more actors, all leaning the same way)"
        for pid in self.c.consensus:
            row = self.c.row(pid)
            held = " ".join(
                f"{SYMBOLS[x.position]}{self.abbr[x.actor]}" for x in row if x.position != "silent"
            )
            yield from _fill(f"{pid}: {held}", "  ", "    ")
        if not self.c.consensus:
            yield "  none"

    def evidence(self) -> Iterator[str]:
        yield "Shared events (overlapping dates, similar paraphrases; docs/compare.md)"
        texts = {(e.map, e.node): e for e in self.c.evidence}
        for s in self.c.shared_events:
            a, b = texts[(s.a_map, s.a_node)], texts[(s.b_map, s.b_node)]
            verdict = f"; opposite on {', '.join(s.opposite_on)}" if s.opposite else ""
            yield ""
            yield from _fill(
                f"{a.map}:{a.node} ({a.date}) ~ {b.map}:{b.node} ({b.date}), "
                f"similarity {s.similarity:.2f}{verdict}",
                "  ",
            )
            for item in (a, b):
                yield from _fill(f"{item.map}: {_one_line(item.text)}", "    ", "      ")
        if not self.c.shared_events:
            yield "  none"
        maps = len({e.map for e in self.c.evidence})
        yield ""
        yield from _fill(
            f"The evidence timeline has {count(len(self.c.evidence), 'dated item')} "
            f"from {count(maps, 'map')} "
            "(see --format markdown or json).",
            more="",
        )


_KINDS = {
    "descriptive": "  how things are (descriptive)",
    "normative": "  what should be done (normative, timeless)",
    "predictive": "  what will be (predictive)",
}


def _by_kind(c: Comparison) -> list[tuple[str, list[tuple[PropositionSummary, tuple[Cell, ...]]]]]:
    """Matrix rows grouped by the kind of proposition, with a heading when there is more than one
    kind: agreeing on what should be and disagreeing on what is are different findings."""
    rows = list(zip(c.propositions, c.matrix, strict=True))
    kinds = [k for k in _KINDS if any(s.kind == k for s, _ in rows)]
    if len(kinds) <= 1:
        return [("", rows)]
    return [(_KINDS[k], [(s, row) for s, row in rows if s.kind == k]) for k in kinds]


def format_text(c: Comparison) -> str:
    """The comparison as text: matrix, pairs, disagreements with quotes, engagement, contested."""
    return _Writer(c).render()
