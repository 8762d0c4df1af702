"""A static server that compresses text files with gzip, as a web server would (for scripts/bench)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".bib", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    # Connections stay open between requests, as on GitHub Pages and any other web server of today
    # (HTTP/1.0, the standard library's default, closes each one). Lighthouse's simulation charges a new
    # connection's set-up to every request: with HTTP/1.0 the front page's first paint was 1.47 s, with
    # connections kept open 1.05 s (median of three, 2026-12-02).
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path) and path.endswith(COMPRESSED):
            with open(path, "rb") as source:
                data = gzip.compress(source.read(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return io.BytesIO(data)
        return super().send_head()


class _Server(http.server.ThreadingHTTPServer):
    def shutdown(self) -> None:
        """Stop serving and free the port (a later serve() on the same port, as bench's Lighthouse
        run after the first-visit measurement, failed with «Address already in use»)."""
        super().shutdown()
        self.server_close()


def serve(directory: str, port: int) -> http.server.ThreadingHTTPServer:
    server = _Server(("127.0.0.1", port), functools.partial(GzipHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
