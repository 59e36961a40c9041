"""Read JSON files and check them against the schema, collecting problems with their JSON paths."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from argmap.core.errors import Problem, Severity
from argmap.core.files import FileReader, RefusedFile, display_path
from argmap.core.jsontext import parse_json
from argmap.core.model import PATTERN_NAMES

__all__ = [
    "YAML_SUFFIXES",
    "Collector",
    "PathPart",
    "Positions",
    "check_schema",
    "display_path",
    "model_problems",
    "read_document",
    "read_json",
]

PathPart = str | int
# (line, column), 1-based, of each key or item of a YAML document, by its path.
Positions = dict[tuple[PathPart, ...], tuple[int, int]]


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
class Collector:
    """Problems of one file, kept with their raw paths so they can be sorted in document order."""

    file: str
    data: Any = None
    items: list[tuple[tuple[int, ...], int, Problem]] = field(default_factory=list)
    # Where each key and item stands in a YAML file, so its problems carry line and column.
    positions: Positions | None = None

    def add(self, parts: Sequence[PathPart] | None, message: str, severity: Severity = "error") -> None:
        path = None if parts is None else _format_path(parts)
        order = () if parts is None else _position(self.data, parts)
        line = column = None
        if self.positions and parts is not None:
            from argmap.core.yamldoc import locate

            line, column = locate(self.positions, parts) or (None, None)
        problem = Problem(self.file, path, message, severity, line, column)
        self.items.append((order, len(self.items), problem))

    def add_problem(self, problem: Problem) -> None:
        self.items.append(((), len(self.items), problem))

    def sorted(self) -> tuple[Problem, ...]:
        return tuple(p for _, _, p in sorted(self.items, key=lambda t: (t[0], t[1])))

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for _, _, p in self.items)


YAML_SUFFIXES = (".yaml", ".yml")


def read_json(path: Path, file: str, reader: FileReader | None = None) -> tuple[Any, Problem | None]:
    """Read a JSON (or, by its suffix, YAML) file, checked (a regular file under the size limit) and
    parsed strictly; every way it can fail is one plain sentence; the first problem only, for
    callers that stop."""
    data, problems, _ = read_document(path, file, reader)
    return data, (problems[0] if problems else None)


def read_document(
    path: Path, file: str, reader: FileReader | None = None
) -> tuple[Any, list[Problem], Positions | None]:
    """Read bytes safely, decode, parse: the data of a file, or every problem that stops it. A name
    ending in .yaml or .yml is YAML, and the line and column of each key and item come back too."""
    try:
        raw = (reader or FileReader()).read_bytes(path)
    except RefusedFile as exc:
        return None, [Problem(file, None, _plain(exc.reason))], None
    if not raw.strip():
        return None, [Problem(file, None, "is empty; a map is a JSON object or YAML mapping")], None
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(file, None, "starts with a UTF-8 byte order mark; save it without one")], None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return (
            None,
            [Problem(file, None, f"is not UTF-8 (byte 0x{raw[exc.start]:02x})", line=line, column=column)],
            None,
        )
    if path.suffix.lower() in YAML_SUFFIXES:
        from argmap.core.yamldoc import parse_yaml

        data, problem, positions = parse_yaml(text, file)
        return data, ([] if problem is None else [problem]), positions
    data, found = parse_json(text)
    return (
        data,
        [
            Problem(
                file,
                None if p.path is None else _format_path(p.path),
                p.message,
                line=p.line,
                column=p.column,
            )
            for p in found
        ],
        None,
    )


def _plain(reason: str) -> str:
    """A missing file is "no such file", as the shell says."""
    return "no such file" if reason == "does not exist" else reason


_NOT_ALLOWED = {
    "quote": "an implicit node has no quote",
    "evidence_kind": "only evidence has an evidence_kind",
    "citation": "only evidence has a citation",
    "stances": "only claims take stances",
    "path": "give either source.seed or source.path, not both",
}


def _schema_message(error: Any, file: str) -> str:
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
    elif error.validator == "maxLength" and isinstance(error.instance, str):
        message = f"is {len(error.instance):,} characters long; at most {error.validator_value:,} are allowed"
    elif error.validator == "const" and list(error.path) == ["version"] and error.instance == 1:
        message = (
            f"format version 1 is out of date (this argmap reads version {error.validator_value}); "
            f"upgrade it with: argmap migrate --in-place {file}"
        )
    elif error.validator == "const":
        message = f"must be {json.dumps(error.validator_value)}"
    if len(message) > 200:
        message = message[:197] + "..."
    return message


@cache
def _fast_validator(schema_file: str) -> Any:
    import jsonschema_rs

    from argmap.core.resources import load_schema

    return jsonschema_rs.validator_for(load_schema(schema_file))


def check_schema(collector: Collector, schema_file: str) -> None:
    """Add a problem for every place the data breaks the schema."""
    # jsonschema-rs decides valid/invalid ~50x faster; the pure-Python jsonschema, whose error
    # objects carry everything the messages need, runs only on files that are invalid.
    if _fast_validator(schema_file).is_valid(collector.data):
        return
    from jsonschema import Draft202012Validator

    from argmap.core.resources import load_schema

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
        collector.add(where, _schema_message(error, collector.file))
    if len(collector.items) == reported:  # the two validators disagree: still never pass it
        for fast_error in _fast_validator(schema_file).iter_errors(collector.data):
            collector.add(list(fast_error.instance_path), fast_error.message)


def model_problems(collector: Collector, exc: Exception) -> None:
    """Pydantic errors after the schema passed mean the two drifted: still report, never crash."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        for err in exc.errors():
            collector.add([p for p in err["loc"] if isinstance(p, str | int)], err["msg"])
    else:  # pragma: no cover - defensive
        collector.add([], str(exc))
