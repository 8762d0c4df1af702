"""The "Siter denne siden" box and the page metadata reference managers read (pure)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from .citethis import SITE_NAME
from .kinds import KINDS

LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


def secondary_example(citation_text: str, year: int) -> str | None:
    """'(Skjefstad, 2012, s. 56)' -> '(Skjefstad, 2012, sitert i Tilfriskning, 2026)'."""
    inner = re.sub(r"<[^>]+>", "", citation_text).strip()
    match = re.match(r"^\((?:se |jf\. )?(.+?, (?:\d{4}[a-z]?|u\.å\.))(?:[,;].*)?\)$", html.unescape(inner))
    return f"({match.group(1)}, sitert i {SITE_NAME}, {year})" if match else None


def cite_box(path: str, bibtex: str, changed: str, source_url: str | None, commit: str | None, example: str | None) -> str:
    """HTML for the box; the APA string itself is a placeholder the citation hook fills."""
    parts = [
        '<div class="siter-side">',
        '<p class="siter-apa"><span id="siter-apa-tekst">'
        f'<span class="tf-sidereferanse" data-side="{html.escape(path, quote=True)}"></span></span>'
        ' <button type="button" class="siter-kopier" data-clipboard-target="#siter-apa-tekst" '
        'aria-label="Kopier referansen (Norsk APA 7)">Kopier</button></p>',
        f'<p class="siter-info">Norsk APA 7. Datoen er da siden sist ble endret ({changed}).',
    ]
    if source_url and commit:
        parts.append(
            f' Denne versjonen av teksten ligger fast i <a href="{html.escape(source_url, quote=True)}" '
            f'rel="noopener">kildefilen ved versjon {commit[:7]}</a>, som ikke endres.'
        )
    parts.append("</p>")
    parts.append(
        '<details class="siter-bibtex"><summary>BibTeX for referanseprogrammer (Zotero, EndNote …)</summary>'
        f"<pre><code>{html.escape(bibtex)}</code></pre></details>"
    )
    if example:
        parts.append(
            '<p class="siter-sitert-i">Siden gjengir verk som ikke er lest i original her. Vil du bruke et av dem, '
            "les originalen først, eller oppgi at du fant det her (APA 7: «sitert i»), for eksempel "
            f"{html.escape(example)}.</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def citation_meta(
    title: str, authors: list[str] | None, changed: dt.date, url: str, description: str
) -> list[tuple[str, str, str]]:
    """(attribute, name, content) for Highwire/Google Scholar, Dublin Core-free, and Open Graph tags."""
    tags = [("name", "citation_title", title)]
    for name in authors or [SITE_NAME]:
        tags.append(("name", "citation_author", name))
    tags += [
        ("name", "citation_publication_date", changed.strftime("%Y/%m/%d")),
        ("name", "citation_date", changed.strftime("%Y/%m/%d")),
        ("name", "citation_language", "no"),
        ("name", "citation_publisher", SITE_NAME),
        ("name", "citation_public_url", url),
        ("property", "og:type", "article"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:site_name", SITE_NAME),
        ("property", "og:locale", "nb_NO"),
    ]
    return tags


def json_ld(
    page_type: str,
    title: str,
    description: str,
    url: str,
    changed: dt.date,
    authors: list[str] | None,
    tags: list[str],
    cited: list[str],
    about: dict | None = None,
) -> str:
    """schema.org JSON-LD fitting the page type (a concept is a DefinedTerm, a theory, method,
    research summary or theme an Article, other pages WebPage)."""
    kind = KINDS[page_type].json_ld if page_type in KINDS else "WebPage"
    author = [{"@type": "Person", "name": n} for n in authors] if authors else {"@type": "Organization", "name": SITE_NAME}
    data: dict = {"@context": "https://schema.org", "@type": kind, "url": url, "inLanguage": "nb", "description": description}
    if kind == "DefinedTerm":
        data.update(
            name=title,
            inDefinedTermSet={"@type": "DefinedTermSet", "name": f"{SITE_NAME}: begreper"},
            subjectOf={
                "@type": "WebPage",
                "url": url,
                "dateModified": changed.isoformat(),
                "author": author,
                "license": LICENSE_URL,
            },
        )
    else:
        data.update(
            name=title,
            dateModified=changed.isoformat(),
            author=author,
            license=LICENSE_URL,
            publisher={"@type": "Organization", "name": SITE_NAME},
        )
        if kind == "Article":
            data.update(headline=title, genre=KINDS[page_type].genre or page_type)
    if tags:
        data["keywords"] = ", ".join(tags)
    if cited:
        data["citation"] = cited
    if about:
        data["about"] = about
    return json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")
