"""Pause Python's cyclic garbage collector around work that allocates many objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration; restore its state after, even on error.

    compare() and the output formats allocate about one object per stance and make no reference
    cycles, so pausing loses nothing; but each full collection they would trigger walks every object
    of every loaded map: at 100 maps of 1,000 claims (1.5 million objects) one takes 2.7 s, more than
    compare() itself (bench/compare_large.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
