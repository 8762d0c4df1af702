"""A strict Content-Security-Policy on every page.

Adds to a page: a `<meta http-equiv="Content-Security-Policy">` first in its <head>: only
the site's own files, no other origin, and inline scripts and styles only by their hash
(no 'unsafe-inline'). The hashes are those of every inline script and style of the built
site, so every page carries the same policy and instant navigation between pages of
different depth keeps working (tilfriskning/csp.py explains why). Written after the build,
when every page (404.html, 503.html and redirect pages included) is on disk.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from glue.build import log
from tilfriskning.csp import inline_hashes, policy, with_policy


@event_priority(-50)  # after the plugins and hooks that write pages, before hooks/offline.py hashes the site
def on_post_build(config):
    pages = sorted(Path(config.site_dir).rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    scripts, styles = set(), set()
    for text in texts.values():
        found_scripts, found_styles = inline_hashes(text)
        scripts |= found_scripts
        styles |= found_styles
    content = policy(scripts, styles)
    for path, text in texts.items():
        path.write_text(with_policy(text, content), encoding="utf-8")
    log.info(f"Innholdsregler (CSP): {len(pages)} sider, {len(scripts)} innebygde skript og {len(styles)} stiler med hash.")
