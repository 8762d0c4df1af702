from pathlib import Path

from _spelling import check_spelling, prose_lines, words

PAGE = """---
title: Motivajson i tittelen sjekkes ikke
type: side
---

Motivasjon er viktig [@lillemyr2007a, s. 13] og [lenke](../xyzzy.md).

```python
skjekk = "kode sjekkes ikke"
```

Dette er en setnig med MI og `innebygdkod` og https://exampel.org/motivajson.
"""


def test_prose_lines_skip_front_matter_code_citations_links_and_urls():
    lines = dict(prose_lines(PAGE))
    assert set(lines) == {6, 12}
    assert "lillemyr" not in lines[6] and "xyzzy" not in lines[6]
    assert "exampel" not in lines[12] and "innebygdkod" not in lines[12]


def test_words_skip_abbreviations_and_single_letters():
    assert words("Dette er MI og ROP-tjeneste, a b") == ["Dette", "er", "og", "tjeneste"]


def test_unknown_word_is_reported_with_file_and_line(tmp_path: Path):
    word_list = tmp_path / "ord.dic"
    word_list.write_text("% kommentar\nerfaringskonsulent/konsulent\n", encoding="utf-8")
    text = PAGE + "\nErfaringskonsulentene hjelper.\n"
    problems = check_spelling({"docs/x.md": text}, word_list, "stavekontroll/prosjektord.dic")
    assert [(p.file, p.line, p.rule) for p in problems] == [("docs/x.md", 12, "stavefeil")]
    assert "«setnig»" in problems[0].message and "stavekontroll/prosjektord.dic" in problems[0].message
