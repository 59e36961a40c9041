"""The one rule for mixed and neutral, the speaker rule and the edges of every measure (docs/compare.md)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from argmap.comparing.actors import speaker_key
from argmap.comparing.formats import format_comparison
from argmap.comparing.matrix import compare
from argmap.comparing.measures import cosine, direction
from argmap.core.load import LoadedMap
from argmap.core.model import PropositionCatalogue
from tests.compare_data import in_memory
from tests.conftest import REPO

CATALOGUE = PropositionCatalogue(
    version=2, propositions=[{"id": f"p{i}", "text": f"Proposition {i}."} for i in range(1, 4)]
)


def claims(spec: str, prefix: str = "c", proposition: str = "p1") -> list[dict[str, Any]]:
    """'pro 3, neutral' -> claim nodes with those stances on one proposition."""
    nodes = []
    for i, part in enumerate(p.strip() for p in spec.split(",")):
        position, _, intensity = part.partition(" ")
        stance = {"proposition": proposition, "position": position, "intensity": int(intensity or 2)}
        nodes.append(
            {"id": f"{prefix}{i}", "kind": "claim", "text": part, "quote": part, "stances": [stance]}
        )
    return nodes


def actor_map(map_id: str, spec: str, **extra: Any) -> LoadedMap:
    return in_memory(map_id, map_id.title(), claims(spec), **extra)


# ---------------------------------------------------------------- the worked examples in docs/compare.md


def doc_table(marker: str) -> list[list[str]]:
    """The rows of the Markdown table after <!-- marker --> in docs/compare.md, cells stripped."""
    text = (REPO / "docs" / "compare.md").read_text(encoding="utf-8")
    block = text[text.index(f"<!-- {marker} -->") :].split("\n\n")[0]
    lines = [line for line in block.splitlines() if line.startswith("|")][2:]  # header, rule
    assert lines, f"no rows after <!-- {marker} -->"
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def number(text: str) -> float | None:
    return None if text == "none" else float(text.replace("\u2212", "-"))


@pytest.mark.parametrize("row", doc_table("pair-examples"), ids=lambda row: f"{row[0]} vs {row[1]}")
def test_docs_pair_examples(row: list[str]) -> None:
    a_claims, b_claims, a_cell, b_cell, agree, opposed, expected_cosine = row
    c = compare([actor_map("a", a_claims), actor_map("b", b_claims)], CATALOGUE)
    for actor, cell_text in (("a", a_cell), ("b", b_cell)):
        position, score = (x.strip() for x in cell_text.split(","))
        cell = c.cell("p1", actor)
        assert (cell.position, round(cell.score, 3)) == (position, number(score))
    pair = c.pair("a", "b")
    assert (pair.agreement, pair.opposition) == (float(agree == "yes"), float(opposed == "yes"))
    assert pair.cosine == number(expected_cosine)


@pytest.mark.parametrize("row", doc_table("proposition-examples"), ids=lambda row: row[0])
def test_docs_proposition_examples(row: list[str]) -> None:
    cells, leaning_pro, leaning_con, contestation, consensus = row
    maps = [actor_map(f"m{i}", spec) for i, spec in enumerate(cells.split(";"))]
    s = compare(maps, CATALOGUE).summary("p1")
    assert (s.leaning_pro, s.leaning_con) == (int(leaning_pro), int(leaning_con))
    assert round(s.contestation, 3) == float(contestation)
    assert s.consensus is (consensus == "yes")


# ---------------------------------------------------------------- the rule, measure by measure


def test_neutral_claims_do_not_dilute_a_score() -> None:
    c = compare([actor_map("a", "pro 3, neutral, neutral"), actor_map("b", "pro 1")], CATALOGUE)
    assert c.cell("p1", "a").score == 1.0  # not (3 + 0 + 0) / 3 / 3 = 1/3
    assert c.cell("p1", "a").intensity == 3
    assert c.cell("p1", "b").score == pytest.approx(1 / 3)


def test_mirror_mixed_cells_are_opposed_not_in_agreement() -> None:
    c = compare([actor_map("a", "pro 3, con 1"), actor_map("b", "con 3, pro 1")], CATALOGUE)
    a, b = c.cell("p1", "a"), c.cell("p1", "b")
    assert (a.position, b.position, a.direction, b.direction) == ("mixed", "mixed", 1, -1)
    pair = c.pair("a", "b")
    assert (pair.agreement, pair.opposition, pair.cosine) == (0.0, 1.0, -1.0)
    assert (pair.agree_on, pair.disagree_on) == ((), ("p1",))
    s = c.summary("p1")
    assert (s.leaning_pro, s.leaning_con, s.contestation, s.consensus) == (1, 1, 1.0, False)
    assert c.most_contested == ("p1",)


def test_pro_and_neutral_is_neither_agreement_nor_consensus() -> None:
    c = compare([actor_map("a", "pro 2"), actor_map("b", "neutral")], CATALOGUE)
    pair = c.pair("a", "b")
    assert (pair.shared, pair.agreement, pair.opposition) == (1, 0.0, 0.0)
    assert c.summary("p1").consensus is False
    assert c.consensus == ()


def test_consensus_is_every_pair_agreeing() -> None:
    maps = [actor_map("a", "pro 2"), actor_map("b", "pro 3, con 1"), actor_map("c", "pro 1")]
    c = compare(maps, CATALOGUE)
    assert c.consensus == ("p1",)
    assert all(p.agreement == 1.0 for p in c.pairs)


def test_direction_is_the_sign_of_the_score() -> None:
    assert [direction(x) for x in (-0.1, 0.0, 1e-9, 1.0)] == [-1, 0, 1, 1]


def test_cosine_of_identical_stances_is_exactly_one() -> None:
    # (1/3, 2/3, 1/3) . itself / |.|^2 is 1.0000000000000002 in floating point.
    spec = [("p1", "pro", 1), ("p2", "pro", 2), ("p3", "pro", 1)]

    def three(map_id: str) -> LoadedMap:
        nodes = [
            {"id": f"c{i}", "kind": "claim", "text": "t", "quote": f"q{i}",
             "stances": [{"proposition": p, "position": pos, "intensity": n}]}
            for i, (p, pos, n) in enumerate(spec)
        ]  # fmt: skip
        return in_memory(map_id, map_id, nodes)

    c = compare([three("a"), three("b")], CATALOGUE)
    assert c.pair("a", "b").cosine == 1.0
    assert json.loads(format_comparison(c, "json"))["pairs"][0]["cosine"] == 1.0
    graphml = ET.fromstring(format_comparison(c, "graphml"))
    values = [
        d.text
        for d in graphml.iter("{http://graphml.graphdrawing.org/xmlns}data")
        if d.get("key") == "cosine"
    ]
    assert values == ["1.0"]


def test_cosine_clamps_both_ends_and_is_undefined_for_zero_vectors() -> None:
    assert cosine(1.0000000000000002, 1.0, 1.0) == 1.0
    assert cosine(-1.0000000000000002, 1.0, 1.0) == -1.0
    assert cosine(0.5, 1.0, 1.0) == 0.5
    assert cosine(0.0, 0.0, 1.0) is None and cosine(0.0, 1.0, 0.0) is None


def test_most_contested_more_leaning_actors_first_at_equal_contestation() -> None:
    # p1: two for, two against (1.0, four actors); p2: one for, one against (1.0, two actors).
    # p1 comes first on the number of actors, although p2 comes first in the catalogue and by id.
    def actor(map_id: str, p1: str | None, p2: str | None) -> LoadedMap:
        nodes = []
        for prop, position in (("p1", p1), ("p2", p2)):
            if position:
                nodes += claims(position, prefix=f"{prop}c", proposition=prop)
        return in_memory(map_id, map_id, nodes)

    maps = [
        actor("a", "pro", "pro"),
        actor("b", "pro", "con"),
        actor("c", "con", None),
        actor("d", "con", None),
    ]
    catalogue = PropositionCatalogue(
        version=2, propositions=[{"id": "p2", "text": "2"}, {"id": "p1", "text": "1"}]
    )
    c = compare(maps, catalogue)
    assert [(s.id, s.contestation, s.leaning_pro + s.leaning_con) for s in c.propositions] == [
        ("p2", 1.0, 2),
        ("p1", 1.0, 4),
    ]
    assert c.most_contested == ("p1", "p2")


# ---------------------------------------------------------------- whose stance: speaker_key


def test_speaker_key_folds_case_and_spaces_and_knows_the_author() -> None:
    assert speaker_key(None, "Alice Archer") is None
    assert speaker_key("alice  ARCHER", "Alice Archer") is None
    assert speaker_key("Mayor Diaz", "Alice") == speaker_key("mayor   diaz", "Alice") == "mayor diaz"


def test_one_speaker_in_two_spellings_is_one_actor() -> None:
    nodes = [
        {"id": "c1", "kind": "claim", "text": "t", "quote": "q1", "speaker": "Mayor Diaz",
         "stances": [{"proposition": "p1", "position": "pro"}]},
        {"id": "c2", "kind": "claim", "text": "t", "quote": "q2", "speaker": "mayor  diaz",
         "stances": [{"proposition": "p2", "position": "con"}]},
        {"id": "c3", "kind": "claim", "text": "t", "quote": "q3",
         "stances": [{"proposition": "p1", "position": "pro"}]},
    ]  # fmt: skip
    a = in_memory("a", "Alice", nodes)
    c = compare([a, actor_map("b", "con 1")], CATALOGUE, speakers=True)
    assert [(x.id, x.name, x.claims) for x in c.actors] == [
        ("a", "Alice", 1),
        ("a--mayor-diaz", "Mayor Diaz", 2),
        ("b", "B", 1),
    ]
    assert c.actor("a").excluded_speakers == ("Mayor Diaz",)


def test_engagements_follow_speakers() -> None:
    """The source and target actors of a cross-map relation are the speakers' actors with --speakers."""
    a = in_memory(
        "a",
        "Alice",
        [
            {"id": "c1", "kind": "claim", "text": "t", "quote": "q1", "speaker": "MAYOR DIAZ",
             "stances": [{"proposition": "p1", "position": "pro"}]},
        ],
        relations=[{"id": "r1", "type": "attack", "from": ["c1"], "to": "b:c0"}],
    )  # fmt: skip
    b = actor_map("b", "con 1")
    [plain] = compare([a, b], CATALOGUE).engagements
    assert (plain.source_actor, plain.target_actor) == ("a", "b")
    [split] = compare([a, b], CATALOGUE, speakers=True).engagements
    assert (split.source_actor, split.target_actor) == ("a--mayor-diaz", "b")


def test_engagement_target_relation_is_described() -> None:
    """A relation of another map as target is described by its type, premises and target."""
    a = in_memory(
        "a",
        "Alice",
        claims("pro 2"),
        relations=[{"id": "r1", "type": "attack", "from": ["c0"], "to": "b:s1"}],
    )
    b = in_memory(
        "b",
        "Bob",
        [*claims("con 1"), {"id": "e1", "kind": "evidence", "text": "e", "quote": "e"}],
        relations=[{"id": "s1", "type": "support", "from": ["e1"], "to": "c0"}],
    )
    [e] = compare([a, b], CATALOGUE).engagements
    assert (e.target.map, e.target.node, e.target.text) == ("b", "s1", "(support relation from e1 to c0)")


def test_relation_into_a_map_that_lacks_the_target_names_the_file() -> None:
    """Maps loaded separately were never checked together: a clear error, not StopIteration."""
    from argmap.core.errors import ArgmapError

    a = in_memory(
        "a", "A", claims("pro 2"), relations=[{"id": "r1", "type": "attack", "from": ["c0"], "to": "b:nope"}]
    )
    with pytest.raises(
        ArgmapError, match=r"^a\.json::\$\.relations\[0\]\.to: unknown node 'nope' in map 'b' \(b\.json\)"
    ):
        compare([a, actor_map("b", "con")], CATALOGUE)


def test_report_shows_the_values_of_the_comparison() -> None:
    from argmap.reporting import report

    maps = [actor_map("a", "pro 3, con 2"), actor_map("b", "pro 2, con 3")]
    text = report(maps, "markdown", catalogue=CATALOGUE, comparison=compare(maps, CATALOGUE)).text
    # The mirror pair: agreement 0, opposition 1, cosine -1 (not the old agreement 1).
    assert re.search(r"\| A \u2013 B \| 1 \| 1\.00 \| 0\.00 \| 1\.00 \| -1\.00 \|", text), text
    # Disagreements by proposition: A (mixed, leaning pro) for, B (mixed, leaning con) against.
    assert "| Proposition 1. | A \\(mixed\\): [pro 3](#a.c0)<br>[con 2](#a.c1) | B \\(mixed\\): " in text


def test_speaker_ids_strip_punctuation_and_number_clashes_in_order() -> None:
    from argmap.comparing.actors import _speaker_ids

    names = ["\u00abAnon\u00bb", "Shinzo Abe", "Shinz\u014d Abe", "SHINZO  ABE!"]
    assert _speaker_ids("m", names) == ["m--anon", "m--shinzo-abe", "m--shinzo-abe-2", "m--shinzo-abe-3"]
