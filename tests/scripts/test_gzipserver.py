"""The measuring server of scripts/bench: gzip as a web server sends it, connections kept open."""

import http.client
import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from _gzipserver import serve  # noqa: E402


def test_text_is_sent_compressed_and_the_connection_stays_open(tmp_path):
    (tmp_path / "index.html").write_text("<p>hei</p>" * 100, encoding="utf-8")
    (tmp_path / "bilde.png").write_bytes(b"\x89PNG" + bytes(100))
    server = serve(str(tmp_path), 0)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1])
        connection.request("GET", "/", headers={"Accept-Encoding": "gzip"})
        page = connection.getresponse()
        assert page.getheader("Content-Encoding") == "gzip"
        assert int(page.getheader("Content-Length")) < 1000
        page.read()
        socket_used = connection.sock
        assert socket_used is not None, "the server closed the connection after one answer"
        connection.request("GET", "/bilde.png", headers={"Accept-Encoding": "gzip"})
        image = connection.getresponse()
        assert image.getheader("Content-Encoding") is None
        assert len(image.read()) == 104
        assert connection.sock is socket_used, "the second request went over the same connection"
        connection.close()
    finally:
        server.shutdown()
