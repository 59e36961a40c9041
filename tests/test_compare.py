"""compare(): every measure against numbers worked out by hand on the Millbrook maps (docs/compare.md)."""

from __future__ import annotations

import dataclasses
import gc
import importlib
import math
import subprocess
import sys

import pytest

from argmap.comparing.evidence import dates_overlap
from argmap.comparing.matrix import compare
from argmap.core.errors import ArgmapError, UsageError
from argmap.core.load import LoadedMap
from argmap.core.model import PropositionCatalogue
from tests.compare_data import (
    HAND,
    hand,
    hand_catalogue,
    hand_maps,
    in_memory,
    seed_catalogue,
    seed_maps,
    seeds,
)

PROPS = ["bridge-needed", "cost-acceptable", "ferry-sufficient", "tolls-fair", "repairs-overdue"]


# ---------------------------------------------------------------- actors


def test_one_actor_per_map_in_the_order_given() -> None:
    c = hand()
    assert [(a.id, a.label, a.map, a.speaker, a.date) for a in c.actors] == [
        ("alice", "Alice Archer", "alice", None, "2021-03"),
        ("bob", "Bob Baker", "bob", None, "2021-04"),
        ("carol", "Carol Chen", "carol", None, "2021-01"),
    ]


def test_author_counts_own_voice_and_herself_named_as_speaker() -> None:
    alice = hand().actor("alice")
    # a1, a2, a3 have no speaker; a5's speaker is "alice  archer", the author in other spacing and case.
    assert alice.claims == 4
    assert alice.excluded_speakers == ("Mayor Diaz",)
    assert [r.node for r in hand().cell("repairs-overdue", "alice").claims] == ["a5"]
    # The mayor's con on the ferry is not Alice's.
    assert hand().cell("ferry-sufficient", "alice").position == "silent"


def test_speakers_become_actors_after_their_author() -> None:
    c = hand(speakers=True)
    assert [a.id for a in c.actors] == ["alice", "alice--mayor-diaz", "bob", "carol"]
    diaz = c.actor("alice--mayor-diaz")
    assert (diaz.label, diaz.name, diaz.speaker, diaz.claims) == (
        "Mayor Diaz (in alice)",
        "Mayor Diaz",
        "Mayor Diaz",
        1,
    )
    assert diaz.reported_by == "Alice Archer"
    cell = c.cell("ferry-sufficient", "alice--mayor-diaz")
    assert (cell.position, cell.intensity, [r.node for r in cell.claims]) == ("con", 2, ["a4"])
    # Diaz {ferry} against Bob {bridge, cost, ferry, tolls}: both address only the ferry, opposed.
    pair = c.pair("alice--mayor-diaz", "bob")
    assert (pair.shared, pair.coverage, pair.agreement, pair.opposition) == (1, 0.25, 0.0, 1.0)
    assert pair.cosine == pytest.approx(-2 / math.sqrt(17))


def test_speaker_ids_are_slugs_and_never_collide() -> None:
    nodes = [
        {"id": "c1", "kind": "claim", "text": "x", "quote": "one", "speaker": "Shinzo Abe",
         "stances": [{"proposition": "p", "position": "pro"}]},
        {"id": "c2", "kind": "claim", "text": "y", "quote": "two", "speaker": "Shinzō Abe",
         "stances": [{"proposition": "p", "position": "con"}]},
        {"id": "c3", "kind": "claim", "text": "z", "quote": "three", "speaker": "Президент",
         "stances": [{"proposition": "p", "position": "con"}]},
    ]  # fmt: skip
    other = in_memory("other", "Olga", [{"id": "o1", "kind": "claim", "text": "o", "quote": "o",
                                         "stances": [{"proposition": "p", "position": "pro"}]}])  # fmt: skip
    catalogue = PropositionCatalogue(version=2, propositions=[{"id": "p", "text": "P."}])
    c = compare([in_memory("m", "Ann", nodes), other], catalogue, speakers=True)
    assert [a.id for a in c.actors] == ["m", "m--shinzo-abe", "m--shinzo-abe-2", "m--speaker", "other"]
    assert c.actor("m").claims == 0
    assert c.cell("p", "m").position == "silent"


def test_by_date_orders_actors_by_source_date_then_id() -> None:
    assert [a.id for a in hand(by_date=True).actors] == ["carol", "alice", "bob"]
    assert [a.id for a in hand(speakers=True, by_date=True).actors] == [
        "carol",
        "alice",
        "alice--mayor-diaz",
        "bob",
    ]


# ---------------------------------------------------------------- cells


CELLS = {
    # (proposition, actor): (position, score, intensity); score = mean(+-intensity) / 3
    ("bridge-needed", "alice"): ("pro", 3 / 3, 3),
    ("bridge-needed", "bob"): ("con", -2 / 3, 2),
    ("bridge-needed", "carol"): ("pro", 1 / 3, 1),
    ("cost-acceptable", "alice"): ("mixed", (2 - 1) / 2 / 3, 2),
    ("cost-acceptable", "bob"): ("con", -3 / 3, 3),
    ("cost-acceptable", "carol"): ("silent", 0.0, 0),
    ("ferry-sufficient", "alice"): ("silent", 0.0, 0),
    ("ferry-sufficient", "bob"): ("pro", 2 / 3, 2),
    ("ferry-sufficient", "carol"): ("con", -2 / 3, 2),
    ("tolls-fair", "alice"): ("silent", 0.0, 0),
    ("tolls-fair", "bob"): ("neutral", 0.0, 0),
    ("tolls-fair", "carol"): ("neutral", 0.0, 0),
    ("repairs-overdue", "alice"): ("pro", 2 / 3, 2),
    ("repairs-overdue", "bob"): ("silent", 0.0, 0),
    ("repairs-overdue", "carol"): ("pro", 2 / 3, 2),
}


def test_matrix_rows_are_addressed_propositions_in_catalogue_order() -> None:
    c = hand()
    assert [p.id for p in c.propositions] == PROPS  # river-clean: nobody addresses it
    assert [[cell.actor for cell in row] for row in c.matrix] == [["alice", "bob", "carol"]] * 5
    assert c.only is None


@pytest.mark.parametrize(("key", "expected"), sorted(CELLS.items()))
def test_cell_position_score_intensity(key: tuple[str, str], expected: tuple[str, float, int]) -> None:
    cell = hand().cell(*key)
    assert (cell.position, cell.intensity) == (expected[0], expected[2])
    assert cell.score == pytest.approx(expected[1])


def test_every_cell_traces_to_its_quotes() -> None:
    cell = hand().cell("cost-acceptable", "alice")
    alice = hand_maps()[0]
    assert [(r.node, r.position, r.intensity) for r in cell.claims] == [("a2", "pro", 2), ("a3", "con", 1)]
    for ref in cell.claims:
        assert ref.start is not None and ref.end is not None
        assert ref.quote is not None
        assert " ".join(alice.source_text[ref.start : ref.end].split()) == ref.quote
    assert cell.claims[0].text == "The cost is acceptable."


def test_only_restricts_and_keeps_silent_rows() -> None:
    c = compare(
        hand_maps(), hand_catalogue(), propositions=["river-clean", "ferry-sufficient", "river-clean"]
    )
    assert c.only == ("river-clean", "ferry-sufficient")
    assert [p.id for p in c.propositions] == ["river-clean", "ferry-sufficient"]
    assert [cell.position for cell in c.matrix[0]] == ["silent"] * 3
    river = c.summary("river-clean")
    assert (river.silent, river.contestation, river.consensus) == (3, 0.0, False)
    # Cosine runs over the compared propositions only: Bob (+2/3) and Carol (-2/3) point apart.
    assert c.pair("bob", "carol").cosine == pytest.approx(-1.0)


# ---------------------------------------------------------------- pairs


def test_pairs_in_actor_order() -> None:
    assert [(p.a, p.b) for p in hand().pairs] == [("alice", "bob"), ("alice", "carol"), ("bob", "carol")]


def test_pair_alice_bob() -> None:
    p = hand().pair("alice", "bob")
    # Alice {bridge, cost, repairs}, Bob {bridge, cost, ferry, tolls}: 2 shared of 5.
    assert (p.shared, p.coverage) == (2, 2 / 5)
    # bridge pro/con is opposed; cost too: Alice's mixed cell leans pro (+1/6), Bob is con.
    assert (p.agreement, p.opposition) == (0.0, 1.0)
    # (1 * -2/3 + 1/6 * -1) / (sqrt(53)/6 * sqrt(17)/3) = -15 / sqrt(901)
    assert p.cosine == pytest.approx(-15 / math.sqrt(901))
    assert (p.agree_on, p.disagree_on) == ((), ("bridge-needed", "cost-acceptable"))
    assert (p.only_a, p.only_b) == (("repairs-overdue",), ("ferry-sufficient", "tolls-fair"))


def test_pair_alice_carol() -> None:
    p = hand().pair("alice", "carol")
    assert (p.shared, p.coverage, p.agreement, p.opposition) == (2, 2 / 5, 1.0, 0.0)
    # (1 * 1/3 + 2/3 * 2/3) / (sqrt(53)/6 * 1) = 14 / (3 sqrt(53))
    assert p.cosine == pytest.approx(14 / (3 * math.sqrt(53)))
    assert p.agree_on == ("bridge-needed", "repairs-overdue")
    assert (p.only_a, p.only_b) == (("cost-acceptable",), ("ferry-sufficient", "tolls-fair"))


def test_pair_bob_carol() -> None:
    p = hand().pair("carol", "bob")  # either order finds it
    assert (p.a, p.b, p.shared, p.coverage) == ("bob", "carol", 3, 3 / 5)
    assert p.agreement == pytest.approx(1 / 3)  # tolls: neutral and neutral
    assert p.opposition == pytest.approx(2 / 3)  # bridge and ferry
    assert p.cosine == pytest.approx(-2 / math.sqrt(17))  # (-2/9 - 4/9) / (sqrt(17)/3 * 1)
    assert (p.agree_on, p.disagree_on) == (("tolls-fair",), ("bridge-needed", "ferry-sufficient"))


def test_undefined_measures_are_none() -> None:
    c = hand(speakers=True)
    p = c.pair("alice", "alice--mayor-diaz")
    # Nothing shared: agreement and opposition are undefined; the cosine of orthogonal vectors is 0.
    assert (p.shared, p.coverage, p.agreement, p.opposition, p.cosine) == (0, 0.0, None, None, 0.0)
    only_tolls = compare(hand_maps(), hand_catalogue(), propositions=["tolls-fair"])
    p = only_tolls.pair("alice", "bob")
    # Alice addresses nothing, Bob is neutral (score 0): coverage 0, and no cosine for zero vectors.
    assert (p.coverage, p.agreement, p.cosine) == (0.0, None, None)
    nothing = compare(hand_maps(), hand_catalogue(), propositions=["river-clean"]).pair("alice", "bob")
    assert (nothing.coverage, nothing.agreement, nothing.opposition, nothing.cosine) == (None,) * 4


# ---------------------------------------------------------------- per proposition


def test_counts_contestation_and_consensus() -> None:
    c = hand()
    got = {
        s.id: (s.pro, s.con, s.neutral, s.mixed, s.silent, s.leaning_pro, s.leaning_con, s.consensus)
        for s in c.propositions
    }
    assert got == {
        "bridge-needed": (2, 1, 0, 0, 0, 2, 1, False),
        "cost-acceptable": (0, 1, 0, 1, 1, 1, 1, False),  # Alice mixed, leaning pro
        "ferry-sufficient": (1, 1, 0, 0, 1, 1, 1, False),
        "tolls-fair": (0, 0, 2, 0, 1, 0, 0, True),
        "repairs-overdue": (2, 0, 0, 0, 1, 2, 0, True),
    }
    assert c.summary("bridge-needed").contestation == pytest.approx(2 / 3)  # 2 min(2, 1) / 3
    assert c.summary("ferry-sufficient").contestation == 1.0
    assert c.summary("cost-acceptable").contestation == 1.0  # leaning pro 1, leaning con 1
    assert c.consensus == ("tolls-fair", "repairs-overdue")
    # cost and ferry tie at 1.0 with two leaning actors each: by id.
    assert c.most_contested == ("cost-acceptable", "ferry-sufficient", "bridge-needed")


def test_most_contested_ties_break_on_pro_plus_con_then_id() -> None:
    c = seeds()
    # The seed maps change as they are revised, so check the rule rather than one ranking.
    by_id = {s.id: s for s in c.propositions}
    contested = [by_id[p] for p in c.most_contested]
    assert {s.id for s in contested} == {s.id for s in c.propositions if s.contestation > 0}
    keys = [(-s.contestation, -(s.leaning_pro + s.leaning_con), s.id) for s in contested]
    assert len(keys) >= 2 and keys == sorted(keys)


# ---------------------------------------------------------------- direct engagement


def test_engagements_with_answered_flags() -> None:
    got = [
        (
            e.source_map,
            e.relation,
            e.type,
            e.source_actor,
            e.target.map,
            e.target.node,
            e.target_actor,
            e.answered,
        )
        for e in hand().engagements
    ]
    assert got == [
        ("alice", "ar4", "attack", "alice", "bob", "b2", "bob", True),
        ("bob", "br4", "attack", "bob", "alice", "ae1", "alice", True),
        ("carol", "cr4", "support", "carol", "alice", "a1", "alice", False),
    ]
    first = hand().engagements[0]
    assert [(p.map, p.node, p.text) for p in first.premises] == [
        ("alice", "a6", "Bob is wrong that the ferry will do.")
    ]
    assert first.target.text == "The ferry is enough."


def test_relations_to_maps_outside_the_comparison_are_ignored() -> None:
    alice, bob, carol = hand_maps()
    assert [e.relation for e in compare([alice, carol], hand_catalogue()).engagements] == ["cr4"]
    assert [e.relation for e in compare([bob, carol], hand_catalogue()).engagements] == []


# ---------------------------------------------------------------- evidence


def test_timeline_sorted_by_date_string_then_map_then_node() -> None:
    got = [(e.date, e.map, e.node, e.actor, e.kind) for e in hand().evidence]
    assert got == [
        ("2020", "carol", "ce1", "carol", "statistic"),
        ("2021-02", "bob", "be1", "bob", "event"),
        ("2021-02-14", "alice", "ae1", "alice", "event"),
        ("2021-02-14", "bob", "be2", "bob", "report"),
    ]  # carol's ce2 has no date
    be2 = hand().evidence[3]
    assert (be2.citation, be2.quote) == (
        "Millbrook council budget 2021",
        "On 14 February the council also published its budget.",
    )


def test_shared_event_found_and_flagged_opposite() -> None:
    [event] = hand().shared_events
    assert (event.a_map, event.a_node, event.b_map, event.b_node) == ("alice", "ae1", "bob", "be1")
    assert event.similarity == pytest.approx(0.8406, abs=1e-4)
    # ae1 supports a1 (bridge pro); be1 supports b2, which supports b1 (bridge con).
    assert (event.opposite, event.opposite_on) == (True, ("bridge-needed",))
    # be2 has alice's exact date but another story (similarity 0.30): not an event they share.


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("2021-02-14", "2021-02", True),  # compared at month precision
        ("2021-02-14", "2021-03", False),
        ("2021", "2021-12-31", True),
        ("2020-12", "2021", False),
        ("2013/2014-02", "2012-12/2014-02", True),  # ranges overlap
        ("2014-03/2014-05", "2014-06", False),
        ("2014-03/2014-05", "2014-05-31", True),
    ],
)
def test_dates_overlap_at_the_coarser_precision(a: str, b: str, overlap: bool) -> None:
    assert dates_overlap(a, b) is overlap
    assert dates_overlap(b, a) is overlap


# ---------------------------------------------------------------- errors


def test_fewer_than_two_maps_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"^compare needs at least two maps; got 1: alice$") as info:
        compare(hand_maps()[:1], hand_catalogue())
    assert info.value.exit_code == 2
    with pytest.raises(UsageError, match=r"^compare needs at least two maps; got 0$"):
        compare([], hand_catalogue())


def test_map_without_stances() -> None:
    nostance = in_memory("nostance", "Nora", [{"id": "n1", "kind": "claim", "text": "x", "quote": "x"}])
    with pytest.raises(
        ArgmapError, match=r"^map 'nostance' takes no stance on any proposition; nothing to compare$"
    ):
        compare([hand_maps()[0], nostance], hand_catalogue())


def test_unknown_proposition() -> None:
    with pytest.raises(
        ArgmapError, match=r"^unknown proposition 'nope' \(not in the proposition catalogue\)$"
    ):
        compare(hand_maps(), hand_catalogue(), propositions=["nope"])
    # Given as a file (or found by the library's rule), the catalogue is named by its path.
    with pytest.raises(ArgmapError, match=r"\(not in tests/data/compare/propositions.json\)$"):
        compare(hand_maps(), HAND / "propositions.json", propositions=["nope"])
    with pytest.raises(ArgmapError, match=r"\(not in tests/data/compare/propositions.json\)$"):
        compare(hand_maps(), propositions=["nope"])


def test_stance_outside_the_catalogue() -> None:
    with pytest.raises(
        ArgmapError, match=r"^map 'alice', node 'a1': unknown proposition 'bridge-needed' \(not in"
    ):
        compare(hand_maps(), PropositionCatalogue(version=2, propositions=[]))


def test_two_maps_with_one_id() -> None:
    alice = hand_maps()[0]
    twin = dataclasses.replace(alice, path=alice.path.parent / "errors" / "alice.json")
    with pytest.raises(
        ArgmapError, match=r"^two maps have the id 'alice': .*alice.json and .*errors/alice.json$"
    ):
        compare([alice, twin], hand_catalogue())
    with pytest.raises(ArgmapError, match=r"^map 'alice' is given twice; name each map once$"):
        compare([alice, alice], hand_catalogue())


# ---------------------------------------------------------------- the seed maps


def test_seed_kobayashi_and_panov_are_opposed_on_independence() -> None:
    c = seeds()
    pair = c.pair("kobayashi", "panov")
    assert "japan-russia-policy-independent" in pair.disagree_on
    kobayashi = c.cell("japan-russia-policy-independent", "kobayashi")
    panov = c.cell("japan-russia-policy-independent", "panov")
    assert (kobayashi.position, panov.position) == ("pro", "con")
    assert [r.node for r in kobayashi.claims] == ["k1", "k2"]
    assert [r.node for r in panov.claims] == ["c1", "c2"]
    source = seed_maps()["panov"].source_text
    for ref in (*kobayashi.claims, *panov.claims):
        assert ref.quote and ref.start is not None and ref.end is not None
        assert source[ref.start : ref.end].split() == ref.quote.split()
    assert (
        panov.claims[0].quote
        == "The events of July-August 2014 show that this choice has been made \u2013 in favor of America."
    )


def test_seed_panov_attacks_on_kobayashi_are_direct_engagement() -> None:
    attacks = [
        (e.relation, e.target.node)
        for e in seeds().engagements
        if (e.source_map, e.target.map, e.type) == ("panov", "kobayashi", "attack")
    ]
    assert attacks == [("r39", "k1"), ("r40", "k3"), ("r42", "kr4"), ("r43", "k2")]  # r42 undercuts kr4
    # Kobayashi's view is known only through Panov's reply, so nothing points back.
    assert not any(e.answered for e in seeds().engagements)
    assert seeds().actor("kobayashi").reported_by == "Alexander Panov"


def test_comparison_is_a_plain_frozen_value() -> None:
    c = seeds(speakers=True)
    again = compare(list(seed_maps().values()), seed_catalogue(), speakers=True)
    assert c == again
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.by_date = True  # type: ignore[misc]


def test_reexported_from_the_package() -> None:
    from argmap.comparing.comparison import Comparison

    argmap = importlib.import_module("argmap")  # a plain module object: the lazy names are dynamic
    assert argmap.compare(hand_maps(), hand_catalogue()) == hand()
    assert argmap.Comparison is Comparison
    assert "compare" in argmap.__all__ and "Comparison" in argmap.__all__


@pytest.mark.slow
def test_package_functions_stay_functions_after_every_submodule_is_imported() -> None:
    code = (
        "import importlib, pkgutil, argmap; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(argmap.__path__, 'argmap.') "
        "if not m.name.endswith('__main__')]; "
        "print(*(type(getattr(argmap, n)).__name__ for n in ('render', 'compare', 'report', 'validate')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["function", "function", "function", "function"]


def test_pair_lists_match_the_cells_on_every_seed_pair() -> None:
    """The bit-set pair code against the definitions, cell by cell (every seed actor and proposition):
    cells agree when their directions are equal, are opposed when one leans pro and the other con;
    in a row whose stances are about times that do not all overlap, the slices decide (periods.py)."""
    from argmap.comparing.periods import meeting, row_is_uniform, slices

    c = seeds(speakers=True)
    ids = [p.id for p in c.propositions]
    column = {a.id: j for j, a in enumerate(c.actors)}
    rows = {p: c.row(p) for p in ids}
    for pair in c.pairs:
        i, j = column[pair.a], column[pair.b]
        how = {}
        for p, row in rows.items():
            if row[i].position == "silent" or row[j].position == "silent":
                continue
            if row_is_uniform(row):
                da, db = row[i].direction, row[j].direction
                how[p] = "agree" if da == db else "opposed" if da * db < 0 else "neither"
            else:
                how[p] = meeting(slices(row), i, j)
        assert pair.agree_on == tuple(p for p in ids if how.get(p) == "agree")
        assert pair.disagree_on == tuple(p for p in ids if how.get(p) == "opposed")
        assert pair.apart_in_time == tuple(p for p in ids if how.get(p) == "apart")
        assert pair.shared == sum(1 for v in how.values() if v != "apart")


def test_evidence_spanning_months_pairs_once() -> None:
    def evidence(map_id: str, date: str, claim_position: str) -> LoadedMap:
        return in_memory(
            map_id,
            map_id.title(),
            [
                {"id": "c", "kind": "claim", "text": "c", "quote": "c",
                 "stances": [{"proposition": "p", "position": claim_position}]},
                {"id": "e", "kind": "evidence", "text": "The long strike closed the port.", "quote": "e",
                 "date": date},
            ],
            relations=[{"id": "r", "type": "support", "from": ["e"], "to": "c"}],
        )  # fmt: skip

    catalogue = PropositionCatalogue(version=2, propositions=[{"id": "p", "text": "P."}])
    maps = [evidence("x", "2020-01/2020-06", "pro"), evidence("y", "2020-03/2020-09", "con")]
    [event] = compare(maps, catalogue).shared_events
    assert (event.a_map, event.b_map, event.similarity, event.opposite_on) == ("x", "y", 1.0, ("p",))
    apart = [evidence("x", "2020-01-01/2020-01-09", "pro"), evidence("y", "2020-01-10", "con")]
    assert compare(apart, catalogue).shared_events == ()  # same month, different days


def test_gc_paused_restores_the_collector_even_on_error() -> None:
    from argmap.comparing.gcpause import gc_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause is left alone
    finally:
        gc.enable()
