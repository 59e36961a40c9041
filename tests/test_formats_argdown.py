"""Argdown out and in: Argdown's own parser reads every export cleanly, and hand-written Argdown imports."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.core.load import load_catalogue, load_map
from argmap.core.model import FORMAT_VERSION, ArgumentMap
from argmap.formats import argdown
from argmap.formats.common import FormatError
from tests.conftest import REPO

SEED_MAPS = sorted(p.stem for p in (REPO / "maps").glob("*.json") if p.name != "propositions.json")
# Text that means something to Argdown's lexer, in every place a map puts text.
HOSTILE_TEXT = (
    "U.S. #1 [not a ref] <not arg> @[mention] *b* **bb** _i_ __ii__ {x} } y // no comment http://e.g.x "
    '/* none */ <!-- none --> 10:30 :smile: .x. a\\b "q" \u2013 \u00e9'
)
HOSTILE = ArgumentMap.model_validate(
    {
        "version": FORMAT_VERSION,
        "id": "hostile",
        "title": "=== not front matter === " + HOSTILE_TEXT,
        "author": {"name": "A } b"},
        "source": {"path": "hostile.txt", "title": HOSTILE_TEXT, "date": "2024"},
        "nodes": [
            {
                "id": "n1",
                "kind": "claim",
                "text": HOSTILE_TEXT,
                "quote": HOSTILE_TEXT + " } q {",
                "tags": ["t (x", "a b"],
            },
            {
                "id": "n2",
                "kind": "evidence",
                "text": "+ [n1] - <r1> (1) ---- # head",
                "quote": "q",
                "citation": "} x {",
            },
        ],
        "relations": [{"id": "r1", "type": "attack", "from": ["n2"], "to": "n1", "note": HOSTILE_TEXT}],
    }
)


def _argdown_cli() -> str:
    found = shutil.which("argdown")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the Argdown CLI is missing: .ci/run installs it with npm install -g @argdown/cli")
        pytest.skip("the Argdown CLI is not installed (npm install -g @argdown/cli)")
    return found


@pytest.fixture(scope="module")
def parsed_by_argdown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Every seed map exported, then read by one run of `argdown json` over all of them."""
    cli = _argdown_cli()
    folder = tmp_path_factory.mktemp("argdown")
    catalogue = load_catalogue(REPO / "maps" / "propositions.json")
    for name in SEED_MAPS:
        text, _ = argdown.dump(load_map(name, REPO / "maps").map, catalogue)
        (folder / f"{name}.argdown").write_text(text, encoding="utf-8")
    (folder / "hostile.argdown").write_text(argdown.dump(HOSTILE)[0], encoding="utf-8")
    run = subprocess.run(
        [cli, "json", "*.argdown", "out"], cwd=folder, capture_output=True, text=True, timeout=120
    )
    return {"run": run, "folder": folder}


@pytest.mark.slow
@pytest.mark.parametrize("name", SEED_MAPS)
def test_argdowns_own_parser_reads_every_export_without_errors_or_warnings(
    name: str, parsed_by_argdown: dict[str, object]
) -> None:
    run = parsed_by_argdown["run"]
    assert isinstance(run, subprocess.CompletedProcess)
    assert run.returncode == 0
    assert run.stderr == ""
    assert (
        re.sub(r"\x1b\[[0-9;]*m", "", run.stdout).strip()
        == f"Successfully export {len(SEED_MAPS) + 1} files to JSON."
    )
    folder = parsed_by_argdown["folder"]
    assert isinstance(folder, Path)
    parsed = json.loads((folder / "out" / f"{name}.json").read_text(encoding="utf-8"))
    loaded = load_map(name, REPO / "maps")

    m = loaded.map
    statements = parsed["statements"]
    own = {k: v for k, v in statements.items() if "external" not in (v.get("data") or {})}
    assert set(own) == {n.id for n in m.nodes}
    for node in m.nodes:
        found = own[node.id]
        assert found["members"][0]["text"].strip() == node.text
        assert (found.get("data") or {}).get("quote") == node.quote
        assert sorted(found.get("tags") or []) == sorted(node.tags)
        assert bool((found.get("data") or {}).get("thesis")) == node.thesis
    externals = {r.target for r in m.relations if ":" in r.target}
    assert set(statements) - set(own) == externals
    # Every relation is an argument: premises support it, it supports, attacks or undercuts its target.
    assert set(parsed["arguments"]) == {r.id for r in m.relations}
    relation_ids = {r.id for r in m.relations}
    expected = set()
    for rel in m.relations:
        expected |= {(p, rel.id, "support") for p in rel.premises}
        undercut = rel.target in relation_ids and rel.type.value == "attack"
        expected.add((rel.id, rel.target, "undercut" if undercut else rel.type.value))
    assert {(r["from"], r["to"], r["relationType"]) for r in parsed["relations"]} == expected


HANDWRITTEN = """===
title: Should we walk?
author: Jane Doe
date: 2024-05
===

// A comment, and a heading: neither is part of the map.
# The case

[Walk]: We should walk to work. #thesis-like #(daily life)
  {thesis: true}
  + [Health]: Walking is healthy.
  - [Rain]: It often rains. {quote: "It often rains", speaker: "Tom"}
    <_ It rains mostly at night.

<Time saved>: Walking takes no longer than the bus.

(1) [Bus]: The bus is slow in traffic.
(2) The walk takes 20 minutes.
----
(3) [Quick]: Walking is as quick as the bus.
  +> [Walk]

[Quiet]: Walking is quiet.
  {kind: evidence, evidence_kind: example, implicit: true}
  >< [Loud]: Walking is loud.
"""


def test_handwritten_argdown_imports_statements_arguments_and_relations() -> None:
    imported = argdown.load(HANDWRITTEN, file="walk.argdown", name="walk")
    m = imported.map
    assert (m.id, m.title, m.author.name, m.source.date, m.source.path) == (
        "walk",
        "Should we walk?",
        "Jane Doe",
        "2024-05",
        "walk.txt",
    )
    nodes = {n.id: n for n in m.nodes}
    assert list(nodes) == ["Walk", "Health", "Rain", "s1", "Bus", "s2", "Quick", "Quiet", "Loud"]
    assert (nodes["Walk"].tags, nodes["Walk"].thesis, nodes["Walk"].quote) == (
        ["thesis-like", "daily life"],
        True,
        "We should walk to work.",
    )
    assert (nodes["Rain"].quote, nodes["Rain"].speaker) == ("It often rains", "Tom")
    assert (nodes["Quiet"].kind.value, nodes["Quiet"].implicit, nodes["Quiet"].quote) == (
        "evidence",
        True,
        None,
    )
    relations = [(r.id, r.type.value, r.premises, r.target) for r in m.relations]
    assert relations == [
        ("Time-saved", "support", ["Bus", "s2"], "Quick"),
        ("r1", "support", ["Health"], "Walk"),
        ("r2", "attack", ["Rain"], "Walk"),
        ("r3", "attack", ["s1"], "Rain"),
        ("r4", "support", ["Quick"], "Walk"),
    ]
    assert imported.summary() == (
        "1 contradictions (><) argmap has no relation for; "
        "line 14: an undercut of a statement is read as an attack on it"
    )
    # The statements are the source text, so every quote is found in it.
    assert "It often rains" in imported.source_text and "We should walk to work." in imported.source_text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "w.argdown: is empty; nothing to import"),
        ("===\ntitle: x\n", "w.argdown:1:1: the front matter opened by === is never closed"),
        (
            "===\n- a\n===\n[a]: b\n",
            "w.argdown:1:1: the front matter is YAML but not a mapping of keys to values",
        ),
        ("[a]: text {quote: [unclosed}\n", "w.argdown:1:1: invalid YAML data"),
        ("[a]: text\n  [b]: other\n", "w.argdown:2:3: an indented line must start with a relation"),
        ("  + [b]: lonely\n", "w.argdown:1:3: relation '+' has no statement or argument above it"),
        ("[a]: text\n", "w.argdown: no date: add `date: YYYY-MM-DD` to the front matter or give --date"),
        (
            "<A>\n\n(1) [p]: premise\n----\n",
            "w.argdown: an inference in <A> needs statements before and after it",
        ),
    ],
)
def test_malformed_argdown_fails_in_one_line(text: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        argdown.load(text, file="w.argdown", name="w")
    assert str(caught.value).startswith(message)


def test_text_that_argdown_would_read_as_markup_is_escaped() -> None:
    from argmap.formats.argdown_syntax import escape_text, parse_lines

    hostile = "U.S. #1 [not a ref] <not arg> *b* _i_ {x} // no comment http://e.g.x 10:30"
    line = parse_lines(f"[t]: {escape_text(hostile)}\n", "x", 0)[0]
    assert line is not None and line.element is not None
    assert (line.element.text, line.element.tags) == (hostile, [])


def test_the_readme_argdown_example_imports_and_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Writing maps in Argdown") :]
    example = section.split("```argdown\n", 1)[1].split("\n```", 1)[0]
    console = section.split("```console\n", 1)[1].split("\n```", 1)[0].splitlines()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "walk.argdown").write_text(example + "\n", encoding="utf-8")
    imported = CliRunner().invoke(main, ["import", "walk.argdown", "-o", "maps/"])
    validated = CliRunner().invoke(main, ["validate", "walk"])
    assert (imported.exit_code, validated.exit_code) == (0, 0)
    assert imported.stdout.splitlines() + validated.stdout.splitlines()[:1] == console[1:]


def test_a_statement_only_referred_to_is_said() -> None:
    imported = argdown.load("===\ndate: 2020\n===\n[a]: x\n  + [b]\n", file="w", name="w")
    assert [(n.id, n.text, n.quote) for n in imported.map.nodes] == [("a", "x", "x"), ("b", "b", "b")]
    assert imported.summary() == "1 statements are only referred to ([b]): their title is their text"


@pytest.mark.slow
def test_argdown_reads_hostile_text_back_unchanged(parsed_by_argdown: dict[str, object]) -> None:
    folder = parsed_by_argdown["folder"]
    assert isinstance(folder, Path)
    parsed = json.loads((folder / "out" / "hostile.json").read_text(encoding="utf-8"))
    statements = parsed["statements"]
    assert set(statements) == {"n1", "n2"}
    for node in HOSTILE.nodes:
        tags = "".join(f" #({tag})" for tag in node.tags)  # Argdown keeps tags in the text
        assert statements[node.id]["members"][0]["text"].strip() == node.text + tags
        assert statements[node.id]["data"]["quote"] == node.quote
    assert statements["n2"]["data"]["citation"] == "} x {"
    assert statements["n1"]["tags"] == ["t (x", "a b"]
    assert parsed["arguments"]["r1"]["members"][0]["text"].strip() == HOSTILE_TEXT
    # And argmap reads its own export back to the same map.
    assert argdown.load(argdown.dump(HOSTILE)[0], file="h", name="hostile").map == HOSTILE


SOURCED = """===
title: Walk
author: Jane
date: 2024-05
source: article.txt
===

[Walk]: We should walk. {implicit: true, thesis: true}
  + [Health]: Walking is healthy. {quote: "Walking is healthy"}
  - [Rain]: It rains a lot. {quote: "It often rains in May"}
"""


def test_a_source_named_in_the_front_matter_is_what_quotes_are_checked_against(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(
        "Walking is healthy, says the doctor. It often rains in May.\n", encoding="utf-8"
    )
    Path("walk.argdown").write_text(SOURCED, encoding="utf-8")
    assert CliRunner().invoke(main, ["import", "walk.argdown", "-o", "out"]).exit_code == 0
    assert Path("out/walk.txt").read_bytes() == Path("article.txt").read_bytes()

    Path("walk.argdown").write_text(SOURCED.replace("in May", "in June"), encoding="utf-8")
    failed = CliRunner().invoke(main, ["import", "walk.argdown", "-o", "again"])
    assert failed.exit_code == 1
    assert failed.stderr == (
        "Error: walk.argdown: the imported map would not validate: $.nodes[2].quote: quote not found in "
        'again/walk.txt; closest passage (82% similar) at line 1, column 38: "It often rains in May."\n'
    )
    assert list(Path("again").iterdir()) == []

    Path("walk.argdown").write_text(SOURCED.replace("article.txt", "../outside.txt"), encoding="utf-8")
    outside = CliRunner().invoke(main, ["import", "walk.argdown", "-o", "out"])
    assert (
        outside.stderr
        == "Error: walk.argdown: source ../outside.txt is outside the folder of the Argdown file\n"
    )
