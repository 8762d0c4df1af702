"""Reading without network on a phone: a small service worker.

Adds to the site: `service-worker.js` at its root (tilfriskning/offline.py says what it
does), written after the build with this build's version and the list of what it saves
when installed: the front page, the pages of the «For praksis» section of the
navigation, what those pages load, and the search files (`SEARCH_FILES` there, the one
list to change when the search changes). `assets/javascripts/offline.js` (mkdocs.yml
`extra_javascript`) registers it; every page carries the hidden notice the worker shows on
a saved copy (overrides/main.html), and `503.html` is what a page not saved says offline.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from glue.build import log
from tilfriskning.offline import (
    PRACTICE_SECTION,
    WORKER,
    page_url,
    precache_list,
    section_pages,
    site_version,
    sizes,
    worker_source,
)


@event_priority(-100)  # last: after every other hook and plugin has written its files (and the CSP)
def on_post_build(config):
    site = Path(config.site_dir)
    pages = ["", *(page_url(p) for p in section_pages(config.nav, PRACTICE_SECTION))]
    precache, unmatched = precache_list(site, pages)
    for pattern in unmatched:
        log.warning(
            f"hooks/offline.py: søkefilen «{pattern}» finnes ikke i det bygde nettstedet; "
            "rett SEARCH_FILES i hooks/tilfriskning/offline.py, så søket virker uten nett."
        )
    version = site_version(site)
    (site / WORKER).write_text(worker_source(version, precache), encoding="utf-8")
    raw, packed = sizes(site, precache)
    log.info(
        f"Frakoblet lesing: {len(precache)} filer lagres ved første besøk "
        f"({raw / 1024:.0f} KB, {packed / 1024:.0f} KB komprimert), versjon {version}."
    )
