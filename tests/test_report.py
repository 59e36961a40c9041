"""Reports: structure, working internal links, escaping of hostile text, Markdown assets, the CLI."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.core.load import LoadedMap, Workspace, load_catalogue, validate
from argmap.core.model import ArgumentMap, PropositionCatalogue
from argmap.reporting.build import build_report, report
from argmap.reporting.viewer import script
from tests.conftest import DATA

HOSTILE = (
    "<script>alert(1)</script> | *x* _y_ [a](javascript:alert(1)) `code` # h1 &amp; "
    "<img src=x onerror=alert(1)>"
)


class Page(HTMLParser):
    """Collects what the tests look at: tags, ids, links, headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.headings: list[int] = []
        self.attrs: list[tuple[str, str]] = []
        self.metas: list[dict[str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {k: v or "" for k, v in attrs}
        self.attrs += list(values.items())
        if "id" in values:
            self.ids.append(values["id"])
        for key in ("href", "xlink:href"):
            if key in values:
                self.hrefs.append(values[key])
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "meta":
            self.metas.append(values)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


def sample_maps() -> list[LoadedMap]:
    report_ = validate(
        [DATA / "valid" / "essay.json", DATA / "valid" / "reply.json"], Workspace(maps_dir=DATA / "valid")
    )
    assert report_.ok
    return report_.maps


def catalogue() -> PropositionCatalogue:
    return load_catalogue(DATA / "valid" / "propositions.json")


def test_html_is_self_contained_with_working_links() -> None:
    text = report(sample_maps(), "html", catalogue=catalogue()).text
    page = parse(text)
    csp = next(m["content"] for m in page.metas if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    # One script, the viewer, admitted by its hash and by nothing else ('unsafe-inline', a host).
    assert page.scripts == [script()]
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode("utf-8")).digest()).decode()
    policy = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert not [v for k, v in page.attrs if k in {"src"}]
    assert len(page.ids) == len(set(page.ids))
    internal = [h for h in page.hrefs if h.startswith("#")]
    assert internal and {h[1:] for h in internal} <= set(page.ids)
    assert all(not h.startswith(("http", "//", "javascript")) for h in page.hrefs)


def test_html_has_sections_for_maps_nodes_passages_and_comparison() -> None:
    page = parse(report(sample_maps(), "html", catalogue=catalogue()).text)
    ids = set(page.ids)
    assert {"map-essay", "map-reply", "comparison", "stance-matrix", "timeline", "prop-coffee-better"} <= ids
    # The map links node c1 to its passage; the passage links back to the node in the picture.
    assert {"essay.c1", "essay._svg.essay.c1", "essay._row.c1", "essay.c7"} <= ids
    assert "#essay.c1" in page.hrefs and "#essay._svg.essay.c1" in page.hrefs


def test_headings_never_skip_a_level() -> None:
    page = parse(report(sample_maps(), "html", catalogue=catalogue()).text)
    assert page.headings[0] == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))


def test_every_svg_has_a_title() -> None:
    text = report(sample_maps(), "html", catalogue=catalogue()).text
    assert text.count("<svg") == text.count('<title id="') >= 3  # two maps and the merged debate


def hostile_map() -> LoadedMap:
    source = f"Intro. {HOSTILE} Outro."
    data = {
        "version": 2,
        "id": "hostile",
        "title": HOSTILE,
        "author": {"name": HOSTILE, "affiliation": HOSTILE},
        "source": {
            "path": "x.txt",
            "title": HOSTILE,
            "date": "2020",
            "url": "javascript:alert(1)",
            "outlet": HOSTILE,
        },
        "description": HOSTILE,
        "nodes": [
            {
                "id": "c1",
                "kind": "claim",
                "text": HOSTILE,
                "quote": HOSTILE,
                "thesis": True,
                "speaker": HOSTILE,
            },
            {
                "id": "e1",
                "kind": "evidence",
                "text": HOSTILE,
                "quote": "Outro.",
                "citation": HOSTILE,
                "date": "2020",
            },
        ],
        "relations": [{"id": "r1", "type": "support", "from": ["e1"], "to": "c1", "note": HOSTILE}],
    }
    start = source.index(HOSTILE)
    from argmap.core.load import Span

    spans = {"c1": Span(start, start + len(HOSTILE)), "e1": Span(len(source) - 6, len(source))}
    return LoadedMap(ArgumentMap.model_validate(data), Path("hostile.json"), Path("x.txt"), source, spans)


def test_hostile_text_stays_text_in_html() -> None:
    text = report([hostile_map()], "html").text
    page = parse(text)
    assert set(page.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "nav",
        "ol",
        "li",
        "a",
        "main",
        "section",
        "dl",
        "dt",
        "dd",
        "div",
        "strong",
        "blockquote",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "span",
        "br",
        "cite",
        "mark",
        "footer",
        "svg",
        "g",
        "path",
        "polygon",
        "ellipse",
        "text",
        "polyline",
        "desc",
        # the map viewer: its toolbar, the contents box and the one hashed script
        "details",
        "summary",
        "button",
        "label",
        "select",
        "option",
        "script",
        "ul",
    }
    assert "img" not in page.tags
    assert page.scripts == [script()]
    assert not [k for k, _ in page.attrs if k.startswith("on")]
    assert all(not h.lower().startswith("javascript") for h in page.hrefs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_hostile_text_stays_text_in_markdown() -> None:
    text = report([hostile_map()], "markdown").text
    assert not re.search(r"(?<!\\)<(script|img)", text)
    assert not re.search(r"(?<!\\)\]\(javascript", text)
    assert (
        "\\<script\\>alert\\(1\\)\\</script\\> \\| \\*x\\* \\_y\\_ \\[a\\]\\(javascript:alert\\(1\\)\\) "
        "\\`code\\` \\# h1 \\&amp; \\<img src=x onerror=alert\\(1\\)\\>"
    ) in text


def test_markdown_links_its_svg_assets() -> None:
    result = build_report(sample_maps(), "markdown", catalogue=catalogue(), asset_stem="out")
    assert sorted(result.assets) == ["out-essay.svg", "out-essay_reply.svg", "out-reply.svg"]
    for name in result.assets:
        assert f"]({name})" in result.text
    assert result.text.startswith("# Argument maps: Jane Doe, John Roe\n")


def test_cli_html_and_markdown(work: Path) -> None:
    result = CliRunner().invoke(main, ["report", "essay", "reply"])
    assert (result.exit_code, result.stdout) == (0, "report.html\n")
    assert (work / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (work / "docs").mkdir()
    result = CliRunner().invoke(main, ["report", "essay", "reply", "-o", "docs/my report.md"])
    assert (result.exit_code, result.stdout) == (0, "docs/my report.md\n")
    assert sorted(p.name for p in (work / "docs").iterdir()) == [
        "my report.md",
        "my-report-essay.svg",
        "my-report-essay_reply.svg",
        "my-report-reply.svg",
    ]


def test_cli_markdown_to_stdout_is_usage_error(work: Path) -> None:
    result = CliRunner().invoke(main, ["report", "essay", "--format", "markdown", "-o", "-"])
    assert result.exit_code == 2
    assert "cannot carry the Markdown report's SVG files" in result.stderr


def test_cli_creates_missing_folders(work: Path) -> None:
    result = CliRunner().invoke(main, ["report", "essay", "-o", "sub/dir/report.md"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "sub/dir/report.md\n", "")
    assert sorted(p.name for p in (work / "sub" / "dir").iterdir()) == ["report-essay.svg", "report.md"]


def test_each_map_links_to_its_cells_in_the_heatmap() -> None:
    text = report(sample_maps(), "html", catalogue=catalogue()).text
    essay = text[text.index('<section id="map-essay"') : text.index('<section id="map-reply"')]
    links = re.findall(r'<a href="#(stance-[^"]+)">([^<]+)</a>', essay)
    assert links and all(ident.startswith("stance-") for ident, _ in links)
    for ident, label in links:
        # The cell carries the same position as the link, as a class, a symbol and a word.
        cell = re.search(rf'<td id="{ident}" class="cell (\w+)">.*?</td>', text)
        assert cell is not None
        symbol, position = label.split(" ")[0], label.split(" ")[1].rstrip(":")
        assert cell.group(1) == position
        assert f'<span class="sym" aria-hidden="true">{symbol}</span> {position}' in cell.group(0)
