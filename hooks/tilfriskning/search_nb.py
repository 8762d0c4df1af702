"""Norwegian search index: numbers and identifiers findable, the index out of the first visit (pure functions).

Material's search (lunr) matches every query word as a prefix. The reader's words are
stemmed on the query side (`overrides/assets/javascripts/workers/search_nb.js`, with
lunr's Norwegian Snowball stemmer), so "motivasjonen" searches "motivasjon*"; the index
keeps the page's own words, unstemmed and untrimmed. Without lunr's Norwegian trimmer
(which drops tokens made only of digits) the separator below splits at punctuation
instead, so "2023", "113" and "F1x.2" stay tokens. Identifiers joined by hyphens
("§ 2-5", "IS-1948", "ICD-10") cannot be one lunr query term (lunr's query parser splits
at "-"), so each page's entry also lists them joined by "_" in a field of its own, and
the worker rewrites "2-5" in a query to "2_5".

Material fetches `search/search_index.json` on every page load. That file becomes a stub
(the configuration without documents); the documents go to `FULL_INDEX`, which the
worker fetches when the search box first gets focus.
"""

from __future__ import annotations

import re

from tilfriskning.kinds import PAGE_KINDS

# The index Material fetches on every page load holds only the configuration; the
# documents are here, relative to the site root (a stable path: the service worker precaches it).
STUB_INDEX = "search/search_index.json"
FULL_INDEX = "search/search_index_nb.json"
IDENTIFIER_FIELD = "identifiers"
# What separates tokens, in the index and in queries (a JavaScript regular expression,
# given to Material as `separator`): anything but letters, digits, "§" and "_", and a full
# stop unless a digit follows ("F1x.2", "2.5" stay whole; "i 2023." does not keep its stop).
SEPARATOR = r"[^0-9A-Za-z\u00C0-\u024F§_.]+|\.(?!\d)"
# Concept pages define the terms the other pages use: where a query matches several pages
# about equally (seven pages are tagged "tilfriskning"), the concept page comes first.
# Small: a tie-breaker, not a ranking of its own.
CONCEPT_BOOST = 1.1
CONCEPT_FOLDERS = tuple(f"{kind.folder}/" for kind in PAGE_KINDS if kind.name == "begrep")
TAG_RE = re.compile(r"<[^>]+>")
# words joined by hyphens (or the en dash of a span) of which at least one part has a digit:
# 2-5, IS-1948, ICD-10, 2-1a, 2016–2017
IDENTIFIER_RE = re.compile(r"(?<![\w\-–])(?=[\w\-–]*\d)\w+(?:[-–]\w+)+(?![\w\-–])")
# a law section with a letter, written apart: "§ 10 a", "§ 3-7 a" (the worker joins "§ 10 a" in a query
# the same way); a to h only, so that "§ 2-5 i loven" is not taken for a section "2-5 i"
LAW_LETTER_RE = re.compile(r"§§?\s*(\d+(?:-\d+)?)\s([a-h])(?![\w-])")


def identifiers(html: str) -> list[str]:
    """Hyphenated identifiers and lettered law sections in `html`, lowercase, joined by "_",
    each once: first the identifiers in order, then the sections ("§ 10 a" gives "10a")."""
    text = TAG_RE.sub(" ", html)
    joined = [match.lower().replace("-", "_").replace("–", "_") for match in IDENTIFIER_RE.findall(text)]
    sections = [f"{number.replace('-', '_')}{letter}" for number, letter in LAW_LETTER_RE.findall(text)]
    return list(dict.fromkeys(joined + sections))


def split_index(index: dict) -> tuple[dict, dict]:
    """(the stub Material loads with every page, the full index the worker loads on first focus).

    Every entry (a page's start or one of its sections) gets the identifiers it names, so a
    reader lands on the section that names one. Entries of concept pages get CONCEPT_BOOST. Tags stay on the page's own entry only
    (Material copies them to every section): a page with many sections would otherwise
    match its tags once per section and outrank a page with few.
    """
    docs = index.get("docs", [])
    for doc in docs:
        location = doc.get("location", "")
        if "#" in location:
            doc.pop("tags", None)
        if location.startswith(CONCEPT_FOLDERS):
            doc["boost"] = round(doc.get("boost", 1) * CONCEPT_BOOST, 3)
        found = identifiers(doc.get("title", "") + " " + doc.get("text", ""))
        if found:
            doc[IDENTIFIER_FIELD] = " ".join(found)
    stub = {key: value for key, value in index.items() if key != "docs"} | {"docs": []}
    return stub, index


# Material names its search worker in each page's `__config`; ours wraps it (and loads it lazily).
WORKER_RE = re.compile(r'("search":\s*")([^"]*?)workers/(search\.[0-9a-f]+\.min\.js)"')
WORKER = "search_nb.js"


def use_our_worker(html: str) -> str:
    """Point Material's search at our worker, which gets Material's worker file name to load."""
    html, count = WORKER_RE.subn(lambda m: f'{m[1]}{m[2]}workers/{WORKER}?engine={m[3]}"', html, count=1)
    if 'data-md-component="search"' in html and not count:
        raise ValueError("Materials søkearbeider ble ikke funnet i __config (ny versjon av Material?)")
    return html
