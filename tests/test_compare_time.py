"""Time in a comparison, by hand: stances meet only when what they are about overlaps in time."""

from __future__ import annotations

from typing import Any

import pytest

from argmap.comparing.formats import format_comparison
from argmap.comparing.matrix import compare
from argmap.core.errors import UsageError
from argmap.core.model import PropositionCatalogue
from tests.compare_data import in_memory

CATALOGUE = PropositionCatalogue(
    version=2,
    propositions=[
        {"id": "chosen", "text": "Japan has chosen the West."},
        {"id": "should", "text": "Japan should go its own way.", "kind": "normative", "timeless": True},
    ],
)


def claim(
    node: str, proposition: str, position: str, period: str | None = None, **more: Any
) -> dict[str, Any]:
    stance: dict[str, Any] = {"proposition": proposition, "position": position, **more}
    if period is not None:
        stance["period"] = period
    return {"id": node, "kind": "claim", "text": node, "quote": f"quote {node}", "stances": [stance]}


def test_texts_years_apart_describe_different_times_not_a_clash() -> None:
    # Written in 2014 and in 2018, each about its own year (the default): apart, not opposed.
    a = in_memory("a", "A", [claim("a1", "chosen", "pro")], date="2014-09")
    b = in_memory("b", "B", [claim("b1", "chosen", "con")], date="2018-05")
    [pair] = compare([a, b], CATALOGUE).pairs
    assert (pair.shared, pair.disagree_on, pair.agree_on, pair.apart_in_time) == (0, (), (), ("chosen",))
    assert (pair.agreement, pair.opposition) == (None, None)
    summary = compare([a, b], CATALOGUE).propositions[0]
    assert (summary.contestation, summary.consensus) == (0.0, False)


def test_texts_of_one_year_meet_and_clash() -> None:
    a = in_memory("a", "A", [claim("a1", "chosen", "pro")], date="2014-03")
    b = in_memory("b", "B", [claim("b1", "chosen", "con")], date="2014-09")
    [pair] = compare([a, b], CATALOGUE).pairs
    assert (pair.shared, pair.disagree_on, pair.apart_in_time, pair.opposition) == (1, ("chosen",), (), 1.0)


def test_a_stance_about_an_earlier_time_meets_the_texts_of_that_time() -> None:
    # Brown, writing in 2018, says Japan balanced from early 2014 until April 2018; Panov, in 2014,
    # that Japan chose the West in July-August 2014: they clash about mid-2014.
    brown = in_memory(
        "brown",
        "Brown",
        [
            claim("c1", "chosen", "con", "2014-02/2018-04-21"),
            claim("c2", "chosen", "pro", "2018-04-22/2018-05"),
        ],
        date="2018-05",
    )
    panov = in_memory("panov", "Panov", [claim("c1", "chosen", "pro", "2014-07/2014-09")], date="2014-09")
    c = compare([panov, brown], CATALOGUE)
    [pair] = c.pairs
    assert pair.disagree_on == ("chosen",)
    # Brown's own cell holds both of his times: pro and con, never overlapping.
    assert (c.cell("chosen", "brown").position, c.cell("chosen", "brown").period) == (
        "mixed",
        "2014-02/2018-05",
    )
    text = format_comparison(c, "text")
    assert "chosen: for A; against B" in text
    # Only the claims about the time of the clash are shown as the sides.
    side = text[text.index("chosen: for A; against B") :]
    side = side[: side.index("\n\n")]
    assert "brown:c1 (2 about 2014-02/2018-04-21)" in side and "brown:c2" not in side


def test_actors_agree_where_they_meet_and_never_clash() -> None:
    a = in_memory("a", "A", [claim("a1", "chosen", "pro", "2014")], date="2014")
    b = in_memory("b", "B", [claim("b1", "chosen", "pro", "2014-08"), claim("b2", "chosen", "con", "2016")])
    [pair] = compare([a, b], CATALOGUE).pairs
    assert (pair.agree_on, pair.disagree_on, pair.apart_in_time, pair.agreement) == (("chosen",), (), (), 1.0)


def test_timeless_propositions_always_meet() -> None:
    a = in_memory("a", "A", [claim("a1", "should", "pro")], date="2014")
    b = in_memory("b", "B", [claim("b1", "should", "con")], date="2018")
    c = compare([a, b], CATALOGUE)
    [pair] = c.pairs
    assert (pair.disagree_on, pair.apart_in_time) == (("should",), ())
    assert c.cell("should", "a").claims[0].period is None
    assert (c.propositions[0].kind, c.propositions[0].timeless) == ("normative", True)


def test_the_most_divided_time_sets_the_contestation() -> None:
    # In 2014 A and B clash (1.0); in 2018 only C speaks. Overall cell directions would say 2 to 1.
    a = in_memory("a", "A", [claim("a1", "chosen", "pro", "2014")])
    b = in_memory("b", "B", [claim("b1", "chosen", "con", "2014-06")])
    c = in_memory("c", "C", [claim("c1", "chosen", "pro", "2018")])
    summary = compare([a, b, c], CATALOGUE).propositions[0]
    assert (summary.leaning_pro, summary.leaning_con, summary.contestation) == (2, 1, 1.0)


def test_as_of_and_period_keep_the_stances_about_that_time() -> None:
    a = in_memory("a", "A", [claim("a1", "chosen", "pro", "2014"), claim("a2", "should", "pro")])
    b = in_memory("b", "B", [claim("b1", "chosen", "con", "2018"), claim("b2", "should", "pro")])
    c = compare([a, b], CATALOGUE, as_of="2014-06-01")
    assert [x.position for x in c.row("chosen")] == ["pro", "silent"]
    assert [x.position for x in c.row("should")] == ["pro", "pro"]  # timeless: always kept
    c = compare([a, b], CATALOGUE, period="2017/2019")
    assert [x.position for x in c.row("chosen")] == ["silent", "con"]
    with pytest.raises(UsageError, match="not both"):
        compare([a, b], CATALOGUE, as_of="2014", period="2014/2015")
    with pytest.raises(UsageError, match=r"^--period: the range '2019/2017' ends before it starts$"):
        compare([a, b], CATALOGUE, period="2019/2017")
    with pytest.raises(UsageError, match=r"^--as-of must be an ISO partial date"):
        compare([a, b], CATALOGUE, as_of="2014/2015")


def test_the_command_line_restricts_to_a_time(in_repo: object) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    result = CliRunner().invoke(main, ["compare", "panov", "brown", "--as-of", "2018-05"])
    assert result.exit_code == 0, result.output
    matrix = result.stdout[: result.stdout.index("\n\n  A ")]
    # In May 2018 Panov (writing in 2014) says nothing about the time; Brown says Japan has chosen.
    assert "japan-has-chosen-the-west" + " " * 21 + "\u00b7  +" in matrix
    result = CliRunner().invoke(main, ["compare", "panov", "brown", "--period", "2019/2017"])
    assert result.exit_code == 2
    assert "--period: the range '2019/2017' ends before it starts" in result.stderr
