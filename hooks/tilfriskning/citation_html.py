"""HTML for citations, a page's Kilder list and the Litteratur page (pure functions).

Input is pandoc's formatted HTML (see citeproc.py) and each entry's status from the
.bib; output is the markup the citation hook puts into pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .citeproc import short_label

REF_HREF_RE = re.compile(r'<a href="#ref-([^"]+)" role="doc-biblioref">')
PLACEHOLDER_RE = re.compile(r'<span class="tf-referanse" data-kilde="([a-z0-9]+)"></span>')
PAGE_PLACEHOLDER_RE = re.compile(r'<span class="tf-sidereferanse" data-side="([^"]+)"></span>')
INCOMPLETE = "Ufullstendige opplysninger"
UNCHECKED = "Ikke kontrollert mot originalen"
PARTLY = "Delvis kontrollert mot originalen"


@dataclass(frozen=True)
class EntryStatus:
    """What the lists need to know of an entry: metadata verified, and how much of the original
    was read ("yes", "partly" or "no", the .bib's source_checked) and what (source_note).
    `bib.Entry`, which the citation hook passes, has the same attributes."""

    verified: bool
    checked: str
    note: str = ""

    @property
    def source_checked(self) -> bool:
        return self.checked == "yes"


@dataclass(frozen=True)
class CitingPage:
    title: str
    url: str


def kilde_id(key: str) -> str:
    return f"kilde-{key}"


def citation_html(pandoc_html: str) -> str:
    """Point each work in a parenthetical citation at the page's Kilder entry.

    The class `footnote-ref` makes Material's footnote tooltips show the full reference
    on hover and keyboard focus (content.footnote.tooltips); `sitering` restyles it so
    it reads as APA, not as a superscript footnote.
    """
    return REF_HREF_RE.sub(
        lambda m: f'<a class="sitering footnote-ref" href="#{kilde_id(m.group(1))}" role="doc-biblioref">',
        pandoc_html,
    )


def _badges(status: EntryStatus, show_unchecked: bool) -> str:
    """Markers for an entry, without a tooltip: each is explained in text, in a sentence below
    a page's Kilder list (`kilder_html`); on Litteratur by its introduction and, for a partly
    read work, the entry's «Lest i original» line. A tooltip on a marker reaches only a mouse
    (a marker can't be focused, a phone can't hover), and Material mounts one for each (57 on
    the overdose page cost about 150 ms of script on a phone, Lighthouse)."""

    def badge(kind: str, text: str) -> str:
        return f'<span class="kilde-merke kilde-merke--{kind}">{text}</span>'

    out = []
    if not status.verified:
        out.append(badge("ufullstendig", INCOMPLETE))
    if status.checked == "partly":
        out.append(badge("delvis", PARTLY))
    elif show_unchecked and status.checked != "yes":
        out.append(badge("ukontrollert", UNCHECKED))
    return " ".join(out)


def kilder_html(
    keys: list[str],
    references: dict[str, str],
    statuses: dict[str, EntryStatus],
    litteratur_url: str | None,
    thesis_key: str | None = None,
    thesis_url: str | None = None,
) -> str:
    """The page's reference list: alphabetical (pandoc's order), unnumbered, with markers.

    `keys` must already be in reference-list order. `thesis_key` is the 2022 thesis the
    other works were read through: when every other work on the page was read only
    through it, one sentence says so instead of a marker on every entry.
    """
    unchecked = [k for k in keys if statuses[k].checked == "no"]
    read_others = [k for k in keys if statuses[k].checked != "no" and k != thesis_key]
    mark_unchecked = bool(unchecked and read_others)
    items = []
    for key in keys:
        parts = [f'<span class="kilde-tekst">{references[key]}</span>']
        badges = _badges(statuses[key], mark_unchecked)
        if badges:
            parts.append(badges)
        if litteratur_url:
            label = html.escape(f"{short_label(references[key])} i Litteratur", quote=True)
            parts.append(f'<a class="kilde-litteratur" href="{litteratur_url}#{key}" aria-label="{label}">Litteratur</a>')
        items.append(f'<li id="{kilde_id(key)}" class="kilde">{" ".join(parts)}</li>')
    out = ['<ul class="kilder">', *items, "</ul>"]
    notes = []
    if unchecked:
        thesis_cited = thesis_key in keys
        if thesis_cited:
            thesis = "bacheloroppgaven fra 2022"
        else:
            thesis = "en bacheloroppgave i sosialt arbeid fra 2022"
        if thesis_url:
            thesis = f'<a href="{thesis_url}">{thesis}</a>'
        if mark_unchecked:
            notes.append(f"Verkene merket «{UNCHECKED.lower()}» er gjengitt slik {thesis} beskriver dem.")
        elif thesis_cited:
            notes.append(
                f"Bortsett fra {thesis} er verkene i listen gjengitt slik oppgaven beskriver dem, "
                "og ikke kontrollert mot originalene."
            )
        else:
            notes.append(f"Verkene i listen er gjengitt slik {thesis} beskriver dem, og ikke kontrollert mot originalene.")
    if any(not statuses[k].verified for k in keys):
        notes.append(f"«{INCOMPLETE}» betyr at noen bibliografiske opplysninger om verket mangler eller ikke er bekreftet.")
    if any(statuses[k].checked == "partly" for k in keys):
        notes.append(
            f"«{PARTLY}» betyr at bare en del av originalen er lest, for eksempel sammendraget; "
            "i Litteratur står det hva som er lest."
        )
    out += [f'<p class="kilder-merknad">{note}</p>' for note in notes]
    return "\n".join(out)


def _page_links(pages: list[CitingPage]) -> str:
    return ", ".join(f'<a href="{p.url}">{html.escape(p.title)}</a>' for p in pages)


def litteratur_html(
    order: list[str],
    references: dict[str, str],
    statuses: dict[str, EntryStatus],
    citing: dict[str, list[CitingPage]],
    recommending: dict[str, list[CitingPage]] | None = None,
    bibtex: dict[str, str] | None = None,
) -> str:
    """The full bibliography: every entry, anchored by its key, with the pages citing it
    (and those recommending it as further reading) and its BibTeX to copy."""
    items = []
    for key in order:
        pages = citing.get(key, [])
        recommended = (recommending or {}).get(key, [])
        if pages:
            cited = f'<span class="sitert-pa">Sitert på: {_page_links(pages)}.</span>'
        elif recommended:
            cited = f'<span class="sitert-pa">Anbefalt som videre lesning på: {_page_links(recommended)}.</span>'
        else:
            cited = '<span class="sitert-pa">Ikke sitert på noen side ennå.</span>'
        badges = _badges(statuses[key], True)
        note = statuses[key].note
        read = f' <span class="kilde-lest">Lest i original: {html.escape(note)}</span>' if note else ""
        source = (bibtex or {}).get(key)
        # one copy button per entry, handled by Material's single clipboard listener; a code
        # block or <details> per entry makes Material mount components for each, which for
        # the whole bibliography costs a phone a second of script (Lighthouse)
        code = (
            (
                f' <button type="button" class="siter-kopier litteratur-bibtex" '
                f'data-clipboard-text="{html.escape(source, quote=True)}" '
                f'aria-label="Kopier BibTeX for {key}">Kopier BibTeX</button>'
            )
            if source
            else ""
        )
        items.append(
            f'<li id="{key}" class="kilde"><span class="kilde-tekst">{references[key]}</span>'
            + (f" {badges}" if badges else "")
            + f"{read} {cited}{code}</li>"
        )
    # not searched (as before the list moved into the page's body): a word from a title finds
    # the pages that cite the work, and the index stays the size of the site's own text
    return "\n".join(['<ul class="litteratur" data-search-exclude>', *items, "</ul>"])


def download_paragraph(download_url: str) -> str:
    """The link to download the whole .bib, above the bibliography (searched: «BibTeX» finds it)."""
    return (
        f'<p class="litteratur-last-ned"><a href="{download_url}" download>Last ned hele bibliografien '
        "som BibTeX (bibliography.bib)</a>, for Zotero, EndNote og andre referanseprogrammer.</p>"
    )


def fill_references(
    html_text: str, references: dict[str, str], statuses: dict[str, EntryStatus], litteratur_url: str | None
) -> str:
    """Replace each `<span class="tf-referanse" data-kilde="KEY"></span>` by the full reference.

    Its markers are explained below the page's Kilder list, which lists the work too
    (`Site.cited` counts an article's `kilde` as cited by its page)."""

    def full(match: re.Match) -> str:
        key = match.group(1)
        if key not in references:
            return match.group(0)
        parts = [f'<span class="tf-referanse">{references[key]}</span>']
        badges = _badges(statuses[key], True)
        if badges:
            parts.append(badges)
        if litteratur_url:
            parts.append(f'<a class="kilde-litteratur" href="{litteratur_url}#{key}">Litteratur</a>')
        return " ".join(parts)

    return PLACEHOLDER_RE.sub(full, html_text)


def fill_page_references(html_text: str, page_references: dict[str, str]) -> str:
    """Replace each `<span class="tf-sidereferanse" data-side="PATH"></span>` by how to cite that page."""
    return PAGE_PLACEHOLDER_RE.sub(
        lambda m: (
            f'<span class="tf-sidereferanse">{page_references[m.group(1)]}</span>'
            if m.group(1) in page_references
            else m.group(0)
        ),
        html_text,
    )
