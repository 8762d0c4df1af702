from tilfriskning.pages import AnchorLink, SiteIndex, check_anchors, check_navigation, check_page, check_relation_pairs
from tilfriskning.source import parse_page

INDEX = SiteIndex(
    page_types={
        "begreper/a.md": "begrep", "teorier/t.md": "teori", "index.md": "side", "metoder/m.md": "metode",
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


def test_good_page_has_no_problems_and_records_anchor():
    found, anchors = check_page("begreper/a.md", BEGREP, INDEX)
    assert found == []
    assert anchors == [AnchorLink("begreper/a.md", "teorier/t.md", "bakgrunn", 14)]


def test_schema_errors_are_norwegian_with_lines():
    text = BEGREP.replace("type: begrep", "type: begrepp").replace("tags: [a]", "tags: [a]\ntittel: x")
    messages = problems(text)
    assert any(m.startswith("4: «type» har verdien «begrepp»; tillatt: begrep, teori") for m in messages)
    assert any(m.startswith("6: ukjent felt «tittel»; mente du «title»?") for m in messages)


def test_description_too_long():
    text = BEGREP.replace("En side om begrepet A, skrevet for testene.", "x" * 161)
    assert problems(text) == ["3: «description» er 161 tegn; høyst 160 er lov, så forkort teksten"]


def test_content_page_needs_relations_and_tags():
    text = BEGREP.replace("relations:\n  bygger_på: [teorier/t.md]\n", "")
    assert problems(text) == ["1: mangler feltet «relations» (påkrevd for type «begrep»); legg det til i front matter"]


def test_unknown_relation_type():
    text = BEGREP.replace("bygger_på:", "bygger_paa:")
    assert any(m.startswith("7: ukjent relasjonstype «bygger_paa»") for m in problems(text)), "the line of the key itself"


def test_relation_to_missing_page_and_to_side_page():
    assert problems(BEGREP.replace("teorier/t.md]", "teorier/x.md]")) == [
        "7: relasjonen peker på «teorier/x.md», som ikke finnes; mente du «teorier/t.md»?"]
    assert any(m.startswith("7: relasjonen peker på «index.md», som ikke er en innholdsside")
               for m in problems(BEGREP.replace("teorier/t.md]", "index.md]")))


def test_boolean_from_unquoted_no_gets_a_hint():
    text = BEGREP.replace("tags: [a]", "tags: [no]")
    assert any("anførselstegn" in m for m in problems(text))


def test_missing_and_misordered_headings():
    assert any("mangler overskriften «## I praksis»" in m for m in problems(BEGREP.replace("## I praksis", "## Praksis")))
    metode = BEGREP.replace("type: begrep", "type: metode").replace("## Noe", "## Slik gjøres det").replace(
        "## I praksis", "## Verdier og prinsipper\n\n## Hva sier forskningen?\n\n## Kritikk og begrensninger")
    assert any("«## Slik gjøres det» står i feil rekkefølge" in m for m in problems(metode, "metoder/m.md"))


def test_page_without_ingress_or_citation():
    text = BEGREP.replace("Ingress [@skjefstad2012, s. 56].\n", "").replace(" [@biong2015]", "")
    messages = problems(text)
    assert any("mangler ingress" in m for m in messages)
    assert any("siterer ingen kilder" in m for m in messages)


def test_h1_and_handwritten_kilder():
    messages = problems(BEGREP.replace("## Noe", "# Noe") + "\n## Kilder\n")
    assert any(m.startswith("12: overskrift på nivå 1") for m in messages)
    assert any("«## Kilder» lages automatisk" in m for m in messages)


def test_unknown_key_suggests_the_closest():
    messages = problems(BEGREP.replace("skjefstad2012", "skjefstad2021"))
    assert messages == ["10: ukjent kildenøkkel «skjefstad2021»; mente du «skjefstad2012»? "
                        "Rett nøkkelen, eller legg verket inn i bibliography.bib"]


def test_bad_locator():
    assert any("sidehenvisningen «ss. 56»" in m for m in problems(BEGREP.replace("s. 56", "ss. 56")))
    assert problems(BEGREP.replace("s. 56", "avsn. 4.1")) == []


def test_broken_links():
    assert any("«../teorier/x.md» peker på en side som ikke finnes" in m
               for m in problems(BEGREP.replace("../teorier/t.md#bakgrunn", "../teorier/x.md")))
    assert any("er absolutt" in m for m in problems(BEGREP.replace("../teorier/t.md#bakgrunn", "/teorier/t.md")))
    assert any("mappe eller adresse" in m for m in problems(BEGREP.replace("../teorier/t.md#bakgrunn", "../teorier/")))
    assert any("fil som ikke finnes" in m for m in problems(BEGREP.replace("bilde.png", "foto.png")))


def test_article_needs_kilde_in_bib():
    artikkel = BEGREP.replace("type: begrep", "type: artikkel").replace(
        "tags: [a]", "tags: [a]\nkilde: nymoen2020\nfaktaboks: {formål: x, metode: x, deltakere: x, alder: x, temaer: [x]}")
    assert any("ukjent kildenøkkel «nymoen2020»" in m for m in problems(artikkel))


def test_kilde_only_on_articles():
    assert any("hører bare til sider av type artikkel" in m for m in problems(BEGREP.replace("tags: [a]", "tags: [a]\nkilde: biong2015")))


def test_anchor_check():
    links = [AnchorLink("begreper/a.md", "teorier/t.md", "bakgrun", 14), AnchorLink("begreper/a.md", "teorier/t.md", "bakgrunn", 15)]
    (problem,) = check_anchors(links, {"teorier/t.md": {"bakgrunn"}})
    assert str(problem) == "docs/begreper/a.md:14: ankeret «#bakgrun» finnes ikke på docs/teorier/t.md; mente du «#bakgrunn»?"


def test_content_page_needs_three_links_to_other_pages():
    text = BEGREP.replace("[forsiden](../index.md)", "[samme side](a.md) [anker](#noe)")
    assert problems(text) == ["10: siden lenker til 2 andre sider i teksten; en innholdsside skal lenke til minst 3, "
                              "f.eks. [motivasjon](../begreper/motivasjon.md)"]
    assert problems(text.replace("type: begrep", "type: side").replace("## I praksis", "## Praksis")) == []


def test_navigation_check():
    nav = [{"Forside": "index.md"}, {"Begreper": ["begreper/a.md", {"B": "begreper/b.md"}]}]
    found = [str(p) for p in check_navigation(["index.md", "begreper/a.md", "teorier/t.md"], nav)]
    assert found == [
        "docs/teorier/t.md: siden er ikke med i navigasjonen; legg den til under nav i mkdocs.yml",
        "mkdocs.yml: nav viser til «begreper/b.md», som ikke finnes i docs/; rett stien eller fjern linjen",
    ]
    assert check_navigation(["x.md"], None) == []


def _with_relations(relations: str):
    return parse_page(f"---\ntitle: x\nrelations:\n{relations}---\n\nText.\n")


def test_relation_declared_from_both_ends():
    pages = {
        "metoder/m.md": _with_relations("  bygger_på:\n    - begreper/a.md\n"),
        "begreper/a.md": _with_relations("  relatert:\n    - metoder/m.md\n    - teorier/t.md\n"),
        "teorier/t.md": _with_relations("  relatert:\n    - begreper/a.md\n"),
    }
    assert [str(p) for p in check_relation_pairs(pages)] == [
        "docs/begreper/a.md:5: «metoder/m.md» er allerede koblet hit fra den siden (bygger_på); en relasjon står "
        "bare på én av sidene, så fjern «relatert: metoder/m.md» her"]


def test_html_that_can_run_script_is_refused():
    for snippet, expected in [
        ("<script>alert(1)</script>", "«<script>» kan kjøre skript"),
        ('<iframe src="https://example.org"></iframe>', "«<iframe>» kan kjøre skript"),
        ('<img src="x.png" onerror="alert(1)">', "attributtet «onerror=» kan kjøre skript"),
        ("[klikk](javascript:alert(1))", "en «javascript:»-lenke kan kjøre skript"),
        ('<a href="javascript:void(0)">x</a>', "en «javascript:»-lenke kan kjøre skript"),
    ]:
        messages = problems(BEGREP.replace("## I praksis", snippet + "\n\n## I praksis"))
        assert any(expected in m for m in messages), (snippet, messages)
    assert problems(BEGREP.replace("Ingress", "Et eksempel: `<script>` i kode, og ordet data: her. Ingress")) == []


def test_file_names_follow_the_address_rules():
    found, _ = check_page("begreper/Å styrke.md", BEGREP, INDEX)
    assert any("gi filen navnet «begreper/a-styrke.md»" in p.message for p in found)


def test_relation_to_a_page_with_broken_front_matter_is_not_reported_twice():
    index = SiteIndex({**INDEX.page_types, "teorier/t.md": ""}, INDEX.files, INDEX.bib_keys)
    found, _ = check_page("begreper/a.md", BEGREP, index)
    assert not any("relasjonen" in p.message for p in found)


def test_published_addresses_never_disappear():
    from tilfriskning.pages import check_published_addresses, read_published

    published = read_published("# kommentar\nbegreper/a.md\nbegreper/gammel.md  # flyttet\nteorier/t.md\n")
    assert published == ["begreper/a.md", "begreper/gammel.md", "teorier/t.md"]
    pages = {"begreper/a.md", "teorier/t.md", "begreper/ny.md"}
    (problem,) = check_published_addresses(published, pages, {})
    assert str(problem) == ("publiserte-adresser.txt: «begreper/gammel.md» er publisert, men siden finnes ikke lenger; "
                            "legg inn en omdirigering under redirects i mkdocs.yml, f.eks. «begreper/gammel.md: ny/sti.md»")
    assert check_published_addresses(published, pages, {"begreper/gammel.md": "begreper/ny.md"}) == []
    assert "går til «borte.md», som ikke finnes" in str(
        check_published_addresses(published, pages, {"begreper/gammel.md": "borte.md"})[0])
