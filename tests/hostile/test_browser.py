"""Every page of the hostile store, and the HTML brief, opened in Debian's Chromium: no script runs.

The Content-Security-Policy is bypassed: it forbids scripts anyway, and the point here is that
escaping alone keeps the pages inert.
"""

from __future__ import annotations

import pytest

from storyline import pipeline
from storyline.brief.render import render_html
from storyline.store import open_store
from tests.serve.test_browser import CHROMIUM, CHROMIUM_ARGS, base_url, playwright_api, pytestmark  # noqa: F401

NO_SCRIPT_RAN = "typeof window.__xss === 'undefined' && typeof parent.__xss === 'undefined'"


@pytest.fixture(scope="module")
def web_store(hostile_store):
    """The store `base_url` serves (see tests/serve/test_browser.py): the hostile one."""
    return hostile_store


@pytest.fixture(scope="module")
def page():
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened = browser.new_context(bypass_csp=True).new_page()
        opened.dialogs = []
        opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        yield opened
        browser.close()


def ran_script(page, url: str) -> bool:
    page.goto(url)
    page.wait_for_load_state("load")
    return not page.evaluate(NO_SCRIPT_RAN) or page.evaluate("document.scripts.length") > 0


def test_no_page_runs_a_script(page, base_url, reader_paths):  # noqa: F811 (the imported fixture)
    assert [path for path in reader_paths if ran_script(page, base_url + path)] == []
    assert page.dialogs == []


def test_html_brief_runs_no_script(page, hostile_store, tmp_path):
    store = open_store(hostile_store)
    document = pipeline.stories_document(store)
    store.close()
    texts = {article["id"]: article["text"] for article in document["articles"]}
    brief = tmp_path / "stories.html"
    brief.write_text(
        render_html("Briefs", document["events"], texts, document["storylines"]), encoding="utf-8"
    )
    assert not ran_script(page, brief.as_uri())
    assert page.dialogs == []
