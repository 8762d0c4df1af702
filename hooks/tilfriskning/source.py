"""Read a Markdown page the way MkDocs and mkdocs-bibtex will, keeping line numbers.

Pure functions only: split the YAML front matter (with the same delimiter rule as
MkDocs, so we validate exactly what MkDocs reads, but without its silent dropping of
invalid YAML), find code regions, and list headings, links and citation blocks outside
code, each with the line it stands on.
"""

from __future__ import annotations

import bisect
import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# MkDocs's own rule (mkdocs.utils.meta.YAML_RE): '---' line, YAML, '---' or '...' line.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
FENCE_RE = re.compile(r"^([ \t]*)(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
HEADING_RE = re.compile(r"^(#{1,6})(?!#)[ \t]*(\S.*?)[ \t]*#*[ \t]*$")  # Python-Markdown needs no space
ATTR_LIST_RE = re.compile(r"\s*\{\s*[#.:][^}]*\}\s*$")
INLINE_LINK_RE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*[\"')])?\s*\)")
REF_DEF_RE = re.compile(r"^[ ]{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s.*)?$")
HTML_LINK_RE = re.compile(r"<(?:a|img|link|script|iframe)\b[^>]*?\s(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
EXTERNAL_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # https:, mailto:, javascript: ...
SPLIT_CITATION_RE = re.compile(r"\[[^\]\n]*@[\w-]+[^\]\n]*\n[^\]]*\]")
# The citation syntax mkdocs-bibtex 4.4.0 replaces (its mkdocs_bibtex/citation.py), written
# here so the rules don't depend on the plugin; tests/hooks/glue/test_bibtex.py proves
# both find the same blocks and citations in every page.
CITATION_BLOCK_RE = re.compile(r"\[(.*?)\]")
CITATION_RE = re.compile(r"(?:(?P<prefix>[^@;]*?)\s*)?@(?P<key>[\w-]+)(?:,\s*(?P<suffix>[^;]+))?")
EMAIL_RE = re.compile(r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}")


class FrontMatterError(ValueError):
    """The front matter can't be read; `line` is the file line to look at."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    image: bool = False


@dataclass(frozen=True)
class Citation:
    """One `[prefix] @key[, suffix]` inside a citation block."""

    key: str
    prefix: str = ""
    suffix: str = ""


def parse_citations(inside: str) -> list[Citation]:
    """The citations between a block's brackets, split at ";" (e-mail addresses are not citations)."""
    found = []
    for part in inside.split(";"):
        match = None if EMAIL_RE.match(part) else CITATION_RE.match(part)
        if match:
            found.append(Citation(match.group("key"), match.group("prefix") or "", match.group("suffix") or ""))
    return found


@dataclass(frozen=True)
class CitationBlock:
    """`[...]` holding one or more `@key`s, exactly as mkdocs-bibtex will find it."""

    raw: str  # including the brackets, e.g. "[@skjefstad2012, s. 56]"
    citations: tuple[Citation, ...]
    line: int
    in_link_text: bool  # "[se @key](url)": the plugin would break the link

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.citations)


@dataclass(frozen=True)
class SourcePage:
    meta: dict
    front_matter: str  # the raw YAML, which starts on file line 2
    body: str
    blanked: str  # the body with code replaced by spaces (same lines)
    body_line: int  # file line of the body's first line
    headings: tuple[Heading, ...] = field(default=())
    links: tuple[Link, ...] = field(default=())
    citation_blocks: tuple[CitationBlock, ...] = field(default=())
    split_citation_lines: tuple[int, ...] = field(default=())


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice (PyYAML silently keeps the last)."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _FastUniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml's parser, when PyYAML has it: same constructors and
    resolver, so the same values, several times faster. A page it refuses is read again by
    `_UniqueKeyLoader`, whose messages and lines the editor is shown."""


_FastUniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_front_matter(raw: str):
    try:
        return yaml.load(raw, Loader=_FastUniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return yaml.load(raw, Loader=_UniqueKeyLoader)  # noqa: S506 - raises the error as the editor is told it


def error_mark(error: yaml.YAMLError):
    """Where to look: for a key without its colon, the line the key starts on, not where PyYAML gave up."""
    if "could not find expected ':'" in (getattr(error, "problem", None) or "") and getattr(error, "context_mark", None):
        return error.context_mark
    return getattr(error, "problem_mark", None)


def yaml_problem_in_norwegian(problem: str, where: str = "front matter") -> str:
    """PyYAML's English `problem` as one Norwegian sentence about `where` ("front matter", "mkdocs.yml")."""
    problem = problem or ""
    if "'\\t'" in problem or "\\t" in problem:
        return f"tabulatortegn i {where}; bruk mellomrom til innrykk"
    if problem.startswith("duplicate key"):
        key = problem.split(" ", 2)[2].strip("'\"")
        return f"feltet «{key}» står to ganger i {where}; slå dem sammen til ett"
    if "mapping values are not allowed" in problem:
        return f"kolon på feil sted i {where}; sett verdien i anførselstegn hvis den inneholder kolon"
    if "could not find expected ':'" in problem:
        return f"en linje i {where} mangler kolon etter feltnavnet, eller «- » foran et punkt i en liste"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return f"innrykket i {where} stemmer ikke; rett inn linjene med like mange mellomrom"
    if "did not find expected '-' indicator" in problem:
        return f"innrykket i {where} stemmer ikke; gi punktene i en liste («- ») like mange mellomrom foran"
    if "found undefined alias" in problem or "found character" in problem:
        return f"tegn som ikke er lov i YAML i {where}; sett verdien i anførselstegn"
    if "unacceptable character" in problem or "special characters are not allowed" in problem:
        return f"et kontrolltegn som ikke er lov i YAML står i {where}; skriv linjen på nytt"
    return f"{where} er ikke gyldig YAML ({problem}); sjekk innrykk, kolon og anførselstegn"


TYPOGRAPHIC_QUOTES = "“”„‟‘’‚"
TYPOGRAPHIC_QUOTES_MESSAGE = (
    "verdien står i typografiske anførselstegn (“ ” fra Word), som YAML ikke regner som anførselstegn; "
    'skriv rette anførselstegn: title: "…"'
)
DASH_MESSAGE = "linjen er en tankestrek («—», som Word lager av «---»); skriv tre bindestreker «---»"
ODD_SPACES = "\u00a0\u2007\u202f\u2002\u2003\u2009\u3000\u200b"


def _unclosed(text: str) -> FrontMatterError:
    for number, line in enumerate(text.split("\n")[1:40], start=2):
        if line.strip() in ("—", "–"):
            return FrontMatterError(number, DASH_MESSAGE)
    return FrontMatterError(1, "front matter er ikke lukket; sett en linje med bare «---» etter siste felt")


def _check_indentation(raw: str) -> None:
    """Hard spaces from Word or a web page look like indentation but aren't to YAML."""
    for number, line in enumerate(raw.split("\n"), start=2):
        rest = line.lstrip(" \t")
        if rest[:1] and rest[0] in ODD_SPACES:
            raise FrontMatterError(
                number,
                "linjen er rykket inn med hardt mellomrom (kopiert fra Word eller en nettside); slett innrykket "
                "og skriv det med vanlige mellomrom",
            )


def split_front_matter(text: str) -> tuple[dict, str, int, str]:
    """Return (metadata, body, body_line, raw YAML). Raise FrontMatterError for unreadable front matter."""
    text = text.replace("\r\n", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if re.match(r"[ \t]*[—–][ \t]*\n", text):
        raise FrontMatterError(1, DASH_MESSAGE)
    if not text.startswith("---") and text.lstrip().startswith("---"):
        raise FrontMatterError(
            1, "front matter må stå helt øverst i filen; slett de tomme linjene (eller mellomrommene) over «---»"
        )
    if not text.startswith("---"):
        raise FrontMatterError(
            1,
            "siden mangler front matter; begynn filen med en linje «---», feltene title, "
            "description og type, og en ny linje «---»",
        )
    match = FRONT_MATTER_RE.match(text)
    if not match:
        raise _unclosed(text)
    raw = match.group(1)
    _check_indentation(raw)
    try:
        data = _load_front_matter(raw)
    except yaml.YAMLError as error:
        mark = error_mark(error)
        line = mark.line + 2 if mark is not None else 2
        written = raw.split("\n")[line - 2] if 0 <= line - 2 < raw.count("\n") else ""
        if any(quote in written for quote in TYPOGRAPHIC_QUOTES):
            raise FrontMatterError(line, TYPOGRAPHIC_QUOTES_MESSAGE) from None
        raise FrontMatterError(line, yaml_problem_in_norwegian(getattr(error, "problem", str(error)))) from None
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter må være felt på formen «navn: verdi»")
    rest = text[match.end() :]
    stripped = rest.lstrip("\n")
    body_line = raw.count("\n") + 3 + (len(rest) - len(stripped))
    return data, stripped, body_line, raw


def code_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks and inline code spans."""
    if "`" not in text and "~~~" not in text:  # no fence and no code span can start (most pages)
        return []
    regions: list[tuple[int, int]] = []
    pos = 0
    fence: tuple[str, int] | None = None
    start = 0
    prose_start = 0
    prose: list[tuple[int, int]] = []
    for line in text.splitlines(keepends=True):
        match = FENCE_RE.match(line)
        if fence is None and match:
            char, length = match.group(2)[0], len(match.group(2))
            fence, start = (char, length), pos
            prose.append((prose_start, pos))
        elif (
            fence is not None
            and match
            and match.group(2)[0] == fence[0]
            and len(match.group(2)) >= fence[1]
            and not line[match.end() :].strip()
        ):
            regions.append((start, pos + len(line)))
            fence = None
            prose_start = pos + len(line)
        pos += len(line)
    if fence is not None:
        regions.append((start, len(text)))
    else:
        prose.append((prose_start, len(text)))
    for begin, end in prose:
        for paragraph in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[begin:end]):
            offset = begin + paragraph.start()
            for code in INLINE_CODE_RE.finditer(paragraph.group(0)):
                regions.append((offset + code.start(), offset + code.end()))
    return sorted(regions)


COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


def hidden_regions(text: str) -> list[tuple[int, int]]:
    """Code regions and HTML comments: what a reader never sees as text (a citation in a
    comment is not cited). A comment is looked for outside code only; one never closed is
    not hidden (the page rules report it)."""
    code = code_regions(text)
    if "<!--" not in text:
        return code
    pieces, last = [], 0
    for begin, end in code:
        pieces += [text[last:begin], " " * (end - begin)]
        last = end
    comments = [(m.start(), m.end()) for m in COMMENT_RE.finditer("".join(pieces) + text[last:])]
    return sorted(code + comments)


def replace_in_code(text: str, replace) -> str:
    """Apply `replace(chunk) -> chunk` to every code region and HTML comment (other text untouched)."""
    out, last = [], 0
    for begin, end in hidden_regions(text):
        out.append(text[last:begin])
        out.append(replace(text[begin:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


def blank_code(text: str) -> str:
    """Text with code and HTML comments replaced by spaces (newlines kept, so line numbers stay right)."""
    return replace_in_code(text, lambda chunk: re.sub(r"[^\n]", " ", chunk))


@functools.lru_cache(maxsize=16)
def _newlines(text: str) -> tuple[int, ...]:
    return tuple(match.start() for match in re.finditer("\n", text))


def line_at(text: str, index: int, first_line: int = 1) -> int:
    """The line of `text[index]`, counting from `first_line`. The newlines of a text are found
    once (a page is asked about each of its links and citations), so a large page costs
    time in proportion to its size, not to its size times its links."""
    return first_line + bisect.bisect_left(_newlines(text), index)


def find_headings(blanked: str, first_line: int = 1) -> tuple[Heading, ...]:
    found = []
    for number, line in enumerate(blanked.split("\n")):
        match = HEADING_RE.match(line)
        if match:
            text = ATTR_LIST_RE.sub("", match.group(2)).strip()
            found.append(Heading(len(match.group(1)), text, first_line + number))
    return tuple(found)


def find_links(blanked: str, first_line: int = 1) -> tuple[Link, ...]:
    found = []
    for match in INLINE_LINK_RE.finditer(blanked):
        found.append(Link(match.group(3), line_at(blanked, match.start(), first_line), bool(match.group(1))))
    for number, line in enumerate(blanked.split("\n")):
        match = REF_DEF_RE.match(line)
        if match and not match.group(1).startswith("^"):
            found.append(Link(match.group(2), first_line + number))
    for match in HTML_LINK_RE.finditer(blanked):
        found.append(Link(match.group(1), line_at(blanked, match.start(), first_line)))
    return tuple(sorted(found, key=lambda link: link.line))


def find_citation_blocks(blanked: str, first_line: int = 1) -> tuple[CitationBlock, ...]:
    """Citation blocks as mkdocs-bibtex finds them (same syntax), with lines."""
    found = []
    for match in CITATION_BLOCK_RE.finditer(blanked):
        citations = parse_citations(match.group(1))
        if citations:
            in_link = blanked[match.end() : match.end() + 1] == "(" or blanked[match.end() : match.end() + 2] == "]("
            found.append(CitationBlock(match.group(0), tuple(citations), line_at(blanked, match.start(), first_line), in_link))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def parse_page(text: str) -> SourcePage:
    """Everything the checks and the citation hook need from one page's source."""
    meta, body, body_line, raw = split_front_matter(text)
    blanked = blank_code(body)
    return SourcePage(
        meta=meta,
        front_matter=raw,
        body=body,
        blanked=blanked,
        body_line=body_line,
        headings=find_headings(blanked, body_line),
        links=find_links(blanked, body_line),
        citation_blocks=find_citation_blocks(blanked, body_line),
        split_citation_lines=tuple(line_at(blanked, m.start(), body_line) for m in SPLIT_CITATION_RE.finditer(blanked)),
    )


def citation_blocks_in(docs: Path) -> list[str]:
    """Every citation block of the Markdown files under `docs`, read straight from the disk
    before MkDocs has collected them (for the citation hook's head start, so it may hold a
    page MkDocs leaves out). A file that can't be read or parsed is passed over: the checks
    report it."""
    blocks = []
    for path in sorted(docs.rglob("*.md")):
        try:
            blocks += [block.raw for block in parse_page(path.read_text(encoding="utf-8-sig")).citation_blocks]
        except (OSError, ValueError, yaml.YAMLError):  # UnicodeDecodeError and FrontMatterError are ValueErrors
            continue
    return blocks


def front_matter_line(page: SourcePage, needle: str) -> int:
    """File line of the first front-matter line containing `needle` (1 if none)."""
    for number, line in enumerate(page.front_matter.split("\n"), start=2):
        if needle in line:
            return number
    return 1


def resolve_link(page: str, target: str) -> tuple[str, str] | None:
    """(docs-relative file, anchor) a relative link written on `page` points at.

    None for links to other sites, absolute paths and same-page anchors. The file may
    lie outside docs/ ("../x") or not exist; callers judge that.
    """
    target = target.strip()
    if not target or EXTERNAL_RE.match(target) or target.startswith(("/", "#")):
        return None
    file_part, _, anchor = target.partition("#")
    file_part = file_part.split("?")[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), file_part)), anchor
