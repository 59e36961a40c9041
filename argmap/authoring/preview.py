"""The live preview's content: the rendered map, the problems with their places, the highlighted source."""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from pathlib import Path

from argmap.core.errors import ArgmapError
from argmap.core.load import FileReport, LoadedMap, Workspace, validate
from argmap.rendering import render_svg
from argmap.reporting.sourceview import map_segments

__all__ = ["PAGE", "PAGE_CSP", "Preview", "build_preview", "state_json"]


@dataclass(frozen=True)
class Preview:
    """One state of the watched map: what the page shows, as HTML fragments."""

    ok: bool
    summary: str
    problems_html: str
    svg: str
    source_html: str


def _problems(report: FileReport) -> str:
    if not report.problems:
        return '<p class="ok">No problems.</p>'
    items = "".join(f'<li class="{p.severity}">{html.escape(str(p))}</li>' for p in report.problems)
    return f"<ul>{items}</ul>"


def _source(loaded: LoadedMap) -> str:
    parts = []
    for segment in map_segments(loaded):
        text = html.escape(segment.text)
        if segment.nodes:
            ids = html.escape(" ".join(segment.nodes), quote=True)
            parts.append(f'<mark title="{ids}">{text}</mark>')
        else:
            parts.append(text)
    return "<pre>" + "".join(parts) + "</pre>"


def build_preview(path: Path, ws: Workspace, last: Preview | None = None) -> Preview:
    """Validate and render the map; an invalid map keeps the last good picture and source view."""
    report = validate([path], ws).files[0]
    problems = _problems(report)
    errors = sum(p.severity == "error" for p in report.problems)
    warnings = len(report.problems) - errors
    if report.loaded is None:
        stale = "the picture is from the last valid version"
        summary = f"{report.file}: {errors} errors, {warnings} warnings ({stale})"
        return Preview(False, summary, problems, last.svg if last else "", last.source_html if last else "")
    try:
        svg = render_svg(report.loaded, embed=True, links=True)
    except ArgmapError as exc:
        return Preview(False, f"{report.file}: cannot draw: {exc}", problems, last.svg if last else "", "")
    summary = f"{report.file}: valid, {warnings} warnings; {report.quotes} quotes found"
    return Preview(True, summary, problems, svg, _source(report.loaded))


def state_json(preview: Preview, version: int) -> bytes:
    """What the page fetches after each change."""
    body = {
        "version": version,
        "ok": preview.ok,
        "summary": preview.summary,
        "problems": preview.problems_html,
        "svg": preview.svg,
        "source": preview.source_html,
    }
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


# The page polls /state and swaps in the fragments when the version changes. Text arrives already
# escaped by the renderer and by html.escape above, so innerHTML is safe here.
_SCRIPT = """
let version = -1;
async function poll() {
  try {
    const response = await fetch('state?after=' + version, {cache: 'no-store'});
    const state = await response.json();
    if (state.version !== version) {
      version = state.version;
      document.getElementById('summary').textContent = state.summary;
      document.getElementById('summary').className = state.ok ? 'ok' : 'failed';
      document.getElementById('problems').innerHTML = state.problems;
      document.getElementById('map').innerHTML = state.svg;
      document.getElementById('source').innerHTML = state.source;
      document.body.dataset.version = String(version);
    }
  } catch (error) {
    document.getElementById('summary').textContent = 'argmap watch has stopped';
  }
  setTimeout(poll, 300);
}
poll();
""".strip()
_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 1em}
#summary.ok{color:#006b3c}#summary.failed{color:#b00020}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1em;padding:1em}
#map{overflow:auto;border:1px solid #eee}#map svg{max-width:none;height:auto}
li.error{color:#b00020}li.warning{color:#8a5a00}
pre{white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace}mark{background:#fde68a}
@media (max-width:800px){main{grid-template-columns:1fr}}
""".strip()


def _sha(text: str) -> str:
    import base64

    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


PAGE_CSP = (
    f"default-src 'none'; script-src 'sha256-{_sha(_SCRIPT)}'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'"
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>argmap watch</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{_STYLE}</style></head>
<body data-version="-1"><header><strong>argmap watch</strong> <span id="summary">loading…</span></header>
<main><section><div id="map"></div><h2>Problems</h2><div id="problems"></div></section>
<section><h2>Source</h2><div id="source"></div></section></main>
<script>{_SCRIPT}</script></body></html>
""".encode()
