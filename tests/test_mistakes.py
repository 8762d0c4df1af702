"""The corpus of editor mistakes (tests/mistakes/, read by mistake_corpus.py): each is stopped
with its one Norwegian line, no traceback and no changed source; fine input builds and renders right.

Most cases run in process, through the functions hooks/validation.py calls, in the same
stages: a few seconds for the whole corpus. The cases marked `"build": true` also run through
a real build, one per stage of the build, to prove each is wired in; the fine cases are
applied together to one fixture site and built once. The builds run two at a time.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from _spelling import check_spelling
from mistake_corpus import Case, apply, cases, check_sources, digest, first_line

from helpers import ROOT, build, make_project

CASES = cases()
MISTAKES = [c for c in CASES if c.expected.get("status") == 1 and c.expected.get("stage") != "rendered"]
FINE = [c for c in CASES if c.expected.get("status") == 0]
AT_BUILD = [c for c in CASES if c.expected.get("build")]
FINE_BUILD = "i-orden (alle sammen)"
CLASSES = {
    "koding": 6,
    "front-matter": 14,
    "siteringer": 20,
    "bibtex": 25,
    "markdown": 25,
    "filer": 10,
    "oppsett": 18,
    "stavekontroll": 5,
    "i-orden": 15,
}
INPUTS = ("docs", "bibliography.bib", "publiserte-adresser.txt", "includes")
READ_ONLY = ("overrides", "stavekontroll")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The fixture site's inputs, once: each case copies only what the checks read."""
    project = make_project(tmp_path_factory.mktemp("corpus") / "template")
    return project


def _copy(template: Path, target: Path) -> Path:
    """The inputs as links to the template's files: a case replaces the files it changes."""
    for name in (*INPUTS, "mkdocs.yml", "mkdocs.base.yml", *READ_ONLY):
        source = template / name
        for file in sorted(source.rglob("*")) if source.is_dir() else [source]:
            if file.is_file():
                link = target / file.relative_to(template)
                link.parent.mkdir(parents=True, exist_ok=True)
                link.symlink_to(file)
    return target


def _name(case: Case) -> str:
    return case.name


def test_the_corpus_is_large_and_covers_every_class():
    counts = {kind: sum(c.kind == kind for c in CASES) for kind in CLASSES}
    assert len(CASES) >= 100 and all(counts[k] >= n for k, n in CLASSES.items()), counts
    assert {c.kind for c in CASES} == set(CLASSES), "a case in a folder this test does not know"
    assert all(c.expected for c in CASES), [c.name for c in CASES if not c.expected]


@pytest.mark.parametrize("case", MISTAKES, ids=_name)
def test_mistake_is_stopped_with_its_one_line(case: Case, template, tmp_path):
    project = _copy(template, tmp_path / "project")
    apply(project, case.mutation)
    before = digest(project)
    if case.expected.get("check") == "spelling":
        pages = {
            f"docs/{p.relative_to(project / 'docs').as_posix()}": p.read_text() for p in sorted((project / "docs").rglob("*.md"))
        }
        problems = check_spelling(pages, project / "stavekontroll" / "prosjektord.dic", "stavekontroll/prosjektord.dic")
    else:
        problems = check_sources(project, dt.date.today())
    assert problems, "the mistake went through without a word"
    assert first_line(problems) == case.expected["first_line"]
    assert digest(project) == before, "a check changed a source file"


@pytest.mark.parametrize("case", FINE, ids=_name)
def test_fine_input_is_accepted(case: Case, template, tmp_path):
    project = _copy(template, tmp_path / "project")
    apply(project, case.mutation)
    assert check_sources(project, dt.date.today()) == []


def _build_like_make(project: Path) -> subprocess.CompletedProcess:
    """`make build`: the precheck of mkdocs.yml, then the strict build."""
    precheck = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "_precheck.py"), "mkdocs.yml"], cwd=project, capture_output=True, text=True
    )
    return precheck if precheck.returncode else build(project)


@pytest.fixture(scope="module")
def real_builds(tmp_path_factory) -> dict:
    """Every build-level case, and the fine cases applied together, built two at a time (one per
    core): name -> (project, result, digest before)."""
    jobs = {}
    for case in AT_BUILD:
        project = make_project(tmp_path_factory.mktemp("build") / "project")
        apply(project, case.mutation)
        jobs[case.name] = project
    fine = make_project(tmp_path_factory.mktemp("fine") / "project")
    # whole-file re-encodings last, so the other changes find their text
    for case in sorted(FINE, key=lambda c: ("encoding" in str(c.mutation) or "newline" in str(c.mutation), c.name)):
        apply(fine, case.mutation)
    jobs[FINE_BUILD] = fine
    before = {name: digest(project) for name, project in jobs.items()}
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(jobs, pool.map(_build_like_make, jobs.values())))
    return {name: (jobs[name], results[name], before[name]) for name in jobs}


@pytest.mark.parametrize("case", AT_BUILD, ids=_name)
def test_mistake_stops_the_real_build(case: Case, real_builds):
    project, result, before = real_builds[case.name]
    output = result.stdout + result.stderr
    errors = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert result.returncode != 0 and "Traceback" not in output, output
    assert errors and errors[0] == case.expected["first_line"], "\n".join(errors)
    assert digest(project) == before, "the build changed a source file"


def test_fine_input_builds_and_renders_right(real_builds):
    project, result, _ = real_builds[FINE_BUILD]
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for case in FINE:
        for page, texts in case.expected["renders"].items():
            html = (site / page).read_bytes().decode("utf-8", errors="replace")
            assert all(text in html for text in texts), (case.name, page, [t for t in texts if t not in html])
        for page, texts in case.expected.get("does_not_render", {}).items():
            html = (site / page).read_text(encoding="utf-8")
            assert not any(text in html for text in texts), (case.name, page)
