"""scripts/sjekk: clean on the real site; names file, line and fix when something is wrong."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, make_project, tree_digest


def run(project):
    return subprocess.run([sys.executable, str(project / "scripts" / "sjekk")], cwd=project, capture_output=True, text=True)


def test_real_site_is_clean():
    result = run(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("Alt i orden.")
    assert result.stdout.count("✔") == 6


def test_problems_are_reported_per_check_and_nothing_changes(tmp_path):
    project = make_project(tmp_path / "project")
    page = project / "docs" / "begreper" / "testbegrep.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Et testbegrep er", "Et testbegrep err"), encoding="utf-8")
    before = tree_digest(project / "docs", project / "bibliography.bib", project / "mkdocs.yml")
    result = run(project)
    assert result.returncode == 1
    assert "✘ Stavekontroll (norsk bokmål): 1 feil" in result.stdout
    assert "docs/begreper/testbegrep.md:19: ukjent ord «err»" in result.stdout
    assert "✔ Bygg og innholdsregler" in result.stdout
    assert "hoppet over" in result.stdout, "no ../shared beside a copy: the overlap check says so"
    assert "ikke faglig vurdert på over to år og bør gjennomgås: docs/forskning/testartikkel.md (2020-01-15)" in result.stdout
    assert tree_digest(project / "docs", project / "bibliography.bib", project / "mkdocs.yml") == before
