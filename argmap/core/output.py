"""Write output files safely: atomically for regular files, directly for devices and pipes.

A regular file is written to a temporary file in the same folder, then renamed over the target, so
a failure never leaves it half-written. A symbolic link is written through to the file it points
at (the link stays a link). A device or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO) is
written to directly, since renaming over it would replace the device with a regular file. A target
without write permission is refused, even for root.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from argmap.core.errors import ArgmapError

__all__ = ["write_atomic"]

# Paths whose names stand for open files or devices: never rename anything over them.
_SPECIAL = ("/dev/", "/proc/")


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write data to path so that a failure never leaves a half-written or truncated file."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info: os.stat_result | None = os.stat(path)  # follows symlinks
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        blocker = next(p for p in reversed(path.parents) if p.exists() and not p.is_dir())
        raise ArgmapError(f"cannot write {path}: {blocker} is not a folder") from None
    except OSError as exc:
        raise ArgmapError(f"cannot write {path}: {_reason(exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ArgmapError(f"cannot write {path}: it is a folder")
    special = str(Path(os.path.abspath(path))).startswith(_SPECIAL)
    if (info is not None and not stat.S_ISREG(info.st_mode)) or special:
        _write_directly(path, payload)
        return
    # Through a symlink: replace the file it points at, never the link itself.
    real = Path(os.path.realpath(path))
    if info is not None and not _writable(real, info):
        raise ArgmapError(f"cannot write {path}: it is read-only (mode {stat.filemode(info.st_mode)})")
    folder = real.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArgmapError(f"cannot write {path}: cannot create folder {folder}: {_reason(exc)}") from None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ArgmapError(f"cannot write {path}: {_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if info is not None:
            # Keep the permissions a user gave the file they are replacing.
            os.chmod(temp_name, info.st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, real)
    except BaseException as exc:
        # Any failure, Ctrl-C included: the temporary file must not outlive the write.
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise ArgmapError(f"cannot write {path}: {_reason(exc)}") from None
        raise


def _writable(real: Path, info: os.stat_result) -> bool:
    """Whether the user may write the existing file: root bypasses access(), not the mode bits."""
    return os.access(real, os.W_OK) and bool(info.st_mode & 0o222)


def _write_directly(path: Path, payload: bytes) -> None:
    try:
        with open(path, "wb") as stream:
            stream.write(payload)
    except OSError as exc:
        raise ArgmapError(f"cannot write {path}: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc)
