"""Code shape the architecture relies on: short functions, an MkDocs-free package."""

from __future__ import annotations

import ast
import re

from helpers import ROOT

MAX_LINES = 60
EXEMPT = {"hooks/tilfriskning/map_svg.py:layout"}  # the layered graph layout, one algorithm
SOURCES = sorted((ROOT / "hooks").rglob("*.py")) + sorted(p for p in (ROOT / "scripts").iterdir() if p.is_file())


def function_lengths() -> dict[str, int]:
    found = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = node.end_lineno - node.lineno + 1
    return found


def test_no_function_is_longer_than_60_lines():
    long = {name: n for name, n in function_lengths().items() if n > MAX_LINES and name not in EXEMPT}
    assert not long, long


def test_the_pure_package_does_not_import_mkdocs():
    imports = re.compile(r"^\s*(?:from|import) (mkdocs\w*)\b", re.MULTILINE)
    found = {
        p.relative_to(ROOT).as_posix(): imports.findall(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "hooks" / "tilfriskning").glob("*.py"))
    }
    assert not {path: names for path, names in found.items() if names}
