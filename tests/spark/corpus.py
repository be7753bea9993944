"""A generated WARC of news pages about three invented events, four outlets each."""

from __future__ import annotations

from html import escape
from pathlib import Path

from tests.builders import build_warc

OUTLETS = ["Harbour Post", "Valley Ledger", "Coastal Times", "Morning Wire"]
# Per event: headline, date, the people speaking and what they say, and the facts every outlet reports.
EVENTS = [
    {
        "slug": "tarnwick-ferry-strike",
        "headline": "Tarnwick ferry crews strike over rosters",
        "date": "2026-03-02",
        "speaker": "Marta Okonkwo",
        "role": "the ferry union secretary",
        "quote": "Our crews have worked double shifts since January and nobody in Tarnwick listened",
        "facts": [
            "Ferry crews in Tarnwick walked off the job on Monday, stranding commuters on both sides of the Sella estuary.",
            "The Tarnwick Ferry Company said 14 crossings were cancelled and that talks with the union would resume on Wednesday.",
            "Commuters queued for hours at the Tarnwick terminal as the company laid on replacement buses around the estuary.",
            "The dispute began last autumn when the company cut the number of crews on the night crossings from five to three.",
            "Shops on the island side of the estuary said deliveries of bread and newspapers had not arrived by midday.",
            "The mayor of Tarnwick urged both sides to accept mediation before the Easter holiday traffic begins.",
        ],
    },
    {
        "slug": "oskelund-bridge-closure",
        "headline": "Oskelund closes its old rail bridge after cracks are found",
        "date": "2026-03-09",
        "speaker": "Henrik Vale",
        "role": "the regional transport director",
        "quote": "We will not run a single train over that bridge until the engineers tell us it is safe",
        "facts": [
            "Engineers found cracks in two steel girders of the Oskelund rail bridge during a routine inspection on Sunday.",
            "Northline Rail suspended all trains between Oskelund and Bremsby, affecting about 9,000 passengers a day.",
            "The bridge, built in 1911, had been due for a full renovation next year, according to the regional council.",
            "Freight operators warned that timber and grain shipments from the northern mills would be delayed for weeks.",
            "Divers will examine the stone piers of the bridge on Thursday while the river level is still low.",
            "Replacement coaches now run every twenty minutes between the two stations, adding an hour to each journey.",
        ],
    },
    {
        "slug": "quillan-vineyard-frost",
        "headline": "Late frost ruins a third of Quillan valley vineyards",
        "date": "2026-04-20",
        "speaker": "Sofia Larrain",
        "role": "the head of the Quillan growers' cooperative",
        "quote": "In forty years of farming I have never seen the buds burn like this in late April",
        "facts": [
            "A late frost swept through the Quillan valley overnight, destroying young buds on roughly a third of its vineyards.",
            "Growers lit fires and ran wind machines between the rows of vines, but temperatures fell to minus four degrees.",
            "The Quillan growers' cooperative said insurance would cover only part of the losses of its 230 member farms.",
            "Wine merchants expect the price of the valley's white wines to rise sharply when the next vintage is sold.",
            "Agronomists said some vines could still push out secondary buds, though those rarely bear much fruit.",
            "The regional agriculture office promised an emergency fund for seasonal workers who will lose the harvest work.",
        ],
    },
]


def page_html(event: dict, outlet: str, number: int) -> str:
    """One outlet's article: three of the event's six facts, a quote, and the outlet's furniture."""
    facts = [event["facts"][(number + step) % 6] for step in (0, 2, 3)]
    quote = f"“{event['quote']},” said {event['speaker']}, {event['role']}."
    follow = f"{event['speaker'].split()[1]} said the next few days would show how long the disruption lasts."
    # The last paragraph is on every page of the outlet: its template, which the store learns.
    standing = (
        f"The {outlet} is an independent newsroom, funded by readers in all forty districts of the region."
    )
    paragraphs = [*facts[:2], quote, follow, facts[2], f"Reporting by the {outlet} news desk.", standing]
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(event['headline'])} | {outlet}</title>"
        f'<meta property="article:published_time" content="{event["date"]}T0{6 + number}:30:00+01:00">'
        f'<meta name="author" content="{outlet} staff"></head><body>'
        f"<nav>Home | World | Sport | Subscribe</nav><article><h1>{escape(event['headline'])}</h1>"
        f"{body}</article><footer>Share this story. Sign up for our newsletter.</footer></body></html>"
    )


def responses() -> list[dict]:
    """Twelve articles; a mirror's copy of the first and the first again; a page of no text; an empty one."""
    pages = [
        {
            "url": f"https://{outlet.lower().replace(' ', '-')}.example/{event['slug']}",
            "body": page_html(event, outlet, number).encode("utf-8"),
            "date": f"{event['date']}T1{number}:00:00Z",
        }
        for event in EVENTS
        for number, outlet in enumerate(OUTLETS)
    ]
    mirrored = pages[0]["body"].replace(b"Subscribe", b"Mirror archive")
    copy = {**pages[0], "url": "https://mirror.example/copy", "body": mirrored}
    no_text = {
        "url": "https://blank.example/",
        "body": b"<!doctype html><html><body><nav>Home</nav></body></html>",
    }
    empty = {"url": "https://empty.example/", "body": b""}
    return [*pages, copy, pages[0], no_text, empty]


def write_warc(path: Path) -> Path:
    path.write_bytes(build_warc(responses(), compress=True))
    return path
