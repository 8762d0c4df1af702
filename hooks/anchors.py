"""Heading anchors that work in any address bar.

Adds to a page: heading ids in plain ASCII spelled like the site's file names
("Kjærlighet" -> #kjaerlighet), instead of Python-Markdown's default, which drops æ and
ø ("#kjrlighet"). Links such as `../teorier/honneth.md#kjaerlighet` can be written by hand.
"""

from __future__ import annotations

from tilfriskning.slugs import slugify


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    return config
