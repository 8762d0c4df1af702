"""Norwegian Bokmål spell check of page prose with hunspell (nb_NO) and a project word list.

Only prose is checked, including what readers see first (title, description and the
points of Kort fortalt and Til samtalen in front matter): other front matter, code,
citations, link targets, URLs and HTML tags are skipped, as are abbreviations in
capitals and single letters. All words of all pages go to one hunspell process; each
unknown word is reported with file and line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tilfriskning.problems import Problem
from tilfriskning.rules import strings_in
from tilfriskning.source import FrontMatterError, front_matter_line, parse_page

DICTIONARY = "nb_NO"
WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
SKIP_RES = [
    re.compile(r"\[[^\]\n]*@[^\]\n]*\]"),  # citations
    re.compile(r"\]\([^)\n]*\)"),  # link targets
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"),  # reference definitions
    re.compile(r"<[^>\n]*>"),  # HTML tags and comments
    re.compile(r"https?://\S+|www\.\S+|\S+@\S+"),  # addresses
    re.compile(r"\{[#.:][^}\n]*\}"),  # attribute lists
]


READER_FIELDS = ("title", "description", "kort_fortalt", "til_samtalen")  # what readers see first


def _without_skipped(line: str) -> str:
    for pattern in SKIP_RES:
        line = pattern.sub(" ", line)
    return line


def front_matter_prose(page) -> list[tuple[int, str]]:
    """(file line, text) of the front-matter fields readers see: the title, the description
    (search results, link previews) and the points of Kort fortalt and Til samtalen."""
    lines = []
    for field in READER_FIELDS:
        for _, text in strings_in(page.meta.get(field), [field]):
            words = WORD_RE.findall(text)
            needle = " ".join(text.split()[:3]) if words else ""
            line = front_matter_line(page, needle) if needle else 1
            line = line if line > 1 else front_matter_line(page, f"{field}:")
            prose = _without_skipped(text)
            if prose.strip():
                lines.append((line, prose))
    return lines


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(file line, prose) for every line readers see: the front matter's title, description and
    summary points, and every line of the page body."""
    try:
        page = parse_page(text)
    except FrontMatterError:
        return []
    lines = front_matter_prose(page)
    for number, line in enumerate(page.blanked.split("\n"), start=page.body_line):
        line = _without_skipped(line)
        if line.strip():
            lines.append((number, line))
    return lines


def words(line: str) -> list[str]:
    """Words worth checking: no abbreviations in capitals, no single letters."""
    return [w for w in WORD_RE.findall(line) if len(w) > 1 and not w.isupper()]


def read_word_list(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("%")
    ]


def unknown_words(candidates: set[str], word_list: list[str]) -> set[str]:
    """The candidates hunspell (nb_NO + the project's words) does not know."""
    with tempfile.TemporaryDirectory() as tmp:
        personal = Path(tmp) / "prosjektord.dic"
        personal.write_text("\n".join(word_list) + "\n", encoding="utf-8")
        result = subprocess.run(
            ["hunspell", "-d", DICTIONARY, "-p", str(personal), "-i", "utf-8", "-l"],
            input="\n".join(sorted(candidates)) + "\n",
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or "hunspell feilet")
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}


def check_spelling(pages: dict[str, str], word_list_path: Path, word_list_name: str) -> list[Problem]:
    """Problems for every unknown word, per file and line. `pages`: shown path -> text."""
    if shutil.which("hunspell") is None:
        return [
            Problem(
                word_list_name,
                None,
                "stavekontrollen trenger hunspell og den norske ordboken: kjør «apt-get install hunspell hunspell-no»",
                "hunspell",
            )
        ]
    occurrences = {path: [(n, words(line)) for n, line in prose_lines(text)] for path, text in pages.items()}
    candidates = {w for lines in occurrences.values() for _, ws in lines for w in ws}
    unknown = unknown_words(candidates, read_word_list(word_list_path)) if candidates else set()
    problems = []
    for path, lines in occurrences.items():
        for number, ws in lines:
            for word in dict.fromkeys(w for w in ws if w in unknown):
                problems.append(
                    Problem(
                        path,
                        number,
                        f"ukjent ord «{word}»; rett skrivemåten, eller legg ordet i {word_list_name} hvis det er riktig",
                        "stavefeil",
                    )
                )
    return problems
