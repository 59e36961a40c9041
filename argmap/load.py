"""Read, parse and check maps (schema, integrity, provenance), collecting every problem."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from argmap.errors import InvalidMapError, MapNotFoundError, Problem, Severity
from argmap.model import PATTERN_NAMES, ArgumentMap, PropositionCatalogue, SeedManifest
from argmap.provenance import SourceIndex

__all__ = [
    "CATALOGUE_NAME",
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

CATALOGUE_NAME = "propositions.json"
MANIFEST_NAME = "seeds.json"

PathPart = str | int


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
        from argmap.rendering import render_svg

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


@dataclass
class Workspace:
    """Where maps, the catalogue and the seeds live; caches what several maps share."""

    maps_dir: Path = Path("maps")
    seeds_dir: Path | None = None
    catalogue_path: Path | None = None
    _texts: dict[Path, SourceIndex] = field(default_factory=dict, repr=False)
    _catalogues: dict[Path, tuple[PropositionCatalogue | None, list[Problem]]] = field(
        default_factory=dict, repr=False
    )
    _manifests: dict[Path, tuple[SeedManifest | None, list[Problem]]] = field(
        default_factory=dict, repr=False
    )
    _peers: dict[str, frozenset[str] | None] = field(default_factory=dict, repr=False)

    def catalogue_for(self, map_path: Path) -> Path:
        """The catalogue a map's stances refer to: the given one, else the one beside the map."""
        return self.catalogue_path or map_path.parent / CATALOGUE_NAME

    def seeds_for(self, map_path: Path) -> Path:
        """The seeds folder: the given one, else seeds/ beside the map's folder."""
        return self.seeds_dir or map_path.parent.parent / "seeds"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- names


def available_maps(maps_dir: Path) -> list[str]:
    """The map names in a folder (every *.json but the catalogue), sorted."""
    if not maps_dir.is_dir():
        return []
    return sorted(p.stem for p in maps_dir.glob("*.json") if p.name != CATALOGUE_NAME)


def resolve_maps(names: Sequence[str], maps_dir: Path) -> list[Path]:
    """Turn map names or paths into files; no names means every map in maps_dir."""
    if not names:
        found = available_maps(maps_dir)
        if not found:
            raise MapNotFoundError(f"no maps found: {display_path(maps_dir)}/ has no *.json files")
        return [maps_dir / f"{name}.json" for name in found]
    paths: list[Path] = []
    for name in names:
        as_path = Path(name)
        in_folder = maps_dir / f"{name}.json"
        if "/" not in name and "\\" not in name and not name.endswith(".json") and in_folder.exists():
            paths.append(in_folder)
        elif as_path.exists() or name.endswith(".json") or "/" in name:
            # An explicit path: missing files are reported by the reader as a problem of that file.
            paths.append(as_path)
        else:
            known = available_maps(maps_dir)
            listing = ", ".join(known) if known else "none"
            raise MapNotFoundError(
                f"no map named '{name}': looked for {display_path(in_folder)} (available maps: {listing})"
            )
    return paths


# ---------------------------------------------------------------- reading


def _format_path(parts: Iterable[PathPart]) -> str:
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out += f".{part}"
        else:
            out += "[" + json.dumps(part) + "]"
    return out


def _position(data: Any, parts: Sequence[PathPart]) -> tuple[int, ...]:
    """Document order of a path: the index of each key or item along the way."""
    key: list[int] = []
    node = data
    for part in parts:
        if isinstance(node, dict) and part in node:
            key.append(list(node).index(part))
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            key.append(part)
            node = node[part]
        else:
            key.append(1 << 30)
            break
    return tuple(key)


@dataclass
class _Collector:
    """Problems of one file, kept with their raw paths so they can be sorted in document order."""

    file: str
    data: Any = None
    items: list[tuple[tuple[int, ...], int, Problem]] = field(default_factory=list)

    def add(self, parts: Sequence[PathPart] | None, message: str, severity: Severity = "error") -> None:
        path = None if parts is None else _format_path(parts)
        order = () if parts is None else _position(self.data, parts)
        self.items.append((order, len(self.items), Problem(self.file, path, message, severity)))

    def add_problem(self, problem: Problem) -> None:
        self.items.append(((), len(self.items), problem))

    def sorted(self) -> tuple[Problem, ...]:
        return tuple(p for _, _, p in sorted(self.items, key=lambda t: (t[0], t[1])))

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for _, _, p in self.items)


def read_json(path: Path, file: str) -> tuple[Any, Problem | None]:
    """Read a JSON file, turning every way it can fail into one plain sentence."""
    if not path.exists():
        return None, Problem(file, None, "no such file")
    if path.is_dir():
        return None, Problem(file, None, "is a folder, not a JSON file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(file, None, f"cannot be read: {exc.strerror or exc}")
    if not raw.strip():
        return None, Problem(file, None, "is empty; a map is a JSON object")
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, Problem(file, None, "starts with a UTF-8 byte order mark; save it without one")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(
            file, None, f"is not UTF-8 (byte 0x{raw[exc.start]:02x})", line=line, column=column
        )
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, Problem(
            file,
            None,
            f"invalid JSON: {exc.msg[0].lower()}{exc.msg[1:]}",
            line=exc.lineno,
            column=exc.colno,
        )


_NOT_ALLOWED = {
    "quote": "an implicit node has no quote",
    "evidence_kind": "only evidence has an evidence_kind",
    "citation": "only evidence has a citation",
    "stances": "only claims take stances",
    "path": "give either source.seed or source.path, not both",
}


def _schema_message(error: Any) -> str:
    if error.validator == "not" and error.validator_value == {}:
        last = error.path[-1] if error.path else ""
        return f"not allowed here: {_NOT_ALLOWED.get(last, 'this property is forbidden')}"
    message: str = error.message
    if error.validator == "maxItems" and error.validator_value == 0:
        last = error.path[-1] if error.path else ""
        return f"not allowed here: {_NOT_ALLOWED.get(last, 'must be empty')}"
    if error.validator == "pattern" and isinstance(error.instance, str):
        wanted = PATTERN_NAMES.get(error.validator_value, f"a match for {error.validator_value}")
        message = f"{json.dumps(error.instance, ensure_ascii=False)} is not {wanted}"
    elif error.validator == "const":
        message = f"must be {json.dumps(error.validator_value)}"
    if len(message) > 200:
        message = message[:197] + "..."
    return message


@cache
def _fast_validator(schema_file: str) -> Any:
    import jsonschema_rs

    from argmap.resources import load_schema

    return jsonschema_rs.validator_for(load_schema(schema_file))


def check_schema(collector: _Collector, schema_file: str) -> None:
    """Add a problem for every place the data breaks the schema."""
    # jsonschema-rs decides valid/invalid ~50x faster; the pure-Python jsonschema, whose error
    # objects carry everything the messages need, runs only on files that are invalid.
    if _fast_validator(schema_file).is_valid(collector.data):
        return
    from jsonschema import Draft202012Validator

    from argmap.resources import load_schema

    validator = Draft202012Validator(load_schema(schema_file))
    reported = len(collector.items)
    for error in validator.iter_errors(collector.data):
        where = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = list(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in allowed:
                    collector.add([*where, key], f"unknown property (allowed: {', '.join(allowed)})")
            continue
        collector.add(where, _schema_message(error))
    if len(collector.items) == reported:  # the two validators disagree: still never pass it
        for fast_error in _fast_validator(schema_file).iter_errors(collector.data):
            collector.add(list(fast_error.instance_path), fast_error.message)


def _model_problems(collector: _Collector, exc: Exception) -> None:
    """Pydantic errors after the schema passed mean the two drifted: still report, never crash."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        for err in exc.errors():
            collector.add([p for p in err["loc"] if isinstance(p, str | int)], err["msg"])
    else:  # pragma: no cover - defensive
        collector.add([], str(exc))


# ---------------------------------------------------------------- shared files


def _load_catalogue(ws: Workspace, path: Path) -> tuple[PropositionCatalogue | None, list[Problem]]:
    key = path.resolve()
    if key not in ws._catalogues:
        ws._catalogues[key] = _read_model(path, "propositions.schema.json", PropositionCatalogue)
    return ws._catalogues[key]


def _load_manifest(ws: Workspace, path: Path) -> tuple[SeedManifest | None, list[Problem]]:
    key = path.resolve()
    if key not in ws._manifests:
        ws._manifests[key] = _read_model(path, "seeds.schema.json", SeedManifest)
    return ws._manifests[key]


def _read_model(path: Path, schema: str, model: type[Any]) -> tuple[Any, list[Problem]]:
    collector = _Collector(display_path(path))
    data, problem = read_json(path, collector.file)
    if problem:
        return None, [problem]
    collector.data = data
    check_schema(collector, schema)
    if collector.failed:
        return None, list(collector.sorted())
    value = model.model_validate(data)
    items = value.propositions if isinstance(value, PropositionCatalogue) else value.seeds
    seen: dict[str, int] = {}
    key = "propositions" if isinstance(value, PropositionCatalogue) else "seeds"
    for i, item in enumerate(items):
        if item.id in seen:
            collector.add([key, i, "id"], f"duplicate id '{item.id}' (first at $.{key}[{seen[item.id]}])")
        seen.setdefault(item.id, i)
    return (None if collector.failed else value), list(collector.sorted())


def _source_text(
    ws: Workspace, m: ArgumentMap, map_path: Path, collector: _Collector
) -> tuple[Path, SourceIndex] | None:
    if m.source.seed is not None:
        manifest_path = ws.seeds_for(map_path) / MANIFEST_NAME
        manifest, problems = _load_manifest(ws, manifest_path)
        if manifest is None:
            detail = problems[0] if problems else "unreadable"
            collector.add(["source", "seed"], f"cannot read the seed manifest: {detail}")
            return None
        seeds = {s.id: s for s in manifest.seeds}
        files = {s.id: s.file for s in manifest.seeds}
        if m.source.seed not in files:
            collector.add(
                ["source", "seed"],
                f"unknown seed '{m.source.seed}' (not in {display_path(manifest_path)}; "
                f"known: {', '.join(sorted(files))})",
            )
            return None
        text_path = manifest_path.parent / files[m.source.seed]
        where: list[PathPart] = ["source", "seed"]
        expected_hash = seeds[m.source.seed].sha256
    else:
        assert m.source.path is not None
        text_path = map_path.parent / m.source.path
        where = ["source", "path"]
        expected_hash = None
    key = text_path.resolve()
    if key not in ws._texts:
        try:
            raw = text_path.read_bytes()
            if expected_hash and hashlib.sha256(raw).hexdigest() != expected_hash:
                collector.add(
                    where,
                    f"source text {display_path(text_path)} differs from the one the manifest "
                    "records (sha256 mismatch); seeds must stay byte for byte as published",
                )
                return None
            ws._texts[key] = SourceIndex(raw.decode("utf-8"))
        except FileNotFoundError:
            collector.add(where, f"source text {display_path(text_path)} does not exist")
            return None
        except UnicodeDecodeError:
            collector.add(where, f"source text {display_path(text_path)} is not UTF-8")
            return None
        except OSError as exc:
            collector.add(where, f"source text {display_path(text_path)} cannot be read: {exc}")
            return None
    return text_path, ws._texts[key]


def _peer_ids(ws: Workspace, map_id: str, present: Mapping[str, frozenset[str]]) -> frozenset[str] | None:
    """Node and relation ids of another map: from this run, else peeked from the maps folder."""
    if map_id in present:
        return present[map_id]
    if map_id not in ws._peers:
        path = ws.maps_dir / f"{map_id}.json"
        data, problem = read_json(path, str(path)) if path.is_file() else (None, None)
        ids: frozenset[str] | None = None
        if problem is None and isinstance(data, dict):
            ids = frozenset(
                item["id"]
                for key in ("nodes", "relations")
                for item in data.get(key, [])
                if isinstance(item, dict) and isinstance(item.get("id"), str)
            )
        ws._peers[map_id] = ids
    return ws._peers[map_id]


# ---------------------------------------------------------------- checks


def check_integrity(
    ws: Workspace,
    m: ArgumentMap,
    map_path: Path,
    collector: _Collector,
    present: Mapping[str, frozenset[str]],
) -> None:
    """Ids, relation ends, theses, propositions and cross-map references."""
    if m.id != map_path.stem:
        collector.add(["id"], f"map id '{m.id}' differs from the file name '{map_path.stem}'")

    first_seen: dict[str, str] = {}
    node_ids: set[str] = set()
    thesis: str | None = None
    for i, node in enumerate(m.nodes):
        if node.id in first_seen:
            collector.add(["nodes", i, "id"], f"duplicate id '{node.id}' (first at {first_seen[node.id]})")
        else:
            first_seen[node.id] = f"$.nodes[{i}]"
            node_ids.add(node.id)
        if node.thesis:
            if thesis is not None:
                collector.add(
                    ["nodes", i, "thesis"],
                    f"a second main thesis ('{thesis}' is already the thesis)",
                )
            else:
                thesis = node.id
    relation_ids: dict[str, int] = {}
    for i, rel in enumerate(m.relations):
        if rel.id in first_seen:
            collector.add(["relations", i, "id"], f"duplicate id '{rel.id}' (first at {first_seen[rel.id]})")
        else:
            first_seen[rel.id] = f"$.relations[{i}]"
            relation_ids[rel.id] = i

    _check_relations(ws, m, collector, node_ids, relation_ids, present)
    _check_stances(ws, m, map_path, collector)

    reporter = m.reported_by.map if m.reported_by else None
    if reporter and reporter != m.id and _peer_ids(ws, reporter, present) is None:
        collector.add(
            ["reported_by", "map"],
            f"map '{reporter}' is not in {display_path(ws.maps_dir)}/",
            "warning",
        )


def _check_relations(
    ws: Workspace,
    m: ArgumentMap,
    collector: _Collector,
    node_ids: set[str],
    relation_ids: dict[str, int],
    present: Mapping[str, frozenset[str]],
) -> None:
    connected: set[str] = set()
    for i, rel in enumerate(m.relations):
        for j, premise in enumerate(rel.premises):
            if premise in node_ids:
                connected.add(premise)
            elif premise in relation_ids:
                collector.add(
                    ["relations", i, "from", j],
                    f"'{premise}' is a relation; premises must be nodes",
                )
            else:
                collector.add(["relations", i, "from", j], f"unknown node '{premise}'")
        target = rel.target
        if ":" in target:
            other, _, local = target.partition(":")
            if other == m.id:
                target = local
            else:
                ids = _peer_ids(ws, other, present)
                if ids is None:
                    collector.add(
                        ["relations", i, "to"],
                        f"map '{other}' is not in {display_path(ws.maps_dir)}/, so '{rel.target}' "
                        "cannot be checked",
                        "warning",
                    )
                elif local not in ids:
                    collector.add(["relations", i, "to"], f"unknown node '{local}' in map '{other}'")
                continue
        if target == rel.id:
            collector.add(["relations", i, "to"], f"relation '{rel.id}' targets itself")
        elif target in rel.premises:
            collector.add(["relations", i, "to"], f"relation '{rel.id}' goes from '{target}' to itself")
        elif target in node_ids:
            connected.add(target)
        elif target not in relation_ids:
            collector.add(["relations", i, "to"], f"unknown node or relation '{target}'")
    _check_relation_cycles(m, collector, relation_ids)
    if m.relations:
        for i, node in enumerate(m.nodes):
            if node.id not in connected:
                collector.add(["nodes", i], f"node '{node.id}' is in no relation", "warning")


def _check_relation_cycles(m: ArgumentMap, collector: _Collector, relation_ids: dict[str, int]) -> None:
    """An undercut chain must end on a node: r1 attacking r2 attacking r1 says nothing."""
    targets = {rel.id: rel.target for rel in m.relations}
    reported: set[frozenset[str]] = set()
    for rel in m.relations:
        chain = [rel.id]
        current = rel.target
        while current in relation_ids and current not in chain:
            chain.append(current)
            current = targets[current]
        if current not in chain:
            continue
        loop = chain[chain.index(current) :]
        if len(loop) > 1 and frozenset(loop) not in reported:
            reported.add(frozenset(loop))
            collector.add(
                ["relations", relation_ids[loop[0]], "to"],
                "relations form a cycle: " + " -> ".join([*loop, loop[0]]),
            )


def _check_stances(ws: Workspace, m: ArgumentMap, map_path: Path, collector: _Collector) -> None:
    if not any(node.stances for node in m.nodes):
        return
    catalogue_path = ws.catalogue_for(map_path)
    catalogue, _ = _load_catalogue(ws, catalogue_path)
    if catalogue is None:
        first = next((i for i, n in enumerate(m.nodes) if n.stances), 0)
        reason = "does not exist" if not catalogue_path.exists() else "is invalid"
        collector.add(
            ["nodes", first, "stances"],
            f"stances need a proposition catalogue, but {display_path(catalogue_path)} {reason}",
        )
        return
    known = {p.id for p in catalogue.propositions}
    for i, node in enumerate(m.nodes):
        seen: set[str] = set()
        for j, stance in enumerate(node.stances):
            if stance.proposition not in known:
                collector.add(
                    ["nodes", i, "stances", j, "proposition"],
                    f"unknown proposition '{stance.proposition}' (not in {display_path(catalogue_path)})",
                )
            if stance.proposition in seen:
                collector.add(
                    ["nodes", i, "stances", j, "proposition"],
                    f"a second stance on '{stance.proposition}' in the same claim",
                )
            seen.add(stance.proposition)


def check_provenance(
    m: ArgumentMap, source: SourceIndex, source_name: str, collector: _Collector
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
    collector: _Collector,
    present: Mapping[str, frozenset[str]],
) -> tuple[LoadedMap | None, int]:
    check_schema(collector, "argmap.schema.json")
    if collector.failed:
        return None, 0
    try:
        m = ArgumentMap.model_validate(data)
    except Exception as exc:  # the schema and the models disagree: report, do not crash
        _model_problems(collector, exc)
        return None, 0
    check_integrity(ws, m, path, collector, present)
    source = _source_text(ws, m, path, collector)
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
    parsed: list[tuple[Path, _Collector]] = []
    present: dict[str, frozenset[str]] = {}
    for path in paths:
        collector = _Collector(display_path(path))
        data, problem = read_json(path, collector.file)
        if problem is not None:
            collector.add_problem(problem)
        else:
            collector.data = data
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
            _, problems = _load_catalogue(ws, catalogue_path)
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
    present = [ws.maps_dir / f"{name}.json" for name in wanted if (ws.maps_dir / f"{name}.json").is_file()]
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
    catalogue, problems = _read_model(path, "propositions.schema.json", PropositionCatalogue)
    if catalogue is None:
        raise InvalidMapError([p for p in problems if p.severity == "error"])
    result: PropositionCatalogue = catalogue
    return result


__all__ += ["load_catalogue"]
