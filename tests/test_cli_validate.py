"""`argmap validate` through click's CliRunner: exact output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from tests.conftest import DATA

VALID_ARGS = ["--maps", "tests/data/valid"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_named_maps(in_repo: Path) -> None:
    code, out, err = run("validate", *VALID_ARGS, "essay", "reply")
    assert (code, err) == (0, "")
    assert out == (
        "tests/data/valid/essay.json: ok (8 nodes, 5 relations, 7 quotes found)\n"
        "tests/data/valid/reply.json: ok (1 node, 1 relation, 1 quote found)\n"
        "checked 2 files: 2 valid, 0 invalid; 0 errors, 0 warnings\n"
    )


def test_validate_all_includes_catalogue_and_warnings(in_repo: Path) -> None:
    code, out, _ = run("validate", *VALID_ARGS)
    assert code == 0
    assert out.splitlines() == [
        "tests/data/valid/essay.json: ok (8 nodes, 5 relations, 7 quotes found)",
        "warning: tests/data/valid/minimal.json::$.nodes[0].quote: quote matches "
        "tests/data/source.txt only when case is ignored; copy the source's capitals",
        "tests/data/valid/minimal.json: ok (1 node, 0 relations, 1 quote found)",
        "tests/data/valid/reply.json: ok (1 node, 1 relation, 1 quote found)",
        "tests/data/valid/timed.json: ok (8 nodes, 5 relations, 7 quotes found)",
        "tests/data/valid/propositions.json: ok",
        "checked 5 files: 5 valid, 0 invalid; 0 errors, 1 warning",
    ]


def test_validate_by_path_reports_problem_and_exits_1(in_repo: Path) -> None:
    code, out, err = run(
        "validate",
        *VALID_ARGS,
        "--propositions",
        "tests/data/valid/propositions.json",
        "tests/data/invalid/unknown-node.json",
    )
    assert (code, err) == (1, "")
    assert out == (
        "tests/data/invalid/unknown-node.json::$.relations[2].to: unknown node or relation 'c9'\n"
        "checked 1 file: 0 valid, 1 invalid; 1 error, 0 warnings\n"
    )


def test_validate_json_format(in_repo: Path) -> None:
    code, out, _ = run(
        "validate",
        *VALID_ARGS,
        "--propositions",
        "tests/data/valid/propositions.json",
        "--format",
        "json",
        "tests/data/invalid/second-thesis.json",
    )
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False
    assert (data["errors"], data["warnings"]) == (1, 0)
    [file] = data["files"]
    assert file["file"] == "tests/data/invalid/second-thesis.json"
    assert file["problems"] == [
        {
            "severity": "error",
            "path": "$.nodes[3].thesis",
            "line": None,
            "column": None,
            "message": "a second main thesis ('c1' is already the thesis)",
        }
    ]


def test_unknown_name_lists_available_maps(in_repo: Path) -> None:
    code, out, err = run("validate", *VALID_ARGS, "nosuch")
    assert (code, out) == (1, "")
    assert err == (
        "Error: no map named 'nosuch': looked for tests/data/valid/nosuch.json or .yaml "
        "(available maps: essay, minimal, reply, timed)\n"
    )


def test_empty_maps_folder_says_where_it_looked(tmp_path: Path) -> None:
    code, _, err = run("validate", "--maps", str(tmp_path / "none"))
    assert code == 1
    assert err == (
        f"Error: no maps found: {tmp_path / 'none'}/ has no *.json or *.yaml files "
        "(argmap examples DIR copies the example maps into DIR)\n"
    )


def test_bad_option_is_usage_error(in_repo: Path) -> None:
    code, _, err = run("validate", "--format", "yaml")
    assert code == 2
    assert "Invalid value for '--format'" in err


def test_bad_json_names_line_and_column(in_repo: Path) -> None:
    code, out, _ = run("validate", *VALID_ARGS, "tests/data/invalid/bad-json.json")
    assert code == 1
    assert out.splitlines()[0] == (
        "tests/data/invalid/bad-json.json:3:20: invalid JSON: "
        "expecting property name enclosed in double quotes"
    )


def test_every_command_has_help_with_an_example() -> None:
    for name, command in main.commands.items():
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in (command.help or ""), f"{name} --help lacks an example"


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("argmap, version ")


def test_data_folder_is_where_tests_expect(in_repo: Path) -> None:
    assert (DATA / "valid" / "essay.json").is_file()


def test_missing_dependency_is_one_line_not_a_traceback(
    in_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.core.load

    def broken(*args: object, **kwargs: object) -> None:
        raise ModuleNotFoundError("No module named 'jsonschema_rs'", name="jsonschema_rs")

    monkeypatch.setattr(argmap.core.load, "validate", broken)
    code, out, err = run("validate", *VALID_ARGS, "essay")
    assert (code, out) == (1, "")
    assert err == (
        "Error: argmap needs the Python package 'jsonschema_rs', which this environment lacks; "
        "reinstall argmap (pip install -e . in a checkout)\n"
    )
