"""Fetch pages, feeds and sitemaps over HTTP, politely and only from addresses the user allowed,
and follow a list of sources in rounds (`storyline watch`)."""

from storyline.fetch.address import AddressRefused, FetchError
from storyline.fetch.client import Fetched, Fetcher, Validators
from storyline.fetch.rounds import ingest_urls
from storyline.fetch.watching import parse_interval, read_sources_file, run_round, split_urls, watch

__all__ = [
    "AddressRefused",
    "FetchError",
    "Fetched",
    "Fetcher",
    "Validators",
    "ingest_urls",
    "parse_interval",
    "read_sources_file",
    "run_round",
    "split_urls",
    "watch",
]
