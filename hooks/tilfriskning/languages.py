"""Titles in another language than the page's, marked as such (WCAG 3.1.2, language of parts).

An entry says which language its title is written in with biblatex's `langid` field
(`langid = {english}`; Zotero's «Språk» field, as its BibLaTeX exports write it: Better BibLaTeX maps
`en-US` to `american`). A screen
reader reads a title marked `lang="en"` with English pronunciation instead of Norwegian.

pandoc does the marking: a field written `\\foreignlanguage{english}{…}` comes out as
`<span lang="en">…</span>` wherever the style prints it (the reference lists, the
tooltips, a citation that names a title). `for_pandoc` gives the .bib text pandoc reads,
with the title fields of every entry in another language wrapped so; the published
bibliography.bib stays as the editors wrote it. Entries in Bokmål, the site's language,
are left alone.
"""

from __future__ import annotations

import re

# biblatex's language names (babel's), as editors and Zotero write them -> the BCP 47 tag
LANGUAGES = {
    "english": "en",
    "american": "en",
    "british": "en",
    "swedish": "sv",
    "danish": "da",
    "nynorsk": "nn",
    "german": "de",
    "ngerman": "de",
    "french": "fr",
    "norsk": "nb",
    "norwegian": "nb",
    "bokmal": "nb",
}
SITE_LANGUAGE = "nb"
# the fields a style prints as titles: of the work, of what it is part of or belongs to, and the
# short title an in-text citation uses when there is no author; names of people and publishers are names
TITLE_FIELDS = (
    "title",
    "subtitle",
    "titleaddon",
    "shorttitle",
    "journaltitle",
    "journal",
    "booktitle",
    "booksubtitle",
    "maintitle",
    "series",
)
FIELD_RE = re.compile(r"\s*,?\s*([A-Za-z][\w-]*)\s*=\s*")
BARE_VALUE_RE = re.compile(r"[^,}]*")  # a number or a @string name


def language_of(langid: str) -> str | None:
    """The BCP 47 tag for a `langid` value, or None when it is not one this site knows."""
    return LANGUAGES.get(langid.strip().lower())


def _value_end(text: str, start: int, opening: str) -> int | None:
    """Where the field value opened at `start` (by `{` or `"`) ends, just past its closing character."""
    depth, index = 0, start + 1 if opening == '"' else start
    while index < len(text):
        char = text[index]
        if char == "\\":  # an escaped character, \{ or \" say, opens and closes nothing
            index += 2
            continue
        if char == '"' and opening == '"' and depth == 0:
            return index + 1
        depth += {"{": 1, "}": -1}.get(char, 0)
        if opening == "{" and depth == 0:
            return index + 1
        index += 1
    return None


def _fields(entry_text: str):
    """(name, where its value starts, where it ends) for each field of one entry, in order. Each
    value is skipped whole, so nothing written inside a value is taken for a field."""
    position = entry_text.index(",") + 1  # after «@type{key,»
    while match := FIELD_RE.match(entry_text, position):
        start = match.end()
        opening = entry_text[start : start + 1]
        end = _value_end(entry_text, start, opening) if opening in ("{", '"') else BARE_VALUE_RE.match(entry_text, start).end()
        if end is None:
            return
        yield match.group(1).lower(), start, end
        position = end


def _wrapped(entry_text: str, babel: str) -> str:
    out, last = [], 0
    for name, start, end in _fields(entry_text):
        if name in TITLE_FIELDS and entry_text[start] in ("{", '"'):
            out += [entry_text[last:start], "{\\foreignlanguage{", babel, "}{", entry_text[start + 1 : end - 1], "}}"]
            last = end
    return "".join(out) + entry_text[last:]


def for_pandoc(text: str, langids: dict[str, tuple[str, str]]) -> str:
    """The .bib `text` with the title fields of each entry in another language wrapped for pandoc.

    `langids` maps an entry key to (its text in the .bib as written, its langid)."""
    for source, langid in langids.values():
        if not source or language_of(langid) in (None, SITE_LANGUAGE):
            continue
        text = text.replace(source, _wrapped(source, langid.strip().lower()), 1)
    return text
