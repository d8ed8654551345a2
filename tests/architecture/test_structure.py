"""The house rules that keep the code pleasant to change, checked on every run.

Each test reads the source tree (AST or the import graph), so a new module that breaks a rule
fails here with its name, instead of in review.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("composer", "ui", "wa_composer")
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
NAMES_UI = re.compile(r"^ui(\.|$)")


def _sources(*packages: str) -> Iterator[Path]:
    for package in packages:
        yield from sorted((ROOT / package).rglob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_the_source_tree_is_where_the_tests_expect_it() -> None:
    # Guards the tests below against passing vacuously on an empty or moved tree.
    assert len(list(_sources("composer"))) > 50
    assert len(list(_sources("ui"))) > 50


def test_no_string_in_the_core_names_the_ui() -> None:
    """``import_module("ui.app")`` would make the core depend upward on the Qt face."""
    offenders = []
    for path in _sources("composer"):
        for node in ast.walk(_tree(path)):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and NAMES_UI.match(node.value)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert offenders == []


def test_the_core_never_imports_dynamically_by_a_computed_ui_name() -> None:
    """Every ``import_module``/``__import__`` call in the core takes a literal or an f-string that
    starts inside ``composer`` (or with the module's own ``__name__``), so no computed name can
    reach the ui."""
    offenders = []
    for path in _sources("composer"):
        for node in ast.walk(_tree(path)):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("import_module", "__import__"):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.JoinedStr) and arg.values:
                arg = arg.values[0]
            if isinstance(arg, ast.FormattedValue):  # f"{__name__}.x": inside its own package
                arg = arg.value
            own = isinstance(arg, ast.Name) and arg.id == "__name__"
            text = arg.value if isinstance(arg, ast.Constant) else None
            inside = own or (isinstance(text, str) and text.startswith("composer"))
            # lazy_exports builds f"{package}.{module}" from its own package's name
            if not inside and path.name != "lazy_exports.py":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_file_is_over_the_line_limit(package: str) -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in _sources(package)
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
    }
    assert long == {}


@pytest.mark.parametrize("package", PACKAGES)
def test_no_function_is_over_the_line_limit(package: str) -> None:
    long = {}
    for path in _sources(package):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = lines
    assert long == {}


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def test_no_runtime_import_cycle_between_modules() -> None:
    """Function-level imports count (they run); ``if TYPE_CHECKING:`` imports do not."""
    graph = grimp.build_graph(
        *PACKAGES,
        include_external_packages=False,
        exclude_type_checking_imports=True,
        cache_dir=None,
    )
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "cyclepkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from cyclepkg import b\n")
    (package / "b.py").write_text("from cyclepkg import a\n")
    (package / "c.py").write_text("from cyclepkg import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("cyclepkg", include_external_packages=False, cache_dir=None)
    assert _cycles(graph) == [["cyclepkg.a", "cyclepkg.b"]]
