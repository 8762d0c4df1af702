"""The real pages: Norwegian spelling, Markdown style and text shared with the source thesis."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT
from tilfriskning.spelling import check_spelling

WORD_LIST = "stavekontroll/prosjektord.dic"


def test_pages_are_spelled_right():
    pages = {f"docs/{p.relative_to(ROOT / 'docs').as_posix()}": p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "docs").rglob("*.md"))}
    problems = check_spelling(pages, ROOT / WORD_LIST, WORD_LIST)
    assert not problems, "\n".join(map(str, problems))


def test_markdown_style():
    result = subprocess.run([sys.executable, "-m", "pymarkdown", "--config", ".pymarkdown.json", "scan", "docs"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
