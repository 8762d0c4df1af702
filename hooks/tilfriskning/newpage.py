"""New pages from the page rules: file name, skeleton and place in the navigation.

The skeleton's headings come from `pages.REQUIRED_HEADINGS`, so a template can never
disagree with what the build checks. Its placeholders (a citation key that does not
exist, a relation to write) make the build refuse the page until the text is written.
"""

from __future__ import annotations

import re

from .pages import REQUIRED_HEADINGS, THEORY_ENDINGS

FOLDERS = {"begrep": "begreper", "teori": "teorier", "metode": "metoder", "artikkel": "forskning",
           "tema": "temaer", "side": "om"}
NAV_SECTIONS = {"begrep": "Begreper", "teori": "Teorier", "metode": "Metoder", "artikkel": "Forskning",
                "tema": "Temaer", "side": "Om"}
HINTS = {
    "Bakgrunn": "Hvor teorien kommer fra, og hvorfor den er med her.",
    "Sentrale begreper": "Én «###»-overskrift for hvert begrep.",
    "Betydning for sosialt arbeid": "Hva teorien betyr i arbeid med personer i tilfriskning, og hvilke metoder som bygger på den.",
    "Verdier og prinsipper": "Hva metoden vil, og holdningen bak.",
    "Slik gjøres det": "Hvordan metoden brukes i praksis.",
    "Hva sier forskningen?": "Hva studiene viser, og hvor sterkt kunnskapsgrunnlaget er.",
    "Kritikk og begrensninger": "Innvendinger og grenser, med kilder.",
    "Sammendrag": "Hva studien handler om, med egne ord.",
    "Funn": "Hva studien fant.",
    "Betydning for praksis": "Hva funnene betyr for den som hjelper.",
    "Begrensninger": "Hva studien kan og ikke kan bære.",
    "Spørsmålet": "Det praktiske spørsmålet siden svarer på.",
    "Perspektiver": "Hva teoriene, metodene og forskningen bidrar med.",
    "Syntese": "Hvordan det henger sammen, og hva det betyr i praksis.",
    "I praksis": "Hva begrepet betyr for den som hjelper.",
    "Om kildene": "Hva siden bygger på (f.eks. en sekundærkilde), og hvor leseren finner originalen.",
}


def file_name(title: str) -> str:
    """'Å styrke brukeren' -> 'a-styrke-brukeren.md' (the site's address rules)."""
    name = title.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    name = re.sub(r"[^a-z0-9]+", "-", name).strip("-")
    return (name or "ny-side") + ".md"


def skeleton(page_type: str, title: str, description: str) -> str:
    """A page of `page_type` with front matter, an ingress and the type's headings."""
    title_yaml = title.replace('"', '\\"')
    lines = ["---", f'title: "{title_yaml}"', f'description: "{description}"', f"type: {page_type}"]
    if page_type != "side":
        lines += ["tags:", f"  - {title.lower()}", "relations:", "  relatert:", "    - skriv/stien-til-en-side.md"]
    if page_type == "artikkel":
        lines += ["kilde: nokkel", "faktaboks:", '  formål: "Skriv formålet."', '  metode: "Skriv metoden."',
                  '  deltakere: "Skriv hvem som deltok."', '  alder: "Ikke oppgitt"', "  temaer:", "    - skriv et tema"]
    lines += ["---", "", "Skriv en ingress på 1–3 setninger som forklarer hva siden handler om [@nokkel, s. 1].", ""]
    for item in REQUIRED_HEADINGS.get(page_type, ()):
        heading = THEORY_ENDINGS[1] if item == THEORY_ENDINGS else item
        lines += [f"## {heading}", "", HINTS.get(heading, "Skriv teksten her.") + " [@nokkel, s. 1]", ""]
        if heading == "Sentrale begreper":
            lines += ["### Et begrep", "", "Skriv om begrepet. [@nokkel, s. 1]", ""]
    lines += ["<!-- Kilder-listen, sammenhengene og lenkene hit lages automatisk. -->", ""]
    return "\n".join(lines)


def add_to_nav(config_text: str, section: str, path: str) -> str:
    """Insert `path` as the last item of the nav section titled `section` (created if missing)."""
    lines = config_text.split("\n")
    try:
        start = lines.index("nav:")
    except ValueError:
        raise ValueError("fant ikke «nav:» i mkdocs.yml") from None
    header = f"  - {section}:"
    if header in lines[start:]:
        at = lines.index(header, start) + 1
        while at < len(lines) and lines[at].startswith("      "):
            at += 1
        lines.insert(at, f"      - {path}")
    else:
        at = start + 1
        while at < len(lines) and lines[at].startswith("  "):
            at += 1
        lines[at:at] = [header, f"      - {path}"]
    return "\n".join(lines)
