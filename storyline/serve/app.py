"""The newsroom's window: server-rendered pages, a JSON API and an Atom feed over the story store.

Article content is untrusted. Pages are rendered with autoescaping, carry no script, and go out with
a Content-Security-Policy that forbids scripts anyway; links to articles are kept only for http(s).
Every error, bad parameters included, is one JSON shape: {"error": {"status", "message"}}.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import Body, Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from storyline import pipeline
from storyline.brief.render import day, grouped, neutralise, numbering, span, third_person
from storyline.errors import InputError, NotFoundError, StorylineError
from storyline.ingest import parse_record
from storyline.options import DEFAULT_OPTIONS
from storyline.serve import views
from storyline.serve.chart import timeline_svg
from storyline.serve.guard import IngestGuard, error_body
from storyline.store import Store, open_store

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
EVENT_ID = r"^e-[0-9a-f]{10}$"
STORYLINE_ID = r"^s-[0-9a-f]{10}$"
ARTICLE_ID = r"^[0-9a-f]{16}$"
FEED_LIMIT = 50
HERE = Path(__file__).parent


class StorePool:
    """Connections to the store, each lent to one request at a time.

    FastAPI may run a request's dependencies and its handler on different worker threads, so a
    connection is lent for the whole request rather than tied to a thread.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = db_path
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        open_store(db_path).close()  # create and migrate once, up front

    def lend(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return open_store(self.db_path, any_thread=True)

    def give_back(self, store: Store) -> None:
        self._idle.put(store)


def current_store(request: Request) -> Iterator[Store]:
    """A connection to the app's store for the length of one request."""
    pool: StorePool = request.app.state.stores
    store = pool.lend()
    try:
        yield store
    finally:
        pool.give_back(store)


StoreDep = Annotated[Store, Depends(current_store)]


def templates() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.serve", "templates"),
        autoescape=jinja2.select_autoescape(["html", "xml", "j2"]),
        # Briefs written by older versions lack newer keys (perspectives): show nothing for them.
        undefined=jinja2.ChainableUndefined,
        finalize=neutralise,  # NUL in a headline would make the Atom feed unreadable to every reader
    )
    environment.filters.update(
        day=day, span=span, numbering=numbering, grouped=grouped, third_person=third_person
    )
    environment.globals.update(timeline_svg=timeline_svg, speakers=views.speakers)
    return environment


def create_app(
    db_path: str | Path, token: str | None = None, max_body: int = DEFAULT_OPTIONS.api_max_body
) -> FastAPI:
    """The web app over the store at `db_path`; POST /api/articles with `token`, up to `max_body` bytes."""
    app = FastAPI(
        title="Storyline", version="0.1.0", description="Stories from raw news, every sentence cited."
    )
    app.state.stores = StorePool(db_path)
    environment = templates()
    write_lock = threading.Lock()

    def page(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(environment.get_template(name).render(**context))

    _add_error_handlers(app)
    app.add_middleware(IngestGuard, token=token, max_body=max_body)  # inside the security headers
    _add_security_headers(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # -- pages ----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(store: StoreDep, offset: Annotated[int, Query(ge=0, le=10**7)] = 0) -> HTMLResponse:
        return page("stories.html.j2", listing=views.story_list(store, offset))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(store: StoreDep, story_id: Annotated[str, PathParam(pattern=EVENT_ID)]) -> HTMLResponse:
        return page("story.html.j2", event=views.story(store, story_id))

    @app.get("/storylines/{storyline_id}", response_class=HTMLResponse, include_in_schema=False)
    def storyline_page(
        store: StoreDep, storyline_id: Annotated[str, PathParam(pattern=STORYLINE_ID)]
    ) -> HTMLResponse:
        return page("storyline.html.j2", storyline=views.storyline(store, storyline_id))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(
        store: StoreDep, article_id: Annotated[str, PathParam(pattern=ARTICLE_ID)]
    ) -> HTMLResponse:
        return page("article.html.j2", article=views.article(store, article_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        store: StoreDep,
        q: Annotated[str, Query(max_length=500)] = "",
        like: Annotated[str | None, Query(pattern=ARTICLE_ID)] = None,
    ) -> HTMLResponse:
        found = views.similar(store, like) if like else views.search(store, q) if q else None
        return page("search.html.j2", query=q, found=found)

    @app.get("/entities/{name}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(store: StoreDep, name: Annotated[str, PathParam(max_length=300)]) -> HTMLResponse:
        return page("entity.html.j2", entity=views.entity(store, name))

    # -- JSON API -------------------------------------------------------------------------------

    @app.get("/api/stories", summary="Stories, newest first")
    def api_stories(
        store: StoreDep,
        offset: Annotated[int, Query(ge=0, le=10**7)] = 0,
        limit: Annotated[int, Query(ge=1, le=500)] = views.PAGE_SIZE,
    ) -> dict[str, Any]:
        return views.story_list(store, offset, limit)

    @app.get("/api/stories/{story_id}", summary="One story's brief")
    def api_story(store: StoreDep, story_id: Annotated[str, PathParam(pattern=EVENT_ID)]) -> dict[str, Any]:
        return views.story(store, story_id)

    @app.get("/api/storylines/{storyline_id}", summary="A storyline and its stories in time order")
    def api_storyline(
        store: StoreDep, storyline_id: Annotated[str, PathParam(pattern=STORYLINE_ID)]
    ) -> dict[str, Any]:
        return views.storyline(store, storyline_id)

    @app.get("/api/articles/{article_id}", summary="A clean article with its metadata and dropped lines")
    def api_article(
        store: StoreDep, article_id: Annotated[str, PathParam(pattern=ARTICLE_ID)]
    ) -> dict[str, Any]:
        return views.article(store, article_id)

    @app.get("/api/search", summary="Full-text search, or more like an article (like=ID)")
    def api_search(
        store: StoreDep,
        q: Annotated[str, Query(max_length=500)] = "",
        like: Annotated[str | None, Query(pattern=ARTICLE_ID)] = None,
    ) -> dict[str, Any]:
        return views.similar(store, like) if like else views.search(store, q)

    @app.get("/api/entities/{name}", summary="The stories and quotes of a person, organisation or place")
    def api_entity(store: StoreDep, name: Annotated[str, PathParam(max_length=300)]) -> dict[str, Any]:
        return views.entity(store, name)

    @app.post(
        "/api/articles",
        status_code=201,
        summary="Ingest one article (needs the server's token; the body is at most --max-body bytes)",
    )
    def api_ingest(
        store: StoreDep,
        record: Annotated[dict[str, Any], Body(examples=[{"text": "…", "title": "…", "url": "https://…"}])],
        # Checked by IngestGuard before the body is read; declared here for the API's description.
        authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
    ) -> dict[str, Any]:
        raw = parse_record(f"api:{datetime.now(UTC).isoformat()}", record)
        with write_lock:
            report = pipeline.ingest_documents(store, [raw])
            if report.failures:
                raise InputError("the posted article", report.failures[0].reason)
            pipeline.process_new(store)
        return {"article": raw.id, "added": report.added, "event": store.event_of(raw.id)}

    # -- feed -----------------------------------------------------------------------------------

    @app.get("/feeds/stories.atom", summary="An Atom feed of new stories, optionally filtered")
    def feed(
        request: Request,
        store: StoreDep,
        q: Annotated[str, Query(max_length=500)] = "",
        entity: Annotated[str, Query(max_length=300)] = "",
    ) -> Response:
        stories = _feed_stories(store, q, entity)
        body = environment.get_template("feed.atom.j2").render(
            stories=stories, base=str(request.base_url).rstrip("/"), updated=_feed_updated(stories)
        )
        return Response(body, media_type="application/atom+xml")

    return app


def _feed_stories(store: Store, query: str, entity: str) -> list[dict[str, Any]]:
    stories = store.listings("event")
    if query:
        wanted = {hit["event"] for hit in views.search(store, query)["results"]}
        stories = [story for story in stories if story["id"] in wanted]
    if entity:
        named = {store.event_of(article_id) for article_id in store.articles_naming(entity)}
        stories = [story for story in stories if story["id"] in named]
    return stories[:FEED_LIMIT]


def _feed_updated(stories: list[dict[str, Any]]) -> str:
    latest = stories[0]["end"] if stories else None
    return latest or datetime.now(UTC).isoformat()


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_: Request, error: HTTPException) -> JSONResponse:
        return error_body(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(_: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return error_body(422, f"bad parameters: {problems}")

    @app.exception_handler(NotFoundError)
    async def not_found(_: Request, error: NotFoundError) -> JSONResponse:
        return error_body(404, str(error))

    @app.exception_handler(StorylineError)
    async def refused(_: Request, error: StorylineError) -> JSONResponse:
        return error_body(400, str(error))

    @app.exception_handler(Exception)
    async def failed(_: Request, error: Exception) -> JSONResponse:
        return error_body(500, f"the server failed ({type(error).__name__}); the store is unchanged")


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def secure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response
