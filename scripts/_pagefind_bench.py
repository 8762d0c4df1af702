"""Pagefind beside the lunr search, for `scripts/bench --pagefind` (issue 14, part 2). Not part of the site.

Pagefind (pinned in bench/pagefind/requirements.txt, installed on demand into
bench/pagefind/.venv, never into the project's .venv) indexes the same built site the lunr
numbers come from: the same pages (those in Material's search index), each page's article
(`data-pagefind-body`, added here to the built HTML as a template override would), and
without what the lunr index leaves out either (EXCLUDED: "Siter denne siden", relations,
the neighbourhood map, "Sider som lenker hit", the sources, the bibliography on Litteratur,
dates). Material renders a page's tags in a <nav>, which Pagefind skips; they become a <div>
with a weight of their own, as lunr has a tags field. Pagefind's defaults otherwise: ranking,
excerpts, and the language from `<html lang="nb">` (Norwegian Snowball stemming,
`wasm.nb.pagefind`), with "-" kept inside words (INCLUDE_CHARACTERS) so that "§ 2-5" and
"IS-1948" are found as lunr's identifiers field finds them. SETUP says all of this in results.json.

Pagefind is not wired into the site. In the browser, a small glue (GLUE) takes Material's
search box over: it stops Material's keyup handler, loads `pagefind/pagefind.js` on the
box's first focus, and on every keyup searches and renders the first ten results (their
fragments, an excerpt and at most five sections each) into Material's result list. The
files the lunr search loads (its index, workers, lunr) are blocked, so they cost nothing
here; the glue itself is not counted in the first visit. The measurements otherwise follow
scripts/_search_bench.py: the same first visit, first query, latency, longest main-thread
task while typing and top-three quality, on the same queries.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import _search_bench
from _search_bench import _open_front_page, gz

HERE = Path(__file__).resolve().parents[1] / "bench" / "pagefind"
REQUIREMENTS = HERE / "requirements.txt"
VENV = HERE / ".venv"
ARTICLE = '<article class="md-content__inner md-typeset">'
EXCLUDED = [
    ".headerlink",
    "#siter-denne-siden",
    ".siter-side",
    "#sammenhenger",
    ".sammenhenger",
    ".kart-ramme",
    "#sider-som-lenker-hit",
    ".lenker-hit",
    "#kilder",
    ".kilder",
    ".kilder-merknad",
    "ul.litteratur",
    ".litteratur-last-ned",
    ".sist-oppdatert",
    ".foresla-endring",
]
# What the lunr search fetches; blocked while Pagefind is measured.
LUNR_FILES = ["**/search/search_index*.json", "**/javascripts/workers/**", "**/javascripts/lunr/**", "**/search_focus.js"]
TAGS_RE = re.compile(r'<nav class="md-tags" >(.*?)</nav>', re.DOTALL)
TAG_WEIGHT = 3.5
# "-" inside words: "2-5", "IS-1948" are words of their own ("§ 2-5" finds the law section), as
# lunr's identifiers field makes them; Pagefind still indexes the parts ("retningslinjen" in "ROP-retningslinjen").
INCLUDE_CHARACTERS = "-"
RESULTS_SHOWN = 10  # the results Material renders before the reader scrolls
SETUP = {
    "pages": "de samme som i Materials søkeindeks (search/search_index_nb.json)",
    "body": f"{ARTICLE[1:-1]} med data-pagefind-body",
    "exclude_selectors": EXCLUDED,
    "tags": f"stikkordene som <div> med data-pagefind-weight={TAG_WEIGHT} (Material har dem i <nav>, som Pagefind hopper over)",
    "include_characters": f"«{INCLUDE_CHARACTERS}» (bindestrek inne i ord: «2-5», «IS-1948» blir egne ord)",
    "language": "fra <html lang=nb>, norsk Snowball-stemming i Pagefind (wasm.nb.pagefind)",
    "ranking": "Pagefinds standard",
    "results_rendered": f"de første {RESULTS_SHOWN}, med utdrag og høyst fem avsnitt hver, i Materials resultatliste",
    "not_counted": "limet (GLUE i scripts/_pagefind_bench.py) i første besøk; lunrs filer er blokkert",
}

# Runs in the page before its scripts: Pagefind behind Material's search box.
GLUE = """() => {
  const state = window.__pf = { shown: null, latest: 0, module: null }
  const isBox = target => target && target.matches && target.matches("input.md-search__input")
  const load = () => state.module ??= import("/pagefind/pagefind.js").then(async pf => { await pf.init(); return pf })
  const esc = s => String(s).replace(/[&<>"]/g, c => "&#" + c.charCodeAt(0) + ";")
  const section = s => `<a href="${s.url}" class="md-search-result__link" tabindex="-1">`
    + `<article class="md-search-result__article md-typeset"><h2>${esc(s.title)}</h2></article></a>`
  const item = d => {
    const sections = d.sub_results.filter(s => s.url !== d.url).slice(0, 5)
    return `<li class="md-search-result__item"><a href="${d.url}" class="md-search-result__link" tabindex="-1">`
      + `<article class="md-search-result__article md-typeset"><h1>${esc(d.meta.title || d.url)}</h1><p>${d.excerpt}</p></article></a>`
      + (sections.length ? `<details class="md-search-result__more"><summary tabindex="-1"><div>${sections.length} flere på denne siden</div></summary>`
        + `<div>${sections.map(section).join("")}</div></details>` : "") + "</li>"
  }
  const show = (q, data, total) => {
    document.querySelector(".md-search-result__meta").textContent = q.trim() ? (total ? `${total} treff` : "Ingen treff") : ""
    document.querySelector(".md-search-result__list").innerHTML = data.map(item).join("")
    state.shown = q
    document.dispatchEvent(new CustomEvent("pf-shown", { detail: q }))
  }
  const run = async q => {
    const n = ++state.latest
    if (!q.trim()) return show(q, [], 0)
    const pf = await load()
    const search = await pf.search(q)
    if (n !== state.latest) return
    const data = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map(r => r.data()))
    if (n === state.latest) show(q, data, search.results.length)
  }
  window.addEventListener("keyup", e => { if (isBox(e.target)) { e.stopPropagation(); run(e.target.value) } }, true)
  window.addEventListener("focusin", e => { if (isBox(e.target)) load() }, true)
}""".replace("RESULTS_SHOWN", str(RESULTS_SHOWN))
TIMED_QUERY = """async q => {
  const box = document.querySelector("input.md-search__input")
  if (box.value === q && window.__pf.shown === q) return 0
  const shown = new Promise(resolve => {
    const seen = e => { if (e.detail === q) { document.removeEventListener("pf-shown", seen); resolve() } }
    document.addEventListener("pf-shown", seen)
  })
  box.value = q
  const start = performance.now()
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }))
  await shown
  return performance.now() - start
}"""
SHOWN = """q => document.querySelector("input.md-search__input").value === q && window.__pf.shown === q"""
TOP_THREE = """base => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
  .slice(0, 3).map(a => a.getAttribute('href').split('#')[0].split('?')[0].replace(/^\\//, ''))"""


def python() -> Path | None:
    """Python of bench/pagefind/.venv with Pagefind installed (installing it if need be), or None."""
    bin_python = VENV / "bin" / "python"
    wanted = dict(re.findall(r"^([\w-]+)==(\S+)", REQUIREMENTS.read_text(encoding="utf-8"), re.MULTILINE))
    if bin_python.exists() and version(bin_python) == wanted.get("pagefind"):
        return bin_python
    steps = [[sys.executable, "-m", "venv", str(VENV)], [str(bin_python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)]]
    for step in steps:
        if subprocess.run(step, capture_output=True, text=True).returncode != 0:
            print(
                f"Pagefind kunne ikke installeres («pip install -r {REQUIREMENTS.relative_to(HERE.parents[1])}» "
                f"i {VENV.relative_to(HERE.parents[1])}; trenger nett første gang); hopper over Pagefind."
            )
            return None
    return bin_python


def version(bin_python: Path) -> str | None:
    result = subprocess.run([str(bin_python), "-m", "pagefind", "--version"], capture_output=True, text=True)
    return result.stdout.split()[-1] if result.returncode == 0 and result.stdout.strip() else None


def mark_pages(site: Path) -> int:
    """Mark what Pagefind indexes, in the pages Material's search indexes; how many pages.

    The article is the body; Material renders a page's tags in a <nav>, which Pagefind skips,
    so they become a <div> with TAG_WEIGHT (lunr gives tags half a title's boost; Pagefind's h1 has 7)."""
    docs = json.loads((site / "search" / "search_index_nb.json").read_text(encoding="utf-8"))["docs"]
    locations = sorted({d["location"].split("#")[0] for d in docs})
    for location in locations:
        path = site / location / "index.html"
        html = path.read_text(encoding="utf-8")
        if html.count(ARTICLE) != 1:
            raise ValueError(f"{path}: fant ikke én {ARTICLE}")
        html = html.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>")
        html = TAGS_RE.sub(lambda m: f'<div class="md-tags" data-pagefind-weight="{TAG_WEIGHT}">{m[1]}</div>', html, count=1)
        path.write_text(html, encoding="utf-8")
    return len(locations)


def index(site: Path, bin_python: Path) -> dict:
    """Mark the pages (mark_pages), run Pagefind over `site`; what it reports."""
    mark_pages(site)
    config = site.parent / "pagefind.json"
    settings = {"site": site.name, "exclude_selectors": EXCLUDED, "include_characters": INCLUDE_CHARACTERS}
    config.write_text(json.dumps(settings), encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([str(bin_python), "-m", "pagefind"], cwd=site.parent, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind feilet:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    found = {}
    for number, what in re.findall(r"Indexed (\d+) (pages|words)", result.stdout):
        found[what] = int(number)
    languages = re.search(r"Discovered \d+ languages?: (.+)", result.stdout)
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {
        "index_s": round(seconds, 2),
        "indexed_pages": found.get("pages"),
        "indexed_words": found.get("words"),
        "language": languages.group(1).strip() if languages else None,
        "wasm": [f"wasm.{lang['wasm']}.pagefind" for lang in entry["languages"].values()],
    }


def sizes(site: Path) -> dict:
    """Pagefind's files as a server sends them: its data files are gzip already, the scripts are compressed."""
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))

    def served(path: Path) -> int:
        data = path.read_bytes()
        return gz(data) if path.suffix in (".js", ".json") else len(data)

    groups = {
        "pagefind.js": [bundle / "pagefind.js"],
        "pagefind-worker.js": [bundle / "pagefind-worker.js"],
        "pagefind-entry.json": [bundle / "pagefind-entry.json"],
        "wasm": [bundle / f"wasm.{lang['wasm']}.pagefind" for lang in entry["languages"].values()],
        "meta": sorted(bundle.glob("*.pf_meta")),
        "index": sorted((bundle / "index").glob("*.pf_index")),
        "fragment": sorted((bundle / "fragment").glob("*.pf_fragment")),
    }
    files = {k: {"files": len(v), "gzip_bytes": sum(served(p) for p in v)} for k, v in groups.items()}
    data = sum(files[k]["gzip_bytes"] for k in ("meta", "index", "fragment"))
    return {"bundle_files": files, "data_gzip_bytes": data}


JS = {"timed": TIMED_QUERY, "shown": SHOWN, "top_three": TOP_THREE}
# Inflected forms whose base form stands on the site: does Pagefind's Norwegian stemming find it?
STEMMING_PROBES = ["skammen", "anerkjennelsen", "motivasjonen", "overdosene"]
# Runs in the page: the words Pagefind marks in the excerpts of the first three results of `q`.
MARKED = """async q => {
  const search = await (await window.__pf.module).search(q)
  const data = await Promise.all(search.results.slice(0, 3).map(r => r.data()))
  const words = data.flatMap(d => [...d.excerpt.matchAll(/<mark>(.*?)<\\/mark>/g)].map(m => m[1].toLowerCase().replace(/[^\\p{L}\\d-]/gu, "")))
  return [...new Set(words)].sort()
}"""


class _Pagefind:
    """Pagefind behind Material's box, for _search_bench.in_browser: the glue in the page,
    the lunr files blocked, and the stemming probes measured after the rounds."""

    js = JS

    def __init__(self, probes: list[str]):
        self.probes, self.blocked = probes, []

    def open(self, page, base: str) -> list[tuple[str, int]]:
        for pattern in LUNR_FILES:
            page.route(pattern, lambda route: (self.blocked.append(route.request.url.replace(base, "")), route.abort()))
        page.add_init_script(f"({GLUE})()")
        self.base = base
        return _open_front_page(page, base)

    def more(self, page) -> dict:
        return {
            "lunr_files_blocked": sorted(set(self.blocked)),
            "stemming_marked_words": {q: page.evaluate(MARKED, q) for q in self.probes},
        }


def in_browser(site: Path, port: int, queries: list, typing: list[str], probes: list[str], rounds: int = 3) -> dict:
    """What scripts/_search_bench.py's `in_browser` measures, for Pagefind behind Material's box,
    and the words marked in the first three excerpts for each of `probes` (Norwegian stemming).
    Index and fragment files are counted by kind, not listed one by one."""
    row = _search_bench.in_browser(site, port, queries, typing, rounds, engine=_Pagefind(probes))
    files = row["first_query_files"]
    row["first_query_fetches"] = len(files)
    row["first_query_files"] = sorted({re.sub(r"/[^/]+\.(pf_index|pf_fragment)$", r"/*.\1", f) for f in files})
    return row
