"""The HTML report's stylesheet: one text family, one UI family, sticky contents, framed maps, heatmap."""

from __future__ import annotations

__all__ = ["CSS"]

# Okabe-Ito colours for the stance heatmap (the maps use the same blue and vermillion). In grey
# they fall at distinct lightness (pro darkest, then con, mixed, neutral, silent white), and every
# cell also carries a symbol and a word, so colour is never the only cue; con cells are also
# striped, so pro and con (close in grey) differ in texture on a monochrome printout.
CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d8d8d8; --link: #0b5394; --bg: #fff;
  --pro: #0072B2; --con: #D55E00; --mixed: #CC79A7; --neutral: #e0e0e0;
  --mark: #fff1b8; --mark-target: #ffd54a;
  --text-font: "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  --ui-font: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { margin: 0 auto; max-width: 84rem; padding: 1.5rem; color: var(--ink); background: var(--bg);
  font: 16px/1.55 var(--text-font); overflow-wrap: break-word; }
nav, table, .meta, figcaption, .badge, button, select, label, .totop, .cell { font-family: var(--ui-font); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .6rem; border-bottom: 2px solid var(--rule);
  padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.8rem 0 .5rem; }
a { color: var(--link); }
.lead { color: var(--muted); margin-top: 0; }
.page { display: grid; grid-template-columns: minmax(0, 1fr); gap: 2rem; }
.toc { font-size: .9rem; }
.toc summary { font-weight: 600; cursor: pointer; }
.toc ol { padding-left: 1.2rem; margin: .4rem 0; } .toc li { margin: .15rem 0; }
@media (min-width: 64rem) {
  .page { grid-template-columns: 15rem minmax(0, 1fr); }
  .toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto;
    padding: 1rem 0; }
}
.totop { position: fixed; right: 1rem; bottom: 1rem; background: var(--bg); border: 1px solid var(--rule);
  border-radius: 1rem; padding: .2rem .7rem; font-size: .85rem; text-decoration: none; z-index: 3; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  font-size: .92rem; margin: 0; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; }
.thesis { border-left: 4px solid #e0b000; background: #fffaf0; padding: .6rem 1rem; margin: 1rem 0; }
figure { margin: 1rem 0; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
.viewport { overflow: auto; max-height: 85vh; border: 1px solid var(--rule); background: #fff;
  position: relative; }
.viewport svg { display: block; max-width: none; }
.viewport:focus-visible { outline: 3px solid var(--link); outline-offset: 1px; }
.zoomable .viewport { overflow: hidden; max-height: none; cursor: grab; touch-action: none; }
.zoomable .viewport svg { transform-origin: 0 0; }
.hint { display: none; } .zoomable .hint { display: inline; }
.toolbar { display: flex; flex-wrap: wrap; gap: .3rem .5rem; align-items: center; font-size: .85rem;
  margin-bottom: .3rem; }
.toolbar button, .toolbar select { font-size: .85rem; padding: .15rem .5rem; border: 1px solid #999;
  border-radius: .3rem; background: #f6f6f6; color: var(--ink); }
.toolbar select.focus { max-width: 16rem; }
.toolbar button:focus-visible, .toolbar select:focus-visible { outline: 3px solid var(--link); }
.stance-links { font-size: .9rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: .88rem; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: .2rem 0; padding-left: .7rem; border-left: 3px solid var(--rule); font-style: italic; }
.source { white-space: pre-wrap; font-size: .95rem; border: 1px solid var(--rule); padding: 1rem;
  max-height: 40rem; overflow-y: auto; }
mark { background: var(--mark); padding: 0 .05em; }
mark a { color: inherit; text-decoration: none; }
mark:target, mark:has(:target), tr:target, td:target {
  background: var(--mark-target); outline: 2px solid #c99a00; }
.anchor { scroll-margin-top: 4rem; }
table.heatmap { width: auto; }
table.heatmap tbody th { font-weight: normal; }
table.heatmap td.cell { text-align: center; vertical-align: middle; white-space: nowrap;
  min-width: 5.5rem; font-weight: 600; border: 2px solid #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.cell a { color: inherit; text-decoration: none; display: block; }
.cell a:hover, .cell a:focus-visible { text-decoration: underline; }
.cell .sym { font-size: 1.1em; }
.cell.pro { background: var(--pro); color: #fff; }
.cell.con { background: repeating-linear-gradient(135deg, var(--con) 0 7px, #b84f00 7px 10px); color: #fff; }
.cell.mixed { background: var(--mixed); color: #1a1a1a; }
.cell.neutral { background: var(--neutral); color: #1a1a1a; }
.cell.silent { background: #fff; color: #777; font-weight: normal; border: 1px dashed #bbb; }
.key { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: .4rem 0 0; }
.key li { font-size: .8rem; padding: .1rem .5rem; border-radius: .2rem; }
.badge { font-size: .75rem; border: 1px solid var(--rule); border-radius: .6rem; padding: 0 .4rem; }
.muted { color: var(--muted); }
@media (max-width: 40rem) { body { padding: .8rem; font-size: 15px; } .meta { grid-template-columns: 1fr; }
  .toolbar select.focus { max-width: 11rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .page { display: block; } .toc, .totop, .toolbar, .hint { display: none; }
  .source { max-height: none; overflow: visible; }
  .viewport { overflow: visible; max-height: none; border: 0; height: auto !important; }
  .viewport svg { max-width: 100%; height: auto; transform: none !important; }
  figure, table, blockquote { break-inside: avoid; }
  h2 { break-before: page; } h2:first-of-type { break-before: auto; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
  mark a::after { content: ""; }
}
"""
