"""The page `make serve` shows in the browser while a mistake stops the build (pure).

One plain page (no theme, no request to anything but the local server) with the lines
the build printed. It asks the server for its own address once a second: as long as the
build is stopped every address answers with this page (status 404); when the lines
change, or the site is back, it reloads itself.
"""

from __future__ import annotations

import hashlib
import html

TITLE = "Bygget stoppet"
RELOAD_SCRIPT = """
(function () {
  var marker = document.querySelector('meta[name="tf-feil"]').content;
  function poll() {
    fetch(location.href, {cache: "no-store"}).then(function (response) {
      return response.text().then(function (text) {
        if (response.status !== 404 || text.indexOf(marker) < 0) { location.reload(); } else { setTimeout(poll, 1000); }
      });
    }).catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 1000);
})();
"""
STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
    "h1{font-size:1.6rem;color:#8b0000}li{margin:.5rem 0;font-family:ui-monospace,monospace;white-space:pre-wrap;"
    "overflow-wrap:anywhere}p.merk{color:#444}"
)


def error_page(lines: list[str]) -> str:
    """The HTML page listing `lines`, the build's error lines, in Norwegian."""
    marker = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    items = "\n".join(f"<li>{html.escape(line)}</li>" for line in lines) or "<li>Bygget stoppet uten en melding.</li>"
    return f"""<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="tf-feil" content="{marker}">
<title>{TITLE} – Tilfriskning</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{TITLE}: rett feilen, så vises siden igjen</h1>
<p>Bygget fant {len(lines)} feil. Hver linje sier hvilken fil og linje det gjelder, og hva du gjør:</p>
<ol>
{items}
</ol>
<p class="merk">Når du lagrer en rettelse, bygges nettstedet på nytt, og denne siden lastes inn igjen av seg selv.</p>
</main>
<script>{RELOAD_SCRIPT}</script>
</body>
</html>
"""
