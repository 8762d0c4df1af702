"""Heading ids in plain ASCII, spelled the way Norwegian addresses are (æ→ae, ø→o, å→a)."""

from __future__ import annotations

import re
import unicodedata

NORWEGIAN = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slugify(value: str, separator: str = "-") -> str:
    """'Kjærlighet og å bli sett' -> 'kjaerlighet-og-a-bli-sett' (same rule as file names)."""
    value = value.translate(NORWEGIAN).lower()
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip()
    return re.sub(r"[\s_-]+", separator, value).strip(separator)
