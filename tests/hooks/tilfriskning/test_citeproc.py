from pathlib import Path

from tilfriskning.citeproc import build_document, format_citations, parse_output, short_label
from tilfriskning.csl import installed_style_path, with_locale

BIB = """
@book{hansen2020, author = {Hansen, Kari and Olsen, Per and Dahl, Liv}, title = {Boka}, publisher = {Forlaget},
  year = {2020}, metadata_status = {verified}, source_checked = {no}}
@misc{berg2019a, author = {Berg, Anne}, title = {A}, year = {2019}, metadata_status = {partial}, source_checked = {no}}
@misc{berg2019b, author = {Berg, Anne}, title = {B}, year = {2019}, metadata_status = {partial}, source_checked = {no}}
"""


def _bib_and_style(tmp_path: Path) -> tuple[Path, Path]:
    """BIB and the nb-NO style, written where pandoc can read them."""
    bib = tmp_path / "x.bib"
    bib.write_text(BIB, encoding="utf-8")
    csl = tmp_path / "nb.csl"
    csl.write_text(with_locale(installed_style_path().read_text(encoding="utf-8")), encoding="utf-8")
    return bib, csl


def test_document_holds_each_block_in_a_div():
    doc = build_document(["[@a]", "[@b, s. 2]"])
    assert "nocite: '@*'" in doc and "link-citations: true" in doc and "lang: nb-NO" in doc
    assert "::: {#c0}\n[@a]\n:::" in doc and "::: {#c1}\n[@b, s. 2]\n:::" in doc


def test_parse_output_maps_blocks_and_references():
    output = (
        '<div id="c0">\n<p><span class="citation">(<a href="#ref-a">A, 2020</a>)</span></p>\n</div>\n'
        '<div id="refs"><div id="ref-a" class="csl-entry" role="listitem">\nA. (2020).\n</div></div>'
    )
    formatted = parse_output(output, ["[@a]"])
    assert formatted.citations == {"[@a]": '<span class="citation">(<a href="#ref-a">A, 2020</a>)</span>'}
    assert formatted.references == {"a": "A. (2020)."}


def test_format_citations_one_call_then_cache(tmp_path: Path):
    bib, csl = _bib_and_style(tmp_path)
    cache = tmp_path / "cache"
    first = format_citations(["[@hansen2020, s. 5]", "[@berg2019a]"], bib, csl, cache)
    assert first.pandoc_calls == 1
    assert "Hansen et al., 2020, s. 5" in first.formatted.citations["[@hansen2020, s. 5]"]
    # nocite: the other 2019 work exists, so the suffix is there although only one is cited
    assert "2019a" in first.formatted.citations["[@berg2019a]"]
    assert first.formatted.order == ["berg2019a", "berg2019b", "hansen2020"]
    again = format_citations(["[@berg2019a]", "[@hansen2020, s. 5]"], bib, csl, cache)
    assert again.pandoc_calls == 0
    more = format_citations(["[@berg2019b]", "[@berg2019a]"], bib, csl, cache)
    assert (more.pandoc_calls, more.new_blocks) == (1, 1)
    bib.write_text(BIB.replace("Boka", "Boken"), encoding="utf-8")
    changed = format_citations(["[@berg2019a]"], bib, csl, cache)
    assert changed.pandoc_calls == 1, "a changed .bib must never be served from the old cache"
    assert "Boken" in changed.formatted.references["hansen2020"]
    assert len(list(cache.glob("citations-*.json"))) == 1


def test_short_label():
    assert short_label("Fekjær, H. O. (2016). <em>Rus</em>.") == "Fekjær, H. O. (2016)"


def test_page_items_are_formatted_alongside_without_year_suffixes(tmp_path: Path):
    import datetime as dt

    from tilfriskning.citethis import item_key, page_item, real_author

    bib, csl = _bib_and_style(tmp_path)
    day = dt.date(2026, 11, 26)
    items = [
        page_item("a/b.md", 1, "Første side", "https://x.no/a/b/", day, None),
        page_item("a/c.md", 2, "Andre side", "https://x.no/a/c/", day, None),
        page_item("a/d.md", 3, "Tredje side", "https://x.no/a/d/", day, ["Hansen, Kari"]),
    ]
    keyed = {item_key(i): i for i in items}
    result = format_citations(["[@hansen2020]"], bib, csl, tmp_path / "cache", keyed)
    assert result.pandoc_calls == 2, "citations and page references: two pandoc processes, started together"
    texts = [real_author(result.formatted.pages[item_key(i)]) for i in items]
    assert texts[0] == (
        'Tilfriskning. (2026, 26. november). <em>Første side</em>. <a href="https://x.no/a/b/">https://x.no/a/b/</a>'
    )
    assert "2026a" not in texts[1] and texts[1].startswith("Tilfriskning. (2026, 26. november). <em>Andre side</em>")
    assert texts[2].startswith("Hansen, K. (2026, 26. november). <em>Tredje side</em>. Tilfriskning.")
    again = format_citations(["[@hansen2020]"], bib, csl, tmp_path / "cache", keyed)
    assert again.pandoc_calls == 0
    retitled = page_item("a/b.md", 1, "Ny tittel", "https://x.no/a/b/", day, None)
    edited = {**{k: v for k, v in keyed.items() if v["id"] != retitled["id"]}, item_key(retitled): retitled}
    after_edit = format_citations(["[@hansen2020]"], bib, csl, tmp_path / "cache", edited)
    assert after_edit.pandoc_calls == 1, "a page's new title needs only the page call, not the .bib one"
    assert after_edit.formatted.references == result.formatted.references
    assert after_edit.formatted.citations == result.formatted.citations
    assert "<em>Ny tittel</em>" in after_edit.formatted.pages[item_key(retitled)]


def test_page_references_are_the_same_formatted_apart_or_beside_the_bibliography(tmp_path: Path):
    """Why splitting the call is safe: with the .bib in the same document, the page items
    come out exactly as they do on their own."""
    import datetime as dt
    import json
    import subprocess

    from tilfriskning.citeproc import REF_DIV_RE, _command, run_pandoc
    from tilfriskning.citethis import page_item

    bib, csl = _bib_and_style(tmp_path)
    day = dt.date(2026, 11, 26)
    items = [
        page_item(f"s/{n}.md", n, f"Side {n}", f"https://x.no/s/{n}/", day, ["Hansen, Kari"] if n == 2 else None)
        for n in range(4)
    ]
    _, apart = run_pandoc(build_document([]), bib, csl, items)
    pages = tmp_path / "sider.json"
    pages.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    together = subprocess.run(
        _command([bib, pages], csl), input=build_document([]), capture_output=True, text=True, check=True
    ).stdout
    entries = lambda html: {k: " ".join(v.split()) for k, v in REF_DIV_RE.findall(html) if k.startswith("tilfriskning")}
    assert entries(apart) == entries(together) and len(entries(apart)) == 4


def test_the_bundled_pandoc_gets_a_larger_allocation_area_and_another_pandoc_none(tmp_path: Path, monkeypatch):
    import subprocess

    from tilfriskning.citeproc import BUNDLED_RTS_OPTIONS, _command, pandoc_path

    bib, csl = _bib_and_style(tmp_path)
    command = _command([bib], csl)
    assert command[1:4] == BUNDLED_RTS_OPTIONS
    done = subprocess.run(command, input=build_document(["[@hansen2020]"]), capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", "the bundled pandoc takes the options without a word"
    assert "Hansen et al., 2020" in done.stdout
    monkeypatch.setenv("PYPANDOC_PANDOC", pandoc_path())
    assert not set(BUNDLED_RTS_OPTIONS) & set(_command([bib], csl))


def test_an_early_call_is_taken_and_only_what_it_missed_is_formatted_again(tmp_path: Path):
    from tilfriskning.citeproc import prefetch

    bib, csl = _bib_and_style(tmp_path)
    blocks = ["[@hansen2020, s. 5]", "[@berg2019a]"]
    alone = format_citations(blocks, bib, csl, None).formatted
    early = prefetch(blocks[:1] + ["[@berg2019b]"], bib, csl, tmp_path / "cache")
    result = format_citations(blocks, bib, csl, tmp_path / "cache", early=early)
    assert result.pandoc_calls == 2, "the early call, and one for the block it did not have"
    assert result.new_blocks == 2
    assert result.formatted == alone, "the same text as formatted in one call"
    assert set(result.formatted.citations) == set(blocks), "a block only the early call had is not kept"
    assert prefetch(blocks, bib, csl, tmp_path / "cache") is None, "nothing to start when the cache has it all"
    taken = format_citations(blocks, bib, csl, tmp_path / "other", early=prefetch(blocks, bib, csl, tmp_path / "other"))
    assert taken.pandoc_calls == 1 and taken.formatted == alone


def test_a_failed_or_outdated_early_call_is_dropped_without_a_word(tmp_path: Path):
    from tilfriskning.citeproc import prefetch

    bib, csl = _bib_and_style(tmp_path)
    failing = prefetch(["[@finnesikke2020]"], bib, csl, None)  # pandoc warns about the unknown key
    result = format_citations(["[@berg2019a]"], bib, csl, None, early=failing)
    assert result.pandoc_calls == 1 and "2019a" in result.formatted.citations["[@berg2019a]"]
    outdated = prefetch(["[@hansen2020]"], bib, csl, None)
    bib.write_text(BIB.replace("Boka", "Boken"), encoding="utf-8")
    changed = format_citations(["[@hansen2020]"], bib, csl, None, early=outdated)
    assert changed.pandoc_calls == 1, "started before the .bib changed: formatted again"
    assert "Boken" in changed.formatted.references["hansen2020"]


def test_a_cancelled_early_call_leaves_no_process_or_files(tmp_path: Path):
    from tilfriskning.citeproc import prefetch

    bib, csl = _bib_and_style(tmp_path)
    early = prefetch(["[@hansen2020]"], bib, csl, None)
    call = early._call
    folder = Path(call._folder.name)
    assert folder.is_dir()
    early.cancel()
    assert call._process.poll() is not None and not folder.exists()
    assert early.collect(early.version) is None
