"""The Argdown syntax itself: escaping, YAML data, a line parser and the document it reads, for the
subset argmap uses (statements, arguments with premise-conclusion structures, relations, tags,
data, front matter). What the lines mean for a map is decided in `argdown`."""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from argmap.formats.common import FormatError

__all__ = [
    "Argument",
    "Document",
    "Element",
    "Line",
    "escape_text",
    "flow",
    "parse_lines",
    "pcs_steps",
    "read_document",
    "read_front_matter",
]

# Characters Argdown's lexer gives a meaning inside a line of text; a backslash makes them plain.
_ALWAYS = set("\\@#*_[]<>{}/=")  # "=" because === opens front matter anywhere
_DOTTED = set(".:")  # only before a non-space: ".x." and ":x:" are special characters


def escape_text(text: str) -> str:
    """A statement's or argument's text as Argdown reads it back unchanged."""
    text = " ".join(text.split())
    out = []
    for i, char in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if char in _ALWAYS or (char in _DOTTED and not nxt.isspace()):
            out.append("\\")
        out.append(char)
    return "".join(out)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    # JSON strings are YAML double-quoted strings; braces are escaped because Argdown ends a data
    # block at a brace followed by a space and a letter, even inside quotes.
    return json.dumps(str(value), ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")


def flow(value: Any) -> str:
    """A value as YAML flow syntax that Argdown's data blocks accept."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    return _scalar(value)


def _plain(value: Any) -> Any:
    """YAML's dates and numbers back to the strings argmap stores."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load_yaml(text: str, file: str, where: str) -> Any:
    """Argdown's YAML data, read by the same strict reader as YAML maps (no aliases, no NaN, ...)."""
    from argmap.core.yamldoc import parse_yaml

    if not text.strip():
        return None
    data, problem, _ = parse_yaml(text, file)
    if problem is not None:
        detail = problem.message.removeprefix("invalid YAML: ")
        suffix = f" (line {problem.line} of the data)" if problem.line is not None else ""
        raise FormatError(file, f"invalid YAML data: {detail}{suffix}", where) from None
    return _plain(data)


def read_front_matter(text: str, file: str) -> tuple[dict[str, Any], str, int]:
    """The YAML front matter between === lines, the rest of the text, and the lines it took."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("==="):
        return {}, stripped, 0
    end = re.search(r"\n===+[ \t]*(?:\n|$)", stripped)
    if end is None:
        raise FormatError(file, "the front matter opened by === is never closed", "1:1")
    data = load_yaml(stripped[3 : end.start()].lstrip("="), file, "1:1")
    if data is not None and not isinstance(data, dict):
        raise FormatError(file, "the front matter is YAML but not a mapping of keys to values", "1:1")
    consumed = stripped[: end.end()].count("\n")
    return data or {}, stripped[end.end() :], consumed


@dataclass
class Element:
    """A statement or argument as written on one line: [title]: text, <title>, or bare text."""

    kind: str  # "statement" or "argument"
    title: str | None
    text: str | None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    defined: bool = False


@dataclass
class Line:
    """One logical line: where it is, how far it is indented, and what it says."""

    number: int
    indent: int
    relation: str | None  # "+", "-", "+>", "->", "_>", "<_", "><" or None
    number_in_pcs: int | None
    inference: dict[str, Any] | None
    element: Element | None


_RELATION = re.compile(r"(\+>|->|<\+|<-|><|_>|<_|\+|-|_)(?=\s)")
_TAG = re.compile(r"#\(([^)]+)\)|#([A-Za-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)")


def _strip_comments(text: str) -> str:
    """Remove // /* */ and <!-- --> comments outside data blocks and escapes; keep line numbers."""
    out: list[str] = []
    i, depth, quote = 0, 0, ""
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append(text[i : i + 2])
            i += 2
            continue
        if depth:
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            out.append(char)
            i += 1
            continue
        if char == "{":
            depth = 1
        for opener, closer in (("//", "\n"), ("/*", "*/"), ("<!--", "-->")):
            if text.startswith(opener, i):
                end = text.find(closer, i + len(opener))
                end = len(text) if end < 0 else end + (0 if closer == "\n" else len(closer))
                out.append("\n" * text.count("\n", i, end))
                i = end
                break
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _split_data(body: str) -> tuple[str, str | None]:
    """A line's text and its trailing {data} block, if any."""
    depth, quote, start = 0, "", None
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and not depth:
            i += 2
            continue
        if depth and quote:
            quote = "" if char == quote else quote
        elif depth and char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                start = i
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0 and start is not None and not body[i + 1 :].strip():
                return body[:start], body[start : i + 1]
        i += 1
    return body, None


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _element(body: str, file: str, where: str) -> Element:
    body, data_text = _split_data(body)
    data = load_yaml(data_text, file, where) if data_text else {}
    if not isinstance(data, dict):
        raise FormatError(file, "data in braces must be a mapping of keys to values", where)
    match = re.match(r"(\[|<)((?:\\.|[^\]>\\])+?)(\]|>)(:)?\s*(.*)$", body.strip(), re.S)
    if match and (match.group(1) + match.group(3)) in ("[]", "<>"):
        kind = "statement" if match.group(1) == "[" else "argument"
        title, rest, defined = _unescape(match.group(2)).strip(), match.group(5), bool(match.group(4))
    else:
        kind, title, rest, defined = "statement", None, body, True
    tags = [a or b for a, b in _TAG.findall(re.sub(r"\\.", "", rest))]
    text = _unescape(_TAG.sub("", rest.replace("\\#", "\0"))).replace("\0", "#")
    text = " ".join(text.split())
    return Element(kind, title, text or None, tags, data, defined and bool(text or data))


def parse_lines(text: str, file: str, first_line: int) -> list[Line | None]:
    """The document as logical lines; None marks an empty line (a block boundary)."""
    text = _strip_comments(text)
    raw = text.split("\n")
    lines: list[Line | None] = []
    i = 0
    while i < len(raw):
        number = first_line + i + 1
        line = raw[i]
        # A data block may run over several lines: join until its braces balance.
        while line.count("{") > line.count("}") and i + 1 < len(raw):
            i += 1
            line += "\n" + raw[i]
        i += 1
        if not line.strip():
            lines.append(None)
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        body = line.strip()
        where = f"{number}:{indent + 1}"
        if re.match(r"#+ ", body):
            continue
        previous = lines[-1] if lines else None
        if body.startswith("{") and previous is not None and previous.element is not None:
            # Data on a line of its own belongs to the statement or argument above it.
            extra = _element(body, file, where)
            if extra.text:
                raise FormatError(file, "text after a data block", where)
            previous.element.data = {**previous.element.data, **extra.data}
            previous.element.defined = True
            continue  # a heading: Argdown's sections carry nothing argmap keeps
        if re.fullmatch(r"-{2,}.*", body) and (re.fullmatch(r"-{4,}", body) or body.endswith("--")):
            inner = body.strip("-").strip()
            _, data_text = _split_data(inner)
            data = load_yaml(data_text, file, where) if data_text else {}
            lines.append(Line(number, indent, None, None, data if isinstance(data, dict) else {}, None))
            continue
        numbered = re.match(r"\((\d+)\)\s+(.*)$", body, re.S)
        if numbered:
            element = _element(numbered.group(2), file, where)
            lines.append(Line(number, indent, None, int(numbered.group(1)), None, element))
            continue
        relation = _RELATION.match(body)
        if relation:
            symbol = {"<+": "+", "<-": "-", "_": "<_"}.get(relation.group(1), relation.group(1))
            element = _element(body[relation.end() :], file, where)
            lines.append(Line(number, indent, symbol, None, None, element))
            continue
        lines.append(Line(number, indent, None, None, None, _element(body, file, where)))
    return lines


@dataclass
class Argument:
    title: str
    text: str | None = None
    premises: list[str] = field(default_factory=list)  # statement titles supporting it
    pcs: list[tuple[Element | None, dict[str, Any] | None]] = field(default_factory=list)
    out: list[tuple[str, str, str]] = field(default_factory=list)  # (type, kind, title)
    line: int = 0


@dataclass
class Document:
    statements: dict[str, Element] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    # (source kind, source title, type, target kind, target title, line)
    relations: list[tuple[str, str, str, str, str, int]] = field(default_factory=list)
    untitled: int = 0
    dropped: Counter[str] = field(default_factory=Counter)

    def add(self, element: Element) -> tuple[str, str]:
        if element.title is None:
            self.untitled += 1
            element.title = f"s{self.untitled}"
            while element.title in self.statements:
                self.untitled += 1
                element.title = f"s{self.untitled}"
        if element.kind == "argument":
            arg = self.arguments.setdefault(element.title, Argument(element.title))
            arg.text = arg.text or element.text
            return "argument", element.title
        known = self.statements.get(element.title)
        if known is None:
            self.statements[element.title] = element
        else:
            known.text = known.text or element.text
            known.tags += [t for t in element.tags if t not in known.tags]
            known.data = {**element.data, **known.data}
        return "statement", element.title


def read_document(lines: list[Line | None], file: str) -> Document:
    doc = Document()
    stack: list[tuple[int, str, str]] = []  # (indent, kind, title) of the elements above
    current_arg: str | None = None
    for line in lines:
        if line is None:
            stack = []
            continue
        where = f"{line.number}:{line.indent + 1}"
        if line.inference is not None or line.number_in_pcs is not None:
            if current_arg is None:
                current_arg = doc.add(Element("argument", f"argument {line.number}", None))[1]
            arg = doc.arguments[current_arg]
            if line.inference is not None:
                arg.pcs.append((None, line.inference))
            else:
                assert line.element is not None
                kind, title = doc.add(line.element)
                if kind != "statement":
                    raise FormatError(
                        file, "a premise-conclusion structure lists statements, not arguments", where
                    )
                arg.pcs.append((doc.statements[title], None))
            # A numbered statement may carry relations of its own, indented below it.
            stack = [] if line.inference is not None else [(line.indent, "statement", title)]
            continue
        assert line.element is not None
        kind, title = doc.add(line.element)
        if line.relation is None:
            if line.indent == 0 or not stack:
                stack = [(line.indent, kind, title)]
                current_arg = title if kind == "argument" else None
                if kind == "argument" and not doc.arguments[title].line:
                    doc.arguments[title].line = line.number
                continue
            raise FormatError(
                file, "an indented line must start with a relation (+, -, +>, ->, _>, <_)", where
            )
        while stack and stack[-1][0] >= line.indent:
            stack.pop()
        if not stack:
            raise FormatError(
                file, f"relation '{line.relation}' has no statement or argument above it", where
            )
        _, parent_kind, parent = stack[-1]
        stack.append((line.indent, kind, title))
        if line.relation == "><":
            doc.dropped["contradictions (><) argmap has no relation for"] += 1
            continue
        mine = {
            "+": ("support", True),
            "-": ("attack", True),
            "<_": ("undercut", True),
            "+>": ("support", False),
            "->": ("attack", False),
            "_>": ("undercut", False),
        }
        rel_type, incoming = mine[line.relation]
        source, target = (
            ((kind, title), (parent_kind, parent)) if incoming else ((parent_kind, parent), (kind, title))
        )
        doc.relations.append((*source, rel_type, *target, line.number))
    return doc


def pcs_steps(arg: Argument, file: str) -> list[tuple[list[str], str]]:
    """(premises, conclusion) of each inference; a conclusion is a premise of the next step."""
    numbered = [e.title or "" for e, _ in arg.pcs if e is not None]
    steps: list[tuple[list[str], str]] = []
    pending: list[str] = []
    for k, (element, inference) in enumerate(arg.pcs):
        if element is not None:
            pending.append(element.title or "")
            continue
        following = arg.pcs[k + 1][0] if k + 1 < len(arg.pcs) else None
        if following is None or not pending:
            raise FormatError(file, f"an inference in <{arg.title}> needs statements before and after it")
        uses = (inference or {}).get("uses")
        if isinstance(uses, list) and all(isinstance(u, int) and 0 < u <= len(numbered) for u in uses):
            pending = [numbered[u - 1] for u in uses]
        steps.append((pending, following.title or ""))
        pending = []
    return steps
