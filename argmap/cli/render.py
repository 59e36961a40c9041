"""`argmap render`: draw maps as SVG, PNG, PDF or DOT."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.app import main
from argmap.cli.common import choose_format, deliver, workspace_options

if TYPE_CHECKING:
    from argmap.core.load import LoadedMap
    from argmap.rendering.marks import NodeMarks

_SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


@main.command()
@click.argument("names", metavar="MAP...", nargs=-1, required=True)
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
    "--depth", type=click.IntRange(min=0), default=2, show_default=True, help="Relations from --focus."
)
@click.option(
    "--layout",
    type=click.Choice(["dot", "neato", "fdp", "sfdp", "circo", "twopi"]),
    default="dot",
    show_default=True,
    help="Graphviz layout engine.",
)
@click.option("--theme", type=click.Choice(["light", "dark", "print"]), default="light", show_default=True)
@click.option("--legend", is_flag=True, help="Add a small key.")
@click.option("--links", is_flag=True, help="Link each node to #MAP-NODE anchors (for reports).")
@click.option("--embed", is_flag=True, help="SVG for inlining in HTML: no prolog, prefixed ids, scalable.")
@click.option("--id-prefix", default=None, help="Prefix for every SVG id (default with --embed: MAPS-svg-).")
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
    labels: str,
    rankdir: str,
    focus: str | None,
    depth: int,
    layout: str,
    theme: str,
    legend: bool,
    links: bool,
    embed: bool,
    id_prefix: str | None,
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

    Example: argmap render panov kobayashi --merge -o debate.svg
    """
    from argmap.core.load import Workspace, load_from, load_peers
    from argmap.rendering.dot import RenderOptions
    from argmap.rendering.svg import render_result

    fmt = choose_format(output_format, output, _SUFFIX_FORMATS, "svg")
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
    )
    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    maps = load_from(ws, names)
    groups = [maps] if merge else [[m] for m in maps]
    if len(groups) > 1 and output == "-":
        raise click.UsageError("-o - writes one picture: give one map, or add --merge")
    if len(groups) > 1 and output is not None and not Path(output).is_dir():
        raise click.UsageError(f"several maps need -o to be an existing folder, or --merge; got {output}")

    peers = load_peers(ws, maps)

    for group in groups:
        marks = colour_marks(group, color_by, semantics, theme) if color_by else None
        result = render_result(group, fmt, replace(options, marks=marks), peers)
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        if verbose:
            for message in result.graphviz_messages:
                click.echo(f"graphviz: {message}", err=True)
        stem = "-".join(m.id for m in group)
        if output == "-":
            target = None
        elif output is None:
            target = Path(f"{stem}.{fmt}")
        elif Path(output).is_dir():
            target = Path(output) / f"{stem}.{fmt}"
        else:
            target = Path(output)
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
