import base64
import hashlib

from tilfriskning.csp import allowing_last_script, inline_hashes, policy, source_hash, with_policy


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hashes_are_of_the_text_as_the_browser_parses_it():
    assert source_hash("a=1") == sha("a=1")
    assert source_hash("a=1;\r\nb=2;\rc") == sha("a=1;\nb=2;\nc")
    assert source_hash("æ") == sha("æ")


def test_only_inline_scripts_that_run_and_every_style_are_hashed():
    html = (
        '<script>__md_scope=new URL("../..",location)</script>'
        '<script type="module">m()</script>'
        '<SCRIPT type="text/javascript">x()</SCRIPT >'
        '<script type="application/ld+json">{"a": 1}</script>'
        '<script id="__config" type="application/json">{}</script>'
        '<script src="bundle.js"></script>'
        "<svg><style>.kart{font-size:14px}</style></svg>"
    )
    scripts, styles = inline_hashes(html)
    assert scripts == {sha('__md_scope=new URL("../..",location)'), sha("m()"), sha("x()")}
    assert styles == {sha(".kart{font-size:14px}")}


def test_policy_is_the_site_itself_and_hashes_only():
    text = policy({"'sha256-b'", "'sha256-a'"}, {"'sha256-s'"})
    assert text.startswith("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-s';")
    assert "img-src 'self' data:" in text and "object-src 'none'" in text and "base-uri 'self'" in text
    assert "unsafe" not in text and "http" not in text and "*" not in text
    assert "frame-ancestors" not in text, "ignored (with a console error) in a <meta> policy"


def test_the_policy_goes_right_after_the_charset_once():
    page = '<html><head>\n<meta charset="utf-8">\n<script>a()</script></head></html>'
    once = with_policy(page, "default-src 'self'")
    assert once.index('http-equiv="Content-Security-Policy"') < once.index("<script>")
    assert once.index('<meta charset="utf-8">') < once.index("http-equiv")
    again = with_policy(once, "default-src 'none'")
    assert again.count("Content-Security-Policy") == 1 and "default-src 'none'" in again
    assert with_policy("<html><head><title>x</title>", "p").startswith("<html><head>\n    <meta http-equiv=")
    assert with_policy("not a page", "p") == "not a page"


def test_the_preview_lets_only_its_live_reload_script_run():
    page = with_policy("<html><head><meta charset=utf-8></head><body><script>a()</script></body></html>", policy([], []))
    served = page.replace("</body>", "<script>livereload(1, 2)</script></body>")
    allowed = allowing_last_script(served)
    assert f"script-src 'self' {source_hash('livereload(1, 2)')};" in allowed
    assert source_hash("a()") not in allowed and allowed.count("Content-Security-Policy") == 1
    assert allowing_last_script("<p>ingen side</p>") == "<p>ingen side</p>"
