from pathlib import Path

from tilfriskning.inputs import TextFile, check_docs_files, conflict_problem, decode, stray_file_problem


def test_utf8_is_read_and_a_bom_dropped():
    assert decode("æøå".encode(), "x.md") == ("æøå", None)
    assert decode("\ufeffæøå".encode(), "x.md") == ("æøå", None)


def test_windows_1252_is_named_with_its_line_and_never_decoded():
    text, problem = decode("linje én\nlinje to\nmed æøå her\n".encode("cp1252"), "docs/x.md")
    assert text is None
    assert (problem.file, problem.line, problem.rule) == ("docs/x.md", 1, "koding")  # «én» on line 1
    assert "ikke lagret som UTF-8" in problem.message and "Notisblokk" in problem.message
    _, problem = decode("ascii\nmed æøå her\n".encode("cp1252"), "docs/x.md")
    assert problem.line == 2 and "«med æøå her»" in problem.message


def test_utf16_is_named():
    _, problem = decode("tekst".encode("utf-16"), "bibliography.bib")
    assert "UTF-16" in problem.message and problem.line is None


def test_merge_conflict_markers_are_found_at_their_line():
    text = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> main\n"
    problem = conflict_problem(text, "bibliography.bib")
    assert (problem.line, problem.rule) == (2, "flettekonflikt")
    assert conflict_problem("a\n======= overskrift\n", "x.md") is None


def test_only_pages_and_images_belong_in_docs():
    assert stray_file_problem("begreper/a.md") is None and stray_file_problem("bilder/foto.PNG") is None
    found = {name: stray_file_problem(name).message for name in ("notat.docx", "Thumbs.db", "ny.md.txt", "side.MD", "x.zip")}
    assert "docx-fil" in found["notat.docx"] and "slett den" in found["Thumbs.db"]
    assert "«ny.md»" in found["ny.md.txt"] and "«side.md»" in found["side.MD"] and "«.zip»" in found["x.zip"]


def test_docs_files_give_page_texts_relative_to_docs(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n", encoding="utf-8")
    (tmp_path / "b.md").write_bytes("ø".encode("cp1252"))
    texts, problems = check_docs_files([TextFile(tmp_path / "a.md", "a.md"), TextFile(tmp_path / "b.md", "b.md")])
    assert texts == {"a.md": "---\ntitle: A\n---\n"}
    assert [(p.file, p.rule) for p in problems] == [("docs/b.md", "koding")]
