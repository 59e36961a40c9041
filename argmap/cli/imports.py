"""`argmap import`: read AIF, Argdown and microtext files into maps that validate."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from argmap.cli.app import main

_PROGRESS_FROM = 20  # files; fewer are listed one line each


@main.command("import")
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--from",
    "fmt",
    type=click.Choice(["aif", "argdown", "microtext"]),
    default=None,
    help="The format of every FILE (default: guessed from each file's content, and said).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder for the maps (created if missing), or NAME.json for a single file.",
)
@click.option(
    "--date",
    default=None,
    help="The source's date (YYYY[-MM[-DD]]), instead of what the file says or implies.",
)
@click.option("--author", default=None, help="Whose map it is, instead of what the file says or implies.")
def import_(
    files: tuple[Path, ...], fmt: str | None, output: Path, date: str | None, author: str | None
) -> None:
    """Import AIF (AIFdb JSON, OVA xAIF), Argdown or microtext XML as argmap maps.

    Each map is written as ID.json with the text its quotes come from as
    ID.txt beside it (AIF's text, the microtext's .txt, the Argdown
    statements), so argmap validate holds for every imported map; a map that
    would not validate is reported and not written. Microtext stances go into
    propositions.json beside the maps. A folder imports every .json, .xml and
    .argdown file in it. What a format has that argmap cannot hold is counted
    and said, never dropped silently.

    Example: argmap import ../shared/corpora/microtexts -o imported/
    """
    from argmap.core.errors import ArgmapError, UsageError
    from argmap.core.model import PATTERN_NAMES, SLUG
    from argmap.core.reading import display_path
    from argmap.formats.files import import_file, importable_files
    from argmap.formats.writing import write_imported

    inputs: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in files:
        if path.is_dir():
            take, skip = importable_files(path)
            inputs += take
            skipped += skip
        else:
            inputs.append(path)
    single_file = output.suffix == ".json"
    if single_file and len(inputs) != 1:
        raise UsageError(f"-o {output} names one map, but there are {len(inputs)} files; give a folder")
    folder = output.parent if single_file else output
    if single_file:
        import re

        if not re.fullmatch(SLUG[1:-1], output.stem):
            raise UsageError(f"-o {output}: the file name is the map id, {PATTERN_NAMES[SLUG]}")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {output} is a file; give a folder or NAME.json")
    folder.mkdir(parents=True, exist_ok=True)
    protected = frozenset(
        p.resolve() for path in inputs for p in (path, path.with_suffix(".txt")) if p.exists()
    )

    written: dict[str, str] = {}
    failed = 0
    noted = 0
    warned = 0
    formats: dict[str, int] = {}
    quiet = len(inputs) >= _PROGRESS_FROM and sys.stdout.isatty()
    # A progress bar only where someone watches a long run; logs and pipes get one line per file.
    bar = (
        click.progressbar(inputs, label="importing", file=sys.stderr)
        if quiet
        else contextlib.nullcontext(inputs)
    )
    with bar as items:
        for path in items:
            name = display_path(path)
            try:
                imported, guess = import_file(path, fmt, date=date, author=author)
                if single_file:
                    imported.map = imported.map.model_copy(
                        update={
                            "id": output.stem,
                            "source": imported.map.source.model_copy(update={"path": f"{output.stem}.txt"}),
                        }
                    )
                if imported.map.id in written:
                    raise ArgmapError(
                        f"{name}: map id '{imported.map.id}' is also the id of {written[imported.map.id]}; "
                        "import it on its own with -o NAME.json"
                    )
                written_to = write_imported(imported, folder, name, protected)
            except ArgmapError as exc:
                failed += 1
                click.echo(f"Error: {exc}", err=True)
                continue
            written[imported.map.id] = name
            formats[imported.format] = formats.get(imported.format, 0) + 1
            said = imported.summary()
            noted += bool(said)
            if not quiet:
                click.echo(f"{name}: {guess.format} ({guess.reason}) -> {display_path(written_to.path)}")
            if said:
                click.echo(f"  note: {said}", err=quiet)
            for warning in written_to.warnings:
                click.echo(f"  warning: {display_path(written_to.path)}::{warning}", err=quiet)
            warned += len(written_to.warnings)
    for path, reason in skipped:
        click.echo(f"skipped {display_path(path)}: {reason}")
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(formats.items()))
    click.echo(
        f"imported {len(written)} of {len(inputs)} files"
        + (f" ({kinds})" if kinds else "")
        + f" into {display_path(folder)}/; {len(skipped)} skipped, {failed} failed, {noted} with notes, "
        + f"{warned} warnings"
    )
    if failed:
        raise SystemExit(1)
