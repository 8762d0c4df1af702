"""The rules every page must follow: one small function per rule, run from a table.

Each rule is a function registered with `@rule(id, kinds=...)`; its docstring is the
rule, its id is printed at the end of every line it reports (CONTRIBUTING.md's tables
list them), and `kinds` says which page types it applies to (default: every page).
`check_page` runs the front matter against the JSON Schema (front_matter_check.py),
then every rule that applies to the page's type. Site-wide checks (navigation,
published addresses, relations declared twice, #anchors in the rendered pages) follow
below the page rules.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from . import markup
from .config_file import Located
from .front_matter_check import check_front_matter, field_line
from .kinds import CONTENT_TYPES, GENERATED_SECTIONS, KINDS, SYMMETRIC, PageKind, ascii_letters
from .markup import bare_keys, citation_parts, in_parentheses
from .problems import Problem
from .slugs import slugify
from .source import (
    CITATION_BLOCK_RE,
    EXTERNAL_RE,
    FrontMatterError,
    SourcePage,
    front_matter_line,
    line_at,
    parse_citations,
    parse_page,
    resolve_link,
)
from .summary import CARD_PARTS, OWN_JUDGEMENT, citation_blocks, review_date

LITTERATUR_PAGE = "litteratur.md"  # the full bibliography: one anchor per .bib key
ADDRESS_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*\.md$")  # lower-case ASCII, hyphens
MIN_LINKS_TO_OTHER_PAGES = 3
UNSAFE_HTML_RES = [
    (re.compile(r"<\s*(script|iframe|object|embed|frame|frameset)\b", re.I), "«<{0}>»"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "attributtet «{0}=»"),
    (re.compile(r"(javascript|vbscript|data)\s*:[^\s)\"']*", re.I), "en «{0}:»-lenke"),
]
LOCATOR_RE = re.compile(r"^(?:s\.|avsn\.)\s*\d[\w.,–\- ]*$")
RESERVED_IDS = {anchor: title for title, anchor in GENERATED_SECTIONS.items()}
GENERATED_FROM = {
    "Kilder": "siteringene",
    "Sammenhenger": "relasjonene",
    "Sider som lenker hit": "lenkene på andre sider",
    "Siter denne siden": "sidens tittel og dato",
}


@dataclass(frozen=True)
class SiteIndex:
    """What a page may point at: pages (docs-relative path -> type), other files, .bib keys."""

    page_types: dict[str, str]
    files: frozenset[str] = field(default_factory=frozenset)
    bib_keys: frozenset[str] = field(default_factory=frozenset)
    today: dt.date | None = None  # the build date: `faglig_vurdert` can't lie after it
    theme_dirs: tuple[str, ...] = ()  # where `template:` and `icon:` are looked up


@dataclass(frozen=True)
class AnchorLink:
    """A link with #anchor to check once pages are rendered."""

    source: str  # docs-relative path of the linking page
    target: str  # docs-relative path of the target page
    anchor: str
    line: int


@dataclass(frozen=True)
class PageUnderCheck:
    path: str  # docs-relative
    page: SourcePage
    kind: PageKind
    index: SiteIndex


Finding = tuple[int, str]  # (file line, Norwegian message)


@dataclass(frozen=True)
class Rule:
    id: str
    kinds: frozenset[str]
    check: Callable[[PageUnderCheck], Iterator[Finding]]


RULES: list[Rule] = []


def rule(rule_id: str, *, kinds: tuple[str, ...] = tuple(KINDS)):
    """Register a page rule; its docstring says the rule, `kinds` which page types it checks."""

    def register(check: Callable[[PageUnderCheck], Iterator[Finding]]):
        RULES.append(Rule(rule_id, frozenset(kinds), check))
        return check

    return register


# ---- headings ---------------------------------------------------------------------------


@rule("niva-1")
def no_level_one_heading(p: PageUnderCheck) -> Iterator[Finding]:
    """The title comes from `title` in front matter; the text uses `##` and below."""
    for heading in p.page.headings:
        if heading.level == 1:
            yield (
                heading.line,
                (
                    f"overskrift på nivå 1 («# {heading.text}»); tittelen kommer fra title i front matter, "
                    "så bruk «##» for avsnitt"
                ),
            )


@rule("reservert-overskrift")
def no_generated_heading(p: PageUnderCheck) -> Iterator[Finding]:
    """Kilder, Sammenhenger, Sider som lenker hit and Siter denne siden are written by the
    build; a heading of the editor's with the same address would silently become `#kilder_1`."""
    for heading in p.page.headings:
        title = RESERVED_IDS.get(slugify(heading.text))
        if title:
            yield (
                heading.line,
                (f"«{'#' * heading.level} {heading.text}» lages automatisk fra {GENERATED_FROM[title]}; fjern overskriften"),
            )


def _label(item) -> str:
    return " eller ".join(f"«## {x}»" for x in item) if isinstance(item, tuple) else f"«## {item}»"


def _matches(item, text: str) -> bool:
    return text in item if isinstance(item, tuple) else text == item


@rule("overskrifter", kinds=CONTENT_TYPES)
def required_headings(p: PageUnderCheck) -> Iterator[Finding]:
    """A content page has the `##` headings its type requires, in that order."""
    required, h2 = p.kind.headings, [h for h in p.page.headings if h.level == 2]
    position = 0
    for heading in h2:
        if position < len(required) and _matches(required[position], heading.text):
            position += 1
    if position == len(required):
        return
    item, expected = required[position], ", ".join(_label(i) for i in required)
    present = [h for h in h2 if _matches(item, h.text)]
    if present:
        yield present[0].line, f"overskriften {_label(item)} står i feil rekkefølge; type {p.kind.name} krever {expected}"
        return
    order = " (i den rekkefølgen)" if len(required) > 1 else ""
    yield (
        h2[-1].line if h2 else p.page.body_line,
        f"mangler overskriften {_label(item)}; type {p.kind.name} krever {expected}{order}",
    )


@rule("sentrale-begreper", kinds=("teori",))
def one_subheading_per_concept(p: PageUnderCheck) -> Iterator[Finding]:
    """A theory's «## Sentrale begreper» has a `###` heading for each concept."""
    headings = list(p.page.headings)
    for i, heading in enumerate(headings):
        if heading.level == 2 and heading.text == "Sentrale begreper":
            following = []
            for other in headings[i + 1 :]:
                if other.level <= 2:
                    break
                following.append(other)
            if not any(h.level == 3 for h in following):
                yield heading.line, "«## Sentrale begreper» trenger én «### …»-overskrift for hvert begrep"
                return


@rule("ingress", kinds=CONTENT_TYPES)
def has_ingress(p: PageUnderCheck) -> Iterator[Finding]:
    """A content page starts with a short paragraph before its first heading."""
    first = next((line for line in p.page.body.split("\n") if line.strip()), "")
    if not first or first.lstrip().startswith("#"):
        yield p.page.body_line, "siden mangler ingress; begynn med et avsnitt på 1–3 setninger før første overskrift"


# ---- what the text may contain ------------------------------------------------------------


@rule("skript")
def no_script(p: PageUnderCheck) -> Iterator[Finding]:
    """No HTML that can run script in a reader's browser: script-like tags, on…= attributes,
    javascript:/vbscript:/data: link targets. Code is not checked."""
    blanked = p.page.blanked
    for pattern, what in UNSAFE_HTML_RES:
        for match in pattern.finditer(blanked):
            if what.startswith("en ") and not re.search(
                r"(href|src)\s*=\s*[\"']?\s*$|\]\(\s*$", blanked[max(match.start() - 40, 0) : match.start()]
            ):
                continue  # only a link target can run script
            line = line_at(blanked, match.start(), p.page.body_line)
            yield (
                line,
                f"{what.format(match.group(1).lower())} kan kjøre skript i leserens nettleser og er ikke tillatt; fjern det",
            )


@rule("bibliografi-kommando")
def no_bibliography_command(p: PageUnderCheck) -> Iterator[Finding]:
    """The reference list is made by the build; `\\bibliography` is never written."""
    for command in ("\\bibliography", "\\full_bibliography"):
        if command in p.page.body:
            line = p.page.body_line + p.page.body[: p.page.body.index(command)].count("\n")
            yield line, f"«{command}» trengs ikke: kildelisten lages automatisk; fjern den"


# ---- Markdown that would render other than meant ------------------------------------------------


def _found(finder, message: str):
    """A rule that reports each place `finder` finds, with `message` (formatted with what was found)."""

    def check(p: PageUnderCheck) -> Iterator[Finding]:
        for line, what in finder(p.page.blanked, p.page.body_line):
            yield line, message.format(what)

    check.__doc__ = finder.__doc__
    return check


MARKDOWN_RULES = {
    "kodeblokk": (
        markup.indented_code,
        "linjen «{}» er rykket inn med fire mellomrom (eller en tabulator) etter en tom linje og vises som kode, "
        "ikke som tekst; fjern innrykket (skal den vises som kode, sett den mellom to linjer med ```)",
    ),
    "understreket-overskrift": (
        markup.setext_headings,
        "linjen under «{}» er bare streker, og da blir teksten en overskrift; sett en tom linje mellom dem "
        "(en skillelinje), eller skriv overskriften som «## …»",
    ),
    "boks-innrykk": (
        markup.admonitions_without_body,
        "boksen «{}» blir tom fordi teksten under ikke er rykket inn; rykk inn teksten i boksen med fire mellomrom",
    ),
    "html-tagg": (
        markup.unbalanced_tags,
        "«{}>» har ingen partner; hver HTML-tagg som åpnes må lukkes (f.eks. «<div>» med «</div>»), ellers "
        "forsvinner eller forskyves resten av siden",
    ),
    "html-markdown": (
        markup.markdown_in_html,
        "Markdown inne i «{0}» blir ikke lest og vises som skrevet (stjerner, lenker, lister); skriv "
        "«markdown» i taggen, f.eks. «<div markdown>», og sett en tom linje før og etter innholdet",
    ),
    "html-kommentar": (
        markup.unclosed_comments,
        "kommentaren som starter med «{}» lukkes aldri, og resten av siden forsvinner; avslutt den med «-->»",
    ),
    "fotnote": (
        markup.missing_footnotes,
        "fotnoten [^{0}] har ingen forklaring og vises som «[^{0}]»; skriv «[^{0}]: …» på en egen linje, eller fjern markøren",
    ),
    "wikilenke": (
        markup.wiki_links,
        "«{}» er ikke en lenke her og vises som skrevet; skriv [lenketekst](../mappe/side.md)",
    ),
    "referanselenke": (
        markup.undefined_reference_links,
        "lenken «{}» har ingen definisjon «[navn]: adresse» på siden og vises som skrevet; skriv [tekst](adresse)",
    ),
    "tom-lenke": (
        markup.empty_links,
        "lenken «{}» mangler adresse eller lenketekst; skriv [tekst](adresse), med tekst leseren kan klikke på",
    ),
    "html-lenke": (
        markup.raw_html_links,
        "HTML-lenken til «{0}» blir ikke gjort om til nettstedets adresser og blir ødelagt; skriv den som Markdown: [tekst]({0})",
    ),
    "stilark": (
        markup.styles,
        "{} på en side er ikke tillatt (et stilark kan hente filer fra andre verter og endrer hele siden); fjern det",
    ),
    "hardt-mellomrom": (
        markup.hard_space_indents,
        "linjen «{}» er rykket inn med hardt mellomrom (kopiert fra Word eller en nettside) og blir ikke et "
        "listepunkt eller innrykk; slett innrykket og skriv det med vanlige mellomrom",
    ),
    "liste-tom-linje": (
        markup.lists_without_blank_line,
        "listen som starter med «{}» står rett under et avsnitt og blir slått sammen med det; sett en tom linje før listen",
    ),
    "liste-innrykk": (
        markup.shallow_sublists,
        "underpunktet «{}» er rykket inn mindre enn fire mellomrom og havner i listen over; rykk inn "
        "underpunkter med fire mellomrom",
    ),
    "tabell": (
        markup.tables_without_separator,
        "tabellen som starter med «{}» mangler skillelinjen under overskriftsraden, og vises som tekst med "
        "streker; sett en linje som «| --- | --- |» (én «---» per kolonne) under første rad",
    ),
    "tabell-celler": (
        markup.tables_with_extra_cells,
        "raden «{}» har flere celler enn overskriftsraden, og cellene til overs vises ikke; slå sammen cellene, "
        "eller legg til en kolonne i overskriftsraden og skillelinjen",
    ),
    "stilattributt": (
        markup.style_attributes,
        "«{} style=…» virker ikke: nettstedets sikkerhetsregler (Content-Security-Policy) stopper stilattributter; "
        "fjern style=…, utseendet styres av nettstedets stilark",
    ),
    "sidetall-utenfor": (
        markup.locators_after_citations,
        "i «{}» står sidetallet utenfor siteringen og havner bak parentesen; skriv det inne i klammene, f.eks. [@nøkkel, s. 10]",
    ),
    "sitering-i-html": (
        markup.citations_in_html_tags,
        "siteringen {} står inne i en HTML-tagg og ødelegger den; flytt den ut i teksten",
    ),
    "lenke-mellomrom": (
        markup.link_targets_with_spaces,
        "adressen «{}» har mellomrom, og da blir lenken eller bildet ødelagt; gi filen et navn uten mellomrom "
        "(bruk bindestrek), eller skriv %20 for mellomrommet",
    ),
    "fotnote-ubrukt": (
        markup.unused_footnotes,
        "fotnoten [^{0}] har en forklaring, men ingen markør i teksten; sett [^{0}] der den hører hjemme, eller slett "
        "forklaringen",
    ),
    "adresse-som-tekst": (
        markup.bare_urls,
        "adressen «{}» står som vanlig tekst og blir ikke en lenke; skriv [tekst](https://…), eller sett adressen mellom < og >",
    ),
    "uthevning": (
        markup.unclosed_emphasis,
        "«{0}» åpner fet skrift som aldri lukkes, og tegnene vises som skrevet; sett «{0}» på begge sider av ordene",
    ),
}
for _rule_id, (_finder, _message) in MARKDOWN_RULES.items():
    rule(_rule_id)(_found(_finder, _message))


@rule("alt-tekst")
def images_are_described_and_local(p: PageUnderCheck) -> Iterator[Finding]:
    """Every image has an alternative text (WCAG 1.1.1), comes from docs/ (no request to another
    host when a page is shown) and is written as Markdown (MkDocs does not rewrite raw HTML)."""
    for line, source, alt, raw_html in markup.images(p.page.blanked, p.page.body_line):
        if EXTERNAL_RE.match(source) or source.startswith("//"):
            yield (
                line,
                (
                    f"bildet «{source}» hentes fra en annen vert, som da ser hvem som leser siden; last ned bildet, "
                    "legg det i docs/ og lenk til filen der"
                ),
            )
        elif raw_html:
            yield (
                line,
                (
                    f"HTML-bildet «{source}» blir ikke gjort om til nettstedets adresser og vises ikke; skriv det som "
                    f"Markdown: ![Beskrivelse av bildet]({source})"
                ),
            )
        elif not (alt or "").strip():
            yield line, f"bildet «{source}» mangler alternativ tekst; skriv hva bildet viser: ![Beskrivelse]({source})"


def _wrapped_in_typographic_quotes(value) -> bool:
    text = value.strip() if isinstance(value, str) else ""
    return len(text) > 1 and text[0] in "“”„" and text[-1] in "“”"


@rule("anforselstegn")
def no_typographic_quotes_around_values(p: PageUnderCheck) -> Iterator[Finding]:
    """A front-matter value is not wrapped in typographic quotes (“ ” from Word): YAML keeps
    them as part of the text, so the title would show with them."""
    for key, value in p.page.meta.items():
        if _wrapped_in_typographic_quotes(value):
            yield (
                front_matter_line(p.page, f"{key}:"),
                f"«{key}» står i typografiske anførselstegn (“ ” fra Word), som blir en del av teksten; bruk rette "
                f'anførselstegn: {key}: "…"',
            )


@rule("felt-markdown")
def reader_fields_are_plain_text(p: PageUnderCheck) -> Iterator[Finding]:
    """`title` and `description` are plain text: they are shown as written in search results,
    link previews and the browser's tab, so Markdown or HTML there is printed as `**` or `<br>`."""
    for key in ("title", "description"):
        value = p.page.meta.get(key)
        found = re.search(r"\*\*|__|(?<!\w)\*\S|\[[^\]]*\]\(|`|<[a-zA-Z/][^>]*>", value) if isinstance(value, str) else None
        if found and not citation_blocks(value):
            yield (
                front_matter_line(p.page, f"{key}:"),
                f"«{key}» har Markdown eller HTML («{found.group(0)}»), som vises som skrevet i søkeresultater og "
                "forhåndsvisninger; skriv vanlig tekst",
            )


@rule("mal")
def template_exists(p: PageUnderCheck) -> Iterator[Finding]:
    """A page's `template` is a template the theme has (otherwise the build fails with a traceback)."""
    template = p.page.meta.get("template")
    if isinstance(template, str) and p.index.theme_dirs and not _in_theme(p.index, template):
        yield front_matter_line(p.page, "template:"), f"malen «{template}» finnes ikke; fjern feltet template"


@rule("ikon")
def icon_exists(p: PageUnderCheck) -> Iterator[Finding]:
    """A page's `icon` is one of the icons bundled with the theme, written like `material/heart`."""
    icon = p.page.meta.get("icon")
    if isinstance(icon, str) and p.index.theme_dirs and not _in_theme(p.index, f".icons/{icon}.svg"):
        yield (
            front_matter_line(p.page, "icon:"),
            (f"ikonet «{icon}» finnes ikke; skriv et ikon fra Material, f.eks. «material/heart», eller fjern feltet icon"),
        )


def _in_theme(index: SiteIndex, name: str) -> bool:
    return ".." not in name.split("/") and any(Path(folder, name).is_file() for folder in index.theme_dirs)


# ---- citations ------------------------------------------------------------------------------


@rule("ingen-kilder", kinds=CONTENT_TYPES)
def cites_sources(p: PageUnderCheck) -> Iterator[Finding]:
    """A content page cites at least one work."""
    if not p.page.citation_blocks:
        yield p.page.body_line, "siden siterer ingen kilder; belegg påstandene med f.eks. [@nokkel, s. 12]"


def unknown_key_message(key: str, bib_keys: frozenset[str]) -> str:
    close = difflib.get_close_matches(key, sorted(bib_keys), n=1, cutoff=0.6)
    fix = f"mente du «{close[0]}»? Rett" if close else "rett"
    return f"ukjent kildenøkkel «{key}»; {fix} nøkkelen, eller legg verket inn i bibliography.bib"


@rule("ukjent-kilde")
def cited_keys_exist(p: PageUnderCheck) -> Iterator[Finding]:
    """Every cited key, and an article's `kilde`, is an entry in bibliography.bib."""
    for block in p.page.citation_blocks:
        for citation in block.citations:
            if citation.key not in p.index.bib_keys:
                yield block.line, unknown_key_message(citation.key, p.index.bib_keys)
    for points, _ in _summary_fields(p):
        for point in points:
            for block in citation_blocks(point):
                for citation in parse_citations(block[1:-1]):
                    if citation.key not in p.index.bib_keys:
                        yield _point_line(p, point, "kort_fortalt"), unknown_key_message(citation.key, p.index.bib_keys)
    kilde = p.page.meta.get("kilde")
    if p.kind.name == "artikkel" and isinstance(kilde, str) and kilde not in p.index.bib_keys:
        yield front_matter_line(p.page, "kilde:"), unknown_key_message(kilde, p.index.bib_keys)


@rule("sidehenvisning")
def locators_are_readable(p: PageUnderCheck) -> Iterator[Finding]:
    """A locator follows its key right after a comma: `[@key, s. 12]`, `s. 12-14` or `avsn. 4.1`,
    which pandoc turns into Norsk APA. Two works are separated by `;`, not `,`."""
    for block in p.page.citation_blocks:
        for _, _, key, after in citation_parts(block):
            rest = after.strip()
            if key is None or not rest:
                continue
            if after[:1] not in ("", " ", ",", ";", "\t", "\u00a0") and not after[:1].isspace():
                written = key + after.split(",")[0].split()[0]
                yield (
                    block.line,
                    (
                        f"nøkkelen «{written}» i {block.raw} har et tegn som ikke er lov i en nøkkel; skriv nøkkelen "
                        "slik den står i bibliography.bib (bare a–z og sifre)"
                    ),
                )
            elif "@" in rest and not after.startswith(","):
                between = rest.split("@")[0].strip(" -")
                yield block.line, f"to verk i {block.raw} er skilt med «{between}»; skill dem med semikolon: [@a; @b]"
            elif not after.startswith(","):
                yield (
                    block.line,
                    (
                        f"etter «@{key}» i {block.raw} står «{rest}»; skriv komma rett etter nøkkelen og «s.» foran "
                        f"sidetallet: {_example(key, rest)}"
                    ),
                )
            elif "@" in rest:
                yield block.line, f"to verk i {block.raw} er skilt med komma; skill dem med semikolon: [@a, s. 12; @b]"
            elif not LOCATOR_RE.match(rest[1:].strip()):
                yield (
                    block.line,
                    (
                        f"sidehenvisningen «{rest[1:].strip()}» i {block.raw} blir ikke forstått; "
                        "skriv f.eks. «s. 12», «s. 12-14» eller «avsn. 4.1»"
                    ),
                )


def _example(key: str, rest: str) -> str:
    """How the citation is written, keeping the editor's locator where it can be read."""
    locator = re.sub(r"^(?:pp?\.|ss\.|sidene|side|s)\s*(?=\d)", "s. ", rest.strip(" ,()").strip())
    return f"[@{key}, {locator}]" if LOCATOR_RE.match(locator) else f"[@{key}, s. 12]"


@rule("sitering-uten-at")
def every_part_has_a_key(p: PageUnderCheck) -> Iterator[Finding]:
    """Every `;`-separated part of a citation names its work with `@`: pandoc prints a part
    without one as it stands, raw key and all."""
    for block in p.page.citation_blocks:
        keys = [key for _, _, key, _ in citation_parts(block) if key]
        for number, part, key, _ in citation_parts(block):
            if key is None and not part:
                yield block.line, f"siteringen {block.raw} har et tomt ledd (et «;» for mye); fjern det overflødige semikolonet"
            elif key is None and LOCATOR_RE.match(part):
                yield (
                    block.line,
                    f"i {block.raw} står sidetallet etter semikolon; skill nøkkel og sidetall med komma: [@{keys[0] if keys else 'nøkkel'}, {part}]",
                )
            elif key is None:
                fix = f"@{part}" if re.match(r"^[a-z0-9]+\b", part) else "… @nøkkel, s. 12"
                yield block.line, (f"del {number} av siteringen {block.raw} («{part}») mangler @ foran nøkkelen; skriv «{fix}»")


@rule("bar-nokkel")
def keys_stand_in_brackets(p: PageUnderCheck) -> Iterator[Finding]:
    """A key is cited inside brackets, `[@key]` or `Name [-@key]`; a bare `@key`, a `[key]` without
    `@`, `[@ key]` or LaTeX's cite command is shown as text."""
    for line, key in bare_keys(p.page.blanked, p.page.body_line, p.index.bib_keys):
        yield (
            line,
            (
                f"«@{key}» står uten hakeparenteser og vises som tekst; skriv [@{key}] (eller «Navn [-@{key}]» når "
                "forfatteren står i setningen)"
            ),
        )
    for line, written, key in markup.citations_written_otherwise(p.page.blanked, p.page.body_line, p.index.bib_keys):
        yield line, f"«{written}» blir ikke en sitering og vises som tekst; skriv @ rett foran nøkkelen: [@{key}, s. 12]"


@rule("dobbel-parentes")
def citation_not_in_parentheses(p: PageUnderCheck) -> Iterator[Finding]:
    """A citation does not stand inside parentheses of the text: pandoc adds its own, and the
    reader would see «((Skjefstad, 2012))». Words belong inside the brackets: `[se @key]`."""
    for match in CITATION_BLOCK_RE.finditer(p.page.blanked):
        if "@" in match.group(0) and in_parentheses(p.page.blanked, match.start()):
            yield (
                line_at(p.page.blanked, match.start(), p.page.body_line),
                f"siteringen {match.group(0)} står inne i en parentes og får dobbel parentes; fjern parentesen rundt, "
                "og skriv ord som «se» inne i siteringen: [se @nøkkel]",
            )


@rule("sitering-i-overskrift")
def no_citation_in_heading(p: PageUnderCheck) -> Iterator[Finding]:
    """A heading cites nothing: the citation would become part of its address and of the
    table of contents. The claim and its citation go in the text below."""
    heading_lines = {h.line for h in p.page.headings}
    for block in p.page.citation_blocks:
        if block.line in heading_lines:
            yield block.line, f"siteringen {block.raw} står i en overskrift; flytt den til teksten under overskriften"


FIELDS_THAT_CITE = {"kort_fortalt", "til_samtalen"}


def strings_in(value, path: list[str]) -> Iterator[tuple[list[str], str]]:
    """Every text in a front-matter value (lists and nested fields included), with its field path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from strings_in(inner, [*path, str(key)])
    elif isinstance(value, list):
        for inner in value:
            yield from strings_in(inner, path)


@rule("sitering-i-felt")
def citations_only_in_summary_fields(p: PageUnderCheck) -> Iterator[Finding]:
    """Only the points of `kort_fortalt` and `til_samtalen` may cite: a citation in `title`,
    `description` or any other field is printed raw (in search results, link previews, meta tags)."""
    for key, value in p.page.meta.items():
        if key in FIELDS_THAT_CITE:
            continue
        for path, text in strings_in(value, [str(key)]):
            if citation_blocks(text) or bare_keys(text, 1, p.index.bib_keys):
                yield (
                    field_line("---\n" + p.page.front_matter, path),
                    f"«{'.'.join(path)}» har en sitering; bare punktene i kort_fortalt og til_samtalen kan sitere, "
                    "så flytt siteringen til teksten på siden",
                )
                break


@rule("sitering-i-lenke")
def citation_outside_link_text(p: PageUnderCheck) -> Iterator[Finding]:
    """A citation never stands inside a link's text: `[se @key](url)` would break the link."""
    for block in p.page.citation_blocks:
        if block.in_link_text:
            yield block.line, f"siteringen {block.raw} står inne i en lenketekst; flytt den ut av [lenken](…)"


@rule("delt-sitering")
def citation_on_one_line(p: PageUnderCheck) -> Iterator[Finding]:
    """A citation `[@…]` stands on one line."""
    for line in p.page.split_citation_lines:
        yield line, "en sitering er delt over to linjer; skriv hele [@…] på én linje"


# ---- «Kort fortalt», «Til samtalen», «Sist faglig vurdert» ------------------------------------

CARD_KINDS = ("metode", "tema")  # method and practice pages carry a «Til samtalen» card


def _point_line(p: PageUnderCheck, point: str, field_name: str) -> int:
    needle = point.strip()[:24].split('"')[0].split("'")[0]
    line = front_matter_line(p.page, needle) if needle else 1
    return line if line > 1 else front_matter_line(p.page, field_name.split(".")[-1] + ":")


def _backed(p: PageUnderCheck, field_name: str, points) -> Iterator[Finding]:
    in_text = {block.raw for block in p.page.citation_blocks}
    for number, point in enumerate(points if isinstance(points, list) else [], start=1):
        if not isinstance(point, str):
            continue
        line, blocks = _point_line(p, point, field_name), citation_blocks(point)
        if any(c.key not in p.index.bib_keys for b in blocks for c in parse_citations(b[1:-1])):
            continue  # an unknown key is reported once, by «ukjent-kilde»
        own = point.lstrip().startswith(OWN_JUDGEMENT)
        if own and blocks:
            yield (
                line,
                (
                    f"punkt {number} i «{field_name}» er nettstedets egen vurdering og skal ikke ha sitering; "
                    f"fjern {blocks[0]}, eller fjern «{OWN_JUDGEMENT}» hvis punktet gjengir kilden"
                ),
            )
        elif not own and not blocks:
            yield (
                line,
                (
                    f"punkt {number} i «{field_name}» har ingen sitering; avslutt punktet med siteringen som belegger det "
                    f"i teksten, f.eks. [@nokkel, s. 12], eller begynn med «{OWN_JUDGEMENT}»"
                ),
            )
        for block in blocks:
            if block not in in_text:
                yield (
                    line,
                    (
                        f"siteringen {block} i punkt {number} i «{field_name}» står ikke i sidens tekst; et punkt gjengir "
                        "teksten, så bruk nøyaktig den siteringen som belegger påstanden der"
                    ),
                )


def _summary_fields(p: PageUnderCheck) -> Iterator[tuple[list[str], str]]:
    """(points, field name) of «Kort fortalt» and each part of «Til samtalen»; strings only."""
    meta = p.page.meta
    fields = [(meta.get("kort_fortalt"), "kort_fortalt")]
    parts = meta.get("til_samtalen")
    fields += [(parts.get(key), f"til_samtalen.{key}") for key, _ in CARD_PARTS] if isinstance(parts, dict) else []
    for points, name in fields:
        if isinstance(points, list):
            yield [point for point in points if isinstance(point, str)], name


@rule("kort-fortalt-kilde", kinds=CONTENT_TYPES)
def summary_points_are_backed(p: PageUnderCheck) -> Iterator[Finding]:
    """Each «Kort fortalt» point ends with the citation that backs it in the text below, written
    exactly as there (so the reader finds the claim and the build has formatted it), or starts
    with «Nettstedets vurdering:» and cites nothing."""
    yield from _backed(p, "kort_fortalt", p.page.meta.get("kort_fortalt"))


@rule("samtalekort-kilde", kinds=CARD_KINDS)
def card_items_are_backed(p: PageUnderCheck) -> Iterator[Finding]:
    """Each item on the «Til samtalen» card is backed the same way as a «Kort fortalt» point."""
    parts = p.page.meta.get("til_samtalen")
    for key, _ in CARD_PARTS if isinstance(parts, dict) else ():
        yield from _backed(p, f"til_samtalen.{key}", parts.get(key))


@rule("samtalekort-type", kinds=tuple(k for k in KINDS if k not in CARD_KINDS))
def card_only_on_practice_pages(p: PageUnderCheck) -> Iterator[Finding]:
    """Only method and practice pages (type metode and tema) carry a «Til samtalen» card."""
    if "til_samtalen" in p.page.meta:
        yield (
            front_matter_line(p.page, "til_samtalen:"),
            f"«til_samtalen» hører bare til sider av type metode og tema, ikke {p.kind.name}; fjern feltet",
        )


@rule("faglig-vurdert", kinds=CONTENT_TYPES)
def review_date_is_real(p: PageUnderCheck) -> Iterator[Finding]:
    """`faglig_vurdert` is a real date, not after the build: the day the page's claims were last
    checked against its sources."""
    value = p.page.meta.get("faglig_vurdert")
    if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value).strip()):
        return  # missing or written another way: the schema says so
    line, reviewed = front_matter_line(p.page, "faglig_vurdert:"), review_date(value)
    if reviewed is None:
        yield line, f"«faglig_vurdert» er «{value}», som ikke er en dato; skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2026-12-01"
    elif p.index.today and reviewed > p.index.today:
        yield (
            line,
            (
                f"«faglig_vurdert» er {reviewed.isoformat()}, etter dagens dato; skriv dagen du sist kontrollerte "
                "sidens påstander mot kildene"
            ),
        )


# ---- relations ------------------------------------------------------------------------------


def _relation_targets(p: PageUnderCheck) -> Iterator[tuple[str, int]]:
    relations = p.page.meta.get("relations")
    for targets in relations.values() if isinstance(relations, dict) else ():
        for target in targets if isinstance(targets, list) else []:
            if isinstance(target, str):
                yield target, front_matter_line(p.page, target)


@rule("relasjon-til-seg-selv")
def relation_not_to_itself(p: PageUnderCheck) -> Iterator[Finding]:
    """A relation points at another page, not at the page itself."""
    for target, line in _relation_targets(p):
        if target == p.path:
            yield line, f"relasjonen til «{target}» peker på siden selv; fjern den"


@rule("relasjon-finnes-ikke")
def relation_target_exists(p: PageUnderCheck) -> Iterator[Finding]:
    """A relation's target is a page in docs/, written relative to docs/."""
    for target, line in _relation_targets(p):
        if target != p.path and target not in p.index.page_types:
            close = difflib.get_close_matches(target, list(p.index.page_types), n=1)
            hint = f"mente du «{close[0]}»?" if close else "sjekk stien (relativt til docs/)"
            yield line, f"relasjonen peker på «{target}», som ikke finnes; {hint}"


def _content_plurals() -> str:
    """'begreper, teorier, metoder, artikler og temaer'."""
    *first, last = (KINDS[name].plural for name in CONTENT_TYPES)
    return f"{', '.join(first)} og {last}"


@rule("relasjon-ikke-innholdsside")
def relation_to_content_page(p: PageUnderCheck) -> Iterator[Finding]:
    """A relation's target is a content page. (A target whose own front matter is broken is
    reported there, not again here.)"""
    for target, line in _relation_targets(p):
        target_type = p.index.page_types.get(target)
        if target != p.path and target_type and target_type not in CONTENT_TYPES:
            yield (
                line,
                (f"relasjonen peker på «{target}», som ikke er en innholdsside; relasjoner går bare til {_content_plurals()}"),
            )


# ---- links ----------------------------------------------------------------------------------


def link_kind(path: str, target: str, index: SiteIndex) -> str:
    """What a link written on `path` points at: "external", "same-page", "absolute",
    "outside", "page", "missing-page", "folder", "file" or "missing-file"."""
    target = target.strip()
    if not target or EXTERNAL_RE.match(target):
        return "external"
    if target.startswith(("#", "/")):
        return "same-page" if target.startswith("#") else "absolute"
    resolved, _ = resolve_link(path, target)
    file_part = target.partition("#")[0].split("?")[0]  # as written: "x/" and "x" say what was meant
    if resolved.startswith("../") or resolved == "..":
        return "outside"
    if file_part.endswith(".md"):
        return "page" if resolved in index.page_types else "missing-page"
    if file_part.endswith("/") or "." not in posixpath.basename(file_part):
        return "folder"
    return "file" if resolved in index.files else "missing-file"


def _links(p: PageUnderCheck, kind: str) -> Iterator[tuple[int, str]]:
    for link in p.page.links:
        if link_kind(p.path, link.target, p.index) == kind:
            yield link.line, link.target.strip()


@rule("lenke-absolutt")
def links_are_relative(p: PageUnderCheck) -> Iterator[Finding]:
    """A link inside the site is written relative to the page, to the .md file."""
    for line, target in _links(p, "absolute"):
        yield line, f"lenken «{target}» er absolutt; skriv en relativ lenke til .md-filen, f.eks. ../teorier/honneth.md"


@rule("lenke-utenfor")
def links_stay_in_docs(p: PageUnderCheck) -> Iterator[Finding]:
    """A relative link leads to a file inside docs/."""
    for line, target in _links(p, "outside"):
        yield line, f"lenken «{target}» går ut av docs/; lenk til en side i nettstedet"


@rule("lenke-side-mangler")
def linked_pages_exist(p: PageUnderCheck) -> Iterator[Finding]:
    """A link to a .md file leads to a page that exists."""
    for line, target in _links(p, "missing-page"):
        resolved, _ = resolve_link(p.path, target)
        close = difflib.get_close_matches(resolved, list(p.index.page_types), n=1)
        hint = f"mente du «{posixpath.relpath(close[0], posixpath.dirname(p.path) or '.')}»?" if close else "sjekk stien"
        yield line, f"lenken «{target}» peker på en side som ikke finnes; {hint}"


@rule("lenke-mappe")
def links_name_the_file(p: PageUnderCheck) -> Iterator[Finding]:
    """A link names the .md file, not a folder or an address."""
    for line, target in _links(p, "folder"):
        yield line, f"lenken «{target}» peker på en mappe eller adresse; lenk til .md-filen, f.eks. ../teorier/honneth.md"


@rule("lenke-fil-mangler")
def linked_files_exist(p: PageUnderCheck) -> Iterator[Finding]:
    """A link to another file (an image, a PDF) leads to a file in docs/."""
    for line, target in _links(p, "missing-file"):
        if target.startswith("www.") or re.match(r"^[a-z0-9-]+\.(?:no|com|org|net|se|dk)(?:/|$)", target):
            yield line, f"lenken «{target}» mangler https:// foran og blir en lenke til en fil i docs/; skriv https://{target}"
        else:
            yield line, f"lenken «{target}» peker på en fil som ikke finnes i docs/; sjekk navnet"


@rule("for-fa-lenker", kinds=CONTENT_TYPES)
def links_to_three_pages(p: PageUnderCheck) -> Iterator[Finding]:
    """A content page's text links to at least three other pages (relations don't count)."""
    linked = {
        resolve_link(p.path, link.target)[0] for link in p.page.links if link_kind(p.path, link.target, p.index) == "page"
    } - {p.path}
    if len(linked) < MIN_LINKS_TO_OTHER_PAGES:
        yield (
            p.page.body_line,
            (
                f"siden lenker til {len(linked)} andre sider i teksten; en innholdsside skal lenke "
                f"til minst {MIN_LINKS_TO_OTHER_PAGES}, f.eks. [motivasjon](../begreper/motivasjon.md)"
            ),
        )


def anchor_links(path: str, page: SourcePage, index: SiteIndex) -> list[AnchorLink]:
    """The page's links with an #anchor into this site, to check once pages are rendered."""
    found = []
    for link in page.links:
        kind = link_kind(path, link.target, index)
        if kind == "same-page":
            found.append(AnchorLink(path, path, link.target.strip()[1:], link.line))
        elif kind == "page":
            resolved, anchor = resolve_link(path, link.target)
            if anchor:
                found.append(AnchorLink(path, resolved, anchor, link.line))
    return found


# ---- one page ---------------------------------------------------------------------------------


def address_problem(path: str) -> Problem | None:
    """File and folder names: lowercase ASCII with hyphens (æ → ae, ø → o, å → a)."""
    if ADDRESS_RE.match(path):
        return None
    stem = path[:-3] if path.endswith(".md") else path
    suggestion = re.sub(r"[^a-z0-9/]+", "-", ascii_letters(stem.lower()))
    suggestion = re.sub(r"-*/-*", "/", suggestion).strip("-") + ".md"
    return Problem(
        path,
        None,
        f"filnavnet blir en del av adressen og kan bare ha små bokstaver a–z, sifre og "
        f"bindestrek; gi filen navnet «{suggestion}»",
        "filnavn",
    )


def check_body(path: str, page: SourcePage, page_type: str, index: SiteIndex) -> list[Problem]:
    """Every page rule that applies to the page's type, in table order."""
    subject = PageUnderCheck(path, page, KINDS[page_type], index)
    return [Problem(path, line, message, r.id) for r in RULES if page_type in r.kinds for line, message in r.check(subject)]


def check_page(path: str, text: str, index: SiteIndex) -> tuple[list[Problem], list[AnchorLink]]:
    """All source-level problems of one page (docs-relative `path`), and its #anchor links."""
    address = [p for p in [address_problem(path)] if p]
    try:
        page = parse_page(text)
    except FrontMatterError as error:
        return [Problem(path, error.line, error.message, "front-matter"), *address], []
    problems = check_front_matter(path, text, page.meta) + address
    page_type = page.meta.get("type")
    if page_type not in KINDS:
        return problems, []
    return problems + check_body(path, page, page_type, index), anchor_links(path, page, index)


# ---- the whole site -----------------------------------------------------------------------------


def check_anchors(anchors: list[AnchorLink], ids_by_page: dict[str, set[str]], docs_prefix: str = "docs/") -> list[Problem]:
    """Links whose #anchor is not an id on the rendered target page."""
    problems = []
    for link in anchors:
        ids = ids_by_page.get(link.target)
        if ids is None or link.anchor in ids:
            continue
        close = difflib.get_close_matches(link.anchor, sorted(ids), n=1)
        hint = f"mente du «#{close[0]}»?" if close else "sjekk overskriften du lenker til"
        where = "på samme side" if link.target == link.source else f"på {docs_prefix}{link.target}"
        problems.append(
            Problem(docs_prefix + link.source, link.line, f"ankeret «#{link.anchor}» finnes ikke {where}; {hint}", "anker")
        )
    return problems


def _nav_hint(entry: str, pages: list[str]) -> str:
    """What was probably meant by a nav entry that names no page."""
    if entry.startswith("docs/") and entry[5:] in pages:
        return f"skriv stien uten «docs/» foran: «{entry[5:]}» (stiene i nav er relative til docs/)"
    if "\\" in entry:
        return f"skriv stien med «/», ikke «\\»: «{entry.replace(chr(92), '/')}»"
    if re.search(r"\s", entry.strip()):
        return (
            "det ser ut som to linjer er slått sammen; sjekk at hvert punkt har «- » foran, og at en overskrift i "
            "menyen slutter med kolon («- Begreper:»)"
        )
    close = difflib.get_close_matches(entry, pages, n=1) or [p for p in pages if p.lower() == entry.lower()]
    return f"mente du «{close[0]}»?" if close else "rett stien (relativt til docs/) eller fjern linjen"


def _meant_page(entry: str, pages: list[str]) -> str | None:
    """The page a nav entry was clearly meant to name (docs/ in front, \\, no .md, two lines run together)."""
    words = entry.split()
    candidates = [entry.removeprefix("docs/"), entry.replace("\\", "/"), f"{entry}.md", words[-1] if words else entry]
    return next((c for c in candidates if c in pages), None)


def check_navigation(pages: list[str], nav: list[Located] | None, docs_prefix: str = "docs/") -> list[Problem]:
    """Pages that no reader can reach from the navigation, and nav entries without a page. A page
    whose entry is merely misspelt is not reported again as missing from the navigation."""
    if nav is None:
        return []
    listed = {entry.value for entry in nav} | {found for entry in nav if (found := _meant_page(entry.value.strip(), pages))}
    config_name = nav[0].file if nav else "mkdocs.yml"
    problems = [
        Problem(
            docs_prefix + page, None, f"siden er ikke med i navigasjonen; legg den til under nav i {config_name}", "navigasjon"
        )
        for page in pages
        if page not in listed
    ]
    for entry in nav:
        value = entry.value.strip()
        if not value or EXTERNAL_RE.match(value) or value in pages:
            continue
        if value.lower().endswith(".md") or f"{value}.md" in pages:
            hint = f"skriv filnavnet med .md: «{value}.md»" if f"{value}.md" in pages else _nav_hint(value, pages)
            problems.append(
                Problem(entry.file, entry.line, f"nav viser til «{value}», som ikke finnes i docs/; {hint}", "nav-sti")
            )
    return problems


def check_relation_pairs(pages: dict[str, SourcePage], docs_prefix: str = "docs/") -> list[Problem]:
    """Two pages linked from both ends: each relation is declared once, on one page.

    The inverse is shown on the other page automatically. Only `relatert`, which is
    symmetric, may stand on both pages.
    """
    declared: dict[tuple[str, str], str] = {}
    for path, page in pages.items():
        relations = page.meta.get("relations")
        if isinstance(relations, dict):
            for name, targets in relations.items():
                for target in targets if isinstance(targets, list) else []:
                    declared[(path, str(target))] = name
    problems = []
    for (source, target), name in sorted(declared.items()):
        other = declared.get((target, source))
        if other is None or (name == SYMMETRIC and other == SYMMETRIC):
            continue
        # report once, on the weaker side (relatert), else on the second page of the pair
        if (name != SYMMETRIC and other == SYMMETRIC) or (name != SYMMETRIC and source < target):
            continue
        problems.append(
            Problem(
                docs_prefix + source,
                front_matter_line(pages[source], target),
                f"«{target}» er allerede koblet hit fra den siden ({other}); en relasjon står bare på én av "
                f"sidene, så fjern «{name}: {target}» her",
                "relasjon-begge-sider",
            )
        )
    return problems


def read_published(text: str) -> list[tuple[str, int]]:
    """(path, line) of each address in publiserte-adresser.txt (one per line; # starts a comment)."""
    return [
        (line.split("#")[0].strip(), number)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.split("#")[0].strip()
    ]


def _published_problem(path: str, line: int, pages: set[str], new_pages: set[str], list_name: str) -> Problem:
    written_as = {page.lower(): page for page in pages}.get(path.replace("\\", "/").lower())
    if path.startswith("docs/") and path[5:] in pages:
        message = f"«{path}» står med «docs/» foran; skriv stien relativt til docs/: «{path[5:]}»"
    elif written_as:
        message = f"«{path}» er skrevet annerledes enn filen heter; skriv «{written_as}»"
    else:
        close = difflib.get_close_matches(path, sorted(new_pages), n=1, cutoff=0.4)  # renamed: a page not yet published
        message = (
            f"«{path}» er publisert, men siden finnes ikke lenger; legg inn en omdirigering fra den gamle stien "
            f"under redirect_maps (under redirects i plugins) i mkdocs.yml, f.eks. «{path}: {close[0] if close else 'ny/sti.md'}»"
        )
    return Problem(list_name, line, message, "publisert")


def _redirect_problems(old: Located, new: Located, pages: set[str]) -> Iterator[Problem]:
    target = new.value.split("#")[0]
    if old.value.startswith("docs/") or target.startswith("docs/"):
        fixed = f"{old.value.removeprefix('docs/')}: {new.value.removeprefix('docs/')}"
        yield Problem(
            old.file,
            old.line,
            f"stiene i redirect_maps er relative til docs/; skriv dem uten «docs/» foran: «{fixed}»",
            "omdirigering",
        )
        return
    if target not in pages and "://" not in new.value:
        close = difflib.get_close_matches(target, sorted(pages), n=1)
        hint = f"; mente du «{close[0]}»?" if close else ""
        yield Problem(
            new.file, new.line, f"omdirigeringen fra «{old.value}» går til «{new.value}», som ikke finnes{hint}", "omdirigering"
        )
    if old.value in pages:
        yield Problem(
            old.file,
            old.line,
            f"omdirigeringen fra «{old.value}» skjuler en side som finnes; fjern omdirigeringen eller siden",
            "omdirigering",
        )


def check_published_addresses(
    published: list[tuple[str, int]],
    pages: set[str],
    redirects: dict[str, tuple[Located, Located]],
    list_name: str = "publiserte-adresser.txt",
) -> list[Problem]:
    """A published address must still lead somewhere: to its page, or through a redirect."""
    new_pages = pages - {path for path, _ in published}
    redirected = set(redirects) | {old.removeprefix("docs/") for old in redirects}  # a docs/ slip is reported once, below
    problems = [
        _published_problem(path, line, pages, new_pages, list_name)
        for path, line in published
        if path not in pages and path not in redirected
    ]
    for _, (old, new) in sorted(redirects.items()):
        problems += _redirect_problems(old, new, pages)
    return problems


@dataclass(frozen=True)
class SiteSources:
    """Everything the page and site checks read, whoever gathered it (the build, or a test)."""

    pages: dict[str, str]  # docs-relative path -> text
    index: SiteIndex
    nav: list[Located] | None = None
    redirects: dict[str, tuple[Located, Located]] = field(default_factory=dict)
    published: list[tuple[str, int]] | None = None  # None: the project keeps no list
    docs_prefix: str = "docs/"
    published_name: str = "publiserte-adresser.txt"


def check_site(sources: SiteSources) -> tuple[list[Problem], list[AnchorLink]]:
    """Every page's problems, then navigation, relations declared twice and published addresses."""
    problems: list[Problem] = []
    anchors: list[AnchorLink] = []
    readable: dict[str, SourcePage] = {}
    for path in sorted(sources.pages):
        page_problems, page_anchors = check_page(path, sources.pages[path], sources.index)
        problems += [replace(p, file=sources.docs_prefix + p.file) for p in page_problems]
        anchors += page_anchors
        try:
            readable[path] = parse_page(sources.pages[path])
        except FrontMatterError:
            continue
    pages = sorted(sources.pages)
    problems += check_navigation(pages, sources.nav, sources.docs_prefix)
    problems += check_relation_pairs(readable, sources.docs_prefix)
    if sources.published is not None:
        problems += check_published_addresses(sources.published, set(pages), sources.redirects, sources.published_name)
    return problems, anchors


def site_index(
    pages: dict[str, str],
    files: frozenset[str] = frozenset(),
    bib_keys: frozenset[str] = frozenset(),
    today: dt.date | None = None,
    theme_dirs: tuple[str, ...] = (),
) -> SiteIndex:
    """What a page may point at, from the pages' texts (a page that can't be read has type "")."""
    types = {}
    for path, text in pages.items():
        try:
            types[path] = str(parse_page(text).meta.get("type") or "")
        except FrontMatterError:
            types[path] = ""
    return SiteIndex(types, files, bib_keys, today, theme_dirs)


# ---- the rendered page: what the reader would see ---------------------------------------------


class _RenderedText(HTMLParser):
    """The text a reader sees (outside code), code text, and the tags with their attributes."""

    SKIP = {"script", "style", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.code, self.tags, self.depth = [], [], [], {"code": 0, "pre": 0, "skip": 0}

    def handle_starttag(self, tag, attrs):
        if not self.depth["skip"]:  # an SVG's own <style> is the map's, not the editor's
            self.tags.append((tag, dict(attrs)))
        if tag in ("code", "pre"):
            self.depth[tag] += 1
        elif tag in self.SKIP:
            self.depth["skip"] += 1

    def handle_endtag(self, tag):
        key = tag if tag in ("code", "pre") else "skip" if tag in self.SKIP else None
        if key and self.depth[key]:
            self.depth[key] -= 1

    def handle_data(self, data):
        if self.depth["skip"]:
            return
        (self.code if self.depth["code"] or self.depth["pre"] else self.text).append(data)


LEFTOVER_RES = [
    (
        re.compile(r"\[[^\]\n]*(?<![\w.])-?@\s*[\w-]+[^\]\n]*\]"),
        "en sitering som ikke ble gjort om («{}»); skriv den som [@nøkkel, s. 12]",
    ),
    (re.compile(r"\[\^[^\]\s]+\]"), "en fotnotemarkør uten forklaring («{}»); skriv forklaringen på en egen linje «[^…]: …»"),
    (re.compile(r"\[\[[^\]]+\]\]"), "«{}», som ikke er en lenke; skriv [lenketekst](side.md)"),
    (re.compile(r"\]\([^)\s]*\)"), "en lenke som ikke ble gjort om («{}»); sjekk hakeparentesene og parentesene rundt den"),
    (
        re.compile(r"^(?:<{7}|>{7}|={7})", re.M),
        "en markør fra en flettekonflikt («{}»); behold riktig tekst og slett markørlinjene",
    ),
    (re.compile(r"<!--|-->"), "en HTML-kommentar som ikke ble lukket («{}»); avslutt den med «-->»"),
    (re.compile(r"\*\*\S"), "stjerner som ikke ble fet skrift («{}»); sett «**» på begge sider av ordene"),
]


def _source_line(source: str, needle: str) -> int | None:
    index = source.find(needle)
    return source.count("\n", 0, index) + 1 if needle and index >= 0 else None


# The maps the relations hook draws (one SVG, nothing nested, in its frame). The reading
# below skips an SVG's inside and no rule reads an <svg> tag, so a map can be left out
# before reading: the same problems, and the map was a third of a content page's tags.
MAP_SVG_RE = re.compile(r'(?<=<div class="kart-ramme">)<svg\b(?:(?!<svg\b|<!--|-->|</?script).)*?</svg>(?=</div>)', re.S)


def check_rendered(path: str, html: str, source: str, bib_keys: frozenset[str] = frozenset()) -> list[Problem]:
    """What would still be wrong on the rendered page, whichever rule above missed it: Markdown
    or citations printed as written, citation markup inside code, images without a text or from
    another host, style sheets, and links MkDocs did not turn into addresses. A backstop: the
    source rules name the mistake better, and run first."""
    parsed = _RenderedText()
    parsed.feed(MAP_SVG_RE.sub("", html) if '<div class="kart-ramme"><svg' in html else html)
    text, found = "".join(parsed.text), []
    for pattern, message in LEFTOVER_RES:
        found += [(m.group(0), message.format(m.group(0))) for m in pattern.finditer(text)]
    found += [
        (f"@{key}", f"«@{key}», en nøkkel som står som tekst; skriv [@{key}]")
        for key in bib_keys & set(re.findall(r"(?<![\w.])@([a-z0-9]+)", text))
    ]
    if re.search(r'class="citation"|data-cites=|class="sitering', "".join(parsed.code)):
        found.append(
            (
                "",
                "en sitering inne i en kodeblokk, som viser HTML-kode i stedet for siteringen; fjern innrykket (fire mellomrom) foran teksten",
            )
        )
    for tag, attrs in parsed.tags:
        found += _rendered_tag_problems(tag, attrs)
    return [Problem(path, _source_line(source, needle), f"siden ville vist {message}", "visning") for needle, message in found]


def _rendered_tag_problems(tag: str, attrs: dict) -> list[tuple[str, str]]:
    source = (attrs.get("src") or "").strip()
    if tag == "img" and (EXTERNAL_RE.match(source) or source.startswith("//")):
        return [(source, f"et bilde fra en annen vert («{source}»), som ser hvem som leser; legg bildet i docs/")]
    if tag == "img" and not (attrs.get("alt") or "").strip():
        return [(source, f"et bilde uten alternativ tekst («{source}»); skriv ![Beskrivelse]({source})")]
    if tag in ("style", "link") or (tag in ("iframe", "video", "audio", "source") and EXTERNAL_RE.match(source)):
        return [(f"<{tag}", f"«<{tag}>», som ikke er tillatt på en side; fjern det")]
    href = attrs.get("href")
    if (
        tag == "a"
        and href is not None
        and "class" not in attrs
        and (not href.strip() or re.search(r"\.md(#|$)", href) and not EXTERNAL_RE.match(href))
    ):
        return [(href, f"en lenke som ikke virker («{href or 'tom adresse'}»); skriv den som [tekst](side.md)")]
    return []
