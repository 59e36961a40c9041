"""ICCMA and ASPARTIX files as a competition solver reads them, and its answers read back as labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygarg.dung import apx_parser, dimacs_parser
from pygarg.dung import solver as pygarg

from argmap.evaluating import Framework, build_framework, read_extension, write_apx, write_iccma
from argmap.evaluating.evaluation import evaluate_extension, evaluate_framework
from argmap.evaluating.interchange import SolverOutputError
from tests.evaluate_data import small_map

FLOATING = small_map(
    ["a", "b", "c", "d"],
    [
        {"id": "r1", "type": "attack", "from": ["a"], "to": "b"},
        {"id": "r2", "type": "attack", "from": ["b"], "to": "a"},
        {"id": "r3", "type": "attack", "from": ["a"], "to": "c"},
        {"id": "r4", "type": "attack", "from": ["b"], "to": "c"},
        {"id": "r5", "type": "attack", "from": ["c"], "to": "d"},
    ],
)


def test_iccma_file_is_exact() -> None:
    fw = Framework.from_attacks(["x", "y", "z"], [("x", "y"), ("y", "z"), ("z", "z")])
    assert write_iccma(fw) == "p af 3\n# 1 x\n# 2 y\n# 3 z\n1 2\n2 3\n3 3\n"
    assert (
        write_apx(fw)
        == "arg(a1_x).\narg(a2_y).\narg(a3_z).\natt(a1_x,a2_y).\natt(a2_y,a3_z).\natt(a3_z,a3_z).\n"
    )


def test_a_solver_reads_our_files_and_we_read_its_answer(tmp_path: Path) -> None:
    fw = build_framework([FLOATING])
    (tmp_path / "f.af").write_text(write_iccma(fw), encoding="utf-8")
    (tmp_path / "f.apx").write_text(write_apx(fw), encoding="utf-8")
    args, attacks = dimacs_parser.parse(str(tmp_path / "f.af"))
    assert sorted((int(a) - 1, int(b) - 1) for a, b in attacks) == list(fw.attacks)
    apx_args, apx_attacks = apx_parser.parse(str(tmp_path / "f.apx"))
    assert len(apx_args) == fw.size and len(apx_attacks) == len(fw.attacks)

    ours = evaluate_framework(fw, "preferred")
    answers = pygarg.extension_enumeration(args, attacks, "PR")
    found = sorted(read_extension(fw, "w " + " ".join(sorted(e, key=int)) + "\n") for e in answers)
    assert found == sorted(ours.extensions)
    apx_answer = pygarg.extension_enumeration(apx_args, apx_attacks, "PR")[0]
    as_clingo = " ".join(f"in({name})" for name in apx_answer)
    labelled = evaluate_extension(fw, read_extension(fw, as_clingo))
    assert labelled.exhaustive  # a preferred extension is complete
    assert labelled.label("t:d") == "in" and labelled.label("t:c") == "out"


def test_answer_formats() -> None:
    fw = build_framework([FLOATING])
    assert read_extension(fw, "c comment\nw 1 4\n") == (0, 3)
    assert read_extension(fw, "Answer: 1\nin(a1_t_a) in(a4_t_d)\nSATISFIABLE\n") == (0, 3)
    assert read_extension(fw, "[a1,a4]\n") == (0, 3)
    assert read_extension(fw, "w\n") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("NO\n", "sol.txt:1: the solver found no extension (NO)"),
        ("w 1 99\n", "sol.txt:1: argument 99 is not in the framework (1..9)"),
        ("w 1 x\n", "sol.txt:1: a witness line holds argument numbers only"),
        ("in(a12_t_q)\n", "sol.txt:1: argument a12 is not in the framework (a1..a9)"),
        ("", "sol.txt: no extension found in the solver's answer"),
        ("\nhello\n", "sol.txt:2: not an extension: expected 'w 1 2 ...', 'in(a1) ...' or '[a1,...]'"),
    ],
)
def test_bad_answers_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(SolverOutputError) as caught:
        read_extension(build_framework([FLOATING]), text, "sol.txt")
    assert str(caught.value) == message


def test_an_extension_that_is_not_complete_is_flagged() -> None:
    fw = build_framework([FLOATING])
    assert not evaluate_extension(fw, (0, 1)).exhaustive  # a and b attack each other
