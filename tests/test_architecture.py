"""The folder tree is the architecture: dependencies run one way, toward core, with no cycle."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import argmap
from tests.conftest import REPO

PACKAGE = REPO / "argmap"
# What each capability may import at module level. Modules at the top (schemagen, __init__) may
# import anything; a folder not listed here fails the test until its place is decided.
ALLOWED = {
    "core": {"core"},
    "rendering": {"core", "rendering"},
    "comparing": {"core", "rendering", "comparing"},
    "evaluating": {"core", "evaluating"},
    "reporting": {"core", "rendering", "comparing", "evaluating", "reporting"},
    # Interchange reads and writes maps: it needs the map format and its checks, nothing above.
    "formats": {"core", "formats"},
    "authoring": {"core", "rendering", "comparing", "reporting", "authoring"},
    "cli": {"core", "rendering", "comparing", "evaluating", "reporting", "authoring", "formats", "cli"},
}
# Imports inside functions that go up a layer, each kept on purpose (see the comment at the import).
LAZY_UPWARDS = {
    # LoadedMap._repr_svg_ shows a map in Jupyter; the renderer sits above the map it draws.
    ("argmap.core.load", "argmap.rendering.svg"),
}


def _folder(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) else None


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(REPO).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(parts), path))
    return found


def _imports(module: str, path: Path) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Module-level argmap imports, function-level ones, and (module, name) pairs imported from them."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: list[str] = []
    lazy: list[str] = []
    names: list[tuple[str, str]] = []

    def visit(node: ast.AST, in_function: bool, in_type_checking: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            checking = in_type_checking or (
                isinstance(child, ast.If)
                and ast.unparse(child.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}
            )
            targets: list[str] = []
            if isinstance(child, ast.Import):
                targets = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                targets = [child.module]
                names.extend((child.module, a.name) for a in child.names)
            for target in targets:
                if target.startswith("argmap.") and not checking:
                    (lazy if in_function else top).append(target)
            visit(child, inner, checking)

    visit(tree, False, False)
    return top, lazy, names


def test_module_level_imports_run_one_way_toward_core() -> None:
    wrong = []
    for module, path in _modules():
        folder = _folder(module)
        if folder is None:
            continue
        assert folder in ALLOWED, f"{module}: folder '{folder}' has no place in the layering yet"
        top, _, _ = _imports(module, path)
        for target in top:
            other = _folder(target)
            if other is not None and other not in ALLOWED[folder]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_upward_imports_inside_functions_are_the_documented_ones() -> None:
    upward = set()
    for module, path in _modules():
        folder = _folder(module)
        if folder is None:
            continue
        _, lazy, _ = _imports(module, path)
        for target in lazy:
            other = _folder(target)
            if other is not None and other not in ALLOWED[folder]:
                upward.add((module, target))
    assert upward == LAZY_UPWARDS


def test_no_cycle_between_folders() -> None:
    edges: dict[str, set[str]] = {}
    for module, path in _modules():
        folder = _folder(module)
        top, _, _ = _imports(module, path)
        for target in top:
            other = _folder(target)
            if folder and other and other != folder:
                edges.setdefault(folder, set()).add(other)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in edges.get(start, ())
        )

    assert [f for f in edges if reaches(f, f, {f})] == []


def test_no_module_reaches_into_another_folders_private_names() -> None:
    wrong = []
    for module, path in _modules():
        _, _, names = _imports(module, path)
        for source, name in names:
            private = name.startswith("_") or any(p.startswith("_") for p in source.split(".")[1:])
            if source.startswith("argmap.") and _folder(source) != _folder(module) and private:
                wrong.append(f"{module}: from {source} import {name}")
    assert wrong == []


def test_every_module_opens_with_a_docstring_and_stays_small() -> None:
    for module, path in _modules():
        text = path.read_text(encoding="utf-8")
        assert ast.get_docstring(ast.parse(text)), f"{module} has no docstring"
        assert text.count("\n") <= 420, f"{module} has {text.count(chr(10))} lines"


def test_every_folder_reexports_what_it_declares() -> None:
    for info in pkgutil.iter_modules(argmap.__path__):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"argmap.{info.name}")
        assert package.__doc__, f"argmap.{info.name} has no docstring"
        for name in package.__all__:
            assert getattr(package, name) is not None
        assert set(package.__all__) <= set(dir(package))


def test_dir_lists_the_public_api() -> None:
    assert {"render", "compare", "report", "validate", "evaluate", "load_map", "Comparison"} <= set(
        dir(argmap)
    )
    assert set(argmap.__all__) <= set(dir(argmap))


def test_only_the_cli_imports_click() -> None:
    importers = set()
    for module, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "click" for a in node.names):
                importers.add(module.split(".")[1] if "." in module else module)
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "click":
                importers.add(module.split(".")[1] if "." in module else module)
    assert importers == {"cli"}
