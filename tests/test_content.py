"""The real pages: Norwegian spelling, Markdown style and text shared with the source thesis."""

from __future__ import annotations

import subprocess
import sys

import pytest
from _markdown_style import check_markdown_style
from _spelling import check_spelling

from helpers import ROOT

WORD_LIST = "stavekontroll/prosjektord.dic"
OVERLAP = ROOT.parent / "shared" / "tools" / "overlap.py"


def test_pages_are_spelled_right():
    pages = {
        f"docs/{p.relative_to(ROOT / 'docs').as_posix()}": p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "docs").rglob("*.md"))
    }
    problems = check_spelling(pages, ROOT / WORD_LIST, WORD_LIST)
    assert not problems, "\n".join(map(str, problems))


def test_markdown_style():
    problems = check_markdown_style(ROOT)
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(not OVERLAP.is_file(), reason="../shared/tools/overlap.py is not beside this checkout")
def test_no_text_is_copied_from_the_thesis():
    result = subprocess.run([sys.executable, str(OVERLAP), "docs"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
