"""Names for what argmap writes: element ids in SVG and HTML, and file names, that never collide.

A map id is a slug (lowercase letters, digits, single hyphens), so it never holds ".", "_" or "+";
a node or relation id starts with a letter or a digit. Hence one grammar, unambiguous for any ids:

- `panov.c1` (map "." local): node or relation c1 of map panov; the first "." ends the map id.
- `panov._row.c1`, `panov._source` (owner "._" role ["." local]): something else about a map;
  a local id never starts with "_", so no role id equals an element id.
- `panov_kobayashi`: a group of maps (a merged picture); "_" never occurs in a slug, so no group
  name equals a map id (maps a and b against a map named a-b). "_" is also valid in XML names,
  CSS identifiers, URL fragments and file names, so the same name serves ids and Markdown assets.
- Ids with no "." (`map-panov`, `prop-SLUG`, section names) are fixed names.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["element_id", "group_id", "role_id"]


def element_id(map_id: str, local: str) -> str:
    """The id of node or relation `local` of map `map_id`: `panov.c1`."""
    return f"{map_id}.{local}"


def role_id(owner: str, role: str, local: str | None = None) -> str:
    """The id of something about a map or group other than one of its elements: `panov._row.c1`."""
    return f"{owner}._{role}" + ("" if local is None else f".{local}")


def group_id(map_ids: Iterable[str]) -> str:
    """The name of several maps drawn together: `panov_kobayashi` (one map: its own id)."""
    return "_".join(map_ids)
