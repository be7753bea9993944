"""POST /api/articles is checked before its body is read: the token first, then the size as it streams."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from storyline.serve import create_app
from tests.serve.conftest import TOKEN

CHUNK = b"x" * 65_536
LIMIT = 1_000_000
ATTACK = 40  # chunks: 2.6 MB, well over the limit (an endless body would hang an unguarded app)


class Client:
    """Feeds one request to the ASGI app by hand, counting the body chunks the app pulls."""

    def __init__(self, headers: dict[str, str], chunks: int) -> None:
        self.headers = [(name.lower().encode(), value.encode()) for name, value in headers.items()]
        self.chunks = chunks
        self.pulled = 0
        self.sent: list[dict[str, Any]] = []

    async def receive(self) -> dict[str, Any]:
        self.pulled += 1
        more = self.pulled < self.chunks
        return {"type": "http.request", "body": CHUNK, "more_body": more}

    async def send(self, message: dict[str, Any]) -> None:
        self.sent.append(message)

    def post(self, app: Any) -> tuple[int, dict[str, Any]]:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/api/articles",
            "raw_path": b"/api/articles",
            "root_path": "",
            "query_string": b"",
            "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"), *self.headers],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }
        asyncio.run(app(scope, self.receive, self.send))
        status = next(message["status"] for message in self.sent if message["type"] == "http.response.start")
        body = b"".join(
            message.get("body", b"") for message in self.sent if message["type"] == "http.response.body"
        )
        return status, json.loads(body)


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Any:
    return create_app(tmp_path_factory.mktemp("guard") / "guard.db", TOKEN, max_body=LIMIT)


@pytest.mark.parametrize("authorization", [None, "Bearer nope"])
def test_a_body_without_the_token_is_refused_before_a_byte_is_read(app, authorization):
    client = Client({"Authorization": authorization} if authorization else {}, chunks=ATTACK)
    status, answer = client.post(app)
    assert (status, client.pulled) == (401, 0)
    assert answer["error"]["status"] == 401


def test_a_declared_length_over_the_limit_is_refused_before_a_byte_is_read(app):
    client = Client({"Authorization": f"Bearer {TOKEN}", "Content-Length": str(500_000_000)}, chunks=ATTACK)
    status, answer = client.post(app)
    assert (status, client.pulled) == (413, 0)
    assert "1,000,000-byte limit" in answer["error"]["message"]


def test_a_streamed_body_is_cut_off_once_it_passes_the_limit(app):
    client = Client({"Authorization": f"Bearer {TOKEN}"}, chunks=ATTACK)  # chunked: no length declared
    status, _ = client.post(app)
    assert status == 413
    assert client.pulled == LIMIT // len(CHUNK) + 1


def test_a_body_under_the_limit_reaches_the_handler(app):
    client = Client({"Authorization": f"Bearer {TOKEN}"}, chunks=2)  # not JSON: the handler says so
    status, answer = client.post(app)
    assert (status, client.pulled) == (422, 2)
    assert answer["error"]["status"] == 422


def test_ingest_is_off_without_a_server_token(tmp_path):
    client = Client({"Authorization": "Bearer anything"}, chunks=ATTACK)
    status, _ = client.post(create_app(tmp_path / "off.db"))
    assert (status, client.pulled) == (403, 0)
