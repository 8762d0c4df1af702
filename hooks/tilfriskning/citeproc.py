"""Format every citation of the site with ONE pandoc call, cached between builds.

(Page references for "cite this page" go to a second call at the same time; see below.)

mkdocs-bibtex, as shipped, starts one pandoc per page and re-serialises the whole .bib
each time. Here all citation blocks of all pages go into one document that pandoc
(`--citeproc`, the nb-NO Norsk APA style) turns into HTML, with:

- `nocite: '@*'`: every entry is in the reference list, so disambiguation (2007a/2007b,
  added initials) is the same on every page and a block renders the same whatever else
  is cited. That is what makes a per-block cache safe;
- `link-citations: true`: each work inside a parenthesis links to its entry;
- `lang: nb-NO`: Norwegian collation, so «Åkerblom» sorts after «Vederhus».

"Cite this page" items (CSL-JSON `webpage` items, one per page, see citethis.py) are
formatted by the same engine and style into the same cache. They go to a second pandoc
process started at the same time, without the .bib: citeproc's work grows faster than
linearly with the number of entries (400 page items beside a 500-entry .bib took the
call from 2.8 s to 5.4 s; apart they take 0.6 s, in parallel on the second core), and
the result is identical because each page item has its own alias author, so nothing in
one set can disambiguate against the other (tested). The cache file is named after a hash
of everything the output depends on
(the .bib bytes, the style bytes, the pandoc binary and this module's format version),
so it can never serve text formatted from other input; page items are cached under
their own content. Only what is not yet in the cache is formatted: a new citation starts
the .bib call, a new or changed page item the page call (editing a page's title starts
only the quick one), and a build where everything is known starts no pandoc at all.

The .bib call is the slow one (about 2.5 s for 500 entries, almost all of it fixed: the
style's global name disambiguation over every entry). `prefetch` starts it in the
citation hook's on_config, from the blocks read straight from the docs folder, and
`format_citations` takes its result in on_files: it runs on the second core while MkDocs
collects the files and the guard rails check the site (about 1 s of a cold build).
"""

from __future__ import annotations

import atexit
import hashlib
import html
import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FORMAT_VERSION = "2"
CITE_DIV_RE = re.compile(r'<div id="c(\d+)">\s*<p>(.*?)</p>\s*</div>', re.DOTALL)
REF_DIV_RE = re.compile(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>', re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")


class CiteprocError(RuntimeError):
    """pandoc failed or warned; the message is pandoc's own."""


@dataclass
class Formatted:
    """Formatted citations (block text -> HTML) and references (key -> HTML, in list order)."""

    citations: dict[str, str] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # page item key -> formatted reference

    @property
    def order(self) -> list[str]:
        return list(self.references)

    def to_json(self) -> str:
        return json.dumps({"citations": self.citations, "references": self.references, "pages": self.pages}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Formatted:
        data = json.loads(text)
        return cls(dict(data["citations"]), dict(data["references"]), dict(data.get("pages", {})))


# The bundled pandoc's garbage collector with a 64 MB allocation area instead of its default:
# the .bib call of a 500-entry bibliography took 2.74 s instead of 3.07 s (median of five,
# alternating; the same output). Only for the binary pinned with pypandoc-binary, which accepts
# runtime options: a pandoc built without them would write a warning, and any warning stops the build.
BUNDLED_RTS_OPTIONS = ["+RTS", "-A64m", "-RTS"]


def _pandoc() -> tuple[str, list[str]]:
    """The pandoc to run and its runtime options: $PYPANDOC_PANDOC as it is, else the one
    bundled in pypandoc-binary with BUNDLED_RTS_OPTIONS, else whichever pypandoc finds."""
    if os.environ.get("PYPANDOC_PANDOC"):
        return os.environ["PYPANDOC_PANDOC"], []
    import pypandoc

    bundled = Path(pypandoc.__file__).parent / "files" / "pandoc"
    if bundled.is_file():
        return str(bundled), BUNDLED_RTS_OPTIONS
    return pypandoc.get_pandoc_path(), []


def pandoc_path() -> str:
    """The pandoc to run: $PYPANDOC_PANDOC, else the one bundled in pypandoc-binary."""
    return _pandoc()[0]


def build_document(blocks: list[str]) -> str:
    """A pandoc Markdown document holding each block in its own numbered div."""
    header = "---\nnocite: '@*'\nlink-citations: true\nlang: nb-NO\n---\n\n"
    return header + "\n".join(f"::: {{#c{i}}}\n{block}\n:::\n" for i, block in enumerate(blocks))


def parse_output(output: str, blocks: list[str]) -> Formatted:
    """Split pandoc's HTML back into per-block citations and per-key references."""
    cited = {int(n): text.strip() for n, text in CITE_DIV_RE.findall(output)}
    missing = [blocks[i] for i in range(len(blocks)) if i not in cited]
    if missing:
        raise CiteprocError(f"pandoc formaterte ikke {', '.join(missing[:3])}")
    references = {key: " ".join(text.split()) for key, text in REF_DIV_RE.findall(output)}
    if not references:
        raise CiteprocError("pandoc laget ingen litteraturliste")
    return Formatted({blocks[i]: " ".join(cited[i].split()) for i in cited}, references)


def _command(bibliographies: list[Path], csl: Path) -> list[str]:
    pandoc, runtime_options = _pandoc()
    command = [pandoc, *runtime_options, "--citeproc", "--csl", str(csl)]
    command += ["--from", "markdown", "--to", "html", "--wrap=none"]
    for path in bibliographies:
        command += ["--bibliography", str(path)]
    return command


class _Call:
    """One pandoc process, started at once and collected by `output()`. The document and the
    page items are files in a folder of the call's own, so pandoc reads them and works while
    the build goes on; nothing is written to it after it started."""

    def __init__(self, csl: Path, document: str, bib: Path | None = None, items: list[dict] = ()) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="tilfriskning-pandoc-")
        folder = Path(self._folder.name)
        bibliographies = [bib] if bib is not None else []
        if items:
            bibliographies.append(folder / "sider.json")
            csl_items = [{k: v for k, v in item.items() if not k.startswith("tf_")} for item in items]
            bibliographies[-1].write_text(json.dumps(csl_items, ensure_ascii=False), encoding="utf-8")
        source = folder / "siteringer.md"
        source.write_text(document, encoding="utf-8")
        self._process = subprocess.Popen(
            [*_command(bibliographies, csl), str(source)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
        )

    def output(self) -> str:
        try:
            output, errors = self._process.communicate()
        finally:
            self._folder.cleanup()
        if self._process.returncode != 0 or errors.strip():
            raise CiteprocError((errors or f"pandoc avsluttet med kode {self._process.returncode}").strip())
        return output

    def cancel(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
        self._folder.cleanup()


def run_pandoc(
    document: str | None, bib: Path, csl: Path, page_items: list[dict] = (), pages_document: str | None = None
) -> tuple[str | None, str | None]:
    """pandoc on the citation document (with the .bib) and, at the same time, on the page
    items (without it). Returns both HTML outputs; None for a side with nothing to do
    (no document, no page items)."""
    citations = pages = None
    try:
        citations = _Call(csl, document, bib) if document is not None else None
        pages = _Call(csl, pages_document or build_document([]), items=page_items) if page_items else None
        return (citations.output() if citations else None), (pages.output() if pages else None)
    finally:  # when one side failed, the other is not left running
        for call in (citations, pages):
            if call is not None:
                call.cancel()


def cache_key(bib: Path, csl: Path) -> str:
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    for path in (bib, csl):
        digest.update(path.read_bytes())
    pandoc = Path(pandoc_path())
    if pandoc.is_file():
        stat = pandoc.stat()
        digest.update(f"{pandoc.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def _cache(bib: Path, csl: Path, cache_dir: Path | None) -> tuple[str, Path | None, Formatted]:
    """The version of this .bib and style, its cache file, and what that file holds (nothing if unreadable)."""
    version = cache_key(bib, csl)
    cache_file = cache_dir / f"citations-{version}.json" if cache_dir else None
    if cache_file and cache_file.is_file():
        try:
            return version, cache_file, Formatted.from_json(cache_file.read_text(encoding="utf-8"))
        except (ValueError, KeyError, TypeError):
            pass
    return version, cache_file, Formatted()


class Prefetch:
    """The slow .bib call started early, for the citation blocks read straight from the docs
    folder while MkDocs still collects and checks the files (about a second of a cold build).

    Only a head start: `format_citations` takes what it formatted and formats whatever it
    missed, and a prefetch that fails (a page the checks will stop, a warning) is dropped
    without a word, so the build reports as it always did. Every block is formatted against
    the whole .bib (`nocite`), so what a prefetch formats is what the build's own call would."""

    def __init__(self, blocks: list[str], bib: Path, csl: Path, version: str) -> None:
        self.blocks, self.version = blocks, version
        self._call: _Call | None = _Call(csl, build_document(blocks), bib)
        atexit.register(self.cancel)  # a build stopped by the checks leaves no pandoc running

    def collect(self, version: str) -> Formatted | None:
        """What the early call formatted, or None if it failed or was for other input."""
        call, self._call = self._call, None
        atexit.unregister(self.cancel)
        if call is None:
            return None
        if version != self.version:  # the .bib or the style changed since it started: not waited for
            call.cancel()
            return None
        try:
            return parse_output(call.output(), self.blocks)
        except CiteprocError:
            return None

    def cancel(self) -> None:
        call, self._call = self._call, None
        if call is not None:
            call.cancel()


def prefetch(blocks: list[str], bib: Path, csl: Path, cache_dir: Path | None) -> Prefetch | None:
    """Start the .bib call for the blocks the cache lacks; None when it has them all."""
    version, _, cached = _cache(bib, csl, cache_dir)
    todo = [b for b in dict.fromkeys(blocks) if b not in cached.citations]
    if not todo and cached.references:
        return None
    return Prefetch(todo, bib, csl, version)


@dataclass
class FormatResult:
    formatted: Formatted
    pandoc_calls: int
    new_blocks: int


def format_citations(
    blocks: list[str],
    bib: Path,
    csl: Path,
    cache_dir: Path | None,
    page_items: dict[str, dict] | None = None,
    early: Prefetch | None = None,
) -> FormatResult:
    """Formatted text for every block, every reference and every page item (by its key),
    from cache, from an `early` call, or from one pandoc call for new blocks and one
    concurrent call for new page items."""
    unique = list(dict.fromkeys(blocks))
    page_items = page_items or {}
    version, cache_file, formatted = _cache(bib, csl, cache_dir)
    known = set(formatted.citations)
    todo_pages = {key: item for key, item in page_items.items() if key not in formatted.pages}
    by_id = {item["id"]: key for key, item in todo_pages.items()}
    # the page items' call starts before waiting for the early one, so the two run side by side
    pages_call = _Call(csl, build_document([]), items=list(todo_pages.values())) if todo_pages else None
    try:
        fetched = early.collect(version) if early else None
        if fetched is not None:
            formatted.citations.update(fetched.citations)
            formatted.references = fetched.references
        todo = [b for b in unique if b not in formatted.citations]
        # the .bib call is the slow one; when only page references are new (a page's title or
        # date changed), the cached citations and references are still right for this .bib
        cite_again = bool(todo) or not formatted.references
        output = _Call(csl, build_document(todo), bib).output() if cite_again else None
        pages_output = pages_call.output() if pages_call else None
    finally:
        if pages_call is not None:
            pages_call.cancel()
    if not todo and not todo_pages and fetched is None:
        return FormatResult(formatted, 0, 0)
    fresh = parse_output(output, todo) if output is not None else Formatted(references=formatted.references)
    page_texts = {key: " ".join(text.split()) for key, text in REF_DIV_RE.findall(pages_output or "")}
    if set(page_texts) != set(by_id):
        raise CiteprocError("pandoc formaterte ikke alle sidereferansene")
    pages = {**formatted.pages, **{by_id[item_id]: text for item_id, text in page_texts.items()}}
    citations = {**formatted.citations, **fresh.citations}
    # keep what this build uses, so the cache doesn't grow with every edit
    formatted = Formatted({b: citations[b] for b in unique}, fresh.references, {k: pages[k] for k in page_items})
    if cache_file:
        _write_cache(cache_file, formatted)
    calls = (fetched is not None) + cite_again + bool(todo_pages)
    return FormatResult(formatted, calls, sum(b not in known for b in unique) + len(todo_pages))


def _write_cache(cache_file: Path, formatted: Formatted) -> None:
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    for old in cache_file.parent.glob("citations-*.json"):
        if old != cache_file:
            old.unlink(missing_ok=True)
    tmp = cache_file.with_suffix(".tmp")
    tmp.write_text(formatted.to_json(), encoding="utf-8")
    tmp.replace(cache_file)


def plain_text(fragment: str) -> str:
    return html.unescape(TAG_RE.sub("", fragment))


def short_label(reference_html: str) -> str:
    """'Fekjær, H. O. (2016)' from a formatted reference: authors and year."""
    text = plain_text(reference_html)
    match = re.match(r"^(.*?\([^)]*\))", text)
    return match.group(1) if match else text[:60]
