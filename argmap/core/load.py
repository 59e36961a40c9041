"""Read, parse and check maps (schema, integrity, provenance), collecting every problem."""

from __future__ import annotations

import gc
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.core.construct import build
from argmap.core.documents import check_document, check_manifest_files, document_kind
from argmap.core.errors import InvalidCatalogueError, InvalidMapError, Problem, UsageError
from argmap.core.files import FileReader, PathArg
from argmap.core.integrity import check_integrity
from argmap.core.model import ArgumentMap, PropositionCatalogue, SeedManifest
from argmap.core.names import resolve_maps
from argmap.core.provenance import SourceIndex
from argmap.core.reading import Collector, check_schema, display_path, model_problems, read_document
from argmap.core.workspace import (
    CATALOGUE_NAME,
    MAP_SUFFIXES,
    Workspace,
    load_catalogue_file,
    map_file,
    peek_ids,
    peer_folders,
    read_model,
    source_text,
)

__all__ = [
    "CATALOGUE_NAME",
    "MAP_SUFFIXES",
    "FileReport",
    "LoadedMap",
    "Span",
    "ValidationReport",
    "Workspace",
    "display_path",
    "find_catalogue",
    "load_from",
    "load_map",
    "load_maps",
    "load_peers",
    "resolve_maps",
    "validate",
]


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) of a quote in its source text."""

    start: int
    end: int


@dataclass(frozen=True)
class LoadedMap:
    """A valid map with its file, its source text and where each quote stands in it."""

    map: ArgumentMap
    path: Path
    source_path: Path
    source_text: str
    spans: Mapping[str, Span]
    catalogue_path: Path | None = None
    """The proposition catalogue the map's stances were checked against (None: it takes no stance)."""

    @property
    def id(self) -> str:
        """The map's id."""
        return self.map.id

    def _repr_svg_(self) -> str:
        """Show the map as SVG in Jupyter (embed mode, so several maps in a notebook never clash)."""
        # The one upward import of core, kept inside the method on purpose: the renderer sits a
        # layer above the map it draws, and a notebook user expects a map to show itself.
        from argmap.rendering.svg import render_svg

        return render_svg(self, embed=True)


@dataclass(frozen=True)
class FileReport:
    """What validation found in one file."""

    file: str
    path: Path
    kind: str  # "map", "catalogue" or "manifest"
    problems: tuple[Problem, ...]
    loaded: LoadedMap | None = None
    quotes: int = 0

    @property
    def ok(self) -> bool:
        """True when the file has no errors (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)


@dataclass(frozen=True)
class ValidationReport:
    """What validation found in every file it was given."""

    files: tuple[FileReport, ...]

    @property
    def ok(self) -> bool:
        """True when no file has an error."""
        return all(f.ok for f in self.files)

    @property
    def problems(self) -> list[Problem]:
        """Every problem, file by file."""
        return [p for f in self.files for p in f.problems]

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        """How many warnings were found."""
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def maps(self) -> list[LoadedMap]:
        """The maps that loaded without error."""
        return [f.loaded for f in self.files if f.loaded is not None]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (the CLI's --format json)."""
        return {
            "valid": self.ok,
            "errors": self.errors,
            "warnings": self.warnings,
            "files": [
                {
                    "file": f.file,
                    "kind": f.kind,
                    "valid": f.ok,
                    "id": f.loaded.id if f.loaded else None,
                    "quotes": f.quotes,
                    "problems": [
                        {
                            "severity": p.severity,
                            "path": p.path,
                            "line": p.line,
                            "column": p.column,
                            "message": p.message,
                        }
                        for p in f.problems
                    ],
                }
                for f in self.files
            ],
        }


def check_provenance(
    m: ArgumentMap, source: SourceIndex, source_name: str, collector: Collector
) -> dict[str, Span]:
    """Find every quote in the source; report the closest passage for each one that is missing."""
    spans: dict[str, Span] = {}
    for i, node in enumerate(m.nodes):
        if node.quote is None:
            continue
        found = source.find(node.quote)
        if found is None:
            near = source.closest(node.quote)
            collector.add(
                ["nodes", i, "quote"],
                f"quote not found in {source_name}; closest passage ({near.similarity:.0%} similar) "
                f"at line {near.line}, column {near.column}: {json.dumps(near.passage, ensure_ascii=False)}",
            )
            continue
        if found.case_folded:
            collector.add(
                ["nodes", i, "quote"],
                f"quote matches {source_name} only when case is ignored; copy the source's capitals",
                "warning",
            )
        spans[node.id] = Span(found.start, found.end)
    return spans


# ---------------------------------------------------------------- pipeline


def _validate_map(
    ws: Workspace,
    path: Path,
    data: Any,
    collector: Collector,
    present: Mapping[str, frozenset[str]],
) -> tuple[LoadedMap | None, int]:
    check_schema(collector, "argmap.schema.json")
    if collector.failed:
        return None, 0
    try:
        m = build(ArgumentMap, data)  # the schema has accepted data: no second validation
    except Exception as exc:  # the schema and the models disagree: report, do not crash
        model_problems(collector, exc)
        return None, 0
    check_integrity(ws, m, path, collector, present)
    source = source_text(ws, m, path, collector)
    if source is None:
        return None, 0
    text_path, index = source
    spans = check_provenance(m, index, display_path(text_path), collector)
    if collector.failed:
        return None, len(spans)
    catalogue = ws.catalogue_for(path) if any(node.stances for node in m.nodes) else None
    return LoadedMap(m, path, text_path, index.original, spans, catalogue), len(spans)


def validate(
    paths: Sequence[PathArg],
    workspace: Workspace | None = None,
    *,
    include_catalogue: bool = False,
) -> ValidationReport:
    """Validate map files (and, if asked, the catalogue) and report every problem found."""
    # Loading allocates many objects and no reference cycles worth collecting: the collector's
    # passes over the growing heap cost a quarter of the time of a large map.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _validate(paths, workspace or Workspace(), include_catalogue)
    finally:
        if enabled:
            gc.enable()


def _validate(paths: Sequence[PathArg], ws: Workspace, include_catalogue: bool) -> ValidationReport:
    parsed: list[tuple[Path, Collector]] = []
    present: dict[str, frozenset[str]] = {}
    for path in map(Path, paths):
        collector = Collector(display_path(path))
        data, problems, positions = read_document(path, collector.file, ws.reader)
        for problem in problems:
            collector.add_problem(problem)
        if not problems:
            collector.data = data
            collector.positions = positions
            peeked = peek_ids(data)
            if peeked is not None:
                present.setdefault(*peeked)
        parsed.append((path, collector))

    reports: list[FileReport] = []
    seen_ids: dict[str, str] = {}
    for path, collector in parsed:
        loaded: LoadedMap | None = None
        quotes = 0
        kind = document_kind(collector.data)
        if collector.data is not None and kind != "map":
            # A catalogue or manifest given by name is checked against its own schema.
            value = check_document(collector, kind)
            if isinstance(value, SeedManifest):
                allowed = [path.parent, ws.project_for(path)]
                check_manifest_files(value, path, ws.reader, collector, allowed)
            reports.append(FileReport(collector.file, path, kind, collector.sorted()))
            continue
        if collector.data is not None:
            loaded, quotes = _validate_map(ws, path, collector.data, collector, present)
            if loaded is not None:
                if loaded.id in seen_ids:
                    collector.add(["id"], f"map id '{loaded.id}' is also used by {seen_ids[loaded.id]}")
                    loaded = None
                else:
                    seen_ids[loaded.id] = collector.file
        reports.append(FileReport(collector.file, path, "map", collector.sorted(), loaded, quotes))

    if include_catalogue:
        catalogue_path = ws.catalogue_path or ws.maps_dir / CATALOGUE_NAME
        if catalogue_path.exists():
            _, problems = load_catalogue_file(ws, catalogue_path)
            reports.append(
                FileReport(display_path(catalogue_path), catalogue_path, "catalogue", tuple(problems))
            )
    return ValidationReport(tuple(reports))


def load_maps(
    names: Sequence[str] = (),
    maps_dir: PathArg = "maps",
    *,
    seeds_dir: PathArg | None = None,
    catalogue_path: PathArg | None = None,
) -> list[LoadedMap]:
    """Load maps by name or path (no names: every map in maps_dir); raise on any error."""
    return load_from(Workspace(Path(maps_dir), seeds_dir, catalogue_path), names)


def load_from(ws: Workspace, names: Sequence[str] = ()) -> list[LoadedMap]:
    """Load maps by name or path within a workspace; raise InvalidMapError listing every error."""
    report = validate(resolve_maps(list(names), ws.maps_dir), ws)
    if not report.ok:
        raise InvalidMapError([p for p in report.problems if p.severity == "error"])
    return report.maps


def load_peers(ws: Workspace, maps: Sequence[LoadedMap]) -> dict[str, LoadedMap]:
    """The maps these maps point into (map:node): those among `maps` themselves, and the others
    found beside the map that points into them, then in the maps folder, when they load cleanly.
    Renderers use them to label another map's nodes, also when that map is drawn in a picture of
    its own in the same run. A peer that fails validation is left out: it is not what the user
    asked to draw, and its ghost nodes then show only their ids."""
    given = {m.id: m for m in maps}
    wanted: dict[str, Path] = {}
    for m in maps:
        for other in sorted(
            {r.target.partition(":")[0] for r in m.map.relations if ":" in r.target} - set(given)
        ):
            found = [f for f in (map_file(folder, other) for folder in peer_folders(ws, m.path)) if f]
            if found and other not in wanted:
                wanted[other] = found[0]
    return {**given, **{m.id: m for m in validate(sorted(wanted.values()), ws).maps if m.id not in given}}


def load_map(
    name: str,
    maps_dir: PathArg = "maps",
    *,
    seeds_dir: PathArg | None = None,
    catalogue_path: PathArg | None = None,
) -> LoadedMap:
    """Load one map by name (maps/NAME.json) or path; raise InvalidMapError listing every error."""
    return load_maps([name], maps_dir, seeds_dir=seeds_dir, catalogue_path=catalogue_path)[0]


def load_catalogue(path: PathArg, *, reader: FileReader | None = None) -> PropositionCatalogue:
    """Read and check a proposition catalogue; raise InvalidCatalogueError listing every problem."""
    catalogue, problems = read_model(Path(path), "propositions.schema.json", PropositionCatalogue, reader)
    if catalogue is None:
        raise InvalidCatalogueError([p for p in problems if p.severity == "error"])
    result: PropositionCatalogue = catalogue
    return result


def find_catalogue(maps: Sequence[LoadedMap], given: Path | None = None) -> Path:
    """The proposition catalogue the maps' stances refer to: the one rule every command and caller uses.

    `given` if set (the CLI's --propositions); else the catalogue each stance-taking map was validated
    against (propositions.json beside it, unless the workspace named one). Raises UsageError when
    those differ, and when no map takes a stance falls back to the one beside the first map.
    """
    if given is not None:
        return given
    paths: dict[Path, Path] = {}
    for m in maps:
        if any(node.stances for node in m.map.nodes):
            path = m.catalogue_path or m.path.parent / CATALOGUE_NAME
            paths.setdefault(path.resolve(), path)
    if len(paths) > 1:
        listing = ", ".join(sorted(display_path(p) for p in paths.values()))
        raise UsageError(
            f"the maps use different proposition catalogues ({listing}); pick one with --propositions"
        )
    if paths:
        return next(iter(paths.values()))
    if not maps:
        raise UsageError("no maps given, so no proposition catalogue to find")
    return maps[0].path.parent / CATALOGUE_NAME


__all__ += ["load_catalogue"]
