"""The shape of the code: data flows one way, stages stay independent, functions stay readable.

The package's imports are read from the source (every ``import``, including those inside functions,
which are the ones that hide cycles), so these tests need no spaCy model and run in ``make test-fast``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chronicle"
TOOLS = PACKAGE.parents[1] / "tools"
MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package modules that module ``name`` imports (``from a import b`` counts ``a.b`` when
    that is a module, else ``a``)."""
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in known else module)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    known = set(modules)
    return {name: imports_of(name, path, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def stage_of(module: str) -> str | None:
    """The stage a module belongs to (``chronicle.stages.events.incidents`` -> ``events``); the
    stage contract ``chronicle.stages.base`` and the package itself belong to none."""
    parts = module.split(".")
    if len(parts) < 3 or parts[:2] != ["chronicle", "stages"] or parts[2] == "base":
        return None
    return parts[2]


def test_find_cycle_finds_a_cycle_and_only_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_package_has_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_no_stage_imports_another_stage():
    offences = [f"{m} imports {dep}" for m, deps in import_graph().items() for dep in sorted(deps)
                if stage_of(m) and stage_of(dep) and stage_of(m) != stage_of(dep)]
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize("lower, upper", [
    ("chronicle.stages", "chronicle.pipeline"), ("chronicle.stages", "chronicle.io"),
    ("chronicle.stages", "chronicle.store"), ("chronicle.stages", "chronicle.cli"),
    ("chronicle.syntax", "chronicle.stages"), ("chronicle.record", "chronicle.stages"),
    ("chronicle.knowledge", "chronicle.stages"), ("chronicle.knowledge", "chronicle.syntax"),
    ("chronicle.store", "chronicle.dedup"), ("chronicle.store", "chronicle.stages"),
    ("chronicle.store", "chronicle.cli"), ("chronicle.store", "chronicle.io"),
    ("chronicle.dedup", "chronicle.cli"), ("chronicle.io", "chronicle.cli"),
    ("chronicle.io", "chronicle.stages"), ("chronicle.evaluate", "chronicle.cli"),
])
def test_dependencies_point_one_way(lower, upper):
    """A lower layer never imports an upper one (the store does not know the dedup rules, a stage
    does not know the pipeline, nothing but the CLI knows the CLI)."""
    offences = [f"{m} imports {dep}" for m, deps in import_graph().items() if m.startswith(lower)
                for dep in deps if dep.startswith(upper)]
    assert not offences, "\n".join(offences)


def test_build_tools_are_not_in_the_installed_package():
    """Importers that regenerate data files live in tools/, outside the package."""
    assert not [m for m in package_modules() if m.split(".")[-1] in ("cameo_verbs", "phoenix", "petrarch_verbs")]
    assert (TOOLS / "cameo_verbs.py").exists() and (TOOLS / "phoenix.py").exists()


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def _public_functions(body, public: bool = True):
    """Module-level functions and methods of public classes whose names do not start with '_'."""
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if public and not node.name.startswith("_"):
                yield node
        elif isinstance(node, ast.ClassDef):
            yield from _public_functions(node.body, public and not node.name.startswith("_"))


def _source_files():
    return sorted(PACKAGE.rglob("*.py")) + sorted(TOOLS.glob("*.py"))


def test_no_function_is_longer_than_60_lines():
    long = [f"{path.relative_to(PACKAGE.parents[1])}:{fn.lineno} {fn.name} ({fn.end_lineno - fn.lineno + 1} lines)"
            for path in _source_files() for fn in _functions(ast.parse(path.read_text(encoding="utf-8")))
            if fn.end_lineno - fn.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, "\n".join(long)


def test_every_public_function_says_why():
    missing = [f"{path.relative_to(PACKAGE.parents[1])}:{fn.lineno} {fn.name}"
               for path in _source_files()
               for fn in _public_functions(ast.parse(path.read_text(encoding="utf-8")).body)
               if ast.get_docstring(fn) is None]
    assert not missing, f"{len(missing)} public functions without a docstring:\n" + "\n".join(missing)


def test_only_the_cli_imports_the_api():
    """The HTTP API sits beside the CLI, on top of everything else: it may import the store, the
    schema, the pipeline, ...; nothing but ``chronicle.cli`` imports it, and it never imports the CLI."""
    offences = [f"{m} imports {dep}" for m, deps in import_graph().items()
                if not m.startswith(("chronicle.api", "chronicle.cli"))
                for dep in deps if dep.startswith("chronicle.api")]
    offences += [f"{m} imports {dep}" for m, deps in import_graph().items() if m.startswith("chronicle.api")
                 for dep in deps if dep.startswith("chronicle.cli")]
    assert not offences, "\n".join(offences)
