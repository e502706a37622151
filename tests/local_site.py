"""A local web site for reader tests: a real HTTP server on 127.0.0.1 (a free port) serving
fixture pages, a feed, errors, a slow page, a redirect and non-HTML responses. Nothing leaves
this machine."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STORY = ("Foreign ministers of Norway and Chile met in Oslo on Monday to discuss fishing "
         "quotas. The Norwegian minister said both countries would share data on stocks. "
         "Chile will host the next round of talks in Santiago in June.")
OTHER = ("The central bank of Kenya raised interest rates on Tuesday. Analysts in Nairobi "
         "said the move would slow inflation. The International Monetary Fund welcomed it.")


def page(title: str, body: str, *, canonical: str = "", date: str = "", author: str = "",
         site: str = "") -> bytes:
    head = f"<title>{title}</title>"
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if date:
        head += f'<meta property="article:published_time" content="{date}">'
    if author:
        head += f'<meta name="author" content="{author}">'
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>"
            "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport"
            f"</a></nav><article><h1>{title}</h1>{paras}</article>"
            "<aside><h2>Related stories</h2><ul><li><a href='/x'>Ministers of Peru and Japan "
            "sign accord</a></li></ul></aside><footer>Copyright 2024 Fjord Daily. All rights "
            "reserved.</footer></body></html>").encode()


class Site:
    """Routes: path → (status, headers, body) or a callable returning one. Each request is
    logged as (path, user agent, monotonic time)."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.log: list[tuple[str, str, float]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                site.log.append((self.path, self.headers.get("User-Agent", ""),
                                 time.monotonic()))
                route = site.routes.get(self.path)
                if route is None:
                    route = (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>")
                if callable(route):
                    route = route()
                status, headers, body = route
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def html(self, path: str, body: bytes, status: int = 200) -> None:
        self.routes[path] = (status, {"Content-Type": "text/html; charset=utf-8"}, body)

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def slow(seconds: float, body: bytes):  # noqa: ANN201
    def route():  # noqa: ANN202
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, body
    return route


def flaky(failures: int, body: bytes):  # noqa: ANN201
    """Answers 503 ``failures`` times, then the page."""
    count = [0]

    def route():  # noqa: ANN202
        count[0] += 1
        if count[0] <= failures:
            return 503, {"Content-Type": "text/html"}, b"busy"
        return 200, {"Content-Type": "text/html"}, body
    return route
