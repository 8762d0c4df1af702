"""Bad input from editors: each case stops the build with one clear line and changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import build, make_project, tree_digest

BEGREP = "docs/begreper/testbegrep.md"
BIB = "bibliography.bib"


def edit(project: Path, name: str, old: str, new: str) -> int:
    """Replace `old` by `new` in a project file; return the line where `new` starts."""
    path = project / name
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {name}"
    content = content.replace(old, new, 1)
    path.write_text(content, encoding="utf-8")
    return content[: content.index(new)].count("\n") + 1 if new else 0


def bib_entry_line(project: Path, key: str) -> int:
    content = (project / BIB).read_text(encoding="utf-8")
    return content[: re.search(rf"^@\w+\{{{key},", content, re.MULTILINE).start()].count("\n") + 1


# Each case: (mutation -> the "file:line: message" start the build must print)
def unknown_key(p):
    line = edit(p, BEGREP, "[@skjefstad2012, s. 56]", "[@skjefstad2021, s. 56]")
    return f"{BEGREP}:{line}: ukjent kildenøkkel «skjefstad2021»; mente du «skjefstad2012»?"


def malformed_bib(p):
    edit(p, BIB, "title           = {Et testkapittel},", "title           = {Et testkapittel,")
    line = bib_entry_line(p, "testredigert")
    return f"{BIB}:{line}: BibTeX-syntaksfeil (forventet «}}») i oppføringen som starter på linje {line}"


def duplicate_key(p):
    content = (p / BIB).read_text(encoding="utf-8")
    entry = re.search(r"^@misc\{testudatert,.*?^\}\n", content, re.MULTILINE | re.DOTALL).group(0)
    (p / BIB).write_text(content + "\n" + entry, encoding="utf-8")
    return f"{BIB}:{bib_entry_line(p, 'testudatert')}: nøkkelen «testudatert» er brukt flere ganger"


def verified_entry_incomplete(p):
    edit(p, BIB, "  publisher       = {Testforlaget},\n", "")
    return f"{BIB}:{bib_entry_line(p, 'testredigert')}: «testredigert» er merket verified, men mangler forlag (publisher)"


def broken_link(p):
    line = edit(p, BEGREP, "[metoden](../metoder/testmetode.md)", "[metoden](../metoder/testmetoden.md)")
    return f"{BEGREP}:{line}: lenken «../metoder/testmetoden.md» peker på en side som ikke finnes; mente du «../metoder/testmetode.md»?"


def broken_anchor(p):
    line = edit(p, BEGREP, "testteori.md#sentrale-begreper", "testteori.md#sentrale-begrep")
    return f"{BEGREP}:{line}: ankeret «#sentrale-begrep» finnes ikke på docs/teorier/testteori.md; mente du «#sentrale-begreper»?"


def invalid_yaml(p):
    line = edit(p, BEGREP, "title: Testbegrep", "title: Testbegrep: med kolon")
    return f"{BEGREP}:{line}: kolon på feil sted i front matter"


def tab_in_yaml(p):
    line = edit(p, BEGREP, "  - testbegrep", "\t- testbegrep")
    return f"{BEGREP}:{line}: tabulatortegn i front matter"


def unclosed_front_matter(p):
    edit(p, BEGREP, "    - metoder/testmetode.md\n---\n", "    - metoder/testmetode.md\n\n")
    return f"{BEGREP}:1: front matter er ikke lukket"


def schema_description_too_long(p):
    line = edit(p, BEGREP, "description: Et begrep", "description: " + "Et veldig langt " * 12 + "begrep")
    return f"{BEGREP}:{line}: «description» er"


def schema_unknown_type(p):
    line = edit(p, BEGREP, "type: begrep", "type: konsept")
    return f"{BEGREP}:{line}: «type» har verdien «konsept»; tillatt: begrep, teori, metode, artikkel, tema, side"


def page_rule_missing_heading(p):
    edit(p, BEGREP, "## I praksis", "## Praksis")
    return f"{BEGREP}:"  # the line of the last heading, checked in the message below


def relation_to_missing_page(p):
    line = edit(p, BEGREP, "    - metoder/testmetode.md", "    - metoder/finnes-ikke.md")
    return f"{BEGREP}:{line}: relasjonen peker på «metoder/finnes-ikke.md», som ikke finnes"


def article_missing_fact(p):
    edit(p, "docs/forskning/testartikkel.md", "  alder: Ikke oppgitt\n", "")
    return "docs/forskning/testartikkel.md:11: mangler feltet «alder» under «faktaboks»"


def too_few_links(p):
    edit(p, "docs/forskning/testartikkel.md", "[begrepet](../begreper/testbegrep.md) og\n[oversikten](index.md)", "begrepet")
    ingress = edit(p, "docs/forskning/testartikkel.md", "Artikkelen undersøker", "Artikkelen undersøker")
    return f"docs/forskning/testartikkel.md:{ingress}: siden lenker til 1 andre sider i teksten"


def page_missing_from_nav(p):
    edit(p, "mkdocs.yml", "  - Temaer:\n      - temaer/testtema.md\n", "")
    return "docs/temaer/testtema.md: siden er ikke med i navigasjonen"


def relation_from_both_ends(p):
    line = edit(p, "docs/forskning/testartikkel.md", "    - begreper/testbegrep.md", "    - metoder/testmetode.md")
    return f"docs/forskning/testartikkel.md:{line}: «metoder/testmetode.md» er allerede koblet hit fra den siden (støttes_av)"


def page_renamed_without_redirect(p):
    (p / "docs/temaer/testtema.md").rename(p / "docs/temaer/nytt-tema.md")
    edit(p, "mkdocs.yml", "temaer/testtema.md", "temaer/nytt-tema.md")
    return "publiserte-adresser.txt: «temaer/testtema.md» er publisert, men siden finnes ikke lenger"


def script_in_page(p):
    line = edit(p, BEGREP, "## I praksis", '<script src="https://example.org/x.js"></script>\n\n## I praksis')
    return f"{BEGREP}:{line}: «<script>» kan kjøre skript i leserens nettleser og er ikke tillatt"


def unknown_key_without_likeness(p):
    line = edit(p, BEGREP, "[@skjefstad2012, s. 56]", "[@hansen1999, s. 56]")
    return f"{BEGREP}:{line}: ukjent kildenøkkel «hansen1999»"


def missing_title(p):
    edit(p, BEGREP, "title: Testbegrep\n", "")
    return f"{BEGREP}:1: mangler feltet «title»"


def unknown_relation_type(p):
    line = edit(p, BEGREP, "  brukes_i:", "  brukt_i:")
    return f"{BEGREP}:{line}: ukjent relasjonstype «brukt_i»"


def event_handler_in_page(p):
    line = edit(p, BEGREP, "## I praksis", '<img src="x.png" onerror="alert(1)">\n\n## I praksis')
    return f"{BEGREP}:{line}: attributtet «onerror=» kan kjøre skript"


def javascript_link(p):
    line = edit(p, BEGREP, "## I praksis", "[klikk](javascript:alert(1))\n\n## I praksis")
    return f"{BEGREP}:{line}: en «javascript:»-lenke kan kjøre skript"


CASES = {
    "unknown citation key": unknown_key,
    "malformed BibTeX": malformed_bib,
    "duplicate key": duplicate_key,
    "verified entry missing fields": verified_entry_incomplete,
    "broken internal link": broken_link,
    "broken anchor": broken_anchor,
    "invalid YAML front matter": invalid_yaml,
    "tab-indented YAML": tab_in_yaml,
    "unclosed front matter": unclosed_front_matter,
    "description too long": schema_description_too_long,
    "unknown page type": schema_unknown_type,
    "missing required heading": page_rule_missing_heading,
    "relation to a missing page": relation_to_missing_page,
    "article missing a fact-box field": article_missing_fact,
    "content page with too few links": too_few_links,
    "page missing from navigation": page_missing_from_nav,
    "relation declared from both ends": relation_from_both_ends,
    "page renamed without a redirect": page_renamed_without_redirect,
    "script tag in a page": script_in_page,
    "unknown key, nothing like it": unknown_key_without_likeness,
    "missing title": missing_title,
    "unknown relation type": unknown_relation_type,
    "event handler attribute in a page": event_handler_in_page,
    "javascript: link in a page": javascript_link,
}
EXTRA_TEXT = {"missing required heading": "mangler overskriften «## I praksis»"}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_stops_the_build_with_one_clear_line(case, tmp_path):
    project = make_project(tmp_path / "project")
    expected = CASES[case](project)
    before = tree_digest(project / "docs", project / BIB)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    errors = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    matching = [line for line in errors if line.startswith(expected) and EXTRA_TEXT.get(case, "") in line]
    assert len(matching) == 1, f"expected one line starting {expected!r}, got:\n" + "\n".join(errors)
    assert errors[-1].startswith("Bygget stoppet: ")
    assert tree_digest(project / "docs", project / BIB) == before, "the build must never change a source file"


def test_unverified_entry_with_missing_fields_is_work_not_an_error(tmp_path):
    project = make_project(tmp_path / "project")
    edit(project, BIB, "title           = {Et verk uten årstall},\n", "")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Kildestatus: 6 av 13 oppføringer" in result.stderr
