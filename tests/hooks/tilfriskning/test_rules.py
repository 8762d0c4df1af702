import datetime as dt

from tilfriskning.config_file import Located
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
kort_fortalt: ["Punkt om ingressen [@skjefstad2012, s. 56].", "Punkt om praksis [@biong2015].", "Nettstedets vurdering: et eget punkt."]
faglig_vurdert: 2026-12-01
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
    assert anchors == [AnchorLink("begreper/a.md", "teorier/t.md", "bakgrunn", 16)]


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
    assert rules(BEGREP.replace("## I praksis", "## Praksis")) == [(19, "overskrifter")]
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
    assert rules(BEGREP.replace("## Noe", "# Noe") + "\n## Kilder\n") == [(14, "niva-1"), (23, "reservert-overskrift")]


def test_every_generated_heading_is_reserved():
    for heading in ("## Kilder", "## Sammenhenger", "### Sider som lenker hit", "## Siter denne siden {#x}"):
        assert "reservert-overskrift" in {rule for _, rule in rules(BEGREP + "\n" + heading + "\n")}, heading
    assert rules(BEGREP + "\n## Kilder og videre lesning\n") == []


def test_unknown_key_suggests_the_closest():
    assert rules(BEGREP.replace("skjefstad2012", "skjefstad2021")) == [(12, "ukjent-kilde"), (8, "ukjent-kilde")]
    assert problems(BEGREP.replace("skjefstad2012", "skjefstad2021")) == [
        "12: ukjent kildenøkkel «skjefstad2021»; mente du «skjefstad2012»? Rett nøkkelen, eller legg verket inn i bibliography.bib",
        "8: ukjent kildenøkkel «skjefstad2021»; mente du «skjefstad2012»? Rett nøkkelen, eller legg verket inn i bibliography.bib",
    ]


def test_bad_locator():
    assert rules(BEGREP.replace("s. 56", "ss. 56")) == [(12, "sidehenvisning")]
    assert problems(BEGREP.replace("s. 56", "avsn. 4.1")) == []


def test_broken_links():
    def broken(target: str) -> list[tuple[int, str]]:
        return [r for r in rules(BEGREP.replace("../teorier/t.md#bakgrunn", target)) if r[1] != "for-fa-lenker"]

    assert broken("../teorier/x.md") == [(16, "lenke-side-mangler")]
    assert broken("/teorier/t.md") == [(16, "lenke-absolutt")]
    assert broken("../teorier/") == [(16, "lenke-mappe")]
    assert broken("../../x.md") == [(16, "lenke-utenfor")]
    assert rules(BEGREP.replace("bilde.png", "foto.png")) == [(16, "lenke-fil-mangler")]


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
    assert rules(text) == [(12, "for-fa-lenker")]
    assert problems(text)[0].startswith("12: siden lenker til 2 andre sider i teksten")
    assert problems(text.replace("type: begrep", "type: side").replace("## I praksis", "## Praksis")) == []


def test_navigation_check_names_the_line_of_each_entry():
    nav = [
        Located("index.md", "mkdocs.yml", 3),
        Located("begreper/a.md", "mkdocs.yml", 5),
        Located("begreper/b.md", "mkdocs.yml", 6),
    ]
    found = [(p.file, p.line, p.rule) for p in check_navigation(["index.md", "begreper/a.md", "teorier/t.md"], nav)]
    assert found == [("docs/teorier/t.md", None, "navigasjon"), ("mkdocs.yml", 6, "nav-sti")]
    assert check_navigation(["x.md"], None) == []


def test_navigation_advice_fits_the_mistake():
    def advice(entry: str) -> str:
        (problem,) = [p for p in check_navigation(["begreper/a.md"], [Located(entry, "mkdocs.yml", 4)]) if p.rule == "nav-sti"]
        return problem.message

    assert "skriv stien uten «docs/» foran: «begreper/a.md»" in advice("docs/begreper/a.md")
    assert "to linjer er slått sammen" in advice("Begreper - begreper/a.md")
    assert "skriv filnavnet med .md: «begreper/a.md»" in advice("begreper/a")
    assert "«/», ikke «\\»" in advice("begreper\\a.md")


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
        assert any(p.rule == "skript" and p.line == 19 and named in p.message for p in found), (snippet, found)
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
    assert published == [("begreper/a.md", 2), ("begreper/gammel.md", 3), ("teorier/t.md", 4)]
    pages = {"begreper/a.md", "teorier/t.md", "begreper/ny.md"}
    (problem,) = check_published_addresses(published, pages, {})
    assert (problem.file, problem.line, problem.rule) == ("publiserte-adresser.txt", 3, "publisert")
    assert "«begreper/gammel.md: begreper/ny.md»" in problem.message

    def redirect(old: str, new: str) -> dict:
        return {old: (Located(old, "mkdocs.yml", 40), Located(new, "mkdocs.yml", 40))}

    assert check_published_addresses(published, pages, redirect("begreper/gammel.md", "begreper/ny.md")) == []
    (problem,) = check_published_addresses(published, pages, redirect("begreper/gammel.md", "borte.md"))
    assert (problem.line, problem.rule) == (40, "omdirigering")


def test_docs_prefix_gets_the_right_advice_not_a_redirect():
    from tilfriskning.rules import check_published_addresses

    (problem,) = check_published_addresses([("docs/begreper/a.md", 7)], {"begreper/a.md"}, {})
    assert (problem.line, problem.rule) == (7, "publisert")
    assert "skriv stien relativt til docs/: «begreper/a.md»" in problem.message
    old = {"docs/begreper/x.md": (Located("docs/begreper/x.md", "mkdocs.yml", 9), Located("docs/begreper/a.md", "mkdocs.yml", 9))}
    (problem,) = check_published_addresses([], {"begreper/a.md"}, old)
    assert "skriv dem uten «docs/» foran: «begreper/x.md: begreper/a.md»" in problem.message


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


# ---- «Kort fortalt», «Til samtalen», «faglig_vurdert» ---------------------------------------


def _with(
    field_line: str,
    replace: str = 'kort_fortalt: ["Punkt om ingressen [@skjefstad2012, s. 56].", '
    '"Punkt om praksis [@biong2015].", "Nettstedets vurdering: et eget punkt."]',
) -> str:
    return BEGREP.replace(replace, field_line)


def test_summary_points_need_the_citation_that_stands_in_the_text():
    no_citation = _with('kort_fortalt: ["Punkt uten kilde her.", "Punkt om praksis [@biong2015].", "Et tredje [@biong2015]."]')
    assert rules(no_citation) == [(8, "kort-fortalt-kilde")]
    assert "har ingen sitering" in problems(no_citation)[0]
    other_locator = _with(
        'kort_fortalt: ["Punkt med annen side [@skjefstad2012, s. 99].", "Punkt to om praksis [@biong2015].", "Punkt tre om praksis [@biong2015]."]'
    )
    assert rules(other_locator) == [(8, "kort-fortalt-kilde")]
    assert "[@skjefstad2012, s. 99] i punkt 1 i «kort_fortalt» står ikke i sidens tekst" in problems(other_locator)[0]
    judgement_cites = _with(
        'kort_fortalt: ["Nettstedets vurdering: sier noe [@biong2015].", "Punkt to om praksis [@biong2015].", "Punkt tre om praksis [@biong2015]."]'
    )
    assert rules(judgement_cites) == [(8, "kort-fortalt-kilde")]


def test_summary_needs_three_to_five_points_on_a_content_page():
    assert rules(_with('kort_fortalt: ["Bare ett punkt her [@biong2015]."]')) == [(8, "for-faa")]
    assert problems(_with('kort_fortalt: ["Bare ett punkt her [@biong2015]."]'))[0].startswith(
        "8: «kort_fortalt» har 1 verdier; det trengs minst 3"
    )
    without = BEGREP.replace('kort_fortalt: ["Punkt om ingressen', 'x_: ["').split("\n")
    without = "\n".join(line for line in without if not line.startswith("x_:"))
    assert (1, "felt-mangler") in rules(without)


METODE = (
    BEGREP.replace("type: begrep", "type: metode")
    .replace(
        "faglig_vurdert: 2026-12-01",
        'faglig_vurdert: 2026-12-01\ntil_samtalen:\n  gjør: ["Kilden beskriver dette [@biong2015]."]\n'
        '  unngå: ["Kilden advarer mot dette [@skjefstad2012, s. 56]."]',
    )
    .replace(
        "## Noe", "## Verdier og prinsipper\n\n## Slik gjøres det\n\n## Hva sier forskningen?\n\n## Kritikk og begrensninger"
    )
)


def test_card_items_are_backed_and_the_card_belongs_to_method_and_practice_pages():
    assert [r for r in rules(METODE, "metoder/m.md") if r[1].startswith("samtalekort")] == []
    unbacked = METODE.replace(
        'gjør: ["Kilden beskriver dette [@biong2015]."]', 'gjør: ["Kilden beskriver dette [@biong2015, s. 3]."]'
    )
    assert (11, "samtalekort-kilde") in rules(unbacked, "metoder/m.md")
    assert "i punkt 1 i «til_samtalen.gjør»" in " ".join(problems(unbacked, "metoder/m.md"))
    no_card = BEGREP.replace("type: begrep", "type: metode")
    assert (1, "felt-mangler") in rules(no_card, "metoder/m.md")
    on_concept = METODE.replace("type: metode", "type: begrep")
    assert (10, "samtalekort-type") in rules(on_concept)


def test_review_date_is_a_real_day_not_in_the_future():
    assert rules(BEGREP.replace("faglig_vurdert: 2026-12-01", "faglig_vurdert: 1. desember 2026")) == [(9, "feltform")]
    assert rules(BEGREP.replace("faglig_vurdert: 2026-12-01", 'faglig_vurdert: "2026-02-30"')) == [(9, "faglig-vurdert")]
    later = SiteIndex(INDEX.page_types, INDEX.files, INDEX.bib_keys, today=dt.date(2026, 11, 30))
    found, _ = check_page("begreper/a.md", BEGREP, later)
    assert [(p.line, p.rule) for p in found] == [(9, "faglig-vurdert")]
    assert "etter dagens dato" in found[0].message


def test_the_rendered_page_is_checked_for_what_the_rules_missed():
    from tilfriskning.rules import check_rendered

    source = "---\ntitle: x\n---\n\nTekst **uten slutt og [^9].\n"
    html = (
        '<p>Tekst **uten slutt og [^9].</p><pre><code>&lt;span class="citation" data-cites="a"&gt;</code></pre>'
        '<img src="https://x.org/a.png" alt="a"><img src="b.png"><a href="c.md">c</a><style>p{}</style>'
        "<svg><style>.kart{}</style></svg><p><code>[@a]</code> @hansen2020</p>"
    )
    found = [(p.line, p.message.split(" («")[0]) for p in check_rendered("docs/x.md", html, source, frozenset({"hansen2020"}))]
    assert {p for _, p in found} == {
        "siden ville vist en fotnotemarkør uten forklaring",
        "siden ville vist stjerner som ikke ble fet skrift",
        "siden ville vist «@hansen2020», en nøkkel som står som tekst; skriv [@hansen2020]",
        "siden ville vist en sitering inne i en kodeblokk, som viser HTML-kode i stedet for siteringen; fjern innrykket (fire mellomrom) foran teksten",
        "siden ville vist et bilde fra en annen vert",
        "siden ville vist et bilde uten alternativ tekst",
        "siden ville vist en lenke som ikke virker",
        "siden ville vist «<style>», som ikke er tillatt på en side; fjern det",
    }
    assert (5, "siden ville vist en fotnotemarkør uten forklaring") in found
    assert check_rendered("docs/x.md", '<p>Fint: <a class="headerlink" href="#x">¶</a></p>', source) == []


def test_rendered_check_reads_a_page_with_maps_as_it_did_reading_the_maps():
    """The maps are left out before reading: what is inside one was never read, so a page's
    problems are the same; an SVG outside a map frame, or one holding another, is still read."""
    from tilfriskning.rules import _RenderedText, check_rendered

    inside = '<svg viewBox="0 0 9 9"><a href="x.md"><text>**ikke lest</text></a><style>a{}</style></svg>'
    html = (
        "<p>Tekst med **feil</p>"
        f'<div class="kart-ramme">{inside}</div>'
        f"<div>{inside}</div>"
        f'<div class="kart-ramme"><svg><svg></svg>{inside}</svg></div>'
        '<p><img src="bilde.png"></p>'
    )
    source = "Tekst med **feil\n\n![](bilde.png)\n"
    parsed = _RenderedText()
    parsed.feed(html)
    assert [t for t in parsed.tags if t[0] != "svg"] == [
        ("p", {}),
        ("div", {"class": "kart-ramme"}),
        ("div", {}),
        ("div", {"class": "kart-ramme"}),
        ("p", {}),
        ("img", {"src": "bilde.png"}),
    ]
    found = sorted(p.message for p in check_rendered("docs/x.md", html, source))
    assert len(found) == 2 and "stjerner" in found[1] and "alternativ tekst" in found[0]
