"""The pipeline stores each page less its outlet's template, learned from the outlet's earlier pages."""

from storyline.pipeline import ingest_documents
from storyline.records import RawDocument
from storyline.store import open_store

FURNITURE = "Spotted a mistake in this story? Write to the desk and we will put it right."
PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
)


def page(name: str, paragraphs: list[str]) -> RawDocument:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in [*paragraphs, FURNITURE])
    html = PAGE.format(title=name.title(), body=body)
    return RawDocument(source=name, payload=html, kind="html", url=f"https://courier.example/{name}")


FERRY = page("ferry", ["The ferry line across the bay opens in spring, the harbour board said on Monday."])
BRIDGE = page(
    "bridge", ["Repairs to the old swing bridge are delayed until May, engineers told the council."]
)


def test_a_paragraph_from_an_earlier_page_of_the_outlet_is_dropped_in_a_later_run(tmp_path):
    store = open_store(tmp_path / "s.db")
    ingest_documents(store, [FERRY])
    ingest_documents(store, [BRIDGE])  # a later run: the outlet's memory is in the store
    ferry, bridge = (store.articles("source = ?", (name,))[0] for name in ("ferry", "bridge"))
    assert FURNITURE in ferry.text
    assert FURNITURE not in bridge.text
    assert FURNITURE in store.dropped_lines(bridge.id)
