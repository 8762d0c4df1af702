"""Search measurements for scripts/bench (issue 14), on a built site served with gzip.

What is measured, in Chromium through Material's own search box, as a reader uses it:
- the indexed text (titles and text of Material's search entries, markup removed), raw and gzip;
- the index files, raw and gzip;
- the first visit to the front page (everything it transfers, compressed, until the network is idle);
- the first query: what focusing the box and searching transfers, and how long until results show;
- query latency afterwards (keyup to results shown), median and slowest;
- the longest main-thread task while typing (PerformanceObserver "longtask", tasks over 50 ms);
- result quality: how many of the given queries have an expected page among the first three links;
- the same for queries drawn from the index itself: every word with a digit in it (years, figures, law
  sections, guideline numbers, codes, phone numbers) that stands on at most three pages, which is what
  held-back number queries would ask (`number_queries`).
Not a test: the numbers go to bench/results.json.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import statistics
from pathlib import Path

from _gzipserver import serve

INDEX_FILES = ("search/search_index.json", "search/search_index_nb.json")
TAG_RE = re.compile(r"<[^>]+>")

# Runs in the page: Material has answered the query `q` (or, for "", shows its placeholder).
SHOWN = """q => {
  const box = document.querySelector("input.md-search__input")
  const meta = document.querySelector(".md-search-result__meta")
  if (box.value !== q || /Starter søk/.test(meta.textContent)) return false
  if (q === "") return /Skriv søkeord/.test(meta.textContent)
  return !/Skriv søkeord/.test(meta.textContent)
    && (!!document.querySelector(".md-search-result__item") || /Ingen treff/.test(meta.textContent))
}"""
# Runs in the page: give the box a query as Material sees typing (keyup); resolve with the
# milliseconds until Material shows its answer.
TIMED_QUERY = """async q => {
  const shown = SHOWN
  const box = document.querySelector("input.md-search__input")
  if (box.value === q && shown(q)) return 0
  box.value = q
  const start = performance.now()
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }))
  await new Promise(resolve => {
    const observer = new MutationObserver(() => { if (shown(q)) { observer.disconnect(); resolve() } })
    observer.observe(document.querySelector(".md-search-result"), { childList: true, characterData: true, subtree: true })
  })
  return performance.now() - start
}""".replace("SHOWN", SHOWN)
TOP_THREE = """base => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
  .slice(0, 3).map(a => a.getAttribute('href').split('#')[0].split('?')[0].replace(base, ''))"""
# What the measuring functions run in the page (scripts/_pagefind_bench.py has its own).
LUNR_JS = {"timed": TIMED_QUERY, "shown": SHOWN, "top_three": TOP_THREE}
LONG_TASKS = """() => {
  window.__longTasks = []
  new PerformanceObserver(list => window.__longTasks.push(...list.getEntries().map(e => [e.startTime, e.duration])))
    .observe({ type: "longtask", buffered: true })
}"""


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def indexed_text(site: Path) -> bytes:
    """The text Material's search indexes: every entry's title and text, markup removed."""
    docs = []
    for name in reversed(INDEX_FILES):
        path = site / name
        if path.is_file():
            docs = json.loads(path.read_text(encoding="utf-8")).get("docs", [])
            if docs:
                break
    text = " ".join(f"{d.get('title', '')} {TAG_RE.sub(' ', d.get('text', ''))}" for d in docs)
    return re.sub(r"\s+", " ", text).encode("utf-8")


def sizes(site: Path) -> dict:
    text = indexed_text(site)
    files = {}
    for name in INDEX_FILES:
        path = site / name
        if path.is_file():
            data = path.read_bytes()
            files[name] = {"bytes": len(data), "gzip_bytes": gz(data)}
    return {"indexed_text_bytes": len(text), "indexed_text_gzip_bytes": gz(text), "index_files": files}


def _browser(playwright):
    return playwright.chromium.launch(
        executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def _typed(page, query: str, js: dict, delay_ms: int = 90) -> None:
    """Type `query` key by key into the empty box, as a reader does, and wait for the answer."""
    page.evaluate(js["timed"], "")
    page.locator("input.md-search__input").press_sequentially(query, delay=delay_ms)
    page.wait_for_function(js["shown"], arg=query, timeout=30000)


def test_queries(root: Path) -> list[tuple[str, list[str]]]:
    """The queries of tests/browser/test_search.py with the pages expected among the first three."""
    import importlib.util
    import sys

    for folder in ("tests", "tests/browser"):
        if str(root / folder) not in sys.path:
            sys.path.insert(0, str(root / folder))
    spec = importlib.util.spec_from_file_location("search_queries", root / "tests" / "browser" / "test_search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.QUERIES + module.NUMBER_QUERIES


EDGE_PUNCTUATION = ".,;:!?()[]«»\"'*"


def number_queries(site: Path, most_pages: int = 3) -> list[tuple[str, list[str]]]:
    """Every word with a digit in the searched text (after "§", the two as one query, and the word
    alone: "3-1" stands in "§ 3-1"), with the pages it stands on, as a word or as one of the tokens
    the index splits words into ("32" stands in "32–33"), for the words that stand on at most
    `most_pages` pages."""
    index = json.loads((site / INDEX_FILES[-1]).read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    pages_of: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        words = html.unescape(TAG_RE.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")).split()
        for before, word in zip(["", *words], words):
            word = word.strip(EDGE_PUNCTUATION)
            if any(c.isdigit() for c in word) and "(" not in word and ")" not in word:  # «14(2)»: a volume(issue)
                pages_of.setdefault(word, set()).add(page)
                if before == "§":
                    pages_of.setdefault(f"§ {word}", set()).add(page)
            for token in separator.split(word):
                if token and token != word and any(c.isdigit() for c in token):
                    pages_of.setdefault(token, set()).add(page)
    return [(q, sorted(pages)) for q, pages in sorted(pages_of.items()) if len(pages) <= most_pages]


def _quality(page, base: str, queries: list[tuple[str, list[str]]], latencies: list[float], js: dict = LUNR_JS) -> dict:
    """How many queries have an expected page among the first three links (and which do not)."""
    hits, misses = 0, []
    for query, expected in queries:
        page.evaluate(js["timed"], "")
        latencies.append(page.evaluate(js["timed"], query))
        found = page.evaluate(js["top_three"], base)
        if any(p in expected for p in found):
            hits += 1
        else:
            misses.append([query, found])
    return {"queries": len(queries), "top_three": hits, "misses": misses}


def _typing_rounds(page, typing: list[str], rounds: int, latencies: list[float], js: dict = LUNR_JS) -> list[float]:
    """The longest main-thread task of each round of typing `typing` key by key."""
    longest = []
    for _ in range(rounds):
        typing_start = page.evaluate("performance.now()")
        for query in typing:
            _typed(page, query, js)
            latencies.append(page.evaluate(js["timed"], query + " "))  # the same query again, timed
        tasks = page.evaluate("window.__longTasks")
        longest.append(max([d for s, d in tasks if s >= typing_start], default=0))
    return longest


def _open_front_page(page, base: str) -> list[tuple[str, int]]:
    """Open the front page as a reader does; returns the list the responses are added to."""
    transferred: list[tuple[str, int]] = []
    page.on("response", lambda r: transferred.append((r.url, int(r.headers.get("content-length", "0") or 0))))
    page.add_init_script(f"({LONG_TASKS})()")
    page.goto(base)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => window.component$ !== undefined")
    return transferred


def in_browser(
    site: Path, port: int, queries: list, typing: list[str], rounds: int = 3, engine=None, generated: list | None = None
) -> dict:
    """First visit, first query, latency, longest task while typing and quality, in Chromium.

    The typing is done `rounds` times; a long task depends on what else the machine runs,
    so the smallest and the median of the rounds' longest tasks are both given. `engine`
    (scripts/_pagefind_bench.py) puts another search behind Material's box: its `open`
    opens the front page, `js` holds its page-side functions, and `more(page)` adds
    results of its own."""
    from playwright.sync_api import sync_playwright

    open_page, js = (engine.open, engine.js) if engine else (_open_front_page, LUNR_JS)
    server = serve(str(site), port)
    base = f"http://127.0.0.1:{port}/"
    try:
        with sync_playwright() as playwright:
            browser = _browser(playwright)
            page = browser.new_context().new_page()
            transferred = open_page(page, base)
            first_visit = sum(size for _, size in transferred)
            before = len(transferred)
            start = page.evaluate("performance.now()")
            page.locator("input.md-search__input").click()
            cold = page.evaluate(js["timed"], queries[0][0] if queries else typing[0])
            first_query_ms = page.evaluate("performance.now()") - start
            page.wait_for_load_state("networkidle")
            after_focus = transferred[before:]
            latencies: list[float] = []
            quality = _quality(page, base, queries, latencies, js)
            more_quality = {"generated_number_queries": _quality(page, base, generated, [], js)} if generated else {}
            longest = _typing_rounds(page, typing, rounds, latencies, js)
            more = engine.more(page) if engine else {}
            after_focus_tasks = [d for s, d in page.evaluate("window.__longTasks") if s >= start]
            browser.close()
    finally:
        server.shutdown()
    return {
        "first_visit_gzip_bytes": first_visit,
        "first_query_gzip_bytes": sum(size for _, size in after_focus),
        "first_query_files": sorted({url.replace(base, "").split("?")[0] for url, _ in after_focus}),
        "first_query_ms": round(first_query_ms),
        "first_query_cold_ms": round(cold),
        "query_ms_median": round(statistics.median(latencies), 1) if latencies else None,
        "query_ms_max": round(max(latencies), 1) if latencies else None,
        "longest_task_while_typing_ms": {"min": round(min(longest)), "median": round(statistics.median(longest))},
        "longest_task_after_focus_ms": round(max(after_focus_tasks, default=0)),
        "load_average": round(os.getloadavg()[0], 1),
        "quality": quality,
        **more_quality,
        **more,
    }
