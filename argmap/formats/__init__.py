"""Interchange: maps in and out of AIF (AIFdb, OVA's xAIF), Argdown, the microtext corpus and GraphML.

One module per format, each with `load` (foreign data -> an `Imported` map and its source text)
and, where argmap writes the format, `dump` (a map -> text). `import_file` guesses a file's format
from its content and says why; `write_imported` writes a map only after it validates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.core.lazy import lazy_exports

__all__ = [
    "EXPORTS",
    "FORMATS",
    "FormatError",
    "Guess",
    "Imported",
    "export_map",
    "guess_format",
    "import_file",
    "importable_files",
    "to_networkx",
    "write_imported",
]
_EXPORTS = {
    **dict.fromkeys(["EXPORTS", "FORMATS", "FormatError", "Imported"], "argmap.formats.common"),
    **dict.fromkeys(["Guess", "guess_format", "import_file", "importable_files"], "argmap.formats.files"),
    "export_map": "argmap.formats.exporting",
    "to_networkx": "argmap.formats.graphml",
    "write_imported": "argmap.formats.writing",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

if TYPE_CHECKING:
    from argmap.formats.common import EXPORTS, FORMATS, FormatError, Imported
    from argmap.formats.exporting import export_map
    from argmap.formats.files import Guess, guess_format, import_file, importable_files
    from argmap.formats.graphml import to_networkx
    from argmap.formats.writing import write_imported
