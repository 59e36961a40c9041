"""The headline comparison is true: Panov, Kobayashi and Brown as an analyst reads them, in time."""

from __future__ import annotations

from functools import cache

from click.testing import CliRunner

from argmap.cli import main
from argmap.comparing.comparison import Comparison, Pair
from argmap.comparing.matrix import compare
from argmap.core.load import load_maps
from tests.conftest import REPO, check_golden


@cache
def showcase() -> Comparison:
    return compare(load_maps(["panov", "kobayashi", "brown"], REPO / "maps"))


def pair(a: str, b: str) -> Pair:
    return showcase().pair(a, b)


def test_panov_and_kobayashi_disagree_on_what_is_and_agree_on_what_should_be() -> None:
    p = pair("panov", "kobayashi")
    assert {"japan-has-chosen-the-west", "japan-russia-policy-independent"} <= set(p.disagree_on)
    assert "japan-should-pursue-independent-russia-policy" in p.agree_on
    kinds = {s.id: (s.kind, s.timeless) for s in showcase().propositions}
    assert kinds["japan-should-pursue-independent-russia-policy"] == ("normative", True)


def test_brown_against_panov_on_whether_japan_had_chosen_in_mid_2014() -> None:
    # Brown (2018): an outlier balancing from 2014 until April 2018; Panov (2014): chosen in July-August.
    assert "japan-has-chosen-the-west" in pair("panov", "brown").disagree_on
    assert "japan-has-chosen-the-west" in pair("kobayashi", "brown").agree_on


def test_the_2014_and_2018_sanctions_descriptions_are_change_over_time_not_a_clash() -> None:
    # Panov on the measures after 5 August 2014; Brown on those of March 2014.
    p = pair("panov", "brown")
    assert "japan-sanctions-symbolic" in p.apart_in_time
    assert "japan-sanctions-symbolic" not in p.disagree_on
    # Kobayashi, writing about the same summer, does clash with Panov on it.
    assert "japan-sanctions-symbolic" in pair("panov", "kobayashi").disagree_on


def test_text_of_the_showcase_matches_golden(in_repo: object, update_golden: bool) -> None:
    result = CliRunner().invoke(main, ["compare", "panov", "kobayashi", "brown"])
    assert result.exit_code == 0, result.output
    check_golden("compare-panov-kobayashi-brown.txt", result.stdout, update_golden)
