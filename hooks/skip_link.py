"""«Gå til innhold» goes to the start of the text.

Adds to a page: an id on the article (`__innhold`) and Material's skip link pointed at it.
Material points the link at the first heading in the table of contents; our pages have no
`#` heading in the text (the title comes from front matter), so that was the first `##`
heading, and the link skipped the title, the ingress and «Kort fortalt», and on pages
whose only heading is a generated one (Kunnskapskart, Litteratur) all of the text.
"""

from __future__ import annotations

from tilfriskning.skip_link import with_skip_to_article


def on_post_page(output, page, config):
    return with_skip_to_article(output)
