"""A generated corpus of hostile articles: every way a scraped page could try to run code in a reader.

Each payload, if it ever became live markup, would set `window.__xss` (or carry the marker in an
attribute), so one search for MARKER tells escaped text from markup. The articles are invented; each
has enough plain prose around its payloads for the extractor to keep them.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest.conftest import build_warc

MARKER = "__xss"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: makes "gpj.exe" read as "exe.jpg"
BIG_BODY_BYTES = 10_000_000
LONG_WORD = "x" * 5_000  # tests/fuzz/test_huge.py reads a 1 MB one

PAYLOADS = (
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    '<svg onload="window.__xss = 3"><circle r="5"/></svg>',
    '<a href="javascript:window.__xss = 4">read more</a>',
    '<a href="data:text/html,<script>window.__xss = 5</script>">open</a>',
    '<div style="background: url(javascript:window.__xss = 6); width: expression(window.__xss = 7)">box</div>',
    '"><script>window.__xss = 8</script><a x="',
    "</textarea></title><script>window.__xss = 9</script>",
    "<scr<script>ipt>window.__xss = 10</scr</script>ipt>",
    '<iframe srcdoc="<script>parent.__xss = 11</script>"></iframe>',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=12>",
    "]]><script>window.__xss = 13</script><![CDATA[",
    "[click here](javascript:window.__xss=14) and <javascript:window.__xss=15>",
    "![pixel](data:image/svg+xml,<svg onload=window.__xss=16>)",
)
PROSE = (
    "Dockers in {place} held a rally outside the port on Monday as talks on pay resumed with the port authority.",
    "The union said it would not back down until the authority offered a fair deal to the night shift workers.",
    "“We will stay at the gate for as long as it takes,” said union leader Petra Olsen, who has led the shift since 2019.",
    "The port authority said in a statement that it remained open to talks and hoped to reach an agreement this week.",
)


def prose(place: str, payload: str) -> str:
    """Four paragraphs about a strike in `place`, the payload set inside the first two sentences."""
    first, second, *rest = (sentence.format(place=place) for sentence in PROSE)
    return "\n\n".join([f"{first} {payload} {second}", *rest])


def jsonl_records() -> list[dict[str, str]]:
    """One article per payload, the payload in its text, title, url and outlet alike."""
    return [
        {
            "title": f"Port strike\u0000 talks\u001b[31m {number} {RLO}{payload}",
            "text": prose(f"Valmora {number}", payload),
            "url": "javascript:window.__xss = 20"
            if number % 2
            else "data:text/html,<script>window.__xss=21</script>",
            "outlet": f"Evil Gazette {payload}",
            "author": f"Mallory {payload}",
            "published": f"2026-07-{number + 1:02d}T10:00:00+00:00",
        }
        for number, payload in enumerate(PAYLOADS)
    ]


def odd_records() -> list[dict[str, str]]:
    """Text that is not markup but still trouble: bidi overrides, NUL and other controls, long words."""
    return [
        {
            "title": f"Mayor of Lakeside {RLO}gnikrats{RLO} resigns",
            "outlet": f"{RLO}etteZaG livE",
            "text": prose("Lakeside", f"The file annual{RLO}txt.exe was shared."),
            "published": "2026-06-01T10:00:00+00:00",
        },
        {
            "title": "Northport\u0000 ferry \u001b[31mcancelled\u001b[0m",
            "outlet": "Null\u0000 Times",
            "text": prose(
                "Northport", "A byte\u0000 of nothing and a bell\u0007 and an escape\u001b]0;owned\u0007."
            ),
            "published": "2026-06-02T10:00:00+00:00",
        },
        {
            "title": "Kestrel Bay council publishes a very long word",
            "text": prose("Kestrel Bay", LONG_WORD),
            "published": "2026-06-03T10:00:00+00:00",
        },
    ]


def html_page() -> str:
    """A whole hostile page: live markup around prose that quotes markup as escaped text."""
    payloads = "".join(f"<p>{payload}</p>" for payload in PAYLOADS)
    quoted = "".join(f"<p>Readers saw {escape_html(payload)} on the screen.</p>" for payload in PAYLOADS[:4])
    paragraphs = "".join(
        f"<p>{paragraph}</p>" for paragraph in prose("Amberfield", PAYLOADS[0]).split("\n\n")
    )
    return (
        '<!doctype html><html><head><meta http-equiv="refresh" content="0;url=javascript:window.__xss=30">'
        '<base href="javascript:window.__xss=31//"><title>Amberfield <script>window.__xss=32</script> strike</title>'
        '<link rel="canonical" href="javascript:window.__xss=33"><style>body{background:url(javascript:1)}</style>'
        '</head><body onload="window.__xss=34"><article><h1>Amberfield strike</h1>'
        f"{paragraphs}{quoted}{payloads}<p>Broken <b><i>markup <a href='javascript:window.__xss=35'>never closes"
        "</article></body></html>"
    )


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_page() -> str:
    """A scraped text page whose headline, byline and body quote markup."""
    return (
        f"Ridgeway strike {PAYLOADS[0]}\n\nBy Mallory {PAYLOADS[1]}\n\n"
        f"{prose('Ridgeway', PAYLOADS[3])}\n\n{PAYLOADS[5]} {PAYLOADS[8]} {PAYLOADS[12]}\n"
    )


def feed() -> str:
    """An RSS feed whose channel (the outlet), entry titles, links and bodies are hostile."""
    items = "".join(
        f"<item><title><![CDATA[Fenmoor talks {number} {payload.replace(']]>', '')}]]></title>"
        f"<link>javascript:window.__xss={40 + number}</link><guid>hostile-{number}</guid>"
        f"<pubDate>Mon, {number + 1:02d} Jun 2026 10:00:00 GMT</pubDate>"
        f"<description>{escape_html(prose(f'Fenmoor {number}', payload))}</description></item>"
        for number, payload in enumerate(PAYLOADS[:4])
    )
    channel = escape_html("Fenmoor <script>window.__xss=50</script> Post")
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>{items}</channel></rss>'


def warc() -> bytes:
    """A WARC response for a hostile page, its target URI breaking out of an attribute."""
    body = html_page().replace("Amberfield", "Saltmarsh").encode()
    url = 'https://saltmarsh.example/news?q="><script>window.__xss=60</script>'
    return build_warc([{"url": url, "body": body}], compress=False)


def big_record() -> dict[str, str]:
    """A 10 MB article: the same prose over and over, as a runaway scraper gives."""
    paragraph = prose("Greyhaven", "")
    copies = BIG_BODY_BYTES // (len(paragraph) + 2) + 1
    return {"title": "Greyhaven port strike, the long version", "text": "\n\n".join([paragraph] * copies)}


def write_hostile_corpus(folder: Path) -> list[Path]:
    """Write the hostile articles in every input format; returns the files (the 10 MB one is apart)."""
    folder.mkdir(parents=True, exist_ok=True)
    records = jsonl_records() + odd_records()
    files = {
        "hostile.jsonl": "\n".join(json.dumps(record) for record in records) + "\n",
        "hostile.html": html_page(),
        "hostile.txt": text_page(),
        "hostile.rss": feed(),
    }
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "hostile.warc").write_bytes(warc())
    return [folder / name for name in [*files, "hostile.warc"]]


def write_big_article(folder: Path) -> Path:
    path = folder / "big.jsonl"
    path.write_text(json.dumps(big_record()) + "\n", encoding="utf-8")
    return path
