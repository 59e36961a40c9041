"""Read YAML maps: the same data as JSON, with the line and column of every key and item kept."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from argmap.core.errors import Problem
from argmap.core.reading import Positions

__all__ = ["dump_yaml", "locate", "parse_yaml"]


# Fields whose values are ISO partial dates: YAML would read `date: 2014` as a number and
# `date: 2014-08-05` as a date; the format wants the text as typed.
_DATE_KEYS = frozenset({"date", "period"})
# The same limits as for JSON (core/jsontext.py): what no map needs, and what would let a small
# file cost a lot of memory or time.
MAX_DEPTH = 64
MAX_DIGITS = 15


class _Refused(Exception):
    def __init__(self, message: str, path: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.path = path


def _plain(
    node: Any, path: tuple[str | int, ...], positions: Positions, key: str | int | None, seen: set[int]
) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap | CommentedSeq):
        # An alias is the same object met twice; expanding nested aliases grows exponentially
        # (a "billion laughs"), and a map never needs one.
        if id(node) in seen:
            raise _Refused("YAML anchors and aliases are not allowed in a map", path)
        seen.add(id(node))
        if len(path) >= MAX_DEPTH:
            raise _Refused(f"nested deeper than {MAX_DEPTH} levels", path)
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for k, value in node.items():
            # A scalar's problems are about its value; a block's, about the key that opens it.
            scalar = not isinstance(value, CommentedMap | CommentedSeq)
            line, column = node.lc.value(k) if scalar else node.lc.key(k)
            positions[(*path, k)] = (line + 1, column + 1)
            out[str(k)] = _plain(value, (*path, k), positions, k, seen)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            line, column = node.lc.item(i)
            positions[(*path, i)] = (line + 1, column + 1)
            items.append(_plain(value, (*path, i), positions, i, seen))
        return items
    if isinstance(node, datetime.date | datetime.datetime):
        return node.isoformat()
    if isinstance(node, int) and not isinstance(node, bool):
        if len(str(abs(node))) > MAX_DIGITS:
            raise _Refused(f"a number of more than {MAX_DIGITS} digits", path)
        return str(node) if key in _DATE_KEYS else int(node)
    if isinstance(node, float):
        if node != node or node in (float("inf"), float("-inf")):
            raise _Refused("not a number (NaN or infinity)", path)
        return float(node)
    if isinstance(node, str):
        return str(node)  # ruamel's scalar string subclasses carry style; the data is the text
    return node


def parse_yaml(text: str, file: str) -> tuple[Any, Problem | None, Positions]:
    """Parse one YAML document; a syntax error or a duplicate key is one problem with its place."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        documents = list(yaml.load_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        if "duplicate key" in what:
            what = "duplicate key: " + what.split('"')[1] if '"' in what else what
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        return None, Problem(file, None, f"invalid YAML: {what}", line=line, column=column), {}
    except YAMLError as exc:
        return None, Problem(file, None, f"invalid YAML: {exc}"), {}
    except ValueError:  # an integer too long for Python even to read
        return None, Problem(file, None, f"invalid YAML: a number of more than {MAX_DIGITS} digits"), {}
    if len(documents) != 1:
        return None, Problem(file, None, f"holds {len(documents)} YAML documents; a map is one"), {}
    positions: Positions = {}
    try:
        return _plain(documents[0], (), positions, None, set()), None, positions
    except _Refused as exc:
        line, column = locate(positions, exc.path) or (None, None)
        return None, Problem(file, None, f"invalid YAML: {exc}", line=line, column=column), {}


def locate(positions: Positions, parts: Sequence[str | int]) -> tuple[int, int] | None:
    """The place of the deepest key or item along a path that the document has."""
    for end in range(len(parts), 0, -1):
        found = positions.get(tuple(parts[:end]))
        if found:
            return found
    return None


def dump_yaml(data: Any) -> str:
    """Data as block-style YAML that reads back as the same data (dates quoted, keys in order)."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
