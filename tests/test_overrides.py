"""The four Material partials we copied still match the installed Material, except for our changes.

When Material changes one of them (an upgrade, or its replacement), this test names the
file, so the copy is brought up to date instead of silently shadowing the new version.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from helpers import ROOT

MATERIAL = Path(material.__file__).parent / "templates" / "partials"
OURS = ROOT / "overrides" / "partials"
COMMENT_RE = re.compile(r"\{#-.*?-#\}", re.DOTALL)
# Our changes, as (our text, Material's text).
SEARCH_CHANGES = [
    (' role="dialog" aria-label="{{ lang.t(\'search\') }}">', ' role="dialog">'),
    ('<div class="md-search-result__meta" role="status">', '<div class="md-search-result__meta">'),
]
NB_CHANGES = {
    "consent.reject": "Reject",
    "footer": "Footer",
    "header": "Header",
    "rss.created": "RSS feed",
    "rss.updated": "Oppdatert RSS feed",
    "search.result.none": "Ingen treff",
}
# nav-item.html: a pruned section is not looked through for its index page (see the copy's comment).
NAV_ITEM_CHANGES = [
    (
        '{% if "navigation.indexes" in features and (nav_item.active or "navigation.prune" not in features'
        ' or "navigation.tabs" in features or "navigation.sections" in features) %}',
        '{% if "navigation.indexes" in features %}',
    ),
]
# content.html: the tags stand after the page's text, under «Stikkord», not above the title.
STIKKORD = (
    '{% if tags and not (page.meta and page.meta.hide and "tags" in page.meta.hide) %}\n'
    '  <p class="sidens-stikkord">Stikkord:</p>\n{% endif %}\n{% include "partials/tags.html" %}\n'
)
CONTENT_CHANGES = [
    ('{% include "partials/actions.html" %}', '{% include "partials/tags.html" %}\n{% include "partials/actions.html" %}'),
    ("{{ page.content }}\n" + STIKKORD, "{{ page.content }}\n"),
]
ENTRY_RE = re.compile(r'^  "([^"]+)": "(.*)",?$', re.MULTILINE)


def without_our_changes(name: str, changes: list[tuple[str, str]]) -> str:
    """Our copy of partials/`name` with each of our changes put back to Material's text."""
    ours = COMMENT_RE.sub("", (OURS / name).read_text(encoding="utf-8"))
    for mine, theirs in changes:
        assert ours.count(mine) == 1, f"{name}: our change is no longer there once: {mine}"
        ours = ours.replace(mine, theirs)
    return ours


def materials(name: str) -> str:
    return COMMENT_RE.sub("", (MATERIAL / name).read_text(encoding="utf-8"))


def test_search_partial_is_materials_with_the_dialog_named_and_the_count_a_status():
    assert without_our_changes("search.html", SEARCH_CHANGES) == materials("search.html")


def test_norwegian_texts_are_materials_with_our_translations():
    ours = dict(ENTRY_RE.findall((OURS / "languages" / "nb.html").read_text(encoding="utf-8")))
    theirs = dict(ENTRY_RE.findall((MATERIAL / "languages" / "nb.html").read_text(encoding="utf-8")))
    assert list(ours) == list(theirs), "Material added or removed a text"
    assert {k: v for k, v in theirs.items() if ours[k] != v} == NB_CHANGES


def test_nav_item_partial_is_materials_with_pruned_sections_not_looked_through():
    assert without_our_changes("nav-item.html", NAV_ITEM_CHANGES) == materials("nav-item.html")


def test_content_partial_is_materials_with_the_tags_after_the_text():
    assert without_our_changes("content.html", CONTENT_CHANGES) == materials("content.html")
