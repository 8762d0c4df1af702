"""What the validation hook does beyond the corpus of editor mistakes.

Every mistake an editor can make, with the one line the build prints for it, is a case in
tests/mistakes/ (run by tests/test_mistakes.py, a handful of them through a real build, one
per stage where a guard rail is wired in). Here: what is not a mistake, and the engine guard.
"""

from __future__ import annotations

from pathlib import Path

from helpers import build, make_project

BIB = "bibliography.bib"


def edit(project: Path, name: str, old: str, new: str) -> int:
    """Replace `old` by `new` in a project file; return the line where `new` starts."""
    path = project / name
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {name}"
    content = content.replace(old, new, 1)
    path.write_text(content, encoding="utf-8")
    return content[: content.index(new)].count("\n") + 1 if new else 0


def test_unverified_entry_with_missing_fields_is_work_not_an_error(tmp_path):
    project = make_project(tmp_path / "project")
    edit(project, BIB, "title           = {Et verk uten årstall},\n", "")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Kildestatus: 6 av 13 oppføringer" in result.stderr


def test_an_engine_that_skips_the_hooks_cannot_build_the_site(tmp_path):
    """Zensical today ignores hooks and plugins it does not know without a word: so does this
    build, and the templates refuse every page the guard rails have not seen."""
    project = make_project(tmp_path / "project")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks: []\nplugins: [search, tags]\n")
    result = build(project)
    assert result.returncode != 0
    assert "byggereglene_i_hooks_validation_py_ble_ikke_kjort" in result.stdout + result.stderr
