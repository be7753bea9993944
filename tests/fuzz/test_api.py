"""Smoke fuzzing of the web app: no path, query string or posted body gets a server error."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz import targets
from tests.fuzz.conftest import FUZZ_SETTINGS, TOKEN
from tests.fuzz.strategies import any_text, json_records, json_values

pytestmark = pytest.mark.slow

ROUTES = (
    "/",
    "/stories/{}",
    "/storylines/{}",
    "/articles/{}",
    "/entities/{}",
    "/search",
    "/api/stories",
    "/api/stories/{}",
    "/api/storylines/{}",
    "/api/articles/{}",
    "/api/entities/{}",
    "/api/search",
    "/feeds/stories.atom",
    "/static/{}",
    "/openapi.json",
    "/{}",
)
PARAMETERS = ("q", "like", "offset", "limit", "entity")
segments = st.one_of(
    any_text,
    st.sampled_from(
        ("e-0123456789", "s-0123456789", "0123456789abcdef", "..", "%00", "Petra Olsen", "x" * 400)
    ),
    st.integers().map(str),
)
values = st.one_of(any_text, st.integers().map(str), st.floats().map(str), st.just("0123456789abcdef"))


@st.composite
def paths(draw: st.DrawFn) -> str:
    """A route with a random segment (quoted, or raw when it is safe to put in a URL) and query."""
    route = draw(st.sampled_from(ROUTES))
    segment = quote(draw(segments), safe=draw(st.sampled_from(("", "/:@"))))
    query = urlencode(draw(st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=4)))
    return route.format(segment) + (f"?{query}" if query else "")


@FUZZ_SETTINGS
@given(paths(), st.sampled_from(("GET", "HEAD", "OPTIONS", "DELETE")))
def test_requests_never_fail_on_the_server(fuzz_client, path: str, method: str) -> None:
    targets.request_api(fuzz_client, method, path)


@FUZZ_SETTINGS
@given(json_records | json_values, st.sampled_from((TOKEN, None)))
def test_posted_articles_never_fail_on_the_server(fuzz_client, body, token: str | None) -> None:
    targets.request_api(fuzz_client, "POST", "/api/articles", body, token)
