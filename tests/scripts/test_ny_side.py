"""scripts/ny-side: a page of each type, placed and listed, refused until it is written."""

from __future__ import annotations

import subprocess
import sys

import pytest
from _newpage import add_to_nav, file_name, skeleton

from helpers import build, make_project


def run(project, *args):
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "ny-side"), *args], cwd=project, capture_output=True, text=True
    )


def test_file_name_follows_address_rules():
    assert file_name("Å styrke brukeren – i praksis") == "a-styrke-brukeren-i-praksis.md"


def test_add_to_nav_appends_to_section_or_creates_it():
    config = "site_name: x\nnav:\n  - index.md\n  - Begreper:\n      - begreper/a.md\n  - litteratur.md\n"
    assert add_to_nav(config, "Begreper", "begreper/b.md").split("\n")[3:6] == [
        "  - Begreper:",
        "      - begreper/a.md",
        "      - begreper/b.md",
    ]
    assert "  - Teorier:\n      - teorier/t.md\n" in add_to_nav(config, "Teorier", "teorier/t.md")


@pytest.mark.parametrize("page_type", ["begrep", "teori", "metode", "artikkel", "tema"])
def test_skeleton_has_the_headings_the_build_checks(page_type):
    from tilfriskning.rules import SiteIndex, check_page

    index = SiteIndex({"begreper/x.md": page_type}, frozenset(), frozenset({"nokkel"}))
    problems, _ = check_page("begreper/x.md", skeleton(page_type, "Håp", "En side om håp i tilfriskning."), index)
    messages = " ".join(p.message for p in problems)
    assert "overskriften" not in messages and "ingress" not in messages
    assert "skriv/stien-til-en-side.md" in messages, "the relation placeholder is refused until written"


def test_new_page_is_placed_listed_and_refused_until_written(tmp_path):
    project = make_project(tmp_path / "project")
    result = run(project, "begrep", "Håp", "--beskrivelse", "Hva håp betyr i tilfriskning.")
    assert result.returncode == 0, result.stderr
    page = project / "docs" / "begreper" / "hap.md"
    assert page.exists()
    assert "      - begreper/hap.md" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "begreper/hap.md" in (project / "publiserte-adresser.txt").read_text(encoding="utf-8").splitlines()
    refused = build(project)
    assert refused.returncode != 0
    assert "docs/begreper/hap.md" in refused.stderr and "ukjent kildenøkkel «nokkel»" in refused.stderr
    again = run(project, "begrep", "Håp")
    assert again.returncode == 1 and "finnes allerede" in again.stdout


def test_help_is_norwegian(tmp_path):
    project = make_project(tmp_path / "project")
    result = run(project, "--help")
    assert result.returncode == 0 and result.stdout.startswith("Bruk: scripts/ny-side")
    assert "vis denne hjelpeteksten" in result.stdout


def test_new_page_builds_once_its_text_is_written(tmp_path):
    project = make_project(tmp_path / "project")
    assert run(project, "metode", "Testmetode to", "--beskrivelse", "En metode skrevet i testen.").returncode == 0
    page = project / "docs" / "metoder" / "testmetode-to.md"
    text = page.read_text(encoding="utf-8")
    text = (
        text.replace("[@nokkel, s. 1]", "[@skjefstad2012, s. 56]")
        .replace("skriv/stien-til-en-side.md", "teorier/testteori.md")
        .replace("ÅÅÅÅ-MM-DD", "2026-12-01")
    )
    text = text.replace(
        "Skriv en ingress",
        "Se [teorien](../teorier/testteori.md), [begrepet](../begreper/testbegrep.md) og "
        "[artikkelen](../forskning/testartikkel.md). Skriv en ingress",
    )
    page.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
