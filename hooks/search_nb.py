"""Norwegian search: numbers findable, the index loaded when the search box first gets focus.

Adds nothing visible to a page. Each page's `__config` names our search worker
(`overrides/assets/javascripts/workers/search_nb.js`), which wraps Material's own: it stems
the reader's words on the query side and fetches the index only once the search box
has had focus (`overrides/assets/javascripts/search_focus.js` tells it). After Material
writes the search index, the documents move to `search/search_index_nb.json` with the
hyphenated identifiers of each entry ("§ 2-5", "IS-1948") in a field of their own, and
`search/search_index.json`, which Material fetches on every page load, keeps only the
configuration. The separator, the empty pipeline (no trimmer: it drops numbers; no
stop-word filter: "mi" is one) and the boosts are set under `plugins: search` in mkdocs.yml.
"""

from __future__ import annotations

import json
from pathlib import Path

from tilfriskning.search_nb import FULL_INDEX, STUB_INDEX, split_index, use_our_worker


def on_post_page(output, page, config):
    return use_our_worker(output)


def on_post_template(output_content, template_name, config):
    return use_our_worker(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    index_file = Path(config.site_dir) / STUB_INDEX
    if not index_file.is_file():
        return
    stub, full = split_index(json.loads(index_file.read_text(encoding="utf-8")))
    for path, content in ((FULL_INDEX, full), (STUB_INDEX, stub)):
        (Path(config.site_dir) / path).write_text(
            json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
