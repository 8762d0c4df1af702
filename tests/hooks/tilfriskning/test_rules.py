from tilfriskning.kinds import CONTENT_TYPES, KINDS
from tilfriskning.rules import RULES, AnchorLink, SiteIndex, check_anchors, check_navigation, check_page, check_relation_pairs
from tilfriskning.source import parse_page

INDEX = SiteIndex(
    page_types={
        "begreper/a.md": "begrep",
        "teorier/t.md": "teori",
        "index.md": "side",
        "metoder/m.md": "metode",
    },
    files=frozenset({"img/bilde.png"}),
    bib_keys=frozenset({"skjefstad2012", "biong2015"}),
)

BEGREP = """---
title: A
description: En side om begrepet A, skrevet for testene.
type: begrep
tags: [a]
relations:
  bygger_på: [teorier/t.md]
---

Ingress [@skjefstad2012, s. 56].

## Noe

Tekst med [lenke](../teorier/t.md#bakgrunn) og ![bilde](../img/bilde.png).
Se også [metoden](../metoder/m.md) og [forsiden](../index.md).

## I praksis

Praksis [@biong2015].
"""


def problems(text: str, path: str = "begreper/a.md") -> list[str]:
    found, _ = check_page(path, text, INDEX)
    return [f"{p.line}: {p.message}" for p in found]


def rules(text: str, path: str = "begreper/a.md") -> list[tuple[int | None, str]]:
    """(line, rule id) of every problem: what the tests key on, not the wording."""
    found, _ = check_page(path, text, INDEX)
    return [(p.line, p.rule) for p in found]


def test_good_page_has_no_problems_and_records_anchor():
    found, anchors = check_page("begreper/a.md", BEGREP, INDEX)
    assert found == []
    assert anchors == [AnchorLink("begreper/a.md", "teorier/t.md", "bakgrunn", 14)]


def test_schema_errors_are_norwegian_with_lines():
    text = BEGREP.replace("type: begrep", "type: begrepp").replace("tags: [a]", "tags: [a]\ntittel: x")
    assert {(4, "feltverdi"), (6, "felt-ukjent")} <= set(rules(text))
    messages = problems(text)
    assert any(m.startswith("4: «type» har verdien «begrepp»; tillatt: begrep, teori") for m in messages)
    assert any(m.startswith("6: ukjent felt «tittel»; mente du «title»?") for m in messages)


def test_description_too_long():
    text = BEGREP.replace("En side om begrepet A, skrevet for testene.", "x" * 161)
    assert rules(text) == [(3, "for-lang")]


def test_content_page_needs_relations_and_tags():
    text = BEGREP.replace("relations:\n  bygger_på: [teorier/t.md]\n", "")
    assert rules(text) == [(1, "felt-mangler")]
    assert problems(text) == ["1: mangler feltet «relations» (påkrevd for type «begrep»); legg det til i front matter"]


def test_unknown_relation_type():
    text = BEGREP.replace("bygger_på:", "bygger_paa:")
    assert (7, "relasjonstype") in rules(text), "the line of the key itself"


def test_relation_to_missing_page_and_to_side_page():
    assert rules(BEGREP.replace("teorier/t.md]", "teorier/x.md]")) == [(7, "relasjon-finnes-ikke")]
    assert "mente du «teorier/t.md»?" in problems(BEGREP.replace("teorier/t.md]", "teorier/x.md]"))[0]
    assert rules(BEGREP.replace("teorier/t.md]", "index.md]")) == [(7, "relasjon-ikke-innholdsside")]
    plurals = [KINDS[name].plural for name in CONTENT_TYPES]
    assert problems(BEGREP.replace("teorier/t.md]", "index.md]"))[0].endswith(
        f"relasjoner går bare til {', '.join(plurals[:-1])} og {plurals[-1]}"
    )
    assert rules(BEGREP.replace("teorier/t.md]", "begreper/a.md]")) == [(7, "relasjon-til-seg-selv")]


def test_boolean_from_unquoted_no_gets_a_hint():
    text = BEGREP.replace("tags: [a]", "tags: [no]")
    assert (5, "felttype") in rules(text)
    assert any("anførselstegn" in m for m in problems(text))


def test_missing_and_misordered_headings():
    assert rules(BEGREP.replace("## I praksis", "## Praksis")) == [(17, "overskrifter")]
    assert any("mangler overskriften «## I praksis»" in m for m in problems(BEGREP.replace("## I praksis", "## Praksis")))
    metode = (
        BEGREP.replace("type: begrep", "type: metode")
        .replace("## Noe", "## Slik gjøres det")
        .replace("## I praksis", "## Verdier og prinsipper\n\n## Hva sier forskningen?\n\n## Kritikk og begrensninger")
    )
    assert any("«## Slik gjøres det» står i feil rekkefølge" in m for m in problems(metode, "metoder/m.md"))


def test_page_without_ingress_or_citation():
    text = BEGREP.replace("Ingress [@skjefstad2012, s. 56].\n", "").replace(" [@biong2015]", "")
    assert {"ingress", "ingen-kilder"} <= {rule for _, rule in rules(text)}


def test_h1_and_handwritten_kilder():
    assert rules(BEGREP.replace("## Noe", "# Noe") + "\n## Kilder\n") == [(12, "niva-1"), (21, "reservert-overskrift")]


def test_every_generated_heading_is_reserved():
    for heading in ("## Kilder", "## Sammenhenger", "### Sider som lenker hit", "## Siter denne siden {#x}"):
        assert "reservert-overskrift" in {rule for _, rule in rules(BEGREP + "\n" + heading + "\n")}, heading
    assert rules(BEGREP + "\n## Kilder og videre lesning\n") == []


def test_unknown_key_suggests_the_closest():
    assert rules(BEGREP.replace("skjefstad2012", "skjefstad2021")) == [(10, "ukjent-kilde")]
    assert problems(BEGREP.replace("skjefstad2012", "skjefstad2021")) == [
        "10: ukjent kildenøkkel «skjefstad2021»; mente du «skjefstad2012»? Rett nøkkelen, eller legg verket inn i bibliography.bib"
    ]


def test_bad_locator():
    assert rules(BEGREP.replace("s. 56", "ss. 56")) == [(10, "sidehenvisning")]
    assert problems(BEGREP.replace("s. 56", "avsn. 4.1")) == []


def test_broken_links():
    def broken(target: str) -> list[tuple[int, str]]:
        return [r for r in rules(BEGREP.replace("../teorier/t.md#bakgrunn", target)) if r[1] != "for-fa-lenker"]

    assert broken("../teorier/x.md") == [(14, "lenke-side-mangler")]
    assert broken("/teorier/t.md") == [(14, "lenke-absolutt")]
    assert broken("../teorier/") == [(14, "lenke-mappe")]
    assert broken("../../x.md") == [(14, "lenke-utenfor")]
    assert rules(BEGREP.replace("bilde.png", "foto.png")) == [(14, "lenke-fil-mangler")]


def test_article_needs_kilde_in_bib():
    artikkel = BEGREP.replace("type: begrep", "type: artikkel").replace(
        "tags: [a]", "tags: [a]\nkilde: nymoen2020\nfaktaboks: {formål: x, metode: x, deltakere: x, alder: x, temaer: [x]}"
    )
    assert (6, "ukjent-kilde") in rules(artikkel)


def test_kilde_only_on_articles():
    assert rules(BEGREP.replace("tags: [a]", "tags: [a]\nkilde: biong2015")) == [(1, "bare-artikkel")]


def test_anchor_check():
    links = [
        AnchorLink("begreper/a.md", "teorier/t.md", "bakgrun", 14),
        AnchorLink("begreper/a.md", "teorier/t.md", "bakgrunn", 15),
    ]
    (problem,) = check_anchors(links, {"teorier/t.md": {"bakgrunn"}})
    assert (problem.file, problem.line, problem.rule) == ("docs/begreper/a.md", 14, "anker")
    assert problem.message == "ankeret «#bakgrun» finnes ikke på docs/teorier/t.md; mente du «#bakgrunn»?"


def test_content_page_needs_three_links_to_other_pages():
    text = BEGREP.replace("[forsiden](../index.md)", "[samme side](a.md) [anker](#noe)")
    assert rules(text) == [(10, "for-fa-lenker")]
    assert problems(text)[0].startswith("10: siden lenker til 2 andre sider i teksten")
    assert problems(text.replace("type: begrep", "type: side").replace("## I praksis", "## Praksis")) == []


def test_navigation_check():
    nav = [{"Forside": "index.md"}, {"Begreper": ["begreper/a.md", {"B": "begreper/b.md"}]}]
    found = [(p.file, p.rule) for p in check_navigation(["index.md", "begreper/a.md", "teorier/t.md"], nav)]
    assert found == [("docs/teorier/t.md", "navigasjon"), ("mkdocs.yml", "nav-sti")]
    assert check_navigation(["x.md"], None) == []


def _with_relations(relations: str):
    return parse_page(f"---\ntitle: x\nrelations:\n{relations}---\n\nText.\n")


def test_relation_declared_from_both_ends():
    pages = {
        "metoder/m.md": _with_relations("  bygger_på:\n    - begreper/a.md\n"),
        "begreper/a.md": _with_relations("  relatert:\n    - metoder/m.md\n    - teorier/t.md\n"),
        "teorier/t.md": _with_relations("  relatert:\n    - begreper/a.md\n"),
    }
    (problem,) = check_relation_pairs(pages)
    assert (problem.file, problem.line, problem.rule) == ("docs/begreper/a.md", 5, "relasjon-begge-sider")
    assert "(bygger_på)" in problem.message and "fjern «relatert: metoder/m.md» her" in problem.message


def test_html_that_can_run_script_is_refused():
    for snippet, named in [
        ("<script>alert(1)</script>", "«<script>»"),
        ('<iframe src="https://example.org"></iframe>', "«<iframe>»"),
        ('<img src="x.png" onerror="alert(1)">', "attributtet «onerror=»"),
        ("[klikk](javascript:alert(1))", "en «javascript:»-lenke"),
        ('<a href="javascript:void(0)">x</a>', "en «javascript:»-lenke"),
    ]:
        found, _ = check_page("begreper/a.md", BEGREP.replace("## I praksis", snippet + "\n\n## I praksis"), INDEX)
        assert any(p.rule == "skript" and p.line == 17 and named in p.message for p in found), (snippet, found)
    assert problems(BEGREP.replace("Ingress", "Et eksempel: `<script>` i kode, og ordet data: her. Ingress")) == []


def test_file_names_follow_the_address_rules():
    found, _ = check_page("begreper/Å styrke.md", BEGREP, INDEX)
    assert [p.rule for p in found] == ["filnavn"] and "«begreper/a-styrke.md»" in found[0].message


def test_relation_to_a_page_with_broken_front_matter_is_not_reported_twice():
    index = SiteIndex({**INDEX.page_types, "teorier/t.md": ""}, INDEX.files, INDEX.bib_keys)
    found, _ = check_page("begreper/a.md", BEGREP, index)
    assert not any("relasjonen" in p.message for p in found)


def test_published_addresses_never_disappear():
    from tilfriskning.rules import check_published_addresses, read_published

    published = read_published("# kommentar\nbegreper/a.md\nbegreper/gammel.md  # flyttet\nteorier/t.md\n")
    assert published == ["begreper/a.md", "begreper/gammel.md", "teorier/t.md"]
    pages = {"begreper/a.md", "teorier/t.md", "begreper/ny.md"}
    (problem,) = check_published_addresses(published, pages, {})
    assert (problem.file, problem.rule) == ("publiserte-adresser.txt", "publisert")
    assert "«begreper/gammel.md: ny/sti.md»" in problem.message
    assert check_published_addresses(published, pages, {"begreper/gammel.md": "begreper/ny.md"}) == []
    assert [p.rule for p in check_published_addresses(published, pages, {"begreper/gammel.md": "borte.md"})] == ["omdirigering"]


def test_every_rule_has_its_rule_as_docstring_and_a_unique_id():
    assert len({r.id for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.check.__doc__ and len(r.check.__doc__.split()) >= 5, r.id
        assert r.id.isascii() and r.id == r.id.lower() and " " not in r.id


ARTIKKEL = BEGREP.replace("type: begrep", "type: artikkel").replace(
    "tags: [a]", "tags: [a]\nkilde: biong2015\nfaktaboks:\n  formål: x\n  metode: x\n  deltakere: x\n  alder: x\n  temaer: [x]"
)


def test_nested_field_missing_is_reported_on_its_parent_line():
    assert (7, "felt-mangler") in rules(ARTIKKEL.replace("  alder: x\n", ""))
    assert "mangler feltet «alder» under «faktaboks»" in problems(ARTIKKEL.replace("  alder: x\n", ""))[0]


def test_missing_title():
    assert rules(BEGREP.replace("title: A\n", "")) == [(1, "felt-mangler")]
