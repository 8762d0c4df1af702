"""hooks/serve_errors.py without a server: why a stopped build stopped, and the page it leaves."""

from __future__ import annotations

import serve_errors
from mkdocs.exceptions import Abort

from glue.build import ContentProblems


def test_the_guard_rails_lines_are_found_inside_mkdocs_abort():
    try:
        try:
            raise ContentProblems(["docs/a.md:3: feil [regel]"])
        except ContentProblems:
            raise Abort("Aborted with a BuildError!")  # noqa: B904 - as MkDocs's build() does
    except Abort as error:
        assert serve_errors._why(error, ["logget"], None) == ["docs/a.md:3: feil [regel]"]
    assert serve_errors._why(RuntimeError("x"), ["ERROR  - logget"], None) == ["ERROR  - logget"]
    assert serve_errors._why(RuntimeError("x"), [], None) == ["x"]


def test_a_broken_mkdocs_yml_is_told_by_our_reading(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("nav:\n\t- a.md\n", encoding="utf-8")
    assert serve_errors._why(RuntimeError("English"), [], str(config)) == [
        "mkdocs.yml:2: tabulatortegn i mkdocs.yml; bruk mellomrom til innrykk [oppsett]"
    ]


def test_the_served_folder_is_left_with_the_error_page_only(tmp_path):
    (tmp_path / "site" / "gammel").mkdir(parents=True)
    (tmp_path / "site" / "gammel" / "index.html").write_text("gammel side", encoding="utf-8")
    serve_errors.show_errors(str(tmp_path / "site"), ["docs/a.md:3: feil [regel]"])
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["404.html"]
    assert "docs/a.md:3: feil [regel]" in (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
