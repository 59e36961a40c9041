"""`argmap evaluate` through click's CliRunner: exact output, formats, solver files, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from tests.conftest import check_golden


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["evaluate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_panov_against_kobayashi_text(in_repo: Path, update_golden: bool) -> None:
    code, out, err = run("panov", "kobayashi")
    assert (code, err) == (0, "")
    check_golden("evaluate-panov-kobayashi.txt", out, update_golden)
    kobayashi = out[out.index("Kazushige Kobayashi (kobayashi)") :]
    assert (
        kobayashi.splitlines()[0] == "Kazushige Kobayashi (kobayashi): 4 of 7 nodes stand, 3 out, 0 undecided"
    )
    # The thesis is out, and the reason quotes both authors.
    assert "  out       k1 (thesis): Tokyo is leaving Washington's orbit" in kobayashi
    assert "defeated by panov:r39 (Alexander Panov: c1 attacks kobayashi:k1), which stands:" in kobayashi
    assert "panov:c1 \u201cThe events of July-August 2014 show that this choice has been made" in kobayashi
    assert "kobayashi:k1 \u201cis spinning out of Washington\u2019s orbit" in kobayashi
    assert kobayashi.endswith("  unopposed, so standing: k4, ke1, ke2, ke3\n")


def test_json_has_every_argument_with_its_reason(in_repo: Path) -> None:
    code, out, _ = run("kobayashi", "panov", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["maps"] == ["kobayashi", "panov"]
    results = {r["key"]: r for r in data["results"]}
    assert results["kobayashi:k1"]["label"] == "out"
    assert results["kobayashi:k1"]["defeated_by"] == ["panov:r39"]
    assert results["panov:c1"]["survives"] == ["panov:r18"]
    assert results["panov:r18"] == {
        "key": "panov:r18",
        "map": "panov",
        "id": "r18",
        "kind": "attack",
        "from": ["panov:c4"],
        "to": "panov:c1",
        "label": "out",
        "defeated_by": ["panov:r19"],
    }
    # ke2 (the Ati visits) stands: Panov's r42 undercuts the inference Kobayashi draws from them.
    assert [k for k, r in results.items() if r["map"] == "kobayashi" and r["label"] == "in"] == [
        "kobayashi:k4",
        "kobayashi:ke1",
        "kobayashi:ke2",
        "kobayashi:ke3",
    ]


def test_gradual_csv_with_base_scores(in_repo: Path) -> None:
    code, out, _ = run(
        "panov", "kobayashi", "--semantics", "dfquad", "--format", "csv", "--base-score", "event=1"
    )
    assert code == 0
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["kobayashi:ke3"]["strength"] == "1.000000"  # an unattacked event keeps its base score
    assert rows["kobayashi:ke1"]["strength"] == "0.500000"  # a policy keeps the default
    assert rows["kobayashi:k1"]["reasons"].split()[0].startswith("panov:r39:-")


def test_preferred_lists_extensions(in_repo: Path) -> None:
    code, out, _ = run("panov", "kobayashi", "--semantics", "preferred", "--limit", "0")
    assert code == 0
    assert "Preferred extensions: 1. A node stands when it is in every one" in out
    assert "  ... and 1 more (--limit shows more)" in out


def test_solver_round_trip(in_repo: Path, tmp_path: Path) -> None:
    code, out, _ = run("panov", "kobayashi", "-o", str(tmp_path / "debate.af"))
    assert (code, out) == (0, f"{tmp_path / 'debate.af'}\n")
    lines = (tmp_path / "debate.af").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["p af 125", "# 1 panov:c1"]
    grounded = json.loads(run("panov", "kobayashi", "--format", "json")[1])
    members = [str(i + 1) for i, r in enumerate(grounded["results"]) if r["label"] == "in"]
    (tmp_path / "answer.txt").write_text("w " + " ".join(members) + "\n", encoding="utf-8")
    code, back, _ = run("panov", "kobayashi", "--extension", str(tmp_path / "answer.txt"), "--format", "json")
    assert code == 0
    assert [r["label"] for r in json.loads(back)["results"]] == [r["label"] for r in grounded["results"]]


def test_bad_input_is_one_line(in_repo: Path, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("w 1 500\n", encoding="utf-8")
    code, out, err = run("panov", "--extension", str(answer))
    assert (code, out) == (1, "")
    assert err == f"Error: {answer}:1: argument 500 is not in the framework (1..106)\n"
    code, _, err = run("panov", "--base-score", "event=2")
    assert (
        code == 2 and err.splitlines()[-1] == "Error: --base-score event=2: the score must be between 0 and 1"
    )
    code, _, err = run("panov", "--base-score", "gossip=0.2")
    assert code == 2 and "KIND must be one of claim, default, event" in err
    code, _, err = run("nobody")
    assert code == 1 and err.startswith("Error: no map named 'nobody'")


def test_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(main, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "Example: argmap evaluate panov kobayashi" in result.output
