"""Bad input from editors: each case stops the build with one clear line and changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import build, make_project, tree_digest

BEGREP = "docs/begreper/testbegrep.md"
BIB = "bibliography.bib"


def edit(project: Path, name: str, old: str, new: str) -> int:
    """Replace `old` by `new` in a project file; return the line where `new` starts."""
    path = project / name
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {name}"
    content = content.replace(old, new, 1)
    path.write_text(content, encoding="utf-8")
    return content[: content.index(new)].count("\n") + 1 if new else 0


def bib_entry_line(project: Path, key: str) -> int:
    content = (project / BIB).read_text(encoding="utf-8")
    return content[: re.search(rf"^@\w+\{{{key},", content, re.MULTILINE).start()].count("\n") + 1


# Each case: (mutation -> the "file:line: message" start the build must print)
def unknown_key(p):
    line = edit(p, BEGREP, "[@skjefstad2012, s. 56]", "[@skjefstad2021, s. 56]")
    return f"{BEGREP}:{line}: ukjent kildenøkkel «skjefstad2021»; mente du «skjefstad2012»?"


def malformed_bib(p):
    edit(p, BIB, "title           = {Et testkapittel},", "title           = {Et testkapittel,")
    line = bib_entry_line(p, "testredigert")
    return f"{BIB}:{line}: BibTeX-syntaksfeil (forventet «}}») i oppføringen som starter på linje {line}"


def broken_anchor(p):
    line = edit(p, BEGREP, "testteori.md#sentrale-begreper", "testteori.md#sentrale-begrep")
    return f"{BEGREP}:{line}: ankeret «#sentrale-begrep» finnes ikke på docs/teorier/testteori.md; mente du «#sentrale-begreper»?"


def invalid_yaml(p):
    line = edit(p, BEGREP, "title: Testbegrep", "title: Testbegrep: med kolon")
    return f"{BEGREP}:{line}: kolon på feil sted i front matter"


def page_missing_from_nav(p):
    edit(p, "mkdocs.yml", "  - Temaer:\n      - temaer/testtema.md\n", "")
    return "docs/temaer/testtema.md: siden er ikke med i navigasjonen"


def page_renamed_without_redirect(p):
    (p / "docs/temaer/testtema.md").rename(p / "docs/temaer/nytt-tema.md")
    edit(p, "mkdocs.yml", "temaer/testtema.md", "temaer/nytt-tema.md")
    line = (p / "publiserte-adresser.txt").read_text(encoding="utf-8").splitlines().index("temaer/testtema.md") + 1
    return f"publiserte-adresser.txt:{line}: «temaer/testtema.md» er publisert, men siden finnes ikke lenger"


# A handful of cases, one per stage of the build where a guard rail is wired in: the
# .bib (on_config), front matter and page rules, navigation and published addresses
# (on_files), #anchors in the rendered pages (on_env). Every other mistake is tested in
# process, where it is fast: tests/hooks/tilfriskning/test_rules.py, test_bib.py, test_source.py.
CASES = {
    "malformed BibTeX": malformed_bib,
    "invalid YAML front matter": invalid_yaml,
    "unknown citation key": unknown_key,
    "page missing from navigation": page_missing_from_nav,
    "page renamed without a redirect": page_renamed_without_redirect,
    "broken anchor": broken_anchor,
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_stops_the_build_with_one_clear_line(case, tmp_path):
    project = make_project(tmp_path / "project")
    expected = CASES[case](project)
    before = tree_digest(project / "docs", project / BIB)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    errors = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    matching = [line for line in errors if line.startswith(expected)]
    assert len(matching) == 1, f"expected one line starting {expected!r}, got:\n" + "\n".join(errors)
    assert errors[-1].startswith("Bygget stoppet: ")
    assert tree_digest(project / "docs", project / BIB) == before, "the build must never change a source file"


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
