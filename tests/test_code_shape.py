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


def test_every_rule_id_is_explained_in_contributing():
    from tilfriskning.bib import ENTRY_RULES
    from tilfriskning.rules import RULES

    others = {
        "front-matter",
        "felt-mangler",
        "felt-ukjent",
        "relasjonstype",
        "feltverdi",
        "felttype",
        "for-lang",
        "for-kort",
        "tom",
        "dubletter",
        "feltform",
        "bare-artikkel",
        "skjema",
        "filnavn",
        "anker",
        "navigasjon",
        "nav-sti",
        "relasjon-begge-sider",
        "publisert",
        "omdirigering",
        "git-historikk",
        "motor",
        "tilbakemelding",
        "bib-fil",
        "bib-syntaks",
        "bib-dublettfelt",
        "bib-nokkel-brukt",
        "bib-nokkel-form",
        "bib-nokkel-mangler",
        "bib-type",
        "bib-feil",
        "stavefeil",
        "hunspell",
        "koding",
        "flettekonflikt",
        "filtype",
        "oppsett",
        "forkortelse",
        "uventet",
        "advarsel",
        "bib-navn",
        "visning",
    }
    ids = {r.id for r in RULES} | {rule_id for rule_id, _ in ENTRY_RULES} | others
    source = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    assert all(f'"{rule_id}"' in source for rule_id in ids), "an id listed here that the code no longer uses"
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert not {rule_id for rule_id in ids if f"| `{rule_id}` |" not in contributing}


def test_each_marker_names_the_hook_that_fills_it():
    pages = [p for p in (ROOT / "docs").rglob("*.md")]
    markers = {m for p in pages for m in re.findall(r"<!-- [a-z-]+: fylles av (hooks/\w+\.py) -->", p.read_text("utf-8"))}
    assert markers, "no page holds a marker"
    for page in pages:
        for name, hook in re.findall(r"<!-- ([a-z-]+): fylles av (hooks/\w+\.py) -->", page.read_text("utf-8")):
            code = (ROOT / hook).read_text("utf-8")
            package = "\n".join(p.read_text("utf-8") for p in (ROOT / "hooks" / "tilfriskning").glob("*.py"))
            constant = re.search(rf"^(\w+) = \"<!-- {name}: fylles av {hook} -->\"", code + "\n" + package, re.M)
            assert constant, f"{page.name}: no constant holds the marker «{name}»"
            uses = len(re.findall(rf"\b{constant.group(1)}\b", code)) - (constant.group(0) in code)
            assert uses >= 1, f"{hook} does not fill «{name}»"
