"""The package is laid out by pipeline stage, and a module imports only from
its own stage, the stages below it and the shared modules; no two modules
import each other, even through others (a cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ogpcheck"
SHARED = {"ogpcheck.version", "ogpcheck.models", "ogpcheck.errors", "ogpcheck.ruledata", "ogpcheck._shipped_data", "ogpcheck.lang"}
STAGES = ["read", "versions", "extract", "compare", "report", "app", "api", "cli", "__main__"]  # bottom to top
TOP = "ogpcheck"  # the package itself: the public API (ogpcheck.check), above every stage


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Modules of ogpcheck that ``path`` imports, anywhere in the file."""
    module = _module(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] != "ogpcheck":
                continue
            for alias in node.names:  # "from . import rules" imports a module
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _exists(candidate) else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "ogpcheck")
    return found


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative / "__init__.py").is_file()


def _stage(module: str) -> int | None:
    """Index of a module's stage in STAGES; None for shared modules."""
    parts = module.split(".")
    if module in SHARED or (len(parts) > 1 and parts[1] == "lang"):
        return None
    if module == TOP:
        return len(STAGES)
    return STAGES.index(parts[1])


MODULES = {_module(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {module: {m for m in _imports(path) if m in MODULES} for module, path in MODULES.items()}


def test_every_module_belongs_to_a_stage_or_is_shared() -> None:
    for module in MODULES:
        parts = module.split(".")
        assert module in SHARED or module == TOP or parts[1] in (*STAGES, "lang"), module


def test_modules_import_only_from_their_stage_and_below() -> None:
    upward = []
    for module, imported in GRAPH.items():
        own = _stage(module)
        for other in imported:
            theirs = _stage(other)
            if theirs is None:
                continue
            if own is None or theirs > own:
                upward.append(f"{module} -> {other}")
    assert upward == []


def test_no_import_cycles() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(GRAPH[module]):
            if other == module or other == "ogpcheck":
                continue
            if state.get(other) == 1:
                cycles.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert cycles == []
