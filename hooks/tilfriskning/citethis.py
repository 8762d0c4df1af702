"""How to cite a page of this site: a CSL item for pandoc and a BibTeX @online entry.

APA 7 for a web page: the site is the author when no person is named, and then the
site name is not repeated as container. Every page item gets its own private alias for
the site-as-author while pandoc formats it, so pages changed in the same year don't get
year suffixes (2026a, 2026b) from one another; `real_author` puts the name back.
"""

from __future__ import annotations

import datetime as dt
import json
import re

SITE_NAME = "Tilfriskning"
ALIAS_RE = re.compile(re.escape(SITE_NAME) + "\ue001\\d+\ue001")


def item_id(path: str) -> str:
    """'metoder/motiverende-intervju.md' -> 'tilfriskning-metoder-motiverende-intervju'."""
    return "tilfriskning-" + re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".md").lower()).strip("-")


def _person(name: str) -> dict:
    family, _, given = name.partition(",")
    return {"family": family.strip(), "given": given.strip()} if given else {"literal": name.strip()}


def page_item(path: str, number: int, title: str, url: str, changed: dt.date, authors: list[str] | None) -> dict:
    """A CSL-JSON `webpage` item for one page (number: any value unique per page)."""
    item = {"id": item_id(path), "type": "webpage", "title": title, "URL": url, "issued": changed.isoformat()}
    if authors:
        item["author"] = [_person(name) for name in authors]
        item["container-title"] = SITE_NAME
    else:
        item["author"] = [{"literal": f"{SITE_NAME}\ue001{number}\ue001"}]
    return item


def item_key(item: dict) -> str:
    """What the formatted text depends on, as a cache key (the alias number left out)."""
    stable = {k: v for k, v in item.items() if k != "author"}
    stable["author"] = [
        a if "literal" not in a or "\ue001" not in a["literal"] else {"literal": SITE_NAME} for a in item["author"]
    ]
    return json.dumps(stable, ensure_ascii=False, sort_keys=True)


def real_author(formatted: str) -> str:
    return ALIAS_RE.sub(SITE_NAME, formatted)


def bibtex_online(path: str, title: str, url: str, changed: dt.date, accessed: dt.date, authors: list[str] | None) -> str:
    """The same reference as a BibLaTeX @online entry, for reference managers."""
    author = " and ".join(authors) if authors else "{" + SITE_NAME + "}"
    fields = [
        ("author", author),
        ("title", title),
        ("organization", SITE_NAME),
        ("date", changed.isoformat()),
        ("url", url),
        ("urldate", accessed.isoformat()),
        ("langid", "norwegian"),
    ]
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@online{{{item_id(path).replace('-', '')},\n{body}\n}}"
