"""The files editors touch, before anything reads them: UTF-8, no merge conflict, nothing astray.

Checked first, before the .bib and the pages: every page and every other input file
(the .bib, mkdocs.yml, the abbreviations, the list of published addresses) is UTF-8 and
holds no unresolved merge conflict, and docs/ holds only pages and images. A file that
is not UTF-8 is never decoded some other way: the line names it and says how to save it
as UTF-8. (The Windows-1252 reading below only quotes the word around the first bad
byte in the message, so the editor can find it.)
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

CONFLICT_RE = re.compile(r"^(<{7}|>{7})(?: .*)?$", re.MULTILINE)
PAGE_SUFFIX = ".md"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"}
# What an operating system or Office leaves beside the files (lower-case names).
SYSTEM_FILES = {"thumbs.db", "desktop.ini", "ehthumbs.db", ".ds_store"}
OFFICE_SUFFIXES = {".docx", ".doc", ".odt", ".rtf", ".pdf", ".pptx", ".ppt", ".xlsx", ".xls", ".pages", ".key", ".htm", ".html"}
BACKUP_SUFFIXES = {".bak", ".orig", ".swp", ".tmp", ".old", ".rej"}
PAGE_LIKE_SUFFIXES = {".md", ".markdown", ".mdown", ".txt"}
SAVE_AS_UTF8 = (
    "lagre den på nytt som UTF-8: i Notisblokk «Lagre som» og Koding: UTF-8, i Word «Ren tekst» og Unicode (UTF-8); "
    "i GitHubs nettleser, lim inn teksten på nytt i en ny fil"
)


@dataclass(frozen=True)
class TextFile:
    """One input file as editors see it (`shown`), and where it lies."""

    path: Path
    shown: str


def _quoted_context(data: bytes, position: int) -> str:
    """A few words around `position`, from its own line, to search for in the file."""
    line_start = data.rfind(b"\n", 0, position) + 1
    line_end = data.find(b"\n", position)
    line = data[line_start : line_end if line_end >= 0 else len(data)].decode("cp1252", errors="replace")
    offset = position - line_start
    words = line[max(0, offset - 30) : offset + 30].split()
    if offset > 30 and words:
        words = words[1:]  # a word cut at the start
    if offset + 30 < len(line) and len(words) > 1:
        words = words[:-1]
    return " ".join(words) or line.strip()


def decode(data: bytes, shown: str) -> tuple[str | None, Problem | None]:
    """The file's text, or the one line that says it is not UTF-8 and how to fix that."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = f"filen er lagret som UTF-16 («Unicode»), ikke UTF-8; {SAVE_AS_UTF8}"
        return None, Problem(shown, None, message, "koding")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        context = _quoted_context(data, error.start)
        message = (
            f"filen er ikke lagret som UTF-8 (trolig Windows-1252/«ANSI»; første tegn som ikke kan leses står i "
            f"«{context}»); {SAVE_AS_UTF8}"
        )
        return None, Problem(shown, line, message, "koding")
    return text.removeprefix("\ufeff"), None


def read_text(file: TextFile) -> tuple[str | None, Problem | None]:
    return decode(file.path.read_bytes(), file.shown)


def conflict_problem(text: str, shown: str) -> Problem | None:
    """An unresolved merge conflict: the `<<<<<<<` / `>>>>>>>` lines git leaves in a file."""
    match = CONFLICT_RE.search(text)
    if not match:
        return None
    return Problem(
        shown,
        text.count("\n", 0, match.start()) + 1,
        "en flettekonflikt er ikke løst (linjene <<<<<<<, ======= og >>>>>>>); behold den riktige teksten og slett markørlinjene",
        "flettekonflikt",
    )


def stray_file_problem(docs_relative: str, docs_prefix: str = "docs/") -> Problem | None:
    """A file in docs/ that is neither a page nor an image: it would be published as it is."""
    name = posixpath.basename(docs_relative)
    stem, suffix = posixpath.splitext(name)
    lower = suffix.lower()
    shown = docs_prefix + docs_relative
    if suffix == PAGE_SUFFIX or lower in IMAGE_SUFFIXES:
        return None
    if name.lower() in SYSTEM_FILES or name.startswith("~$"):
        message = "filen lages av Windows, macOS eller Office og hører ikke hjemme i docs/; slett den"
    elif name.endswith("~") or lower in BACKUP_SUFFIXES:
        message = "filen er en reservekopi (fra en teksteditor eller en flettekonflikt) og ville blitt publisert; slett den"
    elif lower in PAGE_LIKE_SUFFIXES or stem.lower().endswith(PAGE_SUFFIX):
        page = posixpath.splitext(stem)[0] if stem.lower().endswith(PAGE_SUFFIX) else stem
        message = f"ser ut som en side med feil filendelse; en side må hete «….md» (små bokstaver): gi filen navnet «{page}.md»"
    elif lower in OFFICE_SUFFIXES:
        message = (
            f"en {lower[1:]}-fil hører ikke hjemme i docs/ (den ville blitt publisert som den er, med forfatterens "
            "metadata); skriv innholdet som en side (.md), eller lenk til dokumentet der det er publisert"
        )
    else:
        message = f"filer av typen «{suffix or name}» hører ikke hjemme i docs/; der ligger bare sider (.md) og bilder"
    return Problem(shown, None, message, "filtype")


def check_input_files(files: list[TextFile]) -> tuple[dict[str, str], list[Problem]]:
    """Read each file once: (shown name -> text of every readable file, problems)."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for file in files:
        text, problem = read_text(file)
        if problem is not None:
            problems.append(problem)
            continue
        conflict = conflict_problem(text, file.shown)
        if conflict is not None:
            problems.append(conflict)
        texts[file.shown] = text
    return texts, problems


def check_docs_files(files: list[TextFile], docs_prefix: str = "docs/") -> tuple[dict[str, str], list[Problem]]:
    """The files in docs/ (`shown` docs-relative): pages that are UTF-8 without a merge conflict,
    and images; anything else would be published as it is. Returns each page's text."""
    problems = [p for f in files if (p := stray_file_problem(f.shown, docs_prefix))]
    pages = [TextFile(f.path, docs_prefix + f.shown) for f in files if f.shown.endswith(PAGE_SUFFIX)]
    texts, page_problems = check_input_files(pages)
    return {shown.removeprefix(docs_prefix): text for shown, text in texts.items()}, problems + page_problems
