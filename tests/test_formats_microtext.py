"""The microtext corpus in: every arggraph feature of the DTD, the real texts, and every way to fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.formats import microtext
from argmap.formats.common import FormatError

SCHOOL = ("micro-b012", "micro-b030", "micro-b038")


def _import(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["import", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_corpus_imports_into_valid_maps_and_a_catalogue(corpora: Path, tmp_path: Path) -> None:
    out = tmp_path / "imported"
    code, stdout, _ = _import(str(corpora / "microtexts"), "-o", str(out))
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0] == (
        f"{corpora}/microtexts/micro_b001.xml: microtext (XML with an <arggraph> root) "
        f"-> {out}/micro-b001.json"
    )
    assert lines[-3:] == [
        f"skipped {corpora}/microtexts/LICENSE: not a format argmap imports (no suffix)",
        f"skipped {corpora}/microtexts/arggraph.dtd: not a format argmap imports (.dtd)",
        f"imported 11 of 11 files (11 microtext) into {out}/; 2 skipped, 0 failed, 0 with notes, 0 warnings",
    ]
    maps = sorted(p.name for p in out.glob("*.json"))
    assert len(maps) == 12 and "propositions.json" in maps
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging folder left behind
    # Every text is copied byte for byte beside its map.
    assert (out / "micro-b012.txt").read_bytes() == (corpora / "microtexts" / "micro_b012.txt").read_bytes()
    result = CliRunner().invoke(main, ["validate", "--maps", str(out)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "checked 12 files: 12 valid, 0 invalid; 0 errors, 0 warnings"


def test_compare_over_the_school_uniform_texts_opposes_pro_and_con(corpora: Path, tmp_path: Path) -> None:
    files = [str(corpora / "microtexts" / f"micro_{n}.xml") for n in ("b012", "b030", "b038")]
    assert _import(*files, "-o", str(tmp_path))[0] == 0
    result = CliRunner().invoke(main, ["compare", "--maps", str(tmp_path), *SCHOOL])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "school-uniforms  +  \u2212  +" in out
    assert "school-uniforms: for A, C; against B" in out
    assert "  A-B       1      1.00       0.00        1.00   -1.00" in out  # b012 against b030
    assert "  B-C       1      1.00       0.00        1.00   -1.00" in out  # b030 against b038
    catalogue = json.loads((tmp_path / "propositions.json").read_text(encoding="utf-8"))
    assert catalogue["propositions"] == [
        {
            "id": "school-uniforms",
            "text": "Should school uniforms be worn again in our schools?",
            "description": "Microtext corpus topic 'school_uniforms': pro answers yes, con answers no.",
            "kind": "normative",
            "timeless": True,
        }
    ]


def test_rebuttal_undercut_and_linked_undercut_of_b001(corpora: Path) -> None:
    path = corpora / "microtexts" / "micro_b001.xml"
    imported = microtext.load(
        path.read_bytes(), file="b001", name="micro_b001", text=path.with_suffix(".txt").read_text("utf-8")
    )
    m = imported.map
    relations = {r.id: (r.type.value, r.premises, r.target) for r in m.relations}
    # c1 reb: a1 attacks a5; c2 sup: a2 supports a1; c3 und on c1, with a4 added by c4 (add).
    assert relations == {
        "c1": ("attack", ["a1"], "a5"),
        "c2": ("support", ["a2"], "a1"),
        "c3": ("attack", ["a3", "a4"], "c1"),
    }
    thesis = next(n for n in m.nodes if n.thesis)
    assert thesis.id == "a5" and [(s.proposition, s.position.value) for s in thesis.stances] == [
        ("waste-separation", "pro")
    ]
    a1 = m.nodes[0]
    assert (a1.speaker, a1.tags, a1.quote) == (
        "opponent",
        ["opponent"],
        "Yes, it's annoying and cumbersome to separate your rubbish properly all the time.",
    )
    assert [p.id for p in imported.propositions] == ["waste-separation"]


def test_support_by_example_becomes_example_evidence(corpora: Path) -> None:
    path = corpora / "microtexts" / "micro_b036.xml"
    m = microtext.load(path.read_bytes(), file="b036", name="micro_b036", text=None).map
    a4 = next(n for n in m.nodes if n.id == "a4")
    assert (a4.kind.value, a4.evidence_kind.value if a4.evidence_kind else None) == ("evidence", "example")
    assert next(r for r in m.relations if r.id == "c4").type.value == "support"


JOINT = b"""<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="micro_x1" topic_id="waste_separation" stance="unclear">
  <edu id="e1">Bins stink.</edu>
  <edu id="e2">But we must</edu>
  <edu id="e3">separate waste.</edu>
  <edu id="e4">By the way, it rained.</edu>
  <joint id="j1"/>
  <adu id="a1" type="opp"/>
  <adu id="a2" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="j1" type="seg"/>
  <edge id="c3" src="e3" trg="j1" type="seg"/>
  <edge id="c4" src="j1" trg="a2" type="seg"/>
  <edge id="c5" src="a1" trg="a2" type="reb"/>
</arggraph>
"""


def test_joints_unsegmented_edus_missing_text_and_unclear_stance() -> None:
    imported = microtext.load(JOINT, file="x1.xml", name="micro_x1")
    a2 = imported.map.nodes[1]
    assert (a2.quote, a2.text, a2.thesis, a2.stances) == ("But we must separate waste.",) * 2 + (True, [])
    assert imported.source_text == "Bins stink. But we must separate waste. By the way, it rained.\n"
    assert imported.summary() == (
        "1 EDUs in no ADU (not argumentative); no .txt beside it: source text rebuilt from the EDUs; "
        "stance 'unclear' on waste_separation is not recorded as a position"
    )
    assert imported.propositions == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.xml: is empty; an arggraph document is XML"),
        (b"<arggraph id='a'><edu id='e1'>x</edu>", "x.xml:1:38: invalid XML: no element found"),
        (b"<graph/>", "x.xml:1: the root element is <graph>, not <arggraph>"),
        (
            JOINT.replace(b'type="reb"', b'type="attack"'),
            "x.xml:<edge id='c5'>: type 'attack' is not one of seg, sup, exa, add, reb, und",
        ),
        (
            JOINT.replace(b'trg="a2" type="reb"', b'trg="a9" type="reb"'),
            "x.xml:<edge id='c5'>: 'a9' is no EDU, joint, ADU or edge",
        ),
        (JOINT.replace(b'<adu id="a2"', b'<adu id="a1"'), "x.xml:<adu id='a1'>: duplicate id 'a1'"),
        (
            JOINT.replace(b'type="reb"/>', b'type="reb"/><edge id="c6" src="a2" trg="a1" type="sup"/>'),
            "x.xml:arggraph: the argument graph has a cycle: a1 -> c5 -> a2 -> c6 -> a1",
        ),
        (
            JOINT.replace(b'trg="a2" type="reb"', b'trg="a2" type="und"'),
            "x.xml:<edge id='c5'>: an und edge targets an argumentative edge, not 'a2'",
        ),
        (
            JOINT.replace(b'<adu id="a1" type="opp"/>', b'<adu id="a1" type="con"/>'),
            "x.xml:<adu id='a1'>: type 'con' is not one of pro, opp",
        ),
        (
            JOINT.replace(b"</arggraph>", b"<note/></arggraph>"),
            "x.xml:arggraph: unknown element <note> (arggraph.dtd has edu, joint, adu, edge)",
        ),
    ],
)
def test_malformed_arggraphs_fail_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        microtext.load(data, file="x.xml", name="x")
    assert str(caught.value) == message


def test_an_edu_missing_from_its_text_is_an_error() -> None:
    with pytest.raises(FormatError) as caught:
        microtext.load(JOINT, file="x.xml", name="x", text="Something else entirely.")
    assert str(caught.value) == "x.xml:<edu id='e1'>: its text is not in the source text"


def test_a_failing_file_writes_nothing_and_the_others_still_import(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "micro_x1.xml").write_bytes(JOINT)
    (source / "micro_x2.xml").write_bytes(JOINT.replace(b"</arggraph>", b"<note/></arggraph>"))
    out = tmp_path / "out"
    code, stdout, stderr = _import(str(source), "-o", str(out))
    assert code == 1
    assert "  note: 1 EDUs in no ADU (not argumentative); no .txt beside it" in stdout
    assert stderr == (
        f"Error: {source}/micro_x2.xml:arggraph: unknown element <note> "
        "(arggraph.dtd has edu, joint, adu, edge)\n"
    )
    assert (
        stdout.splitlines()[-1]
        == f"imported 1 of 2 files (1 microtext) into {out}/; 0 skipped, 1 failed, 1 with notes, 0 warnings"
    )
    assert sorted(p.name for p in out.iterdir()) == ["micro-x1.json", "micro-x1.txt"]


def test_date_and_author_given_on_the_command_line(corpora: Path, tmp_path: Path) -> None:
    source = str(corpora / "microtexts" / "micro_b012.xml")
    code, _, _ = _import(source, "-o", str(tmp_path), "--date", "2014-05", "--author", "Writer 12")
    assert code == 0
    written = json.loads((tmp_path / "micro-b012.json").read_text(encoding="utf-8"))
    assert (written["author"], written["source"]["date"]) == ({"name": "Writer 12"}, "2014-05")
    code, _, stderr = _import(source, "-o", str(tmp_path / "bad"), "--date", "May 2014")
    assert code == 1
    assert stderr == (
        f'Error: {source}: the imported map would have $.source.date = "May 2014": '
        "not an ISO partial date: YYYY, YYYY-MM or YYYY-MM-DD\n"
    )
