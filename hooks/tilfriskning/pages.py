"""The rules every page must follow, as one pure function per page.

`check_page` returns the problems of one page: front matter against the JSON Schema
(`schema/frontmatter.schema.json`, the single definition of page metadata), then the
page rules of the content rules: required headings per type and their order, an
ingress, citations that exist and have a readable locator, relations to existing
content pages, an article's `kilde`, and links to files that exist. Anchors need the
rendered pages and are checked by `check_anchors` after rendering.
"""

from __future__ import annotations

import difflib
import functools
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator

from .kinds import CONTENT_TYPES, KINDS, RELATIONS, ascii_letters
from .problems import Problem
from .source import EXTERNAL_RE, FrontMatterError, SourcePage, front_matter_line, parse_page, resolve_link

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "frontmatter.schema.json"
GENERATED_HEADINGS = ("Kilder",)
LITTERATUR_PAGE = "litteratur.md"  # the full bibliography: one anchor per .bib key
ADDRESS_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*\.md$")  # lower-case ASCII, hyphens
MIN_LINKS_TO_OTHER_PAGES = 3
UNSAFE_HTML_RES = [
    (re.compile(r"<\s*(script|iframe|object|embed|frame|frameset)\b", re.I), "«<{0}>»"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "attributtet «{0}=»"),
    (re.compile(r"(javascript|vbscript|data)\s*:[^\s)\"']*", re.I), "en «{0}:»-lenke"),
]
LOCATOR_RE = re.compile(r"^(?:s\.|avsn\.)\s*\d[\w.,–\- ]*$")
TYPE_NAMES_NB = {
    "string": "tekst", "array": "en liste", "object": "felt med underfelt", "number": "et tall",
    "integer": "et heltall", "boolean": "ja/nei (true/false)", "null": "tom",
}


@dataclass(frozen=True)
class SiteIndex:
    """What a page may point at: pages (docs-relative path -> type), other files, .bib keys."""

    page_types: dict[str, str]
    files: frozenset[str] = field(default_factory=frozenset)
    bib_keys: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class AnchorLink:
    """A link with #anchor to check once pages are rendered."""

    source: str  # docs-relative path of the linking page
    target: str  # docs-relative path of the target page
    anchor: str
    line: int


@functools.lru_cache(maxsize=1)
def schema_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _kind(value) -> str:
    if isinstance(value, bool):
        return "ja/nei (true/false)"
    for name, kind in (("string", str), ("array", list), ("object", dict), ("number", (int, float))):
        if isinstance(value, kind):
            return TYPE_NAMES_NB[name]
    return "tom" if value is None else type(value).__name__


def _field_name(path) -> str:
    parts = []
    for part in path:
        parts.append(f"[{part + 1}]" if isinstance(part, int) else ("." if parts else "") + str(part))
    return "".join(parts) or "front matter"


def _schema_message(error, meta: dict) -> tuple[list[str], str]:
    """(where: the field's keys from the top, Norwegian message) for one jsonschema error."""
    path = list(error.absolute_path)
    name = _field_name(path)
    top = [str(part) for part in path if isinstance(part, str)]
    value = error.instance
    validator = error.validator
    schema = error.schema
    if validator == "required":
        missing = [f for f in error.validator_value if f not in (value or {})]
        page_type = meta.get("type")
        needed_by_type = page_type and not path and missing[0] not in ("title", "description", "type")
        extra = f" (påkrevd for type «{page_type}»)" if needed_by_type else ""
        where = f" under «{name}»" if path else ""
        return (top or [missing[0]]), f"mangler feltet «{missing[0]}»{where}{extra}; legg det til i front matter"
    if validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for extra in [k for k in value if k not in allowed]:
            close = difflib.get_close_matches(str(extra), allowed, n=1)
            hint = f"mente du «{close[0]}»?" if close else "tillatte felt er " + ", ".join(allowed)
            return top + [str(extra)], f"ukjent felt «{extra}»{' under «' + name + '»' if path else ''}; {hint}"
    if "propertyNames" in error.schema_path:
        allowed = ", ".join(schema.get("enum", [])) or ", ".join(RELATIONS)
        return top + [str(value)], f"ukjent relasjonstype «{value}» i «relations»; tillatt: {allowed}"
    if validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return top, f"«{name}» har verdien «{value}»; tillatt: {allowed}"
    if validator == "type":
        wanted = error.validator_value
        wanted = " eller ".join(TYPE_NAMES_NB.get(w, w) for w in (wanted if isinstance(wanted, list) else [wanted]))
        hint = "; sett verdien i anførselstegn" if isinstance(value, bool) or not isinstance(value, (str, list, dict)) else ""
        return top, f"«{name}» skal være {wanted}, men er {_kind(value)}{hint}"
    if validator == "maxLength":
        return top, f"«{name}» er {len(value)} tegn; høyst {error.validator_value} er lov, så forkort teksten"
    if validator == "minLength":
        return top, f"«{name}» er for kort; skriv minst {error.validator_value} tegn"
    if validator in ("minItems", "minProperties"):
        return top, f"«{name}» er tom; legg inn minst én verdi eller fjern feltet"
    if validator == "uniqueItems":
        return top, f"«{name}» har samme verdi flere ganger; fjern dublettene"
    if validator == "pattern":
        if top[:1] == ["relations"]:
            return top, (f"«{name}» er «{value}»; skriv stien til en side relativt til docs/, "
                         "med små bokstaver og uten #anker, f.eks. teorier/honneth.md")
        if top[:1] in (["forfattere"], ["fagansvarlig"]):
            return top, f"«{name}» er «{value}»; skriv navnet som «Etternavn, Fornavn»"
        if top == ["kilde"]:
            return top, f"«kilde» er «{value}»; en nøkkel har bare små bokstaver a–z og sifre"
        return top, f"«{name}» har feil form («{value}»)"
    if validator == "not" and not top:
        return [], "feltene «kilde» og «faktaboks» hører bare til sider av type artikkel; fjern dem"
    return top, f"«{name}»: {error.message}"


def _field_line(text: str, location: list[str]) -> int:
    """The front-matter line of a field: the top-level key, then each nested key below it."""
    lines = text.replace("\r\n", "\n").split("\n")
    found, start = 1, 1
    for depth, name in enumerate(location):
        indent = "" if depth == 0 else r"\s+(?:-\s+)?"
        for number in range(start, len(lines)):
            if lines[number].strip() == "---" or (depth and re.match(r"^\S", lines[number])):
                return found
            if re.match(rf"^{indent}{re.escape(name)}\s*:", lines[number]):
                found, start = number + 1, number + 1
                break
        else:
            return found
    return found


def check_front_matter(path: str, text: str, meta: dict) -> list[Problem]:
    problems = []
    for error in sorted(schema_validator().iter_errors(meta), key=lambda e: list(map(str, e.absolute_path))):
        location, message = _schema_message(error, meta)
        problems.append(Problem(path, _field_line(text, location), message))
    return problems


def _heading_order_problem(path: str, page: SourcePage, page_type: str) -> Problem | None:
    required = KINDS[page_type].headings
    h2 = [h for h in page.headings if h.level == 2]

    def label(item) -> str:
        return " eller ".join(f"«## {x}»" for x in item) if isinstance(item, tuple) else f"«## {item}»"

    def matches(item, text) -> bool:
        return text in item if isinstance(item, tuple) else text == item

    expected = ", ".join(label(i) for i in required)
    position = 0
    for heading in h2:
        if position < len(required) and matches(required[position], heading.text):
            position += 1
    if position == len(required):
        return None
    item = required[position]
    present = [h for h in h2 if matches(item, h.text)]
    if present:
        return Problem(path, present[0].line,
                       f"overskriften {label(item)} står i feil rekkefølge; type {page_type} krever {expected}")
    line = h2[-1].line if h2 else page.body_line
    order = " (i den rekkefølgen)" if len(required) > 1 else ""
    return Problem(path, line, f"mangler overskriften {label(item)}; type {page_type} krever {expected}{order}")


def check_body(path: str, page: SourcePage, page_type: str, index: SiteIndex) -> tuple[list[Problem], list[AnchorLink]]:
    """Page rules for the body: headings, ingress, citations, relations, links."""
    problems: list[Problem] = []
    anchors: list[AnchorLink] = []
    for heading in page.headings:
        if heading.level == 1:
            problems.append(Problem(path, heading.line,
                                    f"overskrift på nivå 1 («# {heading.text}»); tittelen kommer fra title i front matter, "
                                    "så bruk «##» for avsnitt"))
        if heading.level == 2 and heading.text in GENERATED_HEADINGS:
            problems.append(Problem(path, heading.line,
                                    f"«## {heading.text}» lages automatisk fra siteringene; fjern overskriften"))
    blanked = page.blanked
    for pattern, what in UNSAFE_HTML_RES:
        for match in pattern.finditer(blanked):
            if what.startswith("en ") and not re.search(r"(href|src)\s*=\s*[\"']?\s*$|\]\(\s*$", blanked[:match.start()][-40:]):
                continue  # only a link target can run script
            line = page.body_line + blanked[: match.start()].count("\n")
            problems.append(Problem(path, line, f"{what.format(match.group(1).lower())} kan kjøre skript i "
                                                "leserens nettleser og er ikke tillatt; fjern det"))
    for command in ("\\bibliography", "\\full_bibliography"):
        if command in page.body:
            line = page.body_line + page.body[: page.body.index(command)].count("\n")
            problems.append(Problem(path, line, f"«{command}» trengs ikke: kildelisten lages automatisk; fjern den"))

    if page_type in CONTENT_TYPES:
        first = next((line for line in page.body.split("\n") if line.strip()), "")
        if not first or first.lstrip().startswith("#"):
            problems.append(Problem(path, page.body_line,
                                    "siden mangler ingress; begynn med et avsnitt på 1–3 setninger før første overskrift"))
        order = _heading_order_problem(path, page, page_type)
        if order:
            problems.append(order)
        if page_type == "teori":
            problems.extend(_theory_subheadings(path, page))
        if not page.citation_blocks:
            problems.append(Problem(path, page.body_line,
                                    "siden siterer ingen kilder; belegg påstandene med f.eks. [@nokkel, s. 12]"))

    for block in page.citation_blocks:
        problems.extend(_citation_problems(path, block, index))
    for line in page.split_citation_lines:
        problems.append(Problem(path, line, "en sitering er delt over to linjer; skriv hele [@…] på én linje"))

    relations = page.meta.get("relations")
    if isinstance(relations, dict):
        for targets in relations.values():
            for target in targets if isinstance(targets, list) else []:
                if not isinstance(target, str):
                    continue
                line = front_matter_line(page, target)
                if target == path:
                    problems.append(Problem(path, line, f"relasjonen til «{target}» peker på siden selv; fjern den"))
                elif target not in index.page_types:
                    close = difflib.get_close_matches(target, list(index.page_types), n=1)
                    hint = f"mente du «{close[0]}»?" if close else "sjekk stien (relativt til docs/)"
                    problems.append(Problem(path, line, f"relasjonen peker på «{target}», som ikke finnes; {hint}"))
                elif index.page_types[target] == "":
                    continue  # that page's own front matter is reported; don't pile on
                elif index.page_types[target] not in CONTENT_TYPES:
                    problems.append(Problem(path, line,
                                            f"relasjonen peker på «{target}», som ikke er en innholdsside; "
                                            f"relasjoner går bare til {_content_plurals()}"))

    kilde = page.meta.get("kilde")
    if page_type == "artikkel" and isinstance(kilde, str) and kilde not in index.bib_keys:
        problems.append(Problem(path, front_matter_line(page, "kilde:"), _unknown_key_message(kilde, index)))

    linked_pages = set()
    for link in page.links:
        problem, anchor = _check_link(path, link, index)
        if problem:
            problems.append(problem)
        if anchor:
            anchors.append(anchor)
        target = _linked_page(path, link.target)
        if not problem and target in index.page_types and target != path:
            linked_pages.add(target)
    if page_type in CONTENT_TYPES and len(linked_pages) < MIN_LINKS_TO_OTHER_PAGES:
        problems.append(Problem(path, page.body_line,
                                f"siden lenker til {len(linked_pages)} andre sider i teksten; en innholdsside skal lenke "
                                f"til minst {MIN_LINKS_TO_OTHER_PAGES}, f.eks. [motivasjon](../begreper/motivasjon.md)"))
    return problems, anchors


def _content_plurals() -> str:
    """'begreper, teorier, metoder, artikler og temaer'."""
    *first, last = (KINDS[name].plural for name in CONTENT_TYPES)
    return f"{', '.join(first)} og {last}"


def _linked_page(path: str, target: str) -> str | None:
    """The docs-relative page a link points at, if it points at a .md page."""
    resolved = resolve_link(path, target)
    return resolved[0] if resolved and resolved[0].endswith(".md") else None


def _theory_subheadings(path: str, page: SourcePage) -> list[Problem]:
    headings = list(page.headings)
    for i, heading in enumerate(headings):
        if heading.level == 2 and heading.text == "Sentrale begreper":
            following = []
            for other in headings[i + 1:]:
                if other.level <= 2:
                    break
                following.append(other)
            if not any(h.level == 3 for h in following):
                return [Problem(path, heading.line,
                                "«## Sentrale begreper» trenger én «### …»-overskrift for hvert begrep")]
    return []


def _unknown_key_message(key: str, index: SiteIndex) -> str:
    close = difflib.get_close_matches(key, sorted(index.bib_keys), n=1, cutoff=0.6)
    fix = f"mente du «{close[0]}»? Rett" if close else "rett"
    return f"ukjent kildenøkkel «{key}»; {fix} nøkkelen, eller legg verket inn i bibliography.bib"


def _citation_problems(path: str, block, index: SiteIndex) -> list[Problem]:
    problems = []
    if block.in_link_text:
        problems.append(Problem(path, block.line,
                                f"siteringen {block.raw} står inne i en lenketekst; flytt den ut av [lenken](…)"))
    for citation in block.citations:
        if citation.key not in index.bib_keys:
            problems.append(Problem(path, block.line, _unknown_key_message(citation.key, index)))
        suffix = citation.suffix.strip()
        if suffix and not LOCATOR_RE.match(suffix):
            problems.append(Problem(path, block.line,
                                    f"sidehenvisningen «{suffix}» i {block.raw} blir ikke forstått; "
                                    "skriv f.eks. «s. 12», «s. 12-14» eller «avsn. 4.1»"))
    return problems


def _check_link(path: str, link, index: SiteIndex) -> tuple[Problem | None, AnchorLink | None]:
    target = link.target.strip()
    if not target or EXTERNAL_RE.match(target):
        return None, None
    if target.startswith("#"):
        return None, AnchorLink(path, path, target[1:], link.line)
    if target.startswith("/"):
        return Problem(path, link.line, f"lenken «{target}» er absolutt; skriv en relativ lenke til .md-filen, "
                                        "f.eks. ../teorier/honneth.md"), None
    resolved, anchor = resolve_link(path, target)
    file_part = target.partition("#")[0].split("?")[0]  # as written: "x/" and "x" say what was meant
    if resolved.startswith("../") or resolved == "..":
        return Problem(path, link.line, f"lenken «{target}» går ut av docs/; lenk til en side i nettstedet"), None
    if file_part.endswith(".md"):
        if resolved not in index.page_types:
            close = difflib.get_close_matches(resolved, list(index.page_types), n=1)
            hint = f"mente du «{posixpath.relpath(close[0], posixpath.dirname(path) or '.')}»?" if close else "sjekk stien"
            return Problem(path, link.line, f"lenken «{target}» peker på en side som ikke finnes; {hint}"), None
        return None, (AnchorLink(path, resolved, anchor, link.line) if anchor else None)
    if file_part.endswith("/") or "." not in posixpath.basename(file_part):
        return Problem(path, link.line, f"lenken «{target}» peker på en mappe eller adresse; lenk til .md-filen, "
                                        "f.eks. ../teorier/honneth.md"), None
    if resolved not in index.files:
        return Problem(path, link.line, f"lenken «{target}» peker på en fil som ikke finnes i docs/; sjekk navnet"), None
    return None, None


def address_problem(path: str) -> Problem | None:
    """File and folder names: lowercase ASCII with hyphens (æ → ae, ø → o, å → a)."""
    if ADDRESS_RE.match(path):
        return None
    stem = path[:-3] if path.endswith(".md") else path
    suggestion = re.sub(r"[^a-z0-9/]+", "-", ascii_letters(stem.lower()))
    suggestion = re.sub(r"-*/-*", "/", suggestion).strip("-") + ".md"
    return Problem(path, None, f"filnavnet blir en del av adressen og kan bare ha små bokstaver a–z, sifre og "
                               f"bindestrek; gi filen navnet «{suggestion}»")


def check_page(path: str, text: str, index: SiteIndex) -> tuple[list[Problem], list[AnchorLink]]:
    """All source-level problems of one page (docs-relative `path`)."""
    address = address_problem(path)
    try:
        page = parse_page(text)
    except FrontMatterError as error:
        return [Problem(path, error.line, error.message)] + ([address] if address else []), []
    problems = check_front_matter(path, text, page.meta) + ([address] if address else [])
    page_type = page.meta.get("type") if page.meta.get("type") in KINDS else None
    if page_type is None:
        return problems, []
    body_problems, anchors = check_body(path, page, page_type, index)
    return problems + body_problems, anchors


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
        problems.append(Problem(docs_prefix + link.source, link.line, f"ankeret «#{link.anchor}» finnes ikke {where}; {hint}"))
    return problems


def nav_paths(nav) -> set[str]:
    """Every page path named in MkDocs's `nav` setting (nested lists and titled entries)."""
    found: set[str] = set()
    if isinstance(nav, str):
        found.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            found |= nav_paths(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= nav_paths(value)
    return found


def check_navigation(pages: list[str], nav, config_name: str = "mkdocs.yml", docs_prefix: str = "docs/") -> list[Problem]:
    """Pages that no reader can reach from the navigation, and nav entries without a page."""
    if nav is None:
        return []
    listed = nav_paths(nav)
    problems = [
        Problem(docs_prefix + page, None, f"siden er ikke med i navigasjonen; legg den til under nav i {config_name}")
        for page in pages if page not in listed
    ]
    problems += [
        Problem(config_name, None, f"nav viser til «{entry}», som ikke finnes i docs/; rett stien eller fjern linjen")
        for entry in sorted(listed) if entry.endswith(".md") and entry not in pages
    ]
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
        if other is None or (name == "relatert" and other == "relatert"):
            continue
        # report once, on the weaker side (relatert), else on the second page of the pair
        if (name != "relatert" and other == "relatert") or (name != "relatert" and source < target):
            continue
        problems.append(Problem(
            docs_prefix + source, front_matter_line(pages[source], target),
            f"«{target}» er allerede koblet hit fra den siden ({other}); en relasjon står bare på én av "
            f"sidene, så fjern «{name}: {target}» her",
        ))
    return problems


def read_published(text: str) -> list[str]:
    """Paths from publiserte-adresser.txt (one per line; # starts a comment)."""
    return [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]


def check_published_addresses(published: list[str], pages: set[str], redirects: dict[str, str],
                              list_name: str = "publiserte-adresser.txt") -> list[Problem]:
    """A published address must still lead somewhere: to its page, or through a redirect."""
    problems = []
    for path in published:
        if path in pages or path in redirects:
            continue
        problems.append(Problem(list_name, None, f"«{path}» er publisert, men siden finnes ikke lenger; legg inn en "
                                                 f"omdirigering under redirects i mkdocs.yml, f.eks. «{path}: ny/sti.md»"))
    for source, target in sorted(redirects.items()):
        if target.split("#")[0] not in pages and "://" not in target:
            problems.append(Problem("mkdocs.yml", None, f"omdirigeringen fra «{source}» går til «{target}», som ikke finnes"))
        if source in pages:
            problems.append(Problem("mkdocs.yml", None, f"omdirigeringen fra «{source}» skjuler en side som finnes; "
                                                        "fjern omdirigeringen eller siden"))
    return problems
