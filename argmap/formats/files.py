"""The one entry point for foreign files: guess the format from the content, read, convert."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from argmap.core.files import FileReader, RefusedFile
from argmap.core.reading import display_path, read_json
from argmap.formats.common import FORMATS, FormatError, Imported

__all__ = ["Guess", "guess_format", "guess_json", "import_file", "importable_files"]

# Enough of a file to tell the formats apart without reading all of it.
_HEAD = 4096
_ARGDOWN_MARKS = re.compile(
    r"^\s*(?:\[[^\]\n]+\]:|<[^>\n]+>:?\s*$|<[^>\n]+>:|\(\d+\)\s|-{4,}\s*$|[+-]>?\s+[\[<])", re.M
)
_SUFFIXES = {".json": "aif", ".xml": "microtext", ".argdown": "argdown", ".ad": "argdown"}


@dataclass(frozen=True)
class Guess:
    """A format and the reason it was chosen, said to the user."""

    format: str
    reason: str


def guess_format(head: bytes, name: str) -> Guess:
    """Tell the format from the first bytes of a file; raise FormatError naming what it looks like."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text:
        raise FormatError(name, "is empty; nothing to import")
    if text[:1] in (b"{", b"["):
        import json

        try:
            return guess_json(json.loads(head.decode("utf-8-sig")), name)
        except (ValueError, UnicodeDecodeError):  # a head cut mid-file: only AIF is JSON here
            return Guess("aif", "JSON: the one JSON format argmap imports is AIF")
    if text[:1] == b"<":
        sample = text[:_HEAD].decode("utf-8", "replace")
        if re.search(r"<arggraph[\s>]", sample):
            return Guess("microtext", "XML with an <arggraph> root")
        if re.match(r"<[^>]+>:|<[^>\s]+>\s*$", sample.splitlines()[0]):
            return Guess("argdown", "starts with an <argument>")
        if sample.startswith("<?xml") or re.match(r"<[A-Za-z]", sample):
            raise FormatError(name, "is XML but not an arggraph (no <arggraph> root)")
    sample = text[:_HEAD].decode("utf-8", "replace")
    if sample.startswith("===") or _ARGDOWN_MARKS.search(sample):
        return Guess("argdown", "text with Argdown statements or relations")
    raise FormatError(name, "is not AIF, arggraph XML or Argdown; name the format with --from")


def guess_json(data: object, name: str) -> Guess:
    """Tell AIF from xAIF, and both from JSON that is neither (an argmap map, say)."""
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        return Guess("aif", 'OVA xAIF: JSON with an "AIF" object')
    if isinstance(data, dict) and isinstance(data.get("nodes"), list):
        nodes = data["nodes"]
        if "version" in data and any(isinstance(n, dict) and "kind" in n for n in nodes):
            raise FormatError(name, "is an argmap map already; validate it with argmap validate")
        if isinstance(data.get("edges"), list):
            return Guess("aif", "JSON with nodes and edges")
    raise FormatError(name, 'is JSON but not AIF (no "nodes" and "edges", no "AIF")')


def importable_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files of a folder to import, and those skipped with the reason (a microtext's .txt is
    part of its import, not a file of its own)."""
    take: list[Path] = []
    skip: list[tuple[Path, str]] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            skip.append((path, "a folder (folders are not searched)"))
        elif path.suffix == ".txt" and path.with_suffix(".xml").is_file():
            continue
        elif path.suffix.lower() in _SUFFIXES:
            take.append(path)
        else:
            skip.append((path, f"not a format argmap imports ({path.suffix or 'no suffix'})"))
    return take, skip


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FormatError(name, f"is not UTF-8 (byte 0x{raw[exc.start]:02x})", f"{line}:{column}") from None


def _read(reader: FileReader, path: Path, name: str, inside: list[Path] | None = None) -> bytes:
    """A file's bytes through the one checked reader: a regular file, under the size limit."""
    try:
        return reader.read_bytes(path, inside=inside)
    except RefusedFile as exc:
        reason = "no such file" if exc.reason == "does not exist" else exc.reason
        raise FormatError(name, reason) from None


def import_file(
    path: Path,
    fmt: str | None = None,
    *,
    date: str | None = None,
    author: str | None = None,
    reader: FileReader | None = None,
) -> tuple[Imported, Guess]:
    """Read one file in a foreign format (guessed when fmt is None) into an argmap map."""
    name = display_path(path)
    reader = reader or FileReader()
    if fmt is not None and fmt not in FORMATS:
        raise FormatError(name, f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
    raw = _read(reader, path, name)
    head = raw[:_HEAD]
    if not head.strip():
        raise FormatError(name, "is empty; nothing to import")
    looks_like_json = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
    if fmt == "aif" or (fmt is None and looks_like_json):
        from argmap.formats import aif

        # JSON goes through the reader maps use, so both report bad JSON the same way; the
        # format is then told from the parsed keys, not from a guess at the first bytes.
        data, problem = read_json(path, name, reader)
        if problem is not None:
            where = f"{problem.line}:{problem.column}" if problem.line is not None else None
            raise FormatError(name, problem.message, where)
        guess = Guess("aif", "as asked with --from") if fmt else guess_json(data, name)
        return aif.load(data, file=name, name=path.stem, date=date, author=author), guess
    guess = Guess(fmt, "as asked with --from") if fmt else guess_format(head, name)
    if guess.format == "argdown":
        from argmap.formats import argdown

        def read_source(relative: str) -> str:
            """The text an Argdown file names as its source: a file in the same folder or below."""
            folder = path.parent.resolve()
            target = (folder / relative).resolve()
            if not target.is_relative_to(folder):
                raise FormatError(name, f"source {relative} is outside the folder of the Argdown file")
            if not target.is_file():
                raise FormatError(name, f"source {relative} does not exist beside the Argdown file")
            return _decode(_read(reader, target, name, [folder]), display_path(target))

        document = _decode(raw, name)
        return argdown.load(
            document, file=name, name=path.stem, date=date, author=author, read_source=read_source
        ), guess
    from argmap.formats import microtext

    companion = path.with_suffix(".txt")
    words = _decode(_read(reader, companion, name), display_path(companion)) if companion.is_file() else None
    return microtext.load(raw, file=name, name=path.stem, text=words, date=date, author=author), guess
