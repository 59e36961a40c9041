"""`argmap compare` through click's CliRunner: exact output, files written whole, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from tests.compare_data import HAND
from tests.conftest import GOLDEN

HAND_ARGS = ["--maps", "tests/data/compare"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["compare", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_to_stdout(in_repo: Path) -> None:
    code, out, err = run(*HAND_ARGS)
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "compare-millbrook.txt").read_text(encoding="utf-8")
    assert run(*HAND_ARGS, "alice", "bob", "carol", "-o", "-")[1] == out


def test_names_keep_their_order(in_repo: Path) -> None:
    code, out, _ = run(*HAND_ARGS, "carol", "alice")
    assert code == 0
    assert "  A  Carol Chen (carol, 2021-01)\n  B  Alice Archer (alice, 2021-03)" in out
    by_date = run(*HAND_ARGS, "--by-date")[1]
    assert "  A  Carol Chen (carol, 2021-01)\n  B  Alice Archer" in by_date


def test_only_and_speakers(in_repo: Path) -> None:
    code, out, _ = run(*HAND_ARGS, "--only", "ferry-sufficient", "--only", "river-clean", "--speakers")
    assert code == 0
    assert out.splitlines()[:12] == [
        "Comparison of 4 actors on 2 propositions (restricted with --only); actors in map",
        "  order, quoted speakers included.",
        "",
        "Stances",
        "  + pro, \u2212 con, 0 neutral, \u00b1 mixed, \u00b7 silent",
        "",
        "                  A  B  C  D",
        "ferry-sufficient  \u00b7  \u2212  +  \u2212",
        "river-clean       \u00b7  \u00b7  \u00b7  \u00b7",
        "",
        "  A  Alice Archer (alice, 2021-03)",
        "  B  Mayor Diaz (quoted in alice, 2021-03)",
    ]


def test_format_follows_the_output_suffix(in_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "c.json"
    code, out, err = run(*HAND_ARGS, "-o", str(target))
    assert (code, out, err) == (0, f"{target}\n", "")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["version"] == 1 and [a["id"] for a in data["actors"]] == ["alice", "bob", "carol"]
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]  # no temporary file left behind

    checks: dict[str, Callable[[str], bool]] = {
        ".md": lambda t: t.startswith("# Comparison of 3 actors"),
        ".csv": lambda t: next(csv.reader(io.StringIO(t)))[0] == "actor",
        ".graphml": lambda t: "<graphml" in t,
        ".svg": lambda t: "<svg" in t,
        ".txt": lambda t: t.startswith("Comparison of 3 actors"),
        ".out": lambda t: t.startswith("Comparison of 3 actors"),  # unknown suffix: text
    }
    for suffix, check in checks.items():
        path = tmp_path / f"c{suffix}"
        assert run(*HAND_ARGS, "-o", str(path))[0] == 0
        assert check(path.read_text(encoding="utf-8")), suffix


def test_format_option_wins_over_suffix(in_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "c.txt"
    assert run(*HAND_ARGS, "--format", "csv", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("actor,actor_label,map,")
    code, out, _ = run(*HAND_ARGS, "--format", "json")
    assert code == 0 and json.loads(out)["version"] == 1


def test_overwrites_a_file_whole(in_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "c.csv"
    target.write_text("old content that is much longer than nothing\n" * 1000, encoding="utf-8")
    assert run(*HAND_ARGS, "-o", str(target))[0] == 0
    assert "old content" not in target.read_text(encoding="utf-8")


def test_missing_output_folder(in_repo: Path) -> None:
    code, out, err = run(*HAND_ARGS, "-o", "out/x.json")
    assert (code, out) == (1, "")
    assert err == "Error: cannot write out/x.json: folder out does not exist\n"
    assert not Path("out").exists()


def test_one_map_is_a_usage_error(in_repo: Path) -> None:
    code, out, err = run(*HAND_ARGS, "alice")
    assert (code, out) == (2, "")
    assert err.endswith("Error: compare needs at least two maps; got 1: alice\n")


def test_map_without_stances(in_repo: Path) -> None:
    code, out, err = run(*HAND_ARGS, "alice", "tests/data/compare/errors/nostance.json")
    assert (code, out) == (1, "")
    assert err == "Error: map 'nostance' takes no stance on any proposition; nothing to compare\n"


def test_unknown_proposition(in_repo: Path) -> None:
    code, out, err = run(*HAND_ARGS, "--only", "nope")
    assert (code, out) == (1, "")
    assert err == "Error: unknown proposition 'nope' (not in tests/data/compare/propositions.json)\n"
    code, _, err = run("panov", "kobayashi", "--only", "x")
    assert (code, err) == (1, "Error: unknown proposition 'x' (not in maps/propositions.json)\n")


def test_two_maps_with_one_id(in_repo: Path) -> None:
    args = [*HAND_ARGS, "--propositions", "tests/data/compare/propositions.json"]
    code, out, err = run(*args, "alice", "tests/data/compare/errors/alice.json")
    assert (code, out) == (1, "")
    assert err == (
        "Error: tests/data/compare/errors/alice.json::$.id: map id 'alice' is also used by "
        "tests/data/compare/alice.json\n"
    )


def test_maps_with_different_catalogues(in_repo: Path, tmp_path: Path) -> None:
    for name in ("carol.json", "carol.txt", "propositions.json"):
        shutil.copy(HAND / name, tmp_path / name)
    code, _, err = run(*HAND_ARGS, "alice", str(tmp_path / "carol.json"))
    assert code == 2
    assert "Error: the maps use different proposition catalogues (" in err
    assert "pick one with --propositions" in err
    chosen = ["--propositions", "tests/data/compare/propositions.json"]
    assert run(*HAND_ARGS, *chosen, "alice", str(tmp_path / "carol.json"))[0] == 0


def test_seed_maps_kobayashi_against_panov(in_repo: Path) -> None:
    code, out, err = run("kobayashi", "panov")
    assert (code, err) == (0, "")
    assert "  A  Kazushige Kobayashi (kobayashi, 2014-09, as reported by Alexander Panov)" in out
    assert "japan-russia-policy-independent               +  \u2212" in out
    assert "  japan-russia-policy-independent: A pro, B con" in out
    assert "panov r39: B attacks A's kobayashi:k1 (not answered)" in out
    assert max(len(line) for line in out.splitlines()) <= 80
