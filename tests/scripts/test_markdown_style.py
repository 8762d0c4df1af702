import shutil

from _markdown_style import check_markdown_style, explain

from helpers import ROOT


def test_known_rule_is_told_in_norwegian_with_its_number():
    line = "docs/x.md:4:1: MD012: Multiple consecutive blank lines [Expected: 1, Actual: 3] (no-multiple-blanks)"
    assert explain(line) == "docs/x.md:4: flere tomme linjer etter hverandre; fjern de ekstra, én er nok (MD012)"


def test_unknown_rule_keeps_pymarkdowns_words():
    assert explain("docs/x.md:2:3: MD999: Something new") == "docs/x.md:2: Something new (MD999)"


def test_scan_finds_and_explains(tmp_path):
    shutil.copy(ROOT / ".pymarkdown.json", tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("---\ntitle: A\n---\n\nTekst.\n\n\n\nMer tekst.\n", encoding="utf-8")
    problems = check_markdown_style(tmp_path)
    assert problems == ["docs/a.md:8: flere tomme linjer etter hverandre; fjern de ekstra, én er nok (MD012)"]
