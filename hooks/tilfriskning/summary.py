"""«Kort fortalt», «Til samtalen» and «Sist faglig vurdert», as Markdown and plain text (pure).

A content page's front matter holds `kort_fortalt` (3-5 points, each ending with the
citation that backs it in the text below) and, on method and practice pages,
`til_samtalen` (what the sources describe doing, questions to ask, what they warn
against). This module turns them into the boxes the summary hook puts on the page, into
the cards of the printable card page, and into plain text for link previews; and it
says when a page's `faglig_vurdert` date is old enough to warn the reader.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from .source import CITATION_BLOCK_RE, parse_citations

SUMMARY_TITLE = "Kort fortalt"
CARD_TITLE = "Til samtalen"
CARD_PAGE = "samtalekort.md"  # the printable page with every card
CARD_MARKER = "<!-- samtalekort: fylles av hooks/summary.py -->"  # where the hook puts the cards on that page
# (front-matter key, heading on the card), in the card's order
CARD_PARTS = (
    ("gjør", "Det kildene beskriver at fagfolk gjør"),
    ("spør", "Spørsmål fra kildene"),
    ("unngå", "Det kildene advarer mot"),
)
OWN_JUDGEMENT = "Nettstedets vurdering:"
REVIEW_AFTER_DAYS = 730  # two years: then the page says so, and the editors' tools list it
PREVIEW_LENGTH = 300  # characters of the link preview (Open Graph description)


@dataclass(frozen=True)
class Card:
    path: str  # docs-relative path of the page the card belongs to
    title: str
    parts: dict  # the page's `til_samtalen`


def citation_blocks(text: str) -> list[str]:
    """The citation blocks in one point, exactly as written (`[@a, s. 2]`, `[@a; @b]`)."""
    return [m.group(0) for m in CITATION_BLOCK_RE.finditer(text) if parse_citations(m.group(1))]


def plain(text: str) -> str:
    """A point without its citations and Markdown emphasis, for previews and meta tags."""
    text = CITATION_BLOCK_RE.sub(lambda m: "" if parse_citations(m.group(1)) else m.group(0), text)
    text = re.sub(r"(?<!!)\[([^\]\n]+)\]\([^)\n]*\)", r"\1", text)  # a link is its text in a preview
    text = re.sub(r"(\*\*|\*|__|_)(\S(?:.*?\S)?)\1", r"\2", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(text.split()))
    return text.strip()


def preview(points: list[str], limit: int = PREVIEW_LENGTH) -> str:
    """The points as one plain paragraph, cut at a word before `limit` characters."""
    text = " ".join(plain(p) for p in points)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _indented(lines: list[str]) -> str:
    return "\n".join(f"    {line}" if line else "" for line in lines)


def summary_box(points: list[str]) -> str:
    """The «Kort fortalt» box: an admonition Material styles, with the points as a list."""
    return f'!!! kort-fortalt "{SUMMARY_TITLE}"\n\n' + _indented([f"- {' '.join(p.split())}" for p in points])


def _card_body(parts: dict) -> list[str]:
    lines: list[str] = []
    for key, heading in CARD_PARTS:
        items = parts.get(key) or []
        if items:
            lines += [f"**{heading}**", ""] + [f"- {' '.join(str(i).split())}" for i in items] + [""]
    return lines


def card(parts: dict, from_path: str, card_page_exists: bool = True) -> str:
    """The «Til samtalen» card on its own page, with a link to all cards for printing."""
    lines = _card_body(parts)
    if card_page_exists:
        link = posixpath.relpath(CARD_PAGE, posixpath.dirname(from_path) or ".")
        lines.append(f"[Alle samtalekortene, klare til utskrift]({link})")
    return f'!!! samtalekort "{CARD_TITLE}"\n\n' + _indented(lines)


def card_page(cards: list[Card], from_path: str = CARD_PAGE) -> str:
    """Every card, titled with and linked to its page, in title order (the printable page)."""
    blocks = []
    for one in sorted(cards, key=lambda c: c.title):
        link = posixpath.relpath(one.path, posixpath.dirname(from_path) or ".")
        title = one.title.replace('"', "'")
        body = _card_body(one.parts) + [f"Fra siden [{one.title}]({link})."]
        blocks.append(f'!!! samtalekort "{CARD_TITLE}: {title}"\n\n' + _indented(body))
    return '<div class="samtalekort-ark" markdown>\n\n' + "\n\n".join(blocks) + "\n\n</div>"


def insert_at_top(markdown: str, block: str) -> str:
    """Put `block` first on the page, right under the title."""
    return block + "\n\n" + markdown.lstrip("\n")


def review_date(value) -> dt.date | None:
    """`faglig_vurdert` as a date (YAML gives a date; a quoted value is a string), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def review_due(reviewed: dt.date, today: dt.date) -> bool:
    """More than two years since the page's claims were last checked against its sources."""
    return (today - reviewed).days > REVIEW_AFTER_DAYS


def due_for_review(reviewed: dict[str, dt.date], today: dt.date) -> list[tuple[str, dt.date]]:
    """(page, date) of every page whose last review is more than two years old, oldest first."""
    return sorted(((p, d) for p, d in reviewed.items() if review_due(d, today)), key=lambda item: (item[1], item[0]))


def review_notice(reviewed_text: str) -> str:
    """The calm notice on a page not reviewed for more than two years."""
    return (
        '!!! note "Eldre gjennomgang"\n\n'
        f"    Påstandene på denne siden ble sist kontrollert mot kildene {reviewed_text}, for mer enn to år siden. "
        "Noe kan ha endret seg siden da; se gjerne etter nyere utgaver av kildene."
    )
