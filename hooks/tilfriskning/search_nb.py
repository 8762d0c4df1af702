"""Norwegian word forms for the search index (pure functions).

Material's search appends `*` to every query word, and lunr does not stem wildcard
terms. So a reader who types "motivasjonen" searches for words starting with
"motivasjonen" and finds nothing on a page that says "motivasjon". Stemming the index
would break the exact word instead (stack-notes.md). What works with an unchanged search
is to index, beside a page's words, their inflected forms: then every form a reader may
type is a prefix of something indexed. The forms come from a few Bokmål rules for nouns,
verbs and adjectives; a form nobody types costs a few bytes and never shows.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[a-zæøåäöüé]+")
MIN_LENGTH = 5  # below this, only the short-noun forms below
SHORT_MIN = 3  # "skam", "rus", "rom": short nouns readers do type inflected
SHORT_DOUBLED_RE = re.compile(r"^[a-zæøå]*[aeiouyæøå]m$")  # skam -> skammen, rom -> rommet
# endings that can be taken off a word to find its base: definite, plural, genitive
ENDINGS = ("ene", "ens", "ets", "en", "et", "er", "a", "e", "s")
# endings put on a base: the definite and plural forms of a noun ("ene" also covers "en"
# and "e", since every query is a prefix)
NOUN = ("et", "er", "ene")
NOUN_E = ("r", "ne")  # a base ending in e: anerkjennelse -> anerkjennelsen, -r, -ne
DOUBLE_EL_RE = re.compile(r"^(.*?)([bdfgklmnprstv])\2el$")  # middel -> midl-er, sykkel -> sykl-er
SINGLE_L_RE = re.compile(r"^(.*?[aeiouyæøå])([bdfgklmnprstv])l(?:er|ene|ers|enes)$")  # midler -> middel


def bases(word: str) -> set[str]:
    """The word and what it may be an inflection of."""
    found = {word}
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_LENGTH - 1:
            found.add(word[: -len(ending)])
    match = SINGLE_L_RE.match(word)
    if match:
        found.add(f"{match.group(1)}{match.group(2)}{match.group(2)}el")
    return found


def forms_of_base(base: str) -> set[str]:
    out = {base}
    out.update(base + ending for ending in NOUN)
    if base.endswith("e"):
        out.update(base + ending for ending in NOUN_E)
    match = DOUBLE_EL_RE.match(base)
    if match:
        short = f"{match.group(1)}{match.group(2)}l"
        out.update(short + ending for ending in ("er", "ene"))
    return out


def short_forms(word: str) -> set[str]:
    """A short noun's definite and plural forms; a final m after a vowel is doubled."""
    out = {word} | {word + ending for ending in NOUN}
    if SHORT_DOUBLED_RE.match(word):
        out.update(word + "m" + ending for ending in NOUN)
    return out


def forms(word: str) -> set[str]:
    """Inflected forms a reader might type for `word` (lowercase), the word included."""
    word = word.lower()
    if not WORD_RE.fullmatch(word) or len(word) < SHORT_MIN:
        return {word}
    if len(word) < MIN_LENGTH:
        return short_forms(word)
    return {form for base in bases(word) for form in forms_of_base(base)}


def not_covered(candidates: set[str], present: set[str]) -> list[str]:
    """Candidates that are not already a prefix of an indexed word or of another candidate:
    a prefix query finds them anyway, so only the longest forms need to be indexed."""
    everything = sorted(candidates | present)
    keep = []
    for index, form in enumerate(everything):
        if form in present:
            continue
        following = everything[index + 1] if index + 1 < len(everything) else ""
        if not following.startswith(form):
            keep.append(form)
    return keep


def expansion(text: str, already: str = "") -> str:
    """The forms to index for `text`, as one space-separated string."""
    words = set(WORD_RE.findall(text.lower()))
    present = words | set(WORD_RE.findall(already.lower()))
    candidates = {form for word in words for form in forms(word)}
    return " ".join(not_covered(candidates, present))
