"""A polite HTTP client: timeouts, retries with backoff, a rate limit and a concurrency cap per host,
robots.txt, conditional requests, checked redirects and a size cap.

One `Fetcher` is shared by the worker threads of a round; `Fetcher.get` is safe to call from any of them.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Generic, TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from storyline.fetch.address import AddressRefused, FetchError, GuardedBackend, check_scheme
from storyline.options import DEFAULT_OPTIONS, Options

REDIRECTS = frozenset({301, 302, 303, 307, 308})
NOT_MODIFIED = 304
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
# robots.txt may ask for a delay between requests; more than this would stall a round for hours.
MAX_CRAWL_DELAY = 60.0
# The reply statuses RFC 9309 reads as "the site forbids crawling" rather than "there are no rules".
ROBOTS_FORBID_ALL = frozenset({401, 403})
T = TypeVar("T")


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version it sent, for a conditional request next time."""

    etag: str | None = None
    last_modified: str | None = None

    def request_headers(self) -> dict[str, str]:
        headers = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in headers.items() if value}


@dataclass(frozen=True)
class Fetched:
    """A response read whole: 2xx with its body, or 304 (not modified) without one."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    validators: Validators

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED


@dataclass(frozen=True)
class Reply:
    """One HTTP exchange; the body is read only for 2xx answers."""

    status: int
    reason: str
    headers: httpx.Headers
    body: bytes = b""


class PerHost(Generic[T]):
    """One value per host, made once even when several threads ask for it at the same time."""

    def __init__(self, make: Callable[[str], T]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._values: dict[str, T] = {}

    def get(self, host: str) -> T:
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:  # a slow make (a robots.txt fetch) holds up that host only
            if host not in self._values:
                self._values[host] = self._make(host)
            return self._values[host]


class HostGate:
    """At most `per_host` requests to one host at once, started at least `delay` seconds apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self._slots = threading.Semaphore(per_host)
        self._lock = threading.Lock()
        self._next_start = 0.0
        self.delay = delay

    def slow_down(self, delay: float) -> None:
        with self._lock:
            self.delay = max(self.delay, delay)

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                start = max(time.monotonic(), self._next_start)
                self._next_start = start + self.delay
            time.sleep(max(0.0, start - time.monotonic()))
            yield


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose every connection goes to a checked address."""

    def __init__(self, allow_private: bool, max_connections: int) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for httpcore's network backend, so its pool is replaced by one
        # built the same way with ours; tests/fetch/test_address.py fails should httpx change this.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            network_backend=GuardedBackend(allow_private),
        )


class Fetcher:
    """Fetch URLs politely; use as a context manager so its connections are closed."""

    def __init__(self, options: Options = DEFAULT_OPTIONS) -> None:
        self.options = options
        self.client = httpx.Client(
            transport=GuardedTransport(options.fetch_allow_private, options.fetch_concurrency * 2),
            headers={"User-Agent": options.fetch_user_agent, "Accept": ACCEPT},
            timeout=httpx.Timeout(options.fetch_timeout),
            follow_redirects=False,  # followed here, so each hop is checked
            trust_env=False,  # no proxies or .netrc credentials from the environment
        )
        self._gates = PerHost(lambda host: HostGate(options.fetch_per_host, options.fetch_host_delay))
        self._robots = PerHost(self._load_robots)
        self._closed = threading.Event()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._closed.set()  # wakes the threads waiting to retry, so an interrupted round ends at once
        self.client.close()

    # -- a URL, through its redirects -------------------------------------------------------------

    def get(self, url: str, validators: Validators = Validators(), check_robots: bool = True) -> Fetched:
        """The page at `url` (304 when `validators` still match); raises FetchError with a clear reason."""
        current, seen = url, {url}
        for _hop in range(self.options.fetch_max_redirects + 1):
            check_scheme(current)
            if check_robots and not self.options.fetch_ignore_robots:
                self._check_robots(current)
            reply = self._request(current, validators.request_headers())
            if reply.status not in REDIRECTS or "location" not in reply.headers:
                return fetched(url, current, reply)
            current = without_fragment(urljoin(current, reply.headers["location"]))
            if current in seen:
                raise FetchError(f"redirect loop: the redirects come back to {current}")
            seen.add(current)
        raise FetchError(f"more than {self.options.fetch_max_redirects} redirects")

    # -- one URL, with retries --------------------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str]) -> Reply:
        """One exchange, tried again after a passing failure (connection, timeout, 429, 5xx)."""
        attempt = 0
        while True:
            try:
                reply = self._send(url, headers)
            except FetchError as error:
                if not error.retryable:
                    raise
                problem, wait = error, None
            else:
                if not is_passing_failure(reply.status):
                    return reply
                problem, wait = status_error(reply), retry_after(reply.headers)
            wait = self.options.fetch_backoff * 2**attempt if wait is None else wait
            if attempt >= self.options.fetch_retries or wait > self.options.fetch_max_retry_wait:
                raise problem
            if self._closed.wait(wait):
                raise FetchError("the round was stopped before the page could be tried again", retryable=True)
            attempt += 1

    def _send(self, url: str, headers: dict[str, str]) -> Reply:
        host = urlsplit(url).netloc.lower()
        try:
            with self._gates.get(host).turn(), self.client.stream("GET", url, headers=headers) as response:
                body = self._read_body(response) if response.is_success else b""
                return Reply(response.status_code, response.reason_phrase, response.headers, body)
        except httpx.TimeoutException as error:
            raise FetchError(f"timed out ({type(error).__name__})", retryable=True) from error
        except httpx.TransportError as error:
            raise FetchError(f"cannot connect ({error or type(error).__name__})", retryable=True) from error
        except (httpx.DecodingError, httpx.InvalidURL) as error:
            raise FetchError(f"bad response or URL ({error})") from error

    def _read_body(self, response: httpx.Response) -> bytes:
        """The body, streamed and cut off at the size cap, so a huge page costs no more than the cap."""
        limit = self.options.fetch_max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(too_large(int(declared), limit))
        # The timeout bounds each read; a server sending a byte at a time needs a bound on the whole.
        deadline = time.monotonic() + self.options.fetch_page_deadline
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(too_large(None, limit))
            if time.monotonic() > deadline:
                spent = self.options.fetch_page_deadline
                raise FetchError(f"still sending after {spent:g} s", retryable=True)
            chunks.append(chunk)
        return b"".join(chunks)

    # -- robots.txt ---------------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        rules = self._robots.get(f"{parts.scheme}://{parts.netloc}".lower())
        if not rules.can_fetch(self.options.fetch_user_agent, url):
            raise FetchError("robots.txt forbids fetching this page (pass --ignore-robots to override)")

    def _load_robots(self, origin: str) -> RobotFileParser:
        rules = RobotFileParser(origin + "/robots.txt")
        rules.parse(self._robots_lines(origin))
        delay = rules.crawl_delay(self.options.fetch_user_agent)
        if delay:
            self._gates.get(urlsplit(origin).netloc).slow_down(min(float(delay), MAX_CRAWL_DELAY))
        return rules

    def _robots_lines(self, origin: str) -> list[str]:
        """The site's rules; no rules when it has none (4xx), none allowed when it cannot say (5xx, down)."""
        try:
            answer = self.get(origin + "/robots.txt", check_robots=False)
        except AddressRefused:
            raise  # the site itself is off limits: say so, not that its rules forbid the page
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                return ["User-agent: *", "Disallow: /"] if error.status in ROBOTS_FORBID_ALL else []
            return ["User-agent: *", "Disallow: /"]
        return answer.body.decode("utf-8", errors="replace").splitlines()


def fetched(url: str, final_url: str, reply: Reply) -> Fetched:
    """A 2xx or 304 reply as a Fetched; any other status is a FetchError."""
    if not (200 <= reply.status < 300 or reply.status == NOT_MODIFIED):
        raise status_error(reply)
    headers = reply.headers
    return Fetched(
        url=url,
        final_url=final_url,
        status=reply.status,
        content_type=headers.get("content-type", ""),
        body=reply.body,
        validators=Validators(headers.get("etag"), headers.get("last-modified")),
    )


def is_passing_failure(status: int) -> bool:
    """Statuses worth trying again: too many requests, server errors."""
    return status == 429 or status >= 500


def status_error(reply: Reply) -> FetchError:
    return FetchError(
        f"the server answered HTTP {reply.status} {reply.reason}".rstrip(),
        retryable=is_passing_failure(reply.status),
        status=reply.status,
    )


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks to wait (Retry-After: seconds or an HTTP date), if it says."""
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def too_large(size: int | None, limit: int) -> str:
    told = f"is {size:,} bytes, " if size is not None else ""
    return f"the response {told}over the {limit:,}-byte limit: not read"


def without_fragment(url: str) -> str:
    """A URL without its #fragment, which names a place in a page, not another page."""
    return urlunsplit(urlsplit(url)._replace(fragment=""))
