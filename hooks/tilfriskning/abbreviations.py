"""includes/forkortelser.md: one well-formed `*[MI]: Motiverende intervju` per line; and
each abbreviation explained once in each section of a page.

pymdownx.snippets appends the file to every page, and Python-Markdown's abbr extension
reads each line `*[ABBR]: explanation`. A line it does not recognise is not an error to
either of them: it is printed at the bottom of every page (or, written like a link
definition, silently dropped). So every line is checked here, before any page is built.
"""

from __future__ import annotations

import re

from .problems import Problem

ABBR_RE = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')
SECTION_RE = re.compile(r"(?=<h[2-6][\s>])")
LINE_RE = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]+(\S.*)$")
EXAMPLE = "«*[MI]: Motiverende intervju»"


def _line_problem(line: str) -> str | None:
    """What is wrong with one non-blank line, in Norwegian, or None."""
    stripped = line.strip()
    if LINE_RE.match(stripped) and stripped == line.rstrip():
        return None
    if line[:1].isspace():
        return f"linjen begynner med mellomrom; skriv den helt inntil venstre kant, som {EXAMPLE}"
    if re.match(r"^[*\-+]\s+\[", stripped):
        return f"det står mellomrom mellom «*» og «[»; skriv {EXAMPLE}"
    if re.match(r"^\[[^\]]+\]:", stripped):
        return f"linjen mangler «*» foran «[», og da blir den en lenke i stedet for en forklaring; skriv {EXAMPLE}"
    if re.match(r"^\*\[[^\]]+\]\s*:?\s*$", stripped):
        return f"forkortelsen mangler forklaring etter kolon; skriv {EXAMPLE}"
    if re.match(r"^\*\[[^\]]+\][^:]", stripped):
        return f"det mangler kolon rett etter «]»; skriv {EXAMPLE}"
    if re.match(r"^\*\[[^\]]*$", stripped):
        return f"det mangler «]» etter forkortelsen; skriv {EXAMPLE}"
    return f"linjen er ikke en forklaring av en forkortelse, og vises nederst på hver side; skriv {EXAMPLE}, eller slett linjen"


def check_abbreviations(text: str, shown: str) -> list[Problem]:
    """Every non-blank line explains one abbreviation, each abbreviation only once."""
    problems, seen = [], {}
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        message = _line_problem(line)
        if message is None:
            name = LINE_RE.match(line.strip()).group(1)
            if name in seen:
                message = f"«{name}» er forklart to ganger (også linje {seen[name]}); slett den ene linjen"
            seen.setdefault(name, number)
        if message:
            problems.append(Problem(shown, number, message, "forkortelse"))
    return problems


def first_in_each_section(html: str) -> str:
    """Keep Python-Markdown's `<abbr>` on the first occurrence of each abbreviation in each
    section (from one heading, h2 to h6, to the next), and plain text after it.

    The abbr extension marks every occurrence: «MI» 37 times on its method page, each
    underlined and each a tooltip Material mounts at load (about 125 ms of script on a phone,
    Lighthouse). The first occurrence explains it (WCAG technique G102); per section, so a
    reader who arrives at a heading from the contents or a search result meets it there too.
    """

    def section(text: str) -> str:
        seen: set[tuple[str, str]] = set()

        def once(match: re.Match) -> str:
            key = (match.group(1), match.group(2))
            if key in seen:
                return match.group(2)
            seen.add(key)
            return match.group(0)

        return ABBR_RE.sub(once, text)

    if "<abbr " not in html:
        return html
    return "".join(section(part) for part in SECTION_RE.split(html))
