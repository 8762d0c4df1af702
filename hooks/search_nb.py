"""Norwegian search: inflected and definite forms find their pages.

Adds nothing visible to a page. After Material writes the search index, each page's own
entry gets two fields readers never see: `tittelformer` (inflected forms of the words in
its title and tags, boosted like a title) and `former` (forms of the words in all its
sections, weighted low). Since Material searches every query word as a prefix,
"motivasjonen", "erfaringskonsulentene" or "tilbakefallet" now find the pages that say
"motivasjon", "erfaringskonsulent" and "tilbakefall", while exact words match as before.
The boosts and the Norwegian pipeline (trimmer only: "mi" must not be dropped as a stop
word) are set under `plugins: search` in mkdocs.yml.
"""

from __future__ import annotations

import json
from pathlib import Path

from tilfriskning.search_nb import expansion


def on_post_build(config):
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc.get("location", "").split("#")[0], []).append(doc)
    for sections in pages.values():
        # the forms go on the page's own entry once, not on every section: a reader who
        # types an inflected form lands on the page, one who types the exact word on the section
        main = next((d for d in sections if "#" not in d.get("location", "")), sections[0])
        heading = " ".join([main.get("title", ""), *main.get("tags", [])])
        text = " ".join(d.get("title", "") + " " + d.get("text", "") for d in sections)
        main["tittelformer"] = expansion(heading, heading)
        main["former"] = expansion(text, text + " " + heading)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
