"""The policy in a built site: one and the same on every page, and every inline script listed."""

from __future__ import annotations

import re

from tilfriskning.csp import inline_hashes

META_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_every_page_carries_one_policy_that_lists_every_inline_script_and_style(built_fixture):
    policies, scripts, styles = set(), set(), set()
    for page in (built_fixture / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = META_RE.findall(text)
        assert len(found) == 1, page
        assert text.index("Content-Security-Policy") < text.find("<script"), "before any script"
        policies.add(found[0])
        page_scripts, page_styles = inline_hashes(text)
        scripts |= page_scripts
        styles |= page_styles
    (policy,) = policies
    assert len(scripts) >= 4, "Material's inline scripts, in more than one variant (page depth)"
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    style_src = next(d for d in policy.split("; ") if d.startswith("style-src "))
    assert set(script_src.split()[2:]) == scripts and set(style_src.split()[2:]) == styles
