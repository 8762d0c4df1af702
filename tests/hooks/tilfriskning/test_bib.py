import datetime as dt
from pathlib import Path

from tilfriskning.bib import check_bibliography

ROOT = Path(__file__).resolve().parents[3]

GOOD = """
@book{hansen2020,
  author = {Hansen, Kari},
  title = {Boka},
  publisher = {Forlaget},
  year = {2020},
  metadata_status = {verified},
  source_checked = {no}
}
@misc{olsen2019,
  author = {Olsen},
  year = {2019},
  metadata_status = {unverified},
  source_checked = {no}
}
"""


def test_project_bibliography_is_clean():
    bibliography, problems = check_bibliography((ROOT / "bibliography.bib").read_text(encoding="utf-8"))
    assert problems == []
    assert "bacheloroppgave2022" in bibliography.entries
    assert bibliography.entries["bacheloroppgave2022"].source_checked


def test_project_bibliography_has_every_reference_record():
    import pytest
    import yaml

    source = ROOT.parent / "shared" / "source" / "references.yaml"
    if not source.exists():
        pytest.skip("../shared (the source records) is not beside this clone, as on GitHub")
    records = yaml.safe_load(source.read_text(encoding="utf-8"))
    bibliography, _ = check_bibliography((ROOT / "bibliography.bib").read_text(encoding="utf-8"))
    for record in records:
        entry = bibliography.entries[record["key"]]
        assert entry.metadata_status == record["status"], record["key"]


def test_good_bibliography_and_work_items():
    bibliography, problems = check_bibliography(GOOD)
    assert problems == []
    work = {entry.key: missing for entry, missing in bibliography.work_items()}
    assert work == {"olsen2019": [("title",)]}


def test_syntax_error_names_line_and_entry_start():
    text = GOOD.replace("title = {Boka},", "title = {Boka,")
    _, problems = check_bibliography(text, "bibliography.bib")
    (problem,) = problems
    assert (problem.file, problem.rule) == ("bibliography.bib", "bib-syntaks")
    assert "starter på linje 2" in problem.message


def test_duplicate_key_names_both_lines():
    _, problems = check_bibliography(GOOD + GOOD.replace("olsen2019", "olsen2018"))
    (problem,) = problems
    assert (problem.line, problem.rule) == (2, "bib-nokkel-brukt")
    second = (GOOD + GOOD).split("\n").index("@book{hansen2020,", 3) + 1
    assert f"hansen2020» er brukt flere ganger (også linje {second})" in problem.message


def test_non_ascii_key_gets_a_suggestion():
    _, problems = check_bibliography(GOOD.replace("hansen2020", "Hansen_2020"))
    assert any("«hansen2020»" in p.message for p in problems)
    _, problems = check_bibliography(GOOD.replace("hansen2020", "Sjursæther2021"))
    assert any("«sjursaether2021»" in p.message for p in problems), "æ → ae, as CONTRIBUTING.md says"


def test_verified_entry_missing_fields_is_an_error():
    _, problems = check_bibliography(GOOD.replace("  publisher = {Forlaget},\n", ""))
    (problem,) = problems
    assert "forlag (publisher)" in problem.message and (problem.line, problem.rule) == (2, "bib-verifisert")


def test_unverified_entry_missing_fields_is_not_an_error():
    _, problems = check_bibliography(GOOD.replace("{verified}", "{partial}").replace("  publisher = {Forlaget},\n", ""))
    assert problems == []


def test_status_fields_are_required():
    _, problems = check_bibliography(GOOD.replace("  source_checked = {no}\n", "", 1))
    assert [(p.line, p.rule) for p in problems] == [(2, "bib-kontroll")]


def test_unknown_entry_type():
    _, problems = check_bibliography(GOOD.replace("@misc", "@unknown"))
    assert [p.rule for p in problems] == ["bib-type"]


def test_duplicate_field_names_entry_and_field():
    text = GOOD.replace("  title = {Boka},\n", "  title = {Boka},\n  title = {Boken},\n")
    _, problems = check_bibliography(text)
    assert [(p.file, p.line, p.rule) for p in problems] == [("bibliography.bib", 2, "bib-dublettfelt")]
    assert "«title»" in problems[0].message


def test_plain_bibtex_type_names_from_zotero_are_accepted():
    text = GOOD.replace("@book{hansen2020", "@phdthesis{hansen2020").replace(
        "publisher = {Forlaget}", "school = {UiB},\n  type = {Doktoravhandling}"
    )
    bibliography, problems = check_bibliography(text)
    assert problems == [] and bibliography.entries["hansen2020"].type == "thesis"


def test_partly_checked_is_a_status_and_needs_a_note():
    partly = GOOD.replace("  source_checked = {no}\n", "  source_checked = {partly}\n", 1)
    _, problems = check_bibliography(partly)
    assert [(p.line, p.rule) for p in problems] == [(2, "bib-lest")]
    noted = partly.replace(
        "  source_checked = {partly}\n", "  source_checked = {partly},\n  source_note = {Sammendraget på forlagets side}\n"
    )
    bibliography, problems = check_bibliography(noted)
    assert problems == []
    assert bibliography.entries["hansen2020"].checked == "partly"
    assert not bibliography.entries["hansen2020"].source_checked


def test_an_encyclopedia_entry_is_a_known_type():
    entry = (
        "@inreference{snl2022, author = {Berg, Ola}, title = {Rusmiddel}, booktitle = {Store norske leksikon},"
        " year = {2022}, url = {https://snl.no/rusmiddel}, metadata_status = {verified}, source_checked = {no}}"
    )
    _, problems = check_bibliography(entry)
    assert problems == []


def test_names_bibtex_would_garble_are_stopped_before_pybtex_reads_them():
    from tilfriskning.bib import name_problem

    for value, part in [
        ("Hansen, Kari & Olsen, Per", "«&»"),
        ("Hansen, Kari and", "«and» for mye"),
        ("Hansen, K., & Olsen, P.", "APA-form"),
        ("Hansen, K., Olsen, P., Berg, A.", "APA-form"),
        ("Nasjonal kompetansetjeneste for rus", "doble klammer"),
    ]:
        assert part in name_problem("k", "author", value), value
    for fine in (
        "Hansen, Kari and Olsen, Per",
        "{Kandidat 7129}",
        "Skjefstad",
        "Hansen, Jr., Kari",
        "Hansen, Kari and others",
        "B{\\o}rg, M.",
    ):
        assert name_problem("k", "author", fine) is None, fine
    bibliography, problems = check_bibliography(GOOD.replace("Hansen, Kari", "Hansen, K., & Olsen, P."))
    assert [p.rule for p in problems] == ["bib-navn"], "a name pybtex cannot read is a line, not a traceback"


def test_a_reading_date_in_no_known_form_gets_todays_date_as_the_example():
    _, problems = check_bibliography(GOOD.replace("  year = {2020},\n", "  year = {2020},\n  urldate = {i går},\n", 1))
    (problem,) = problems
    assert problem.rule == "bib-lest-dato" and f"urldate = {{{dt.date.today().isoformat()}}}" in problem.message
