"""Write output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from argmap.core.errors import ArgmapError

__all__ = ["write_atomic"]


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write data to path so that a failure never leaves a half-written or truncated file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ArgmapError(f"cannot write {path}: folder {folder} does not exist")
    if path.is_dir():
        raise ArgmapError(f"cannot write {path}: it is a folder")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ArgmapError(f"cannot write {path}: {_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            # Keep the permissions a user gave the file they are replacing.
            os.chmod(temp_name, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise ArgmapError(f"cannot write {path}: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc)
