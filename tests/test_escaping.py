"""One escaping module per output language: the terminal rules, the table writer, one "undefined"."""

from __future__ import annotations

import re

import pytest

from argmap.comparing.formats import format_comparison
from argmap.comparing.matrix import compare
from argmap.core.escaping import md_table, terminal_line, terminal_text, xml_text
from argmap.core.model import PropositionCatalogue
from argmap.reporting.build import build_report
from tests.compare_data import in_memory
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),  # set the window title
        ("\x1b[2J", "\\x1b[2J"),  # clear the screen
        ("\x9b31m", "\\x9b31m"),  # the one-byte CSI of C1
        ("invoice\u202etxt.exe", "invoice\\u202etxt.exe"),  # right-to-left override
        ("a\u2066b\u2069c\u200f", "a\\u2066b\\u2069c\\u200f"),  # isolates and marks
        ("line\nbreak\ttab\rCR\x7f", "line\\x0abreak\\x09tab\\x0dCR\\x7f"),
        (
            "plain text, \u00e9 \u6f22\u5b57 \u2013 \u201cq\u201d",
            "plain text, \u00e9 \u6f22\u5b57 \u2013 \u201cq\u201d",
        ),
    ],
)
def test_terminal_line_shows_every_control_as_an_escape(raw: str, shown: str) -> None:
    assert terminal_line(raw) == shown


def test_terminal_text_keeps_line_structure_only() -> None:
    assert terminal_text("a\nb\tc\r\nd\re\x1b[0m") == "a\nb\tc\r\nd\\x0de\\x1b[0m"


def test_xml_text_replaces_what_xml_forbids() -> None:
    assert xml_text("a\x00b\x0bc\ud800d\ufffe\tok\n") == "a\ufffdb\ufffdc\ufffdd\ufffd\tok\n"


def test_md_table() -> None:
    assert md_table(["a", "b"], [["1", "2"]], "lr") == ["| a | b |", "|---|--:|", "| 1 | 2 |"]


def test_no_control_character_class_outside_the_escaping_modules() -> None:
    """The three regexes with different sets (labels, common, text) are gone: one module per language."""
    pattern = re.compile(r"\\x00-|\\x0b|\\x7f-|\[\\x00")
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "argmap").rglob("*.py"))
        if "escaping" not in path.parts and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _three_actors() -> list[object]:
    def claim(cid: str, prop: str, pos: str) -> dict[str, object]:
        return {
            "id": cid,
            "kind": "claim",
            "text": "t",
            "quote": "q",
            "stances": [{"proposition": prop, "position": pos}],
        }

    return [
        in_memory("a", "Ann", [claim("a1", "p", "pro")]),
        in_memory("b", "Bob", [claim("b1", "p", "con"), claim("b2", "q", "pro")]),
        in_memory("c", "Cy", [claim("c1", "q", "pro")]),
    ]


def test_undefined_is_spelled_once_across_compare_and_report() -> None:
    """Ann and Cy share no proposition: their agreement is undefined, "n/a" everywhere (the report
    wrote an en dash while compare --format markdown wrote "n/a")."""
    maps = _three_actors()
    catalogue = PropositionCatalogue(
        version=2, propositions=[{"id": "p", "text": "P"}, {"id": "q", "text": "Q"}]
    )
    c = compare(maps, catalogue)  # type: ignore[arg-type]
    row = "| Ann \u2013 Cy | 0 | 0.00 | n/a | n/a | 0.00 |"
    assert row in build_report(maps, "markdown", comparison=c).text  # type: ignore[arg-type]
    assert "| A | C | 0 | 0.00 | n/a | n/a | 0.00 |" in str(format_comparison(c, "markdown"))
    html = build_report(maps, "html", comparison=c).text  # type: ignore[arg-type]
    assert '<th scope="row">Ann \u2013 Cy</th><td class="num">0</td><td class="num">0.00</td>' in html
    assert '<td class="num">n/a</td><td class="num">n/a</td><td class="num">0.00</td>' in html


def test_html_report_replaces_what_xml_cannot_carry() -> None:
    """The report's HTML inlines SVG: both go through the one XML rule (escaped, invalid replaced)."""
    hostile = {
        "id": "h1",
        "kind": "claim",
        "text": "bell\x07 escape\x1b[2J form\x0c <b>",
        "quote": "q",
        "stances": [{"proposition": "p", "position": "pro"}],
    }
    page = build_report([in_memory("h", "Hal", [hostile])], "html").text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", page)
    assert "bell\ufffd escape\ufffd[2J form\ufffd &lt;b&gt;" in page
