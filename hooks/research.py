"""Research summaries: facts as data, shown the same way everywhere.

Adds to a page: on every article page (type `artikkel`), an "Om studien" box after the
ingress with the full reference of the work in `kilde` and the fact box from the
front matter's `faktaboks` (aim, method, participants, age, key themes); on any page
holding the line `<!-- forskningstabell: fylles av hooks/research.py -->`, a table of all articles side by side built
from the same fields, so it can never drift from the article pages. The fields are
required by the front-matter schema, so a missing one stops the build there.
"""

from __future__ import annotations

from glue.build import site
from tilfriskning.research import TABLE_MARKER, fact_box, insert_before_first_section, overview_table


def on_page_markdown(markdown, page, config, files):
    articles = site(config).articles
    article = articles.get(page.file.src_uri)
    if article:
        markdown = insert_before_first_section(markdown, fact_box(article))
    if TABLE_MARKER in markdown:
        markdown = markdown.replace(TABLE_MARKER, overview_table(list(articles.values()), page.file.src_uri))
    return markdown
