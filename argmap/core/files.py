"""The one checked reader of input files: a regular file, inside the project, under a size limit.

Maps come from colleagues and strangers, and a map names the text it quotes: without these checks
`source.path` could read `/etc/shadow`, a named pipe could hang argmap and `/dev/zero` exhaust its
memory. Every input (maps, the catalogue, the manifest, source texts) goes through `FileReader`,
which also remembers what it read, so that no output can be written over an input.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FileReader",
    "PathArg",
    "RefusedFile",
    "describe_size",
    "display_path",
    "file_kind",
    "is_inside",
    "real_path",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# What every public function taking a path accepts.
PathArg = str | os.PathLike[str]


class RefusedFile(Exception):
    """A file argmap will not read; `reason` completes the sentence "<file> ..."."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def describe_size(n: int) -> str:
    """A byte count as people say it: 20 MB, 512 KB, 80 bytes."""
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n:,} bytes"


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    # abspath, not resolve: a symlink is shown as the name the user gave, not where it points.
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(os.getcwd())) or "."
    except ValueError:
        return str(absolute)


def is_inside(path: Path, folder: Path) -> bool:
    """Whether path, with every symlink and '..' resolved, lies inside folder (also resolved)."""
    return real_path(path).is_relative_to(real_path(folder))


def real_path(path: Path) -> Path:
    """path with every symlink and '..' resolved; unlike Path.resolve, a symlink loop is no error
    here (the loop is left in place, and reading it later fails with a plain reason)."""
    try:
        return Path(os.path.realpath(path))
    except ValueError:  # a NUL character: no such file can exist, and read_bytes says so
        return Path(os.path.abspath(path))


@dataclass
class FileReader:
    """Reads input files after checking them, and keeps the identity of every file it read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    # (device, inode) of every file read, so an output can be matched even through a hard link.
    inputs: dict[tuple[int, int], Path] = field(default_factory=dict)

    def read_bytes(self, path: Path, *, inside: Iterable[Path] | None = None) -> bytes:
        """The bytes of a regular file; with `inside`, only when it resolves into one of those folders.

        Raises RefusedFile with a reason that never quotes the file's content."""
        if "\x00" in os.fspath(path):
            raise RefusedFile("has a NUL character in its name")
        if inside is not None:
            folders = list(inside)
            if not any(is_inside(path, folder) for folder in folders):
                where = " or ".join(dict.fromkeys(display_path(f) + "/" for f in folders))
                link = " (through a symbolic link)" if _has_symlink(path) else ""
                raise RefusedFile(f"lies outside the project{link}; a map may only read files inside {where}")
        try:
            # O_NONBLOCK: opening a FIFO with no writer must not hang; the type check follows.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise RefusedFile("does not exist") from None
        except IsADirectoryError:
            raise RefusedFile("is a folder, not a file") from None
        except OSError as exc:
            raise RefusedFile(f"cannot be read: {_reason(exc)}") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                kind = file_kind(info.st_mode)
                if stat.S_ISDIR(info.st_mode):
                    raise RefusedFile("is a folder, not a file")
                raise RefusedFile(f"is {kind}, not a regular file")
            if info.st_size > self.max_bytes:
                raise RefusedFile(f"is larger than the {describe_size(self.max_bytes)} limit")
            os.set_blocking(fd, True)
            chunks: list[bytes] = []
            total = 0
            # Read at most one byte past the limit: a file that grows while read is still caught.
            while chunk := os.read(fd, min(1 << 20, self.max_bytes + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > self.max_bytes:
                    raise RefusedFile(f"is larger than the {describe_size(self.max_bytes)} limit")
        except OSError as exc:
            raise RefusedFile(f"cannot be read: {_reason(exc)}") from None
        finally:
            os.close(fd)
        self.inputs[(info.st_dev, info.st_ino)] = path
        return b"".join(chunks)

    def input_at(self, target: Path) -> Path | None:
        """The input file that target is (through '..', symlinks or hard links), if any."""
        try:
            info = target.stat()
        except OSError:
            return None
        return self.inputs.get((info.st_dev, info.st_ino))


def _has_symlink(path: Path) -> bool:
    current = Path(os.path.abspath(path))
    return any(candidate.is_symlink() for candidate in (current, *current.parents))


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
