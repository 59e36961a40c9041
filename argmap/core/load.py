"""Read, parse and check maps (schema, integrity, provenance), collecting every problem."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.core.errors import InvalidMapError, MapNotFoundError, Problem
from argmap.core.integrity import check_integrity
from argmap.core.model import ArgumentMap, PropositionCatalogue
from argmap.core.provenance import SourceIndex
from argmap.core.reading import Collector, check_schema, display_path, model_problems, read_document
from argmap.core.workspace import CATALOGUE_NAME, Workspace, load_catalogue_file, read_model, source_text

__all__ = [
    "CATALOGUE_NAME",
    "MAP_SUFFIXES",
    "FileReport",
    "LoadedMap",
    "Span",
    "ValidationReport",
    "Workspace",
    "display_path",
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
    kind: str  # "map" or "catalogue"
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


# ---------------------------------------------------------------- names


MAP_SUFFIXES = (".json", ".yaml", ".yml")


def _map_files(maps_dir: Path) -> dict[str, list[Path]]:
    """Map files in a folder (JSON or YAML, not the catalogue), by name."""
    if not maps_dir.is_dir():
        return {}
    found: dict[str, list[Path]] = {}
    for path in sorted(maps_dir.iterdir()):
        if path.suffix.lower() in MAP_SUFFIXES and path.stem != Path(CATALOGUE_NAME).stem and path.is_file():
            found.setdefault(path.stem, []).append(path)
    return found


def _one_file(name: str, files: list[Path]) -> Path:
    if len(files) > 1:
        listing = " and ".join(display_path(f) for f in files)
        raise MapNotFoundError(f"map '{name}' has {len(files)} files ({listing}); keep one")
    return files[0]


def available_maps(maps_dir: Path) -> list[str]:
    """The map names in a folder (every *.json, *.yaml and *.yml but the catalogue), sorted."""
    return sorted(_map_files(maps_dir))


def resolve_maps(names: Sequence[str], maps_dir: Path) -> list[Path]:
    """Turn map names or paths into files; no names means every map in maps_dir."""
    in_folder = _map_files(maps_dir)
    if not names:
        if not in_folder:
            raise MapNotFoundError(
                f"no maps found: {display_path(maps_dir)}/ has no *.json or *.yaml files "
                "(argmap examples DIR copies the example maps into DIR)"
            )
        return [_one_file(name, files) for name, files in sorted(in_folder.items())]
    paths: list[Path] = []
    for name in names:
        as_path = Path(name)
        explicit = "/" in name or "\\" in name or as_path.suffix.lower() in MAP_SUFFIXES
        if not explicit and name in in_folder:
            paths.append(_one_file(name, in_folder[name]))
        elif as_path.exists() or explicit:
            # An explicit path: missing files are reported by the reader as a problem of that file.
            paths.append(as_path)
        else:
            listing = ", ".join(sorted(in_folder)) or "none"
            hint = "" if in_folder else "; argmap examples DIR copies the example maps into DIR"
            raise MapNotFoundError(
                f"no map named '{name}': looked for {display_path(maps_dir / name)}.json or .yaml "
                f"(available maps: {listing}{hint})"
            )
    return paths


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
        m = ArgumentMap.model_validate(data)
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
    return LoadedMap(m, path, text_path, index.original, spans), len(spans)


def validate(
    paths: Sequence[Path],
    workspace: Workspace | None = None,
    *,
    include_catalogue: bool = False,
) -> ValidationReport:
    """Validate map files (and, if asked, the catalogue) and report every problem found."""
    ws = workspace or Workspace()
    parsed: list[tuple[Path, Collector]] = []
    present: dict[str, frozenset[str]] = {}
    for path in paths:
        collector = Collector(display_path(path))
        data, problem, positions = read_document(path, collector.file)
        if problem is not None:
            collector.add_problem(problem)
        else:
            collector.data = data
            collector.positions = positions
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                present.setdefault(
                    data["id"],
                    frozenset(
                        item["id"]
                        for key in ("nodes", "relations")
                        for item in (data.get(key) or [])
                        if isinstance(item, dict) and isinstance(item.get("id"), str)
                    ),
                )
        parsed.append((path, collector))

    reports: list[FileReport] = []
    seen_ids: dict[str, str] = {}
    for path, collector in parsed:
        loaded: LoadedMap | None = None
        quotes = 0
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
    maps_dir: Path | str = "maps",
    *,
    seeds_dir: Path | None = None,
    catalogue_path: Path | None = None,
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
    """The maps in the maps folder that these maps point into (map:node), when those load cleanly;
    renderers use them to label another map's nodes. A peer that fails validation is left out: it
    is not what the user asked to draw, and its ghost nodes then show only their ids."""
    drawn = {m.id for m in maps}
    wanted = sorted(
        {r.target.partition(":")[0] for m in maps for r in m.map.relations if ":" in r.target} - drawn
    )
    files = _map_files(ws.maps_dir)
    present = [files[name][0] for name in wanted if name in files]
    return {m.id: m for m in validate(present, ws).maps}


def load_map(
    name: str,
    maps_dir: Path | str = "maps",
    *,
    seeds_dir: Path | None = None,
    catalogue_path: Path | None = None,
) -> LoadedMap:
    """Load one map by name (maps/NAME.json) or path; raise InvalidMapError listing every error."""
    return load_maps([name], maps_dir, seeds_dir=seeds_dir, catalogue_path=catalogue_path)[0]


def load_catalogue(path: Path) -> PropositionCatalogue:
    """Read and check a proposition catalogue; raise InvalidMapError listing every problem."""
    catalogue, problems = read_model(path, "propositions.schema.json", PropositionCatalogue)
    if catalogue is None:
        raise InvalidMapError([p for p in problems if p.severity == "error"])
    result: PropositionCatalogue = catalogue
    return result


__all__ += ["load_catalogue"]
