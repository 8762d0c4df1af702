"""Where a page's Markdown will be read differently from what its editor meant (pure finders).

Python-Markdown (with the site's extensions) and pandoc read some text in a way that
looks fine in an editor but publishes something else: four spaces of indentation make a
code block, `---` under a line makes it a heading, an admonition's body must be
indented, `[[x]]`, `[x][y]` without a definition and `[^1]` without a footnote stay as
written, and a bracket whose `@` is missing is printed as it stands. Each finder here
takes the page's text with code and comments blanked (`SourcePage.blanked`, same
lines) and returns `(file line, what was found)`; the page rules in rules.py turn that
into a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .source import CITATION_BLOCK_RE, EXTERNAL_RE, SPLIT_CITATION_RE, CitationBlock, line_at

Found = tuple[int, str]

LIST_ITEM_RE = re.compile(r"^( {0,3})([-*+]|\d+[.)])[ \t]+\S")
CONTAINER_RE = re.compile(r"^ {0,3}(?:[-*+][ \t]|\d+[.)][ \t]|!!!|\?\?\?|\[\^[^\]]+\]:|:[ \t]|<[a-z][^>]*\bmarkdown\b)")
ADMONITION_RE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+")
SETEXT_RE = re.compile(r"^ {0,3}(?:-+|=+)[ \t]*$")
BLOCK_TAGS = ("div", "details", "summary", "section", "aside", "figure", "blockquote", "table", "span", "a")
TAG_RE = re.compile(r"<(/?)(" + "|".join(BLOCK_TAGS) + r")\b[^>]*?(/?)>", re.I)
FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF_RE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
WIKI_LINK_RE = re.compile(r"\[\[([^\[\]\n]+)\]\]")
REFERENCE_LINK_RE = re.compile(r"(?<![\]\\])\[((?:[^\[\]\n]|\[[^\]\n]*\])+)\]\[([^\[\]\n]*)\]")
REFERENCE_DEF_RE = re.compile(r"^ {0,3}\[([^\]\n^][^\]\n]*)\]:", re.MULTILINE)
EMPTY_TARGET_RE = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(\s*(?:<\s*>)?\s*\)")
EMPTY_TEXT_RE = re.compile(r"(?<!!)\[\s*\]\(\s*<?([^)\s>]+)")
IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)")
HTML_IMG_RE = re.compile(r"<img\b([^>]*)>", re.I)
HTML_HREF_RE = re.compile(r"<a\b[^>]*?\shref\s*=\s*[\"']([^\"']*)[\"']", re.I)
ATTRIBUTE_RE = r"\s{0}\s*=\s*[\"']([^\"']*)[\"']"
STYLE_RES = [
    (re.compile(r"<\s*style\b", re.I), "«<style>»"),
    (re.compile(r"<\s*link\b", re.I), "«<link>»"),
    (re.compile(r"@import\b", re.I), "«@import»"),
    (re.compile(r"\sstyle\s*=\s*[\"'][^\"']*url\(", re.I), "et stilattributt med «url(…)»"),
]
SEPARATOR_ROW_RE = re.compile(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*")  # a table's |---|---| line
BARE_URL_RE = re.compile(r"(?<![(<\[\"'=/\w.@-])(?:https?://|www\.)[^\s)>\]\"']+")
LATEX_CITE_RE = re.compile(r"\\(?:cite|citep|citet|parencite|textcite)\*?(?:\[[^\]]*\])*\{([^}\n]*)\}")
KEY_WITHOUT_AT_RE = re.compile(r"(?<![\]!\w])\[\s*([a-z0-9]+)\s*(?:[,;][^\]\n]*)?\](?![(:\[])")
SPACE_AFTER_AT_RE = re.compile(r"\[[^\]\n]*?(?<![\w.])@\s+([a-z0-9]+)[^\]\n]*\]")
BARE_KEY_RE = re.compile(r"(?<![\w@.\-/\[])-?@([a-z0-9]+)\b")
KEY_LIKE_RE = re.compile(r"[a-z]+\d{4}[a-z]?")
ODD_SPACES = "\u00a0\u2007\u202f\u2002\u2003\u2009\u3000"
HTML_BLOCK_RE = re.compile(r"^ {0,3}<(div|section|aside|figure|details|p|blockquote)\b([^>]*)>", re.I)
MARKDOWN_SYNTAX_RE = re.compile(r"\*\*\S|__\S|(?<!!)\[[^\]\n]+\]\([^)\n]+\)|!\[|^\s*(?:[-*+]|\d+\.)\s+\S|^\s*#{1,6}\s", re.M)


def _lines(blanked: str, first_line: int) -> Iterator[tuple[int, str]]:
    return enumerate(blanked.split("\n"), start=first_line)


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def indented_code(blanked: str, first_line: int) -> list[Found]:
    """The first line of each block Python-Markdown shows as code because it is indented four
    spaces (or a tab) after a blank line, outside a list, an admonition or a footnote."""
    lines = blanked.split("\n")
    found, parent, in_code = [], "", False
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        previous_blank = number == 0 or not lines[number - 1].strip()
        if _indent(line) >= 4:
            starts = previous_blank and not in_code and not CONTAINER_RE.match(parent)
            if starts:
                found.append((first_line + number, line.strip()))
            in_code = in_code or starts
            continue
        parent, in_code = line, False
    return found


def setext_headings(blanked: str, first_line: int) -> list[Found]:
    """A line of only `---` or `===` right under text makes that text a heading."""
    lines = blanked.split("\n")
    return [
        (first_line + n - 1, lines[n - 1].strip())
        for n in range(1, len(lines))
        if SETEXT_RE.match(lines[n])
        and lines[n - 1].strip()
        and not SETEXT_RE.match(lines[n - 1])
        and not LIST_ITEM_RE.match(lines[n - 1])
        and not lines[n - 1].lstrip().startswith(("#", "|", "<", ">"))
    ]


def admonitions_without_body(blanked: str, first_line: int) -> list[Found]:
    """`!!! note` (or `??? note`) whose next text is not indented: the box is empty."""
    lines = blanked.split("\n")
    found = []
    for number, line in enumerate(lines):
        if not ADMONITION_RE.match(line):
            continue
        following = next((other for other in lines[number + 1 :] if other.strip()), "")
        if _indent(following) < _indent(line) + 4:
            found.append((first_line + number, line.strip()))
    return found


def unbalanced_tags(blanked: str, first_line: int) -> list[Found]:
    """An HTML tag opened and never closed (or closed and never opened): "<div" or "</div"."""
    open_tags: list[tuple[str, int]] = []
    found = []
    for match in TAG_RE.finditer(blanked):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if self_closing:
            continue
        if not closing:
            open_tags.append((name, match.start()))
        elif any(tag == name for tag, _ in open_tags):
            while open_tags and open_tags.pop()[0] != name:
                pass
        else:
            found.append((line_at(blanked, match.start(), first_line), "</" + name))
    found += [(line_at(blanked, start, first_line), "<" + name) for name, start in open_tags]
    return sorted(found)


def unclosed_comments(blanked: str, first_line: int) -> list[Found]:
    """`<!--` never closed by `-->` (closed comments are already blanked)."""
    return [(line_at(blanked, m.start(), first_line), "<!--") for m in re.finditer("<!--", blanked)]


def _footnotes_without(blanked: str, first_line: int, pattern: re.Pattern, partner: re.Pattern) -> list[Found]:
    partners = set(partner.findall(blanked))
    return [
        (line_at(blanked, m.start(), first_line), m.group(1)) for m in pattern.finditer(blanked) if m.group(1) not in partners
    ]


def missing_footnotes(blanked: str, first_line: int) -> list[Found]:
    """A footnote marker `[^x]` without its definition `[^x]: …` is printed as written."""
    return _footnotes_without(blanked, first_line, FOOTNOTE_REF_RE, FOOTNOTE_DEF_RE)


def wiki_links(blanked: str, first_line: int) -> list[Found]:
    """`[[page]]`, a wiki's link, is no link in Markdown: it is printed as written."""
    return [(line_at(blanked, m.start(), first_line), m.group(0)) for m in WIKI_LINK_RE.finditer(blanked)]


def _label(text: str) -> str:
    return " ".join(text.lower().split())


def undefined_reference_links(blanked: str, first_line: int) -> list[Found]:
    """`[text][label]` (or `[text][]`) with no `[label]: address` on the page stays as written."""
    defined = {_label(label) for label in REFERENCE_DEF_RE.findall(blanked)}
    found = []
    for match in REFERENCE_LINK_RE.finditer(blanked):
        label = _label(match.group(2) or match.group(1))
        if label not in defined and "@" not in match.group(1):
            found.append((line_at(blanked, match.start(), first_line), match.group(0)))
    return found


def empty_links(blanked: str, first_line: int) -> list[Found]:
    """`[text]()` has no address, `[](address)` no text a reader (or a screen reader) can follow."""
    found = [(line_at(blanked, m.start(), first_line), m.group(0)) for m in EMPTY_TARGET_RE.finditer(blanked)]
    found += [(line_at(blanked, m.start(), first_line), m.group(0) + ")") for m in EMPTY_TEXT_RE.finditer(blanked)]
    found += [
        (line_at(blanked, m.start(), first_line), m.group(0)) for m in HTML_HREF_RE.finditer(blanked) if not m.group(1).strip()
    ]
    return sorted(found)


def _attribute(attributes: str, name: str) -> str | None:
    match = re.search(ATTRIBUTE_RE.format(name), attributes, re.I)
    return match.group(1) if match else None


def images(blanked: str, first_line: int) -> list[tuple[int, str, str | None, bool]]:
    """(line, source, alt text or None, written as raw HTML) of every image on the page."""
    found = [(line_at(blanked, m.start(), first_line), m.group(2), m.group(1), False) for m in IMAGE_RE.finditer(blanked)]
    for match in HTML_IMG_RE.finditer(blanked):
        source = _attribute(match.group(1), "src") or ""
        found.append((line_at(blanked, match.start(), first_line), source, _attribute(match.group(1), "alt"), True))
    return sorted(found, key=lambda item: item[0])


def raw_html_links(blanked: str, first_line: int) -> list[Found]:
    """`<a href="…">` to a page or file of this site: MkDocs does not rewrite links in raw HTML."""
    return [
        (line_at(blanked, m.start(), first_line), m.group(1).strip())
        for m in HTML_HREF_RE.finditer(blanked)
        if m.group(1).strip() and not EXTERNAL_RE.match(m.group(1).strip()) and not m.group(1).strip().startswith("#")
    ]


def styles(blanked: str, first_line: int) -> list[Found]:
    """Style sheets written into a page (they may load from other hosts and restyle every page)."""
    found = sorted(
        (line_at(blanked, m.start(), first_line), what) for pattern, what in STYLE_RES for m in pattern.finditer(blanked)
    )
    return [item for n, item in enumerate(found) if n == 0 or item[0] != found[n - 1][0]]  # one per line


def _blank_spans(text: str, spans) -> str:
    pieces, last = [], 0
    for begin, end in spans:
        pieces += [text[last:begin], re.sub(r"[^\n]", " ", text[begin:end])]
        last = end
    return "".join(pieces) + text[last:]


def bare_keys(blanked: str, first_line: int, bib_keys: frozenset[str]) -> list[Found]:
    """`@key` outside brackets: shown as text, not as a citation (known keys and key-like words)."""
    cited = [m.span() for m in CITATION_BLOCK_RE.finditer(blanked) if "@" in m.group(0)]
    prose = _blank_spans(blanked, sorted(cited + [m.span() for m in SPLIT_CITATION_RE.finditer(blanked)]))
    return [
        (line_at(prose, m.start(), first_line), m.group(1))
        for m in BARE_KEY_RE.finditer(prose)
        if m.group(1) in bib_keys or KEY_LIKE_RE.fullmatch(m.group(1))
    ]


def citation_parts(block: CitationBlock) -> list[tuple[int, str, str | None, str]]:
    """(position, part as written, key or None, what follows the key) for each `;` part of a block."""
    parts = []
    for number, part in enumerate(block.raw[1:-1].split(";"), start=1):
        match = re.search(r"-?@([\w-]+)", part)
        parts.append((number, part.strip(), match.group(1) if match else None, part[match.end() :] if match else ""))
    return parts


def in_parentheses(blanked: str, block_start: int) -> bool:
    """The citation stands inside ( … ) of the text: pandoc adds its own, so the reader sees two."""
    paragraph = blanked.rfind("\n\n", 0, block_start)
    depth = 0
    for char in blanked[paragraph + 1 if paragraph >= 0 else 0 : block_start]:
        depth = depth + 1 if char == "(" else max(depth - 1, 0) if char == ")" else depth
    return depth > 0


def hard_space_indents(blanked: str, first_line: int) -> list[Found]:
    """A line indented with hard spaces (from Word or a web page): not a list, not indentation."""
    return [
        (n, line.strip()[:30]) for n, line in _lines(blanked, first_line) if line.lstrip(" \t")[:1] in ODD_SPACES and line.strip()
    ]


def lists_without_blank_line(blanked: str, first_line: int) -> list[Found]:
    """A list right under a paragraph line: Python-Markdown needs a blank line first, or the
    items run on as one paragraph (GitHub shows a list, the site does not)."""
    lines = blanked.split("\n")
    found = []
    for n in range(1, len(lines)):
        above = lines[n - 1]
        if (
            LIST_ITEM_RE.match(lines[n])
            and above.strip()
            and not LIST_ITEM_RE.match(above)
            and _indent(above) == 0
            and _indent(lines[n]) == 0
            and not above.lstrip().startswith(("#", "|", "<", ">", "!!!", "???", "[^", ":"))
            and not _continues_list(lines, n - 1)
        ):
            found.append((first_line + n, lines[n].strip()[:30]))
    return found


def _continues_list(lines: list[str], index: int) -> bool:
    """The line at `index` is a lazy continuation of a list item above it (no blank line between)."""
    while index > 0 and lines[index - 1].strip():
        index -= 1
        if LIST_ITEM_RE.match(lines[index]):
            return True
    return False


def shallow_sublists(blanked: str, first_line: int) -> list[Found]:
    """A sub-item indented 1-3 spaces: Python-Markdown needs four, or it joins the list above."""
    lines = blanked.split("\n")
    found = []
    for n in range(1, len(lines)):
        match = LIST_ITEM_RE.match(lines[n])
        if match and 0 < len(match.group(1)) < 4 and "\t" not in lines[n][: len(match.group(1))]:
            above = next((line for line in reversed(lines[:n]) if line.strip()), "")
            if LIST_ITEM_RE.match(above) and len(LIST_ITEM_RE.match(above).group(1)) < len(match.group(1)):
                found.append((first_line + n, lines[n].strip()[:30]))
    return found


def unclosed_emphasis(blanked: str, first_line: int) -> list[Found]:
    """A paragraph with an odd number of `**` (or of `__` before a word): one of them is printed as written."""
    found = []
    for paragraph in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", blanked):
        text = paragraph.group(0)
        if text.lstrip().startswith(("|", "<", "*[")):
            continue
        for marker, pattern in (("**", r"\*\*"), ("__", r"(?<!\w)__|__(?!\w)")):
            places = [m.start() for m in re.finditer(pattern, text)]
            if len(places) % 2:
                found.append((line_at(blanked, paragraph.start() + places[-1], first_line), marker))
    return found


def tables_without_separator(blanked: str, first_line: int) -> list[Found]:
    """Rows of `| … |` with no `|---|` line under the first: Python-Markdown prints the pipes as text."""
    lines = blanked.split("\n")
    found = []
    for n, line in enumerate(lines):
        starts = line.strip().startswith("|") and (n == 0 or not lines[n - 1].strip().startswith("|"))
        following = lines[n + 1].strip() if n + 1 < len(lines) else ""
        if starts and following.startswith("|") and not SEPARATOR_ROW_RE.fullmatch(following):
            found.append((first_line + n, line.strip()[:30]))
    return found


def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def tables_with_extra_cells(blanked: str, first_line: int) -> list[Found]:
    """A table row with more cells than the heading row: Python-Markdown drops the extra cells
    without a word, and the reader never sees them."""
    lines = blanked.split("\n")
    found, columns = [], 0
    for n, line in enumerate(lines):
        row = line.strip()
        following = lines[n + 1].strip() if n + 1 < len(lines) else ""
        if row.startswith("|") and SEPARATOR_ROW_RE.fullmatch(following):
            columns = _cells(row)
        elif not row.startswith("|"):
            columns = 0
        elif columns and not SEPARATOR_ROW_RE.fullmatch(row) and _cells(row) > columns:
            found.append((first_line + n, row[:30]))
    return found


def style_attributes(blanked: str, first_line: int) -> list[Found]:
    """A `style="…"` attribute in the page's HTML: the site's Content-Security-Policy lets no
    inline style through, so it would be published and silently ignored."""
    return [
        (line_at(blanked, m.start(), first_line), m.group(1)) for m in re.finditer(r"(<[a-zA-Z][\w-]*)[^<>]*\sstyle\s*=", blanked)
    ]


def locators_after_citations(blanked: str, first_line: int) -> list[Found]:
    """`[@key] s. 10`: the page number stands after the parentheses pandoc makes, outside the citation."""
    found = []
    for match in CITATION_BLOCK_RE.finditer(blanked):
        after = re.match(
            r"[ \t]*,?[ \t]*((?:s|ss|side|sidene|avsn|kap)\.?[ \t]*\d[\d–-]*)", blanked[match.end() : match.end() + 20]
        )
        if "@" in match.group(0) and after and blanked[match.end() : match.end() + 1] != "(":
            found.append((line_at(blanked, match.start(), first_line), f"{match.group(0)} {after.group(1)}"))
    return found


def citations_in_html_tags(blanked: str, first_line: int) -> list[Found]:
    """A citation inside an HTML tag (`<span title="[@key]">`) is replaced there too, and breaks the tag."""
    found = []
    for match in CITATION_BLOCK_RE.finditer(blanked):
        before = blanked[blanked.rfind("\n", 0, match.start()) + 1 : match.start()]
        if "@" in match.group(0) and re.search(r"<[a-zA-Z][^>]*$", before):
            found.append((line_at(blanked, match.start(), first_line), match.group(0)))
    return found


def link_targets_with_spaces(blanked: str, first_line: int) -> list[Found]:
    """`[text](my file.md)`: a space in the address (not before a "title") breaks the link or the image."""
    return [
        (line_at(blanked, m.start(), first_line), m.group(1))
        for m in re.finditer(r"\]\(\s*<?([^)\s\"'<>]+[ \t]+[^)\s\"'(][^)\n]*?)>?\s*\)", blanked)
    ]


def unused_footnotes(blanked: str, first_line: int) -> list[Found]:
    """A footnote `[^x]: …` that nothing in the text points to breaks the build's link check."""
    return _footnotes_without(blanked, first_line, FOOTNOTE_DEF_RE, FOOTNOTE_REF_RE)


def markdown_in_html(blanked: str, first_line: int) -> list[Found]:
    """Markdown inside an HTML block without the `markdown` attribute is printed as written
    (`**`, links, lists); `<div markdown>` makes Python-Markdown read it."""
    lines = blanked.split("\n")
    found = []
    for number, line in enumerate(lines):
        match = HTML_BLOCK_RE.match(line)
        if not match or re.search(r"\bmarkdown\b", match.group(2)):
            continue
        tag = match.group(1).lower()
        for inner_number in range(number, len(lines)):
            inner = lines[inner_number][match.end() :] if inner_number == number else lines[inner_number]
            if inner_number > number and not inner.strip():
                break  # a raw HTML block ends at a blank line
            if MARKDOWN_SYNTAX_RE.search(inner.split(f"</{tag}")[0]):
                found.append((first_line + inner_number, f"<{tag}>"))
                break
            if f"</{tag}" in inner.lower():
                break
    return found


def bare_urls(blanked: str, first_line: int) -> list[Found]:
    """A web address written as plain text is shown as text, not as a link (GitHub links it,
    Python-Markdown does not)."""
    found = []
    for number, line in _lines(blanked, first_line):
        if REFERENCE_DEF_RE.match(line):
            continue
        found += [(number, m.group(0).rstrip(".,;:")) for m in BARE_URL_RE.finditer(line)]
    return found


def citations_written_otherwise(blanked: str, first_line: int, bib_keys: frozenset[str]) -> list[tuple[int, str, str]]:
    """A known key in brackets without `@` (`[hansen2020]`), a space between `@` and the key,
    or LaTeX's `\\cite{key}`: pandoc never sees a citation, and the reader sees the raw text."""
    found = [(m, m.group(1)) for m in KEY_WITHOUT_AT_RE.finditer(blanked) if m.group(1) in bib_keys]
    found += [(m, m.group(1)) for m in SPACE_AFTER_AT_RE.finditer(blanked)]
    found += [(m, m.group(1).split(",")[0].strip() or "nøkkel") for m in LATEX_CITE_RE.finditer(blanked)]
    return sorted((line_at(blanked, m.start(), first_line), m.group(0), key) for m, key in found)
