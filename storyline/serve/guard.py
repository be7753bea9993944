"""The gate in front of `POST /api/articles`: the token first, then the body's size, before any parsing.

FastAPI reads and parses a request's whole body before the handler can look at its headers, so a
client without the token could make the server hold and parse a body of any size. This ASGI layer
answers such a request before reading a byte of it, refuses a declared length over the limit at once,
and counts the bytes of a body as they stream in, stopping at the limit, so an accepted request
costs at most `max_body` bytes of memory.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import JSONResponse

from storyline.options import DEFAULT_OPTIONS

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

INGEST_PATH = "/api/articles"
E_INGEST_OFF = "ingest is off: start the server with --token to accept articles"
E_NO_TOKEN = "a valid token is needed: send 'Authorization: Bearer TOKEN'"
E_BODY_TOO_LARGE = "the body is over the {limit:,}-byte limit for one article (see serve --max-body)"


def error_body(status: int, message: str) -> JSONResponse:
    """The API's one error shape."""
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def token_refusal(token: str | None, authorization: str | None) -> JSONResponse | None:
    """403 when the server takes no articles, 401 without the right bearer token, else None."""
    if token is None:
        return error_body(403, E_INGEST_OFF)
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        return error_body(401, E_NO_TOKEN)
    return None


def declared_length(headers: Headers) -> int | None:
    value = headers.get("content-length", "")
    return int(value) if value.isdigit() else None


class IngestGuard:
    """ASGI middleware: checks `POST /api/articles` before the app reads its body."""

    def __init__(self, app: ASGIApp, token: str | None, max_body: int = DEFAULT_OPTIONS.api_max_body) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if not (scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == INGEST_PATH):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = token_refusal(self.token, headers.get("authorization"))
        if refusal is None and (declared_length(headers) or 0) > self.max_body:
            refusal = self.too_large()
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        body = await self.read_body(receive)
        if body is None:
            await self.too_large()(scope, receive, send)
            return
        await self.app(scope, replay(body, receive), send)

    def too_large(self) -> JSONResponse:
        return error_body(413, E_BODY_TOO_LARGE.format(limit=self.max_body))

    async def read_body(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes the limit (the rest is never read)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if message["type"] != "http.request" or not message.get("more_body", False):
                return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the body already read, then whatever the client sends next (a disconnect)."""
    given = False

    async def replayed() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
