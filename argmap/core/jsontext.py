"""Parse JSON text strictly: duplicate keys, deep nesting, huge numbers and NaN become problems.

Python's json module keeps the last of two equal keys (so a reviewer could read other content than
argmap checks), recurses until RecursionError on deep nesting and raises ValueError on integers of
thousands of digits. Here each becomes one sentence with its place in the file.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "JsonProblem", "parse_json"]

# A map is six levels deep; 64 leaves room for any sane extension and stays far from the
# interpreter's recursion limit in every later walk over the data.
MAX_DEPTH = 64
# Integers in argmap files are small (version, intensity); 15 digits still fit a double exactly.
MAX_INT_DIGITS = 15


@dataclass(frozen=True)
class JsonProblem:
    """Why the text is not acceptable JSON: at a line and column, or at a path in the data."""

    message: str
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] | None = None


class _Refused(Exception):
    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parse_json(text: str) -> tuple[Any, list[JsonProblem]]:
    """The data of a JSON text, or the problems that make argmap refuse it."""
    duplicates: dict[int, list[str]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):  # rare: only then find which keys repeat
            counts = Counter(key for key, _ in items)
            duplicates[id(result)] = [key for key, n in counts.items() if n > 1]
        return result

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            found = re.search(r"-?\d{" + str(MAX_INT_DIGITS + 1) + ",}", text)
            line, column = _line_column(text, found.start()) if found else (None, None)
            raise _Refused(
                f"a number with {len(digits.lstrip('-')):,} digits; at most {MAX_INT_DIGITS} are allowed",
                line,
                column,
            )
        return int(digits)

    def constant(name: str) -> Any:
        found = re.search(r"(?<![\w\"])" + re.escape(name) + r"(?![\w\"])", text)
        line, column = _line_column(text, found.start()) if found else (None, None)
        raise _Refused(f"{name} is not allowed in JSON", line, column)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=integer, parse_constant=constant)
    except _Refused as exc:
        return None, [JsonProblem(f"invalid JSON: {exc.message}", exc.line, exc.column)]
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg[0].lower()}{exc.msg[1:]}"
        return None, [JsonProblem(message, exc.lineno, exc.colno)]
    except RecursionError:
        return None, [JsonProblem(f"invalid JSON: nested more than {MAX_DEPTH} levels deep")]
    if _depth(text) > MAX_DEPTH:
        return None, [JsonProblem(f"invalid JSON: nested more than {MAX_DEPTH} levels deep")]
    problems = _duplicate_paths(data, duplicates) if duplicates else []
    return (None if problems else data), problems


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _depth(text: str) -> int:
    """The deepest nesting of a JSON text that parsed: its brackets outside strings, counted."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def _duplicate_paths(data: Any, duplicates: dict[int, list[str]]) -> list[JsonProblem]:
    """The path of every repeated key, found without recursion."""
    problems: list[JsonProblem] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key in duplicates.get(id(value), ()):
                problems.append(
                    JsonProblem(
                        f"duplicate key '{key}': JSON readers disagree on which value counts; keep one",
                        path=(*path, key),
                    )
                )
            stack.extend((v, (*path, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in reversed(list(enumerate(value))))
    return problems
