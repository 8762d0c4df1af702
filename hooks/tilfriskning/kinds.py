"""The site's vocabulary: every page type and every relation type, in one table each.

Everything that differs between page types (folder, navigation section, label and
colours on the knowledge map, schema.org type and genre, the headings the build
requires, the hints a new page starts with) and between relation types (name, labels
both ways, direction, colour and dash on the map) is written here once. Every other
module reads these tables; the JSON Schema's enums are checked against them by
tests/hooks/tilfriskning/test_kinds.py. Adding a page type means a row in PAGE_KINDS,
the schema's enums, a fixture page and the docs; adding a relation a row in
RELATION_KINDS, the schema and the docs.

Also here, once: the rule that turns Norwegian letters into ASCII for addresses, ids
and keys (æ → ae, ø → o, å → a), and the sections the hooks generate on a page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# One choice between headings: ("Kritikk og begrensninger", "Om kildene") means either.
Heading = str | tuple[str, ...]


@dataclass(frozen=True)
class PageKind:
    name: str  # the value of `type:` in front matter
    folder: str  # where scripts/ny-side puts a new page, under docs/
    nav_section: str  # the navigation section it goes under
    plural: str  # in messages: "relasjoner går bare til begreper, teorier, ..."
    content: bool = True  # a content page: rules, relations, cite box, map
    map_label: str = ""  # legend on the knowledge map
    map_layer: int = -1  # top to bottom on the map
    map_fill: str = ""  # fallback colours on the map (text is always TEXT_COLOUR)
    map_border: str = ""
    json_ld: str = "WebPage"  # schema.org type
    genre: str = ""  # schema.org genre of an Article
    headings: tuple[Heading, ...] = ()  # required `##` headings, in order
    hints: dict[str, str] = field(default_factory=dict)  # heading -> what a new page says under it


@dataclass(frozen=True)
class RelationKind:
    name: str  # the key under `relations:` in front matter
    label: str  # on the page that declares it
    inverse_label: str  # on the page it points at
    directed: bool  # False: symmetric, drawn without an arrow
    colour: str  # stroke on the map
    dash: str  # SVG dash pattern ("" = solid), so no relation is told by colour alone
    dark_colour: str  # stroke on the map in the dark theme (the boxes keep their light fills)

    @property
    def phrase(self) -> str:
        """'bygger på': the label inside a sentence, the map legend and the relations table."""
        return self.label.lower()


CRITIQUE = "Kritikk og begrensninger"
CRITIQUE_HINT = "Innvendinger og grenser, med kilder."

PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind(
        "begrep",
        "begreper",
        "Begreper",
        "begreper",
        map_label="Begrep",
        map_layer=1,
        map_fill="#e3f0fd",
        map_border="#1f5fa8",
        json_ld="DefinedTerm",
        headings=("I praksis",),
        hints={"I praksis": "Hva begrepet betyr for den som hjelper."},
    ),
    PageKind(
        "teori",
        "teorier",
        "Teorier",
        "teorier",
        map_label="Teori",
        map_layer=0,
        map_fill="#efe7fb",
        map_border="#5b3a9e",
        json_ld="Article",
        genre="teori",
        headings=("Bakgrunn", "Sentrale begreper", "Betydning for sosialt arbeid", (CRITIQUE, "Om kildene")),
        hints={
            "Bakgrunn": "Hvor teorien kommer fra, og hvorfor den er med her.",
            "Sentrale begreper": "Én «###»-overskrift for hvert begrep.",
            "Betydning for sosialt arbeid": "Hva teorien betyr i arbeid med personer i tilfriskning, og hvilke "
            "metoder som bygger på den.",
            CRITIQUE: CRITIQUE_HINT,
            "Om kildene": "Hva siden bygger på (f.eks. en sekundærkilde), og hvor leseren finner originalen.",
        },
    ),
    PageKind(
        "metode",
        "metoder",
        "Metoder",
        "metoder",
        map_label="Metode",
        map_layer=2,
        map_fill="#e6f4e7",
        map_border="#2e7d32",
        json_ld="Article",
        genre="metode",
        headings=("Verdier og prinsipper", "Slik gjøres det", "Hva sier forskningen?", CRITIQUE),
        hints={
            "Verdier og prinsipper": "Hva metoden vil, og holdningen bak.",
            "Slik gjøres det": "Hvordan metoden brukes i praksis.",
            "Hva sier forskningen?": "Hva studiene viser, og hvor sterkt kunnskapsgrunnlaget er.",
            CRITIQUE: CRITIQUE_HINT,
        },
    ),
    PageKind(
        "artikkel",
        "forskning",
        "Forskning",
        "artikler",
        map_label="Forskning",
        map_layer=3,
        map_fill="#fdf3d8",
        map_border="#8a5a00",
        json_ld="Article",
        genre="forskningssammendrag",
        headings=("Sammendrag", "Funn", "Betydning for praksis", "Begrensninger"),
        hints={
            "Sammendrag": "Hva studien handler om, med egne ord.",
            "Funn": "Hva studien fant.",
            "Betydning for praksis": "Hva funnene betyr for den som hjelper.",
            "Begrensninger": "Hva studien kan og ikke kan bære.",
        },
    ),
    PageKind(
        "tema",
        "temaer",
        "Temaer",
        "temaer",
        map_label="Tema",
        map_layer=4,
        map_fill="#fce8ef",
        map_border="#ad1457",
        json_ld="Article",
        genre="tema",
        headings=("Spørsmålet", "Perspektiver", "Syntese"),
        hints={
            "Spørsmålet": "Det praktiske spørsmålet siden svarer på.",
            "Perspektiver": "Hva teoriene, metodene og forskningen bidrar med.",
            "Syntese": "Hvordan det henger sammen, og hva det betyr i praksis.",
        },
    ),
    PageKind("side", "om", "Om", "sider", content=False),
)

RELATION_KINDS: tuple[RelationKind, ...] = (
    RelationKind("bygger_på", "Bygger på", "Grunnlag for", True, "#1f5fa8", "", "#8ab4f8"),
    RelationKind("støttes_av", "Støttes av", "Gir støtte til", True, "#2e7d32", "10 5", "#81c995"),
    RelationKind("utfordres_av", "Utfordres av", "Utfordrer", True, "#c62828", "4 3", "#f28b82"),
    RelationKind("brukes_i", "Brukes i", "Bruker", True, "#7b1fa2", "12 4 2 4", "#d7aefb"),
    RelationKind("relatert", "Relatert", "Relatert", False, "#5f6368", "1 5", "#bdc1c6"),
)

KINDS: dict[str, PageKind] = {kind.name: kind for kind in PAGE_KINDS}
RELATIONS: dict[str, RelationKind] = {kind.name: kind for kind in RELATION_KINDS}
CONTENT_TYPES: tuple[str, ...] = tuple(kind.name for kind in PAGE_KINDS if kind.content)
MAP_TYPES: tuple[str, ...] = tuple(k.name for k in sorted(PAGE_KINDS, key=lambda k: k.map_layer) if k.content)
SYMMETRIC = "relatert"  # the one relation that may stand on both pages

# Sections the hooks write on a page: heading text -> its fixed id. An editor's heading
# with the same address would silently become "#kilder_1", so the rules refuse them.
GENERATED_SECTIONS: dict[str, str] = {
    "Siter denne siden": "siter-denne-siden",
    "Sammenhenger": "sammenhenger",
    "Sider som lenker hit": "sider-som-lenker-hit",
    "Kilder": "kilder",
}

_NORWEGIAN_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def ascii_letters(text: str) -> str:
    """'Sjursæther, Møller, Åkerblom' -> 'Sjursaether, Moller, Akerblom': æ → ae, ø → o,
    å → a, other accents dropped (ä → a, é → e). The one rule for file names, heading
    ids, .bib keys and class names, as CONTRIBUTING.md documents it."""
    text = unicodedata.normalize("NFKD", text.translate(_NORWEGIAN_ASCII))
    return text.encode("ascii", "ignore").decode("ascii")


def section_heading(title: str) -> str:
    """The Markdown heading of a generated section, with its fixed id, out of search."""
    return f"## {title} {{#{GENERATED_SECTIONS[title]} data-search-exclude}}"


def before_generated_sections(markdown: str, block: str) -> str:
    """`block` at the end of the page's own text: before the first generated section
    (Sammenhenger, Sider som lenker hit, Kilder ...), or at the end when there is none.
    For text a hook writes as the page's body, such as the bibliography on Litteratur."""
    starts = [markdown.find("\n" + section_heading(title)) for title in GENERATED_SECTIONS]
    at = min((i for i in starts if i >= 0), default=-1)
    if at < 0:
        return markdown.rstrip("\n") + "\n\n" + block + "\n"
    return markdown[:at].rstrip("\n") + "\n\n" + block + "\n\n" + markdown[at + 1 :]
