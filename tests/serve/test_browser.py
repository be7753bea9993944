"""The pages in a real headless Chromium (Debian's), driven by Playwright: what a reader clicks."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from storyline.serve import create_app
from tests.conftest import REPO
from tests.servers import free_port

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
    ),
]
SCREENSHOTS = REPO / "out" / "screenshots"
# As the machine's notes say: without these, Chromium reaches for the network at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def base_url(web_store) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url):
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened = browser.new_page(viewport={"width": 1000, "height": 1400})
        opened.dialogs = []
        opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        yield opened
        browser.close()


def test_reader_opens_a_story_and_checks_a_citation(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("h1").first.inner_text() == "Stories"
    page.locator("a.headline").nth(1).click()  # the newest is the hostile article; take a real one
    page.wait_for_selector(".summary")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story.png"), full_page=True)
    first_sentence = page.locator(".summary .sentence").first.inner_text()
    page.locator(".summary a.cite").first.click()
    page.wait_for_url("**/articles/**#s-*")
    passage = page.locator(".passage:target")
    assert passage.is_visible()
    assert passage.inner_text().strip() in first_sentence or first_sentence in passage.inner_text()
    highlighted = passage.evaluate("element => getComputedStyle(element).backgroundColor")
    assert highlighted == "rgb(255, 229, 138)"


def test_hostile_article_runs_no_script(page, base_url):
    page.goto(base_url + "/search?q=Valmora+rally")
    page.locator(".results a.headline").first.click()
    page.wait_for_selector(".text")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert "<script>" in page.locator("h1").inner_text()  # shown as text, not run
    assert page.dialogs == []
