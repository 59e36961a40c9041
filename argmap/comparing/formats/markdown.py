"""The comparison as GitHub-flavoured Markdown: the text format's content as tables."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.comparing.comparison import ClaimRef, Comparison
from argmap.comparing.formats.common import LEGEND, SYMBOLS, SectionWriter, number, over_time, sides
from argmap.core.escaping import md, md_table
from argmap.core.wording import count

__all__ = ["format_markdown"]


def _quote(claim: ClaimRef) -> str:
    return md(claim.quote) if claim.quote else f"*(implicit)* {md(claim.text)}"


class _Writer(SectionWriter):
    def head(self) -> Iterator[str]:
        c = self.c
        actors, propositions = count(len(c.actors), "actor"), count(len(c.propositions), "proposition")
        yield f"# Comparison of {actors} on {propositions}"
        yield ""
        yield "## Actors"
        yield ""
        rows = [
            (
                self.abbr[a.id],
                md(a.label),
                f"`{a.map}`",
                md(a.date),
                md(a.reported_by or ""),
                str(a.claims),
                md(", ".join(a.excluded_speakers)) if not self.c.speakers else "",
            )
            for a in self.c.actors
        ]
        header = ("", "actor", "map", "date", "reported by", "claims", "quoted speakers not counted")
        yield from md_table(header, rows, "lllllrl")

    def matrix(self) -> Iterator[str]:
        yield "## Stances"
        yield ""
        yield md(LEGEND)
        yield ""
        header = ["proposition", *(self.abbr[a.id] for a in self.c.actors)]
        rows = [
            [f"`{s.id}`", *(md(SYMBOLS[cell.position]) for cell in row)]
            for s, row in zip(self.c.propositions, self.c.matrix, strict=True)
        ]
        yield from md_table(header, rows, "l" + "c" * len(self.c.actors))
        yield ""
        yield from md_table(("proposition", "text"), ((f"`{s.id}`", md(s.text)) for s in self.c.propositions))

    def pairs(self) -> Iterator[str]:
        yield "## Pairs"
        yield ""
        header = ("a", "b", "shared", "coverage", "agreement", "opposition", "cosine")
        rows = [
            (
                self.abbr[p.a],
                self.abbr[p.b],
                str(p.shared),
                number(p.coverage),
                number(p.agreement),
                number(p.opposition),
                number(p.cosine),
            )
            for p in self.c.pairs
        ]
        yield from md_table(header, rows, "llrrrrr")

    def disagreements(self) -> Iterator[str]:
        yield "## Disagreements"
        yield ""
        yield "Actors leaning pro against actors leaning con; every pair across the two sides is opposed."
        rows = []
        for proposition, pro, con in sides(self.c):
            for side, cells in (("for", pro), ("against", con)):
                for cell in cells:
                    for claim in cell.claims:
                        rows.append(
                            (
                                f"`{proposition}`",
                                side,
                                self.abbr[cell.actor],
                                cell.position,
                                f"{md(SYMBOLS[claim.position])}{claim.intensity}",
                                md(claim.period or "(timeless)"),
                                f"`{claim.map}:{claim.node}`",
                                _quote(claim),
                            )
                        )
        yield ""
        if not rows:
            yield "None: no proposition has actors on both sides."
            return
        header = ("proposition", "side", "actor", "cell", "stance", "about", "claim", "quote")
        yield from md_table(header, rows)

    def changes(self) -> Iterator[str]:
        yield "## Over time"
        yield ""
        yield "Propositions two actors address only about different times: change, not a clash."
        rows = [
            (
                f"`{proposition}`",
                f"{self.abbr[x.actor]} {x.position}, about {md(x.period or '')}",
                f"{self.abbr[y.actor]} {y.position}, about {md(y.period or '')}",
            )
            for proposition, apart in over_time(self.c)
            for x, y in apart
        ]
        yield ""
        if not rows:
            yield "None."
            return
        yield from md_table(("proposition", "one actor", "the other"), rows)

    def engagements(self) -> Iterator[str]:
        yield "## Direct engagement"
        yield ""
        if not self.c.engagements:
            yield "None among the compared maps."
            return
        rows = [
            (
                f"`{e.source_map}:{e.relation}`",
                self.abbr[e.source_actor],
                e.type,
                "<br>".join(f"`{p.node}` {md(p.text)}" for p in e.premises),
                self.abbr[e.target_actor],
                f"`{e.target.map}:{e.target.node}` {md(e.target.text)}",
                "yes" if e.answered else "no",
            )
            for e in self.c.engagements
        ]
        header = ("relation", "from", "type", "premises", "to", "target", "answered")
        yield from md_table(header, rows)

    def contested(self) -> Iterator[str]:
        yield "## Most contested"
        yield ""
        yield (
            "contestation = 2 min(for, against) / (for + against); for: pro or mixed leaning pro, "
            "against: con or mixed leaning con"
        )
        yield ""
        rows = []
        for pid in self.c.most_contested:
            s = self.c.summary(pid)
            counts = (s.pro, s.con, s.neutral, s.mixed, s.silent)
            rows.append((f"`{pid}`", number(s.contestation), *(str(n) for n in counts)))
        header = ("proposition", "contestation", "pro", "con", "neutral", "mixed", "silent")
        yield from md_table(header, rows, "lrrrrrr")

    def consensus(self) -> Iterator[str]:
        yield "## Consensus"
        yield ""
        rows = []
        for pid in self.c.consensus:
            row = self.c.row(pid)
            held = (f"{md(SYMBOLS[x.position])}{self.abbr[x.actor]}" for x in row if x.position != "silent")
            rows.append((f"`{pid}`", " ".join(held)))
        yield from md_table(("proposition", "positions"), rows)

    def evidence(self) -> Iterator[str]:
        yield "## Shared events"
        yield ""
        rows = [
            (
                f"`{s.a_map}:{s.a_node}`",
                f"`{s.b_map}:{s.b_node}`",
                number(s.similarity),
                ", ".join(f"`{p}`" for p in s.opposite_on) or "no",
            )
            for s in self.c.shared_events
        ]
        yield from md_table(("evidence", "evidence", "similarity", "opposite on"), rows, "llrl")
        yield ""
        yield "## Evidence timeline"
        yield ""
        timeline = [
            (
                md(e.date),
                self.abbr[e.actor],
                f"`{e.map}:{e.node}`",
                md(e.kind or ""),
                md(e.text),
                md(e.citation or ""),
                md(e.quote or ""),
            )
            for e in self.c.evidence
        ]
        yield from md_table(("date", "actor", "evidence", "kind", "text", "citation", "quote"), timeline)


def format_markdown(c: Comparison) -> str:
    """The comparison as Markdown; every piece of user text is escaped."""
    return _Writer(c).render()
