"""The command line: click commands that call the library; the only module that imports click."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from argmap import __version__
from argmap.core.errors import ArgmapError

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns every ArgmapError into one line on stderr and its exit code, in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModuleNotFoundError as exc:
            # A broken install, not bad input: say what to do instead of showing a traceback.
            if exc.name is None or exc.name.split(".")[0] == "argmap":
                raise
            click.echo(
                f"Error: argmap needs the Python package '{exc.name}', which this environment lacks; "
                "reinstall argmap (pip install -e . in a checkout)",
                err=True,
            )
            ctx.exit(1)
        except ArgmapError as exc:
            if exc.exit_code == 2:
                raise click.UsageError(str(exc), ctx) from None
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


def _workspace_options(func: F) -> F:
    """--maps, --seeds and --propositions: where maps and what they refer to live."""
    func = click.option(
        "--propositions",
        "propositions",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Proposition catalogue (default: propositions.json beside each map).",
    )(func)
    func = click.option(
        "--seeds",
        "seeds_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Folder of source texts with seeds.json (default: seeds/ beside the maps folder).",
    )(func)
    func = click.option(
        "--maps",
        "maps_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("maps"),
        show_default=True,
        help="Folder where map names are looked up.",
    )(func)
    return func


def _output_format(explicit: str | None, output: str | None, suffixes: dict[str, str], default: str) -> str:
    """--format if given, else what the output file's suffix says, else the command's default."""
    if explicit:
        return explicit
    if output not in (None, "-"):
        return suffixes.get(Path(str(output)).suffix.lower(), default)
    return default


def _deliver(target: Path | None, data: str | bytes) -> None:
    """Write data atomically to target and print its path, or print data itself (target None)."""
    from argmap.core.output import write_atomic

    if target is None:
        click.echo(data, nl=False)  # click writes bytes to the binary stream
        return
    write_atomic(target, data)
    click.echo(str(target))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """argmap: argument maps of texts, checked against their sources.

    A map is one author's position in one text: claims and evidence tied to
    verbatim quotes, support and attack relations, and stances on shared
    propositions. MAP arguments are names looked up in the maps folder
    (panov -> maps/panov.json) or paths to JSON files.

    Example: argmap validate panov
    """


_SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


@main.command()
@click.argument("names", metavar="MAP...", nargs=-1, required=True)
@_workspace_options
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
    verbose: bool,
) -> None:
    """Draw maps as argument graphs: SVG (default), PNG, PDF or DOT.

    Writes NAME.svg in the current folder and prints its path; -o sets the
    file (or a folder for several maps), -o - writes to standard output.
    With --merge, several maps share one picture and cross-map attacks run
    between the authors' clusters.

    Example: argmap render panov kobayashi --merge -o debate.svg
    """
    from argmap.core.load import Workspace, load_from, load_peers
    from argmap.rendering.dot import RenderOptions
    from argmap.rendering.svg import render_result

    fmt = _output_format(output_format, output, _SUFFIX_FORMATS, "svg")
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
        result = render_result(group, fmt, options, peers)
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
        _deliver(target, result.data)


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1)
@_workspace_options
@click.option("-o", "--output", type=str, default=None, help="Output file (.html or .md), or - for stdout.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "markdown"]),
    default=None,
    help="Document format (default: from the output suffix, else html).",
)
def report(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    output: str | None,
    output_format: str | None,
) -> None:
    """Write a publishable report: maps, quotes, source views and the comparison.

    HTML is one self-contained file (inline SVG and CSS, no script, nothing
    loaded from elsewhere). Markdown writes the SVG pictures next to the .md
    file and links them relatively. With no MAP, reports every map, oldest
    source first. Default output: report.html in the current folder.

    Example: argmap report -o report.html
    """
    import re

    from argmap.core.load import Workspace, load_catalogue, load_from, load_peers
    from argmap.core.output import write_atomic
    from argmap.reporting.build import build_report

    fmt = _output_format(output_format, output, {".md": "markdown", ".markdown": "markdown"}, "html")
    target = None if output == "-" else Path(output or ("report.md" if fmt == "markdown" else "report.html"))
    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    maps = load_from(ws, names)
    if not names:
        maps.sort(key=lambda m: (m.map.source.date, m.id))
    catalogue_path = ws.catalogue_for(maps[0].path)
    catalogue = load_catalogue(catalogue_path) if catalogue_path.is_file() else None
    peers = load_peers(ws, maps)
    # Asset names go into Markdown links: keep them to characters that need no escaping.
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", target.stem if target else "report")
    result = build_report(maps, fmt, catalogue=catalogue, peers=peers, asset_stem=stem)
    if target is None:
        if result.assets:
            raise click.UsageError("-o - cannot carry the Markdown report's SVG files; give a .md path")
    else:
        for name, data in sorted(result.assets.items()):
            write_atomic(target.parent / name, data)
    _deliver(target, result.text)


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1)
@_workspace_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
def validate(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    output_format: str,
) -> None:
    """Check maps: schema, ids and relations, stances, and every quote against its source.

    With no MAP, checks every map in the maps folder and the proposition
    catalogue. Prints one line per problem as FILE::$.PATH: MESSAGE.
    Exit status: 0 all valid (warnings allowed), 1 problems found, 2 usage error.

    Example: argmap validate panov kobayashi
    """
    from argmap.core.load import Workspace, resolve_maps
    from argmap.core.load import validate as run_validation

    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    report = run_validation(resolve_maps(names, maps_dir), ws, include_catalogue=not names)
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        for file in report.files:
            for problem in file.problems:
                click.echo(str(problem))
            if file.ok and file.loaded is not None:
                m = file.loaded.map
                click.echo(
                    f"{file.file}: ok ({len(m.nodes)} nodes, {len(m.relations)} relations, "
                    f"{file.quotes} quotes found)"
                )
            elif file.ok:
                click.echo(f"{file.file}: ok")
        invalid = sum(not f.ok for f in report.files)
        click.echo(
            f"checked {len(report.files)} files: {len(report.files) - invalid} valid, "
            f"{invalid} invalid; {report.errors} errors, {report.warnings} warnings"
        )
    if not report.ok:
        raise SystemExit(1)


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1)
@_workspace_options
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="ID",
    help="Compare only this proposition; repeat for several (default: every one addressed).",
)
@click.option("--by-date", is_flag=True, help="Order actors by their source's date, then map id.")
@click.option("--speakers", is_flag=True, help="Make every quoted speaker who takes a stance an actor.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "csv", "graphml", "svg"]),
    default=None,
    help="Output format (default: from the -o suffix, else text).",
)
@click.option("-o", "--output", type=str, default=None, help="Output file; - (the default) for stdout.")
def compare(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    only: tuple[str, ...],
    by_date: bool,
    speakers: bool,
    output_format: str | None,
    output: str | None,
) -> None:
    """Compare where authors stand on shared propositions, and on what evidence.

    One actor per map: its author, counting only the claims made in the
    author's own voice (no speaker, or the author named as speaker). With
    --speakers, each quoted speaker who takes a stance is an actor too.
    Prints the stance matrix, pairs of actors, the disagreements with their
    quotes, direct engagement between the maps, and the most contested
    propositions. With no MAP, compares every map in the maps folder, by id.
    The measures are explained in docs/compare.md.

    Example: argmap compare panov kobayashi --format markdown -o debate.md
    """
    from argmap.comparing.formats import SUFFIXES, format_comparison
    from argmap.comparing.matrix import compare as run_compare
    from argmap.core.errors import UsageError
    from argmap.core.load import Workspace, display_path, load_catalogue, load_from
    from argmap.core.model import PropositionCatalogue

    fmt = _output_format(output_format, output, SUFFIXES, "text")
    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    maps = load_from(ws, names)
    # The catalogue the stances refer to: --propositions, else the one beside the maps taking stances.
    paths = sorted({ws.catalogue_for(m.path) for m in maps if any(n.stances for n in m.map.nodes)})
    if len({p.resolve() for p in paths}) > 1:
        listing = ", ".join(display_path(p) for p in paths)
        raise UsageError(
            f"the maps use different proposition catalogues ({listing}); pick one with --propositions"
        )
    catalogue_path = paths[0] if paths else ws.catalogue_for(maps[0].path)
    # Too few maps, or none with stances: compare() says so; the catalogue would only fail first.
    catalogue = (
        load_catalogue(catalogue_path)
        if paths and len(maps) > 1
        else PropositionCatalogue(version=1, propositions=[])
    )
    comparison = run_compare(
        maps,
        catalogue,
        propositions=list(only) or None,
        by_date=by_date,
        speakers=speakers,
        catalogue_name=display_path(catalogue_path),
    )
    _deliver(None if output in (None, "-") else Path(output), format_comparison(comparison, fmt))
