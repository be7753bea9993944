"""A round of fetching: read the sources (feeds, sitemaps, pages), queue the pages they list, fetch what
is due, and hand every page to the pipeline as it arrives.

The store is touched from the calling thread only (SQLite connections are not shared); worker threads
only fetch and decode.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from functools import partial
from itertools import chain, zip_longest
from typing import TypeVar
from urllib.parse import urlsplit

from storyline.errors import InputError
from storyline.fetch.address import FetchError
from storyline.fetch.client import Fetched, Fetcher, Validators, without_fragment
from storyline.fetch.content import PageHint, read_listing, read_page
from storyline.ingest import IngestFailure
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.pipeline import DigestReport, ingest_documents
from storyline.records import RawDocument
from storyline.store import Store

# A sitemap index names sitemaps; those name pages. Deeper nesting is not followed.
MAX_SITEMAP_DEPTH = 2
Progress = Callable[[int, int], None]
T = TypeVar("T")


def ingest_urls(
    store: Store,
    urls: Sequence[str],
    options: Options = DEFAULT_OPTIONS,
    report: DigestReport | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    on_progress: Progress | None = None,
) -> DigestReport:
    """Fetch the pages, feeds and sitemaps at `urls` and every page those list, and store each new page.

    A page already stored is not fetched again; a feed or sitemap is asked for only if it changed.
    `on_progress(done, total)` follows the page fetches.
    """
    report = report or DigestReport()
    wanted = list(dict.fromkeys(without_fragment(url.strip()) for url in urls))
    stored = [url for url in wanted if store.has_source(url)]
    report.unchanged += len(stored)
    pool = ThreadPoolExecutor(options.fetch_concurrency, thread_name_prefix="fetch")
    try:
        with Fetcher(options) as fetcher:
            items = chain(
                read_sources(store, fetcher, pool, [url for url in wanted if url not in stored], options),
                fetch_due_pages(store, fetcher, pool, options, on_progress),
            )
            return ingest_documents(store, items, options, report, on_failure)
    finally:
        # An interrupted round does not wait for the fetches in flight: their pages are still pending.
        pool.shutdown(wait=False, cancel_futures=True)


def read_sources(
    store: Store, fetcher: Fetcher, pool: ThreadPoolExecutor, urls: list[str], options: Options
) -> Iterator[RawDocument | IngestFailure]:
    """Fetch each source if it changed: a listing queues its pages, a page is a document at once."""
    for _depth in range(MAX_SITEMAP_DEPTH):
        validators = {url: Validators(*store.validators(url)) for url in urls}
        nested: list[str] = []
        for url, outcome in parallel(pool, partial(fetch_source, fetcher, validators), urls, options):
            if isinstance(outcome, FetchError):
                yield IngestFailure(url, outcome.reason)
            elif not outcome.not_modified:
                nested += yield from read_source(store, outcome, options)
        urls = nested


def fetch_source(fetcher: Fetcher, validators: dict[str, Validators], url: str) -> Fetched:
    return fetcher.get(url, validators[url])


def read_source(
    store: Store, fetched: Fetched, options: Options
) -> Generator[RawDocument | IngestFailure, None, tuple[str, ...]]:
    """A page as a document, or a listing's pages queued; returns the sitemaps a sitemap index names."""
    try:
        listing = read_listing(fetched, options.fetch_max_bytes)
        if listing is None:
            yield read_page(fetched)
            return ()
    except InputError as error:
        yield IngestFailure.from_error(error)
        return ()
    pages = [(hint.url, hint.to_json()) for hint in listing.pages]
    store.save_listing(fetched.url, fetched.validators.etag, fetched.validators.last_modified, pages)
    return listing.sitemaps


def fetch_due_pages(
    store: Store,
    fetcher: Fetcher,
    pool: ThreadPoolExecutor,
    options: Options,
    on_progress: Progress | None = None,
) -> Iterator[RawDocument | IngestFailure]:
    """Every queued page, fetched and decoded in worker threads, its state kept in the store."""
    hints = {url: PageHint.from_json(hint) for url, hint in store.due_pages(options.fetch_page_tries)}
    urls = interleave_by_host(hints)
    for done, (url, outcome) in enumerate(
        parallel(pool, lambda url: fetch_page(fetcher, url, hints[url]), urls, options), start=1
    ):
        if isinstance(outcome, FetchError):
            store.mark_page(url, "retry" if outcome.retryable else "failed", outcome.reason)
            yield IngestFailure(url, outcome.reason)
        else:
            yield outcome
            # Reached only once the pipeline has stored the page (or named it unreadable): a round
            # interrupted before that leaves the page pending, to be fetched in the next one.
            store.mark_page(url, "done")
        if on_progress is not None:
            on_progress(done, len(urls))


def fetch_page(fetcher: Fetcher, url: str, hint: PageHint) -> RawDocument:
    """The page at `url` as a raw document; a body that is no page is a lasting FetchError."""
    try:
        return read_page(fetcher.get(url), hint)
    except InputError as error:
        raise FetchError(error.reason) from error


def interleave_by_host(urls: Iterable[str]) -> list[str]:
    """One URL of each host in turn, so the workers are not all queued behind one host's rate limit."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).netloc.lower()].append(url)
    return [url for url in chain.from_iterable(zip_longest(*by_host.values())) if url is not None]


def parallel(
    pool: ThreadPoolExecutor, work: Callable[[str], T], items: list[str], options: Options
) -> Iterator[tuple[str, T | FetchError]]:
    """`work(item)` for each item in worker threads, as each finishes, with a bounded number in flight
    (so a long queue does not hold every page in memory at once)."""
    queued = iter(items)
    running: dict[Future[T], str] = {}

    def submit_next() -> None:
        item = next(queued, None)
        if item is not None:
            running[pool.submit(work, item)] = item

    for _ in range(options.fetch_concurrency * 2):
        submit_next()
    while running:
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            item = running.pop(future)
            submit_next()
            yield item, outcome_of(future)


def outcome_of(future: Future[T]) -> T | FetchError:
    try:
        return future.result()
    except FetchError as error:
        return error
