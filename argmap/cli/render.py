"""`argmap render`: draw maps as SVG, PNG, PDF or DOT."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.app import main
from argmap.cli.common import (
    choose_format,
    complete_map_names,
    deliver,
    make_workspace,
    refuse_inputs,
    say,
    workspace_options,
)

if TYPE_CHECKING:
    from argmap.core.load import LoadedMap
    from argmap.rendering.marks import NodeMarks

_SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


def _refuse_options_without_effect(
    fmt: str, layout: str, embed: bool, links: bool, id_prefix: str | None
) -> None:
    """An option the picture would silently ignore is a usage error: the user expects it to do something."""
    ctx = click.get_current_context()
    if fmt != "svg":
        given = [
            name for name, on in (("--embed", embed), ("--links", links), ("--id-prefix", id_prefix)) if on
        ]
        if given:
            verb = "applies" if len(given) == 1 else "apply"
            raise click.UsageError(f"{' and '.join(given)} only {verb} to SVG; the output format is {fmt}")
    if layout != "dot" and ctx.get_parameter_source("rankdir") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError(f"--rankdir only applies to --layout dot; {layout} does not rank nodes")


@main.command()
@click.argument("names", metavar="MAP...", nargs=-1, required=True, shell_complete=complete_map_names)
@workspace_options
@click.option("-o", "--output", type=str, default=None, help="Output file, folder, or - for stdout.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["svg", "png", "pdf", "dot"]),
    default=None,
    help="Picture format (default: from the output suffix, else svg).",
)
@click.option("--merge", is_flag=True, help="Draw all maps in one picture, one cluster per author.")
@click.option(
    "--merge-layout",
    type=click.Choice(["grid", "row", "stack"]),
    default="grid",
    show_default=True,
    help="With --merge: authors side by side in a grid, in one row, or stacked.",
)
@click.option(
    "--split",
    is_flag=True,
    help="Big maps: an overview (the thesis and its direct reasons) plus one picture per reason, "
    "linked; written as MAP-overview and MAP-partN.",
)
@click.option("--collapse", is_flag=True, help="Fold evidence that only supports one claim into that claim.")
@click.option(
    "--cluster",
    type=click.Choice(["none", "reasons"]),
    default="none",
    show_default=True,
    help="Box each direct reason of the thesis with everything beneath it.",
)
@click.option(
    "--labels",
    type=click.Choice(["text", "quote", "id"]),
    default="text",
    show_default=True,
    help="What nodes show: the paraphrase, the verbatim quote, or the id.",
)
@click.option(
    "--rankdir",
    type=click.Choice(["RL", "LR", "BT", "TB"]),
    default="RL",
    show_default=True,
    help="Direction of the arrows (RL: conclusions on the left).",
)
@click.option("--focus", default=None, help="Draw only the neighbourhood of this node (id or map:id).")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=None,
    help="Relations from --focus (default: 2); only with --focus.",
)
@click.option(
    "--layout",
    type=click.Choice(["dot", "neato", "fdp", "sfdp", "circo", "twopi"]),
    default="dot",
    show_default=True,
    help="Graphviz layout engine.",
)
@click.option("--theme", type=click.Choice(["light", "dark", "print"]), default="light", show_default=True)
@click.option("--legend", is_flag=True, help="Add a compact key beside the map, listing only what it draws.")
@click.option("--links", is_flag=True, help="Link each node to #MAP.NODE anchors (for reports).")
@click.option("--embed", is_flag=True, help="SVG for inlining in HTML: no prolog, prefixed ids, scalable.")
@click.option("--id-prefix", default=None, help="Prefix for every SVG id (default with --embed: MAP._svg.).")
@click.option(
    "--scale",
    type=click.FloatRange(min=0.25, max=25),
    default=None,
    help="PNG: resolution \u00d7 this (2 = 192 dpi instead of 96).",
)
@click.option(
    "--dpi", type=click.FloatRange(min=24, max=2400), default=None, help="PNG: resolution (default 96)."
)
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter", "none"]),
    default=None,
    help="PDF: the paper to print on (default a4; none: one page the size of the drawing).",
)
@click.option(
    "--orientation",
    type=click.Choice(["auto", "portrait", "landscape"]),
    default="auto",
    show_default=True,
    help="PDF with --paper: page orientation (auto follows the map's shape).",
)
@click.option(
    "--pages",
    type=click.Choice(["auto", "fit", "split"]),
    default="auto",
    show_default=True,
    help="PDF with --paper: fit on one page, or an overview then readable tiles (auto: split when "
    "fitting would shrink text below 8 pt).",
)
@click.option(
    "--color-by",
    "color_by",
    type=click.Choice(["acceptance", "strength"]),
    default=None,
    help="Colour nodes by what `argmap evaluate` finds for the maps drawn, with a key.",
)
@click.option(
    "--semantics",
    type=click.Choice(["grounded", "complete", "preferred", "stable", "dfquad", "quadratic"]),
    default=None,
    help="For --color-by: acceptance uses grounded by default, strength dfquad.",
)
@click.option("-v", "--verbose", is_flag=True, help="Show Graphviz's own messages.")
def render(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    output: str | None,
    output_format: str | None,
    merge: bool,
    merge_layout: str,
    split: bool,
    cluster: str,
    collapse: bool,
    labels: str,
    rankdir: str,
    focus: str | None,
    depth: int | None,
    layout: str,
    theme: str,
    legend: bool,
    links: bool,
    embed: bool,
    id_prefix: str | None,
    scale: float | None,
    dpi: float | None,
    paper: str | None,
    orientation: str,
    pages: str,
    color_by: str | None,
    semantics: str | None,
    verbose: bool,
) -> None:
    """Draw maps as argument graphs: SVG (default), PNG, PDF or DOT.

    Writes NAME.svg in the current folder and prints its path; -o sets the
    file (or a folder for several maps), -o - writes to standard output.
    With --merge, several maps share one picture and cross-map attacks run
    between the authors' clusters. --color-by acceptance (or strength)
    evaluates the maps drawn together, as `argmap evaluate` does, and colours
    and labels each node by its verdict (or strength).

    PNG: --scale 2 (or --dpi 192) for slides and print. PDF goes on A4
    paper (--paper letter, or none for one page the size of the drawing):
    fitted on a page, or when its text would get too small, an overview
    page then the map in readable tiles.

    For big maps, --split writes an overview and one picture per reason of
    the thesis (into the current folder, or -o FOLDER); --cluster reasons
    boxes each reason in the whole picture.

    Example: argmap render panov kobayashi --merge -o debate.svg
    """
    from argmap.core.ids import group_id
    from argmap.core.load import load_from, load_peers
    from argmap.rendering.dot import RenderOptions, build_dot
    from argmap.rendering.svg import lay_out

    fmt = choose_format(output_format, output, _SUFFIX_FORMATS, "svg")
    _refuse_options_without_effect(fmt, layout, embed, links, id_prefix)
    if verbose and fmt == "dot":
        raise click.UsageError("--verbose shows Graphviz's messages, and --format dot does not run Graphviz")
    if scale is not None and dpi is not None:
        raise click.UsageError("give --scale or --dpi, not both")
    if (scale is not None or dpi is not None) and fmt != "png":
        raise click.UsageError(f"--scale and --dpi apply to PNG; the format is {fmt}")
    if paper is not None and fmt != "pdf":
        raise click.UsageError(f"--paper applies to PDF; the format is {fmt}")
    if (orientation != "auto" or pages != "auto") and (fmt != "pdf" or paper == "none"):
        raise click.UsageError("--orientation and --pages apply to PDF on paper (--paper a4|letter)")
    # A PDF is for printing: on A4 unless asked otherwise, never one 21-inch page by surprise.
    sheet = None if fmt != "pdf" or paper == "none" else (paper or "a4")
    options = RenderOptions(
        labels=labels,
        rankdir=rankdir,
        focus=focus,
        depth=depth,
        layout=layout,
        theme=theme,
        legend=legend,
        links=links,
        embed=embed,
        id_prefix=id_prefix,
        dpi=dpi if dpi is not None else (96 * scale if scale is not None else None),
        paper=sheet,
        orientation=orientation,
        pages=pages,
        cluster=cluster,
        collapse=collapse,
        merge_layout=merge_layout,
    )
    ws = make_workspace(maps_dir, seeds_dir, propositions)
    maps = load_from(ws, names)
    groups = [maps] if merge else [[m] for m in maps]
    if len(groups) > 1 and output == "-":
        raise click.UsageError("-o - writes one picture: give one map, or add --merge")
    if len(groups) > 1 and output is not None and not Path(output).is_dir():
        raise click.UsageError(f"several maps need -o to be an existing folder, or --merge; got {output}")

    peers = load_peers(ws, maps)
    if split:
        if merge:
            raise click.UsageError("--split draws one map at a time; leave out --merge")
        if output == "-" or (output is not None and not Path(output).is_dir()):
            raise click.UsageError("--split writes several files: give -o an existing folder")
        from argmap.rendering.split import render_split

        folder = Path(output) if output is not None else Path()
        for m in maps:
            for picture in render_split(m, fmt, options, peers):
                for warning in picture.rendered.warnings:
                    click.echo(f"warning: {warning}", err=True)
                deliver(folder / picture.name, picture.rendered.data)
        return

    def target_of(group: list[LoadedMap]) -> Path | None:
        # One name per picture: a merged a+b (a_b) is never a map named a-b (core/ids.py).
        stem = group_id(m.id for m in group)
        if output == "-":
            return None
        if output is None:
            return Path(f"{stem}.{fmt}")
        if Path(output).is_dir():
            return Path(output) / f"{stem}.{fmt}"
        return Path(output)

    targets = [target_of(group) for group in groups]
    refuse_inputs(ws, targets)
    for group, target in zip(groups, targets, strict=True):
        marks = colour_marks(group, color_by, semantics, theme) if color_by else None
        doc = build_dot(group, replace(options, marks=marks), peers)
        # Before the layout, which may be what takes minutes.
        for warning in doc.warnings:
            say(f"warning: {warning}", err=True)
        result = lay_out(doc, group, fmt, replace(options, marks=marks))
        if verbose:
            for message in result.graphviz_messages:
                say(f"graphviz: {message}", err=True)
        deliver(target, result.data)


def colour_marks(group: Sequence[LoadedMap], color_by: str, semantics: str | None, theme: str) -> NodeMarks:
    """Evaluate the maps drawn together and turn the verdicts (or strengths) into node marks."""
    from argmap.core.errors import UsageError
    from argmap.evaluating.evaluation import EXTENSION_SEMANTICS, evaluate
    from argmap.rendering.marks import acceptance_marks, strength_marks

    chosen = semantics or ("grounded" if color_by == "acceptance" else "dfquad")
    if (color_by == "acceptance") != (chosen in EXTENSION_SEMANTICS):
        kinds = (
            "grounded, complete, preferred or stable" if color_by == "acceptance" else "dfquad or quadratic"
        )
        raise UsageError(f"--color-by {color_by} needs --semantics {kinds}; got '{chosen}'")
    ev = evaluate(group, chosen)
    nodes = [(i, a.key) for i, a in enumerate(ev.framework.arguments) if not a.is_relation]
    title = f"{chosen} semantics (argmap evaluate)"
    if color_by == "acceptance":
        return acceptance_marks({key: ev.labels[i] for i, key in nodes}, theme, title)
    assert ev.strengths is not None
    return strength_marks({key: ev.strengths.values[i] for i, key in nodes}, theme, title)
