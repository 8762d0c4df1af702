from pathlib import Path

from _spelling import check_spelling, prose_lines, words

PAGE = """---
title: Motivajson i tittelen sjekkes
description: En beskrivelse med en skrivfeil.
type: side
---

Motivasjon er viktig [@lillemyr2007a, s. 13] og [lenke](../xyzzy.md).

```python
skjekk = "kode sjekkes ikke"
```

Dette er en setnig med MI og `innebygdkod` og https://exampel.org/motivajson.
"""


def test_prose_lines_skip_code_citations_links_and_urls_but_not_what_readers_see_first():
    lines = dict(prose_lines(PAGE))
    assert set(lines) == {2, 3, 7, 13}, "title, description, and the body's prose"
    assert "type" not in lines.values()
    assert "lillemyr" not in lines[7] and "xyzzy" not in lines[7]
    assert "exampel" not in lines[13] and "innebygdkod" not in lines[13]


def test_summary_points_are_checked_on_their_own_lines_without_citations():
    page = "---\ntitle: T\nkort_fortalt:\n  - Første punkt [@a, s. 2].\n  - Andre punktt her.\n---\n\nTekst.\n"
    lines = dict(prose_lines(page))
    assert "punktt" in lines[5] and "@a" not in lines[4]


def test_words_skip_abbreviations_and_single_letters():
    assert words("Dette er MI og ROP-tjeneste, a b") == ["Dette", "er", "og", "tjeneste"]


def test_unknown_word_is_reported_with_file_and_line(tmp_path: Path):
    word_list = tmp_path / "ord.dic"
    word_list.write_text("% kommentar\nerfaringskonsulent/konsulent\n", encoding="utf-8")
    text = PAGE + "\nErfaringskonsulentene hjelper.\n"
    problems = check_spelling({"docs/x.md": text}, word_list, "stavekontroll/prosjektord.dic")
    assert [(p.file, p.line, p.rule) for p in problems] == [
        ("docs/x.md", 2, "stavefeil"),
        ("docs/x.md", 3, "stavefeil"),
        ("docs/x.md", 13, "stavefeil"),
    ]
    assert ["«Motivajson»" in problems[0].message, "«skrivfeil»" in problems[1].message] == [True, True]
    assert "«setnig»" in problems[2].message and "stavekontroll/prosjektord.dic" in problems[2].message
