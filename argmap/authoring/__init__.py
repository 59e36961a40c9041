"""Authoring: helpers that make writing a map fast, from finding a verbatim quote to a live preview.

`sources` finds the text a mapper quotes (a seed, a map's source, a file); passage search itself
lives in `argmap.core.provenance`, shared with validation's closest-passage hints.
"""

from __future__ import annotations

from argmap.authoring.sources import SourceText, find_source

__all__ = ["SourceText", "find_source"]
