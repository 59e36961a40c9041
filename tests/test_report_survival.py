"""The report's "What survives" section: each verdict linked to its node and quoted."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.core.load import load_maps
from argmap.reporting.build import build_report
from argmap.reporting.survival import survival_verdicts
from tests.test_report import parse, sample_maps


def test_verdicts_for_panov_and_kobayashi(in_repo: Path) -> None:
    maps = load_maps(["panov", "kobayashi"])
    _, verdicts, unopposed = survival_verdicts(maps)
    found = {f"{v.node.map_id}:{v.node.node}": (v.label, [k for k, _ in v.deciding]) for v in verdicts}
    assert found == {
        "panov:c1": ("in", ["panov:r18"]),
        "kobayashi:k1": ("out", ["panov:r39"]),
        "kobayashi:k2": ("out", ["panov:r43"]),
        "kobayashi:k3": ("out", ["panov:r40"]),
        # Panov's r42 undercuts Kobayashi's inference from the Ati visits, not the visits: ke2 stands.
        "panov:c30": ("out", ["panov:r48"]),
    }
    assert unopposed == {"panov": 52, "kobayashi": 4}


def test_html_section_links_every_verdict_to_its_node(in_repo: Path) -> None:
    maps = load_maps(["panov", "kobayashi"])
    text = build_report(maps, "html").text
    section = text[text.index('<section id="survival"') :]
    section = section[: section.index("</section>") + len("</section>")]
    page = parse(text)
    links = [h for h in parse(section).hrefs if h.startswith("#") and not h.startswith("#survival")]
    assert {"#kobayashi.k1", "#panov.c1", "#panov.c5"} <= set(links)  # c5 undercuts the attack on c1
    assert {h[1:] for h in links} <= set(page.ids)
    row = re.search(
        r"<tr><td class=\"verdict out\">out</td><td>(<a href=\"#kobayashi\.k1\">.*?)</tr>", section
    )
    assert row is not None
    assert '<a href="#kobayashi.k1">Kazushige Kobayashi, k1</a>: \u201cis spinning out' in row.group(1)
    assert (
        'defeated by<ul><li>panov:r39: <a href="#panov.c1">Alexander Panov, c1</a>: \u201cThe events'
        in row.group(1)
    )
    assert '<a href="#survival">What survives</a>' in text


def test_markdown_section_and_no_section_without_a_debate(in_repo: Path) -> None:
    maps = load_maps(["panov", "kobayashi"])
    text = build_report(maps, "markdown").text
    assert "- [What survives](#survival)" in text
    assert "| out | [Kazushige Kobayashi, k1](#kobayashi.k1): \u201cis spinning out" in text
    assert "What survives" not in build_report(load_maps(["panov"]), "markdown").text


def test_sample_maps_answering_each_other_get_a_section() -> None:
    text = build_report(sample_maps(), "html").text
    assert '<section id="survival"' in text
