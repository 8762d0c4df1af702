"""New pages from the page rules: file name, skeleton and place in the navigation.

The skeleton's headings and hints come from `kinds.PAGE_KINDS`, the table the build's
rules read too, so a template can never disagree with what the build checks. Its placeholders (a citation key that does not
exist, a relation to write, the review date) make the build refuse the page until the text is
written and checked.
"""

from __future__ import annotations

import re

from tilfriskning.kinds import KINDS, ascii_letters
from tilfriskning.rules import CARD_KINDS


def file_name(title: str) -> str:
    """'Å styrke brukeren' -> 'a-styrke-brukeren.md' (the site's address rules)."""
    name = ascii_letters(title.lower())
    name = re.sub(r"[^a-z0-9]+", "-", name).strip("-")
    return (name or "ny-side") + ".md"


def skeleton(page_type: str, title: str, description: str) -> str:
    """A page of `page_type` with front matter, an ingress and the type's headings."""
    title_yaml = title.replace('"', '\\"')
    lines = ["---", f'title: "{title_yaml}"', f'description: "{description}"', f"type: {page_type}"]
    if page_type != "side":
        lines += ["tags:", f"  - {title.lower()}", "relations:", "  relatert:", "    - skriv/stien-til-en-side.md"]
    if page_type == "artikkel":
        lines += [
            "kilde: nokkel",
            "faktaboks:",
            '  formål: "Skriv formålet."',
            '  metode: "Skriv metoden."',
            '  deltakere: "Skriv hvem som deltok."',
            '  alder: "Ikke oppgitt"',
            "  temaer:",
            "    - skriv et tema",
        ]
    if KINDS[page_type].content:
        lines += [
            "kort_fortalt:",
            '  - "Skriv 3–5 korte punkter med sidens innhold; hvert slutter med siteringen som belegger det i teksten [@nokkel, s. 1]."',
            '  - "Punkt to, med siteringen fra teksten [@nokkel, s. 1]."',
            '  - "Punkt tre, med siteringen fra teksten [@nokkel, s. 1]."',
        ]
    if page_type in CARD_KINDS:
        lines += [
            "til_samtalen:",
            "  gjør:",
            '    - "Hva kildene beskriver at fagfolk gjør [@nokkel, s. 1]."',
            "  spør:",
            '    - "Et spørsmål kildene gir; fjern «spør» hvis kildene ikke gir noe [@nokkel, s. 1]."',
            "  unngå:",
            '    - "Hva kildene advarer mot [@nokkel, s. 1]."',
        ]
    if KINDS[page_type].content:
        lines += ["faglig_vurdert: ÅÅÅÅ-MM-DD  # dagen du kontrollerte påstandene mot kildene"]
    lines += ["---", "", "Skriv en ingress på 1–3 setninger som forklarer hva siden handler om [@nokkel, s. 1].", ""]
    kind = KINDS[page_type]
    for item in kind.headings:
        heading = item[-1] if isinstance(item, tuple) else item  # of two choices, the last
        lines += [f"## {heading}", "", kind.hints.get(heading, "Skriv teksten her.") + " [@nokkel, s. 1]", ""]
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
