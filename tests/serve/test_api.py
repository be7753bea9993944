import pytest
from fastapi.testclient import TestClient

from storyline.serve import create_app
from tests.serve.conftest import TOKEN

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(web_store) -> TestClient:
    return TestClient(create_app(web_store, TOKEN), raise_server_exceptions=False)


def first_story(client) -> dict:
    return client.get("/api/stories").json()["stories"][0]


def test_story_list_is_newest_first(client):
    stories = client.get("/api/stories").json()["stories"]
    ends = [story["end"] for story in stories]
    assert ends == sorted(ends, reverse=True)


def test_story_brief_and_its_storyline(client):
    story = first_story(client)
    brief = client.get(f"/api/stories/{story['id']}").json()
    assert brief["summary"] and all(sentence["cites"] for sentence in brief["summary"])
    storyline = client.get(f"/api/storylines/{brief['storyline']}").json()
    assert story["id"] in [event["id"] for event in storyline["stories"]]


def test_article_has_text_metadata_and_dropped_lines(client):
    brief = client.get(f"/api/stories/{first_story(client)['id']}").json()
    article = client.get(f"/api/articles/{brief['articles'][0]}").json()
    assert article["text"] and "dropped" in article and article["event"] == brief["id"]


def test_search_finds_words_and_similar_articles(client):
    hits = client.get("/api/search", params={"q": "volcano"}).json()["results"]
    assert hits and all(hit["event"] for hit in hits)
    similar = client.get("/api/search", params={"like": hits[0]["article"]}).json()["results"]
    assert similar and similar[0]["article"] != hits[0]["article"]


def test_entity_has_stories_and_quotes(client):
    entity = client.get("/api/entities/Marta Quiroga").json()
    assert entity["stories"] and entity["quotes"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/stories/nope", 422),
        ("/api/stories/e-0000000000", 404),
        ("/api/stories?limit=0", 422),
        ("/api/search?like=zz", 422),
        ("/api/entities/Nobody%20Here", 404),
        ("/articles/../../etc", 404),
        ("/?offset=-3", 422),
    ],
)
def test_bad_requests_get_one_json_error_shape(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["error"]["status"] == status


def test_every_response_carries_the_security_policy(client):
    response = client.get("/")
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_hostile_article_renders_inert(client):
    hit = client.get("/api/search", params={"q": "Valmora rally"}).json()["results"][0]
    page = client.get(f"/articles/{hit['article']}").text
    assert "<script>" not in page and "<img" not in page and "<svg onload" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;" in page


def test_feed_lists_stories_and_filters_by_entity(client):
    feed = client.get("/feeds/stories.atom", params={"entity": "Grindavík"})
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert feed.text.count("<entry>") >= 1
    everything = client.get("/feeds/stories.atom").text
    assert everything.count("<entry>") > feed.text.count("<entry>")
    assert "<script>" not in everything


def test_posting_an_article_needs_the_token(client):
    article = {"text": "A short note about the harbour.", "title": "Note"}
    assert client.post("/api/articles", json=article).status_code == 401
    wrong = client.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    bad = client.post(
        "/api/articles", json=["not", "an", "object"], headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert bad.status_code in (400, 422)


def test_posted_article_is_ingested_and_clustered(client):
    article = {
        "title": "Grindavík residents return after lava slows",
        "text": "Residents of Grindavík in Iceland began returning to their homes on Tuesday after the lava flow "
        "from the Reykjanes eruption slowed, civil protection officials said.\n\nThe Blue Lagoon remained closed.",
        "published": "2026-06-22T12:00:00+00:00",
    }
    response = client.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201
    assert response.json()["event"]


def test_ingest_is_refused_when_the_server_has_no_token(web_store):
    response = TestClient(create_app(web_store)).post("/api/articles", json={"text": "x"})
    assert response.status_code == 403
