"""Heading ids in plain ASCII, spelled the way Norwegian addresses are (æ→ae, ø→o, å→a)."""

from __future__ import annotations

import re

from .kinds import ascii_letters


def slugify(value: str, separator: str = "-") -> str:
    """'Kjærlighet og å bli sett' -> 'kjaerlighet-og-a-bli-sett' (same rule as file names)."""
    value = ascii_letters(value).lower()
    value = re.sub(r"[^\w\s-]", "", value).strip()
    return re.sub(r"[\s_-]+", separator, value).strip(separator)
