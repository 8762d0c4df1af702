"""The corpus of editor mistakes in tests/mistakes/: read a case, apply it to the fixture site, check it.

Each case is two files, in the style of python-frontmatter's tests: `NAME.yaml`, one
mistake as an editor makes it (a change to one file of tests/fixtures/site, or a file
added, renamed or saved in another encoding), and `NAME.result.json`, what must happen:

    {"status": 1, "first_line": "docs/…:12: … [rule]"}       the build stops; its first line
    {"status": 0, "renders": {"page/index.html": ["text"]}}  fine input: builds, and shows this
    {"status": 1, "first_line": "…", "check": "spelling"}    found by scripts/sjekk's spell check

`"build": true` also runs the case through a real build (`make build`'s precheck, then
`mkdocs build --strict`). Every other case runs in process through the same functions the
validation hook calls, stage by stage, as the hook does (`check_sources`).

A mutation (the YAML file) has `file` and then one of: `replace` + `with` (the first
occurrence), `append`, `prepend`, or `content` (a new file; `content_hex` for bytes);
`rename: NEW` renames `file`; `encoding` (e.g. cp1252) and `newline: crlf` say how the
file is saved. `steps:` holds several such mutations, applied in order.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers import ROOT, tree_digest
from tilfriskning.abbreviations import check_abbreviations
from tilfriskning.bib import check_bibliography
from tilfriskning.config_file import read_config
from tilfriskning.inputs import TextFile, check_docs_files, check_input_files
from tilfriskning.problems import Problem, problem_order
from tilfriskning.rules import SiteSources, check_site, read_published, site_index

CORPUS = ROOT / "tests" / "mistakes"
SOURCES = ("docs", "bibliography.bib", "mkdocs.yml", "includes", "publiserte-adresser.txt")


@dataclass(frozen=True)
class Case:
    name: str  # "klasse/navn"
    mutation: dict
    expected: dict

    @property
    def kind(self) -> str:
        return self.name.split("/")[0]


def cases() -> list[Case]:
    found = []
    for path in sorted(CORPUS.glob("*/*.yaml")):
        result = path.with_name(path.name.removesuffix(".yaml") + ".result.json")
        mutation = yaml.safe_load(path.read_text(encoding="utf-8"))
        expected = json.loads(result.read_text(encoding="utf-8")) if result.exists() else {}
        found.append(Case(f"{path.parent.name}/{path.stem}", mutation, expected))
    return found


def _apply(project: Path, step: dict) -> None:
    path = project / step["file"]
    if "content" in step or "content_hex" in step:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = step.get("content")
    else:
        text = path.read_bytes().decode("utf-8")
    if "replace" in step:
        assert step["replace"] in text, f"{step['replace']!r} is not in {step['file']}"
        text = text.replace(step["replace"], step["with"], 1)
    text = step.get("prepend", "") + text + step.get("append", "") if text is not None else None
    if step.get("newline") == "crlf":
        text = text.replace("\n", "\r\n")
    data = bytes.fromhex(step["content_hex"]) if "content_hex" in step else text.encode(step.get("encoding", "utf-8"))
    path.unlink(missing_ok=True)  # a link to a shared copy (tests/test_mistakes.py) is replaced, not written through
    if "rename" in step:
        path = project / step["rename"]
    path.write_bytes(data)


def apply(project: Path, mutation: dict) -> None:
    for step in mutation.get("steps", [mutation]):
        _apply(project, step)


def digest(project: Path) -> str:
    return tree_digest(*(project / name for name in SOURCES if (project / name).exists()))


def _docs_files(docs: Path) -> list[TextFile]:
    """The files MkDocs would take from docs/ (it leaves out names starting with a dot)."""
    return [
        TextFile(path, path.relative_to(docs).as_posix())
        for path in sorted(docs.rglob("*"))
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs).parts)
    ]


def theme_dirs(project: Path) -> tuple[str, ...]:
    import material

    return (str(project / "overrides"), str(Path(material.__file__).parent / "templates"))


@functools.lru_cache(maxsize=8)  # most cases leave the .bib as it is: parse it once
def _bibliography(text: str):
    return check_bibliography(text)


def check_sources(project: Path, today=None) -> list[Problem]:
    """The problems the build would stop on first, stage by stage as hooks/validation.py runs them."""
    config, problems = read_config(project / "mkdocs.yml")  # make build's precheck, then on_config
    if problems:
        return problems
    inputs = [TextFile(project / name, name) for name in [*config.auto_append, "publiserte-adresser.txt"]]
    texts, problems = check_input_files([f for f in inputs if f.path.is_file()])
    problems = problems or [p for name in config.auto_append for p in check_abbreviations(texts[name], name)]
    if problems:
        return problems
    bib_texts, problems = check_input_files([TextFile(project / "bibliography.bib", "bibliography.bib")])
    bibliography, problems = (None, problems) if problems else _bibliography(bib_texts["bibliography.bib"])
    if problems:
        return problems
    pages, problems = check_docs_files(_docs_files(project / "docs"))  # on_files
    if problems:
        return problems
    others = frozenset(f.shown for f in _docs_files(project / "docs") if not f.shown.endswith(".md"))
    index = site_index(pages, others, frozenset(bibliography.entries), today, theme_dirs(project))
    published = read_published(texts["publiserte-adresser.txt"]) if "publiserte-adresser.txt" in texts else None
    problems, _ = check_site(SiteSources(pages, index, config.nav, config.redirects, published))
    return problems


def first_line(problems: list[Problem]) -> str | None:
    """The first line the build prints (stop_build's order: file, line, message)."""
    ordered = sorted(set(problems), key=problem_order)
    return str(ordered[0]) if ordered else None
