"""A local web site on 127.0.0.1 for the fetch tests: routes answered from a script, requests recorded.

No test reaches any other address: every URL a test fetches is `site.url(...)`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.options import Options

# Fast and allowed to reach the local site: no delay between requests, tiny backoffs, short timeouts.
LOCAL = Options(
    fetch_allow_private=True,
    fetch_host_delay=0.0,
    fetch_backoff=0.01,
    fetch_timeout=2.0,
    fetch_retries=2,
    fetch_max_retry_wait=5.0,
)
MAX_DELAY = 2.0  # no handler sleeps longer, so a stuck test ends


@dataclass(frozen=True)
class Answer:
    """One scripted response. With `etag` or `last_modified`, a matching conditional request gets 304."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    declare_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    trickle: float = 0.0  # seconds between 100-byte pieces of the body (a slow-drip server)


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float


class Site:
    """Routes of scripted answers, given in turn (the last one repeats), at http://127.0.0.1:PORT."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Answer]] = {}
        self.requests: list[Request] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, *answers: Answer) -> str:
        self.routes[path] = list(answers)
        return self.url(path)

    def paths(self) -> list[str]:
        """The paths asked for, robots.txt left out."""
        return [request.path for request in self.requests if request.path != "/robots.txt"]

    def next_answer(self, path: str) -> Answer:
        with self.lock:
            answers = self.routes.get(path)
            if not answers:
                return Answer("not here", status=404)
            return answers.pop(0) if len(answers) > 1 else answers[0]


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append(Request(self.path, dict(self.headers), time.monotonic()))
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
            try:
                self.answer(site.next_answer(self.path))
            finally:
                with site.lock:
                    site.in_flight -= 1

        def answer(self, answer: Answer) -> None:
            time.sleep(min(answer.delay, MAX_DELAY))
            body = answer.body.encode("utf-8") if isinstance(answer.body, str) else answer.body
            unchanged = (answer.etag and self.headers.get("If-None-Match") == answer.etag) or (
                answer.last_modified and self.headers.get("If-Modified-Since") == answer.last_modified
            )
            self.send_response(304 if unchanged else answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            for name, value in (("ETag", answer.etag), ("Last-Modified", answer.last_modified)):
                if value:
                    self.send_header(name, value)
            body = b"" if unchanged else body
            if answer.declare_length or unchanged:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.send_body(body, answer.trickle)

        def send_body(self, body: bytes, trickle: float) -> None:
            if not trickle:
                self.wfile.write(body)
                return
            try:
                for start in range(0, len(body), 100):
                    self.wfile.write(body[start : start + 100])
                    self.wfile.flush()
                    time.sleep(trickle)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                pass

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(served))
    server.daemon_threads = True
    served.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def article_html(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def story(number: int) -> str:
    """A distinct article page, long enough for the extractor to keep."""
    return article_html(
        f"Harbour story {number}",
        f"Dock workers at pier {number} in Valmora stopped work on Monday after talks on pay broke down, "
        f"the union said in a statement that named {number} grievances about night shifts and overtime.",
        f"The port authority said cargo ship number {number} would be diverted to a neighbouring terminal "
        "while the dispute lasted, and that it hoped to reopen negotiations before the end of the week.",
    )


def rss(*links: str, title: str = "Valmora Times") -> str:
    items = "".join(
        f"<item><title>Item {number}</title><link>{link}</link>"
        f"<pubDate>Mon, 0{number % 9 + 1} Feb 2026 10:00:00 GMT</pubDate></item>"
        for number, link in enumerate(links, start=1)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://example.invalid/</link>{items}</channel></rss>"
    )


FEED_HEADERS = {"Content-Type": "application/rss+xml"}
