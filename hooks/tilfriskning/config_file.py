"""mkdocs.yml as editors wrote it: YAML mistakes in Norwegian, and the line of every nav entry and redirect.

MkDocs reads mkdocs.yml itself, but it names a YAML mistake in English and forgets where
each nav entry and redirect stands. This module reads the same file (and the file it
INHERITs from) with PyYAML's composer, which keeps lines, without building MkDocs's
objects: so a message can say «mkdocs.yml:42». Used by the validation hook, and by
scripts/_precheck.py, which `make build` and `make serve` run before MkDocs so that a
file MkDocs cannot read gets a Norwegian line too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .inputs import TextFile, conflict_problem, read_text
from .problems import Problem
from .source import error_mark, yaml_problem_in_norwegian

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: the same nodes and lines, faster


@dataclass(frozen=True)
class Located:
    """A value from mkdocs.yml and where it stands."""

    value: str
    file: str
    line: int


@dataclass(frozen=True)
class ConfigFile:
    nav: list[Located] | None = None  # every nav entry that names a page or address; None: no nav
    redirects: dict[str, tuple[Located, Located]] = field(default_factory=dict)  # old path -> (old, new)
    auto_append: list[str] = field(default_factory=list)  # files pymdownx.snippets adds to every page


def _mapping(node) -> dict[str, yaml.Node]:
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)} if isinstance(node, yaml.MappingNode) else {}


def _duplicate_key(node, shown: str) -> Problem | None:
    """PyYAML keeps the last of two equal keys without a word; MkDocs too."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                return Problem(
                    shown,
                    key.start_mark.line + 1,
                    f"feltet «{key.value}» står to ganger i mkdocs.yml; slå dem sammen til ett",
                    "oppsett",
                )
            seen.add(getattr(key, "value", None))
    children = node.value if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) else []
    for child in children:
        for part in child if isinstance(child, tuple) else (child,):
            found = _duplicate_key(part, shown)
            if found:
                return found
    return None


def compose(text: str, shown: str) -> tuple[yaml.Node | None, Problem | None]:
    """The YAML node tree of one config file, or the one line saying why it can't be read."""
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        node = None
    try:  # PyYAML's own parser again, for its messages (libyaml words them differently)
        node = node if node is not None else yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        mark = error_mark(error)
        message = yaml_problem_in_norwegian(problem, "mkdocs.yml")
        return None, Problem(shown, mark.line + 1 if mark else None, message, "oppsett")
    if node is not None and not isinstance(node, yaml.MappingNode):
        return None, Problem(shown, 1, "mkdocs.yml må bestå av felt på formen «navn: verdi»", "oppsett")
    return node, _duplicate_key(node, shown) if node is not None else None


def _nav(node, shown: str) -> list[Located]:
    if isinstance(node, yaml.ScalarNode):
        return [Located(str(node.value), shown, node.start_mark.line + 1)]
    if isinstance(node, yaml.SequenceNode):
        return [entry for item in node.value for entry in _nav(item, shown)]
    if isinstance(node, yaml.MappingNode):
        return [entry for _, value in node.value for entry in _nav(value, shown)]
    return []


def _options(node, name: str) -> yaml.Node | None:
    """The options of one plugin or Markdown extension in a `plugins:` / `markdown_extensions:` list."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node] if isinstance(node, yaml.MappingNode) else []
    for item in items:
        options = _mapping(item).get(name)
        if options is not None:
            return options
    return None


def _redirects(root, shown: str) -> dict[str, tuple[Located, Located]]:
    maps = _mapping(_options(_mapping(root).get("plugins"), "redirects")).get("redirect_maps")
    return {
        str(k.value): (Located(str(k.value), shown, k.start_mark.line + 1), Located(str(v.value), shown, v.start_mark.line + 1))
        for k, v in (maps.value if isinstance(maps, yaml.MappingNode) else [])
        if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
    }


def _auto_append(root) -> list[str]:
    options = _mapping(_options(_mapping(root).get("markdown_extensions"), "pymdownx.snippets")).get("auto_append")
    return [str(item.value) for item in getattr(options, "value", []) if isinstance(item, yaml.ScalarNode)]


def read_config(path: Path, shown: str = "mkdocs.yml") -> tuple[ConfigFile, list[Problem]]:
    """mkdocs.yml (and the file it INHERITs from) with the place of every nav entry and redirect."""
    layers: list[tuple[yaml.Node, str]] = []
    while path is not None:
        text, problem = read_text(TextFile(path, shown))
        problem = problem or conflict_problem(text, shown)
        root, problem = (None, problem) if problem else compose(text, shown)
        if problem:
            return ConfigFile(), [problem]
        if root is None:
            break
        layers.append((root, shown))
        parent = _mapping(root).get("INHERIT")
        path = (path.parent / parent.value) if isinstance(parent, yaml.ScalarNode) else None
        shown = parent.value if path else shown
    nav = next((_nav(_mapping(r)["nav"], s) for r, s in layers if "nav" in _mapping(r)), None)
    redirects = next((found for r, s in layers if (found := _redirects(r, s))), {})
    auto_append = next((found for r, _ in layers if (found := _auto_append(r))), [])
    return ConfigFile(nav, redirects, auto_append), []
