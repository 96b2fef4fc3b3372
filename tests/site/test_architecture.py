"""The one-way imports of the README's architecture, enforced: import-linter contracts (pyproject.toml),
no import cycle between any two modules, and few imports inside functions, each saying why."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("swv", "landelijk", "uploads", "verantwoording")
MAX_IMPORTS_IN_FUNCTIONS = 5


def test_import_contracts_hold():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph(*PACKAGES)
    cycles = [
        chain
        for module in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if (chain := graph.find_shortest_chain(importer=imported, imported=module))
    ]
    assert cycles == []


def _imports_in_functions(path: Path):
    lines = path.read_text().splitlines()
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    above = inner.lineno - 2  # the comment may stand above a block of such imports
                    while lines[above].strip().startswith(("from ", "import ")):
                        above -= 1
                    yield inner.lineno, "#" in lines[inner.lineno - 1] or lines[above].strip().startswith("#")


def test_imports_inside_functions_are_few_and_explained():
    found = [
        (str(path.relative_to(ROOT)), line, explained)
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
        for line, explained in _imports_in_functions(path)
    ]
    assert len(found) <= MAX_IMPORTS_IN_FUNCTIONS, found
    assert [f"{path}:{line}" for path, line, explained in found if not explained] == []


def test_templates_link_to_the_site_through_url_names():
    """{% url %} keeps links right when a path changes; a hand-written site path does not."""
    hand_written = re.compile(r'(?:href|action|src)="/(?!/)')
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if hand_written.search(line)
    ]
    assert found == []


def test_the_seams_type_check():
    """mypy with django-stubs on the importer framework, the figures engine, services and selectors (pyproject)."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mypy")], cwd=ROOT, capture_output=True, text=True, env=os.environ
    )
    assert result.returncode == 0, result.stdout + result.stderr
