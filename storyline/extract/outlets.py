"""The outlet's name as a page gives it: a site name, or the host of an address, as a reader writes it.

A host is only tidied, never dressed up: "www.example-news.com" is "example-news.com", not
"Example News". Nothing here names an outlet.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# Prefixes of a host that name a server or an edition of the site, not the site.
_SERVER_PREFIX = re.compile(r"^(?:www[0-9]*|m|mobile|amp)\.")
# A host written without its scheme ("www.example.com/news/…", "example.com").
_BARE_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::[0-9]+)?(?:[/?#]|$)", re.IGNORECASE)
# Hosts of share buttons, social profiles and link shorteners: a page links to them, they are not its outlet.
SOCIAL_SITES = frozenset((
    "facebook.com", "twitter.com", "x.com", "t.co", "instagram.com", "linkedin.com", "youtube.com",
    "youtu.be", "tiktok.com", "pinterest.com", "reddit.com", "whatsapp.com", "wa.me", "telegram.org",
    "t.me", "threads.net", "bsky.app", "flipboard.com", "google.com", "news.google.com", "bit.ly",
    "ow.ly", "buff.ly", "tinyurl.com", "apple.news", "feedburner.com", "feeds.feedburner.com",
))  # fmt: skip


def site_of_host(host: str | None) -> str | None:
    """The host as a reader would name the site: lower case, less "www." or a mobile edition's prefix
    and any port; None for what names no site (an IP address, "localhost")."""
    if not host:
        return None
    name = host.strip().lower().rstrip(".").split(":")[0]
    name = _SERVER_PREFIX.sub("", name)
    if "." not in name or _is_ip_address(name):
        return None
    return name


def site_of_url(url: str | None) -> str | None:
    """The site of an address, with or without its scheme ("https://…", "www.example.com/…")."""
    if not url:
        return None
    text = url.strip()
    if "//" not in text:
        if not _BARE_HOST.match(text):
            return None
        text = "//" + text
    try:
        return site_of_host(urlsplit(text).hostname)
    except ValueError:  # a malformed address (an unclosed IPv6 bracket)
        return None


def page_site(url: str | None) -> str | None:
    """The site of the page's own address, unless it is a share link or a social profile."""
    site = site_of_url(url)
    return site if site and site not in SOCIAL_SITES else None


def site_name(name: str | None) -> str | None:
    """A site name from the page's metadata as the page writes it, less a leading "www."."""
    text = " ".join((name or "").split())
    return re.sub(r"^www[0-9]*\.", "", text, flags=re.IGNORECASE) or None


def _is_ip_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True
