import importlib.util

from helpers import ROOT

spec = importlib.util.spec_from_file_location("external_links", ROOT / "hooks" / "external_links.py")
external_links = importlib.util.module_from_spec(spec)
spec.loader.exec_module(external_links)


def test_external_links_get_noopener_and_keep_their_rel():
    html = (
        '<a href="https://rusinfo.no">a</a> <a href="../x/">b</a> '
        '<a rel="license" href="https://creativecommons.org/">c</a> <a href="//x.org" rel="noopener">d</a>'
    )
    out = external_links.on_page_content(html, None, None, None)
    assert out == (
        '<a href="https://rusinfo.no" rel="noopener">a</a> <a href="../x/">b</a> '
        '<a rel="license noopener" href="https://creativecommons.org/">c</a> <a href="//x.org" rel="noopener">d</a>'
    )


def test_built_pages_have_no_external_link_without_noopener(built_fixture):
    """Found by an HTML parser, not by the hook's own pattern, so a link the pattern misses fails here."""
    from urllib.parse import urlparse

    from bs4 import BeautifulSoup

    checked = 0
    for page in (built_fixture / "site").rglob("*.html"):
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True):
            host = urlparse(link["href"]).netloc
            if host and host != "127.0.0.1:8000":  # the site's own address (SITE_URL)
                checked += 1
                assert "noopener" in (link.get("rel") or []), (page, str(link))
    assert checked, "the fixture site links to other sites"
