"""What a line of scraped text is: prose, a byline, a dateline, or the page's furniture.

Every rule here is generic: a lexicon of boilerplate phrases common on news pages in
several languages, and shapes (bullets, counters, e-mail addresses, names). Nothing
names an outlet or a person.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from functools import lru_cache

from storyline.extract.dates import FoundDate, find_dates

# Phrases that mark navigation, teasers, share bars and credits: multiword, so they are
# safe to look for in any short line that is not a sentence (an article that says "read
# more" in prose keeps it).
NAVIGATION_PHRASES = (
    # English
    "read more", "read also", "also read", "see also", "related articles", "related stories",
    "related posts", "related news", "related content", "related topics", "you may also like",
    "you might also like", "recommended for you", "more stories", "latest stories", "top stories",
    "popular now", "most popular", "most read", "most viewed", "trending now", "must-reads",
    "must reads", "editor's picks", "share this", "share it on", "share article", "share story",
    "tweet this", "follow us on", "leave a reply", "add a comment", "write a comment",
    "join the conversation", "sign up for", "subscribe to", "our newsletter", "leave a comment",
    "add comment", "post a comment", "view comments", "show comments", "skip to content",
    "skip to main", "main page", "main content", "main menu", "back to top", "all rights reserved",
    "image via", "image source", "photo credit", "image credit", "photo by", "photograph:", "photo:",
    "image:", "picture:", "credit:", "source:", "related:", "tag:", "tags:", "topics:", "filed under",
    "if you enjoyed this",
    "thanks for reading", "thank you for reading", "getty images", "click here", "tap here",
    "privacy policy", "terms of use", "terms of service", "you've reached the end", "end of article",
    "email this", "e-mail this", "download the app", "listen to this article", "min read",
    "tell us what you think", "like this story", "like this article",
    "share it with a friend",
    # Indonesian / Malay
    "baca juga", "baca selengkapnya", "posting komentar", "berita terkait", "artikel terkait",
    "lihat juga", "tulis komentar",
    # German
    "lesen sie auch", "mehr zum thema", "alle rechte vorbehalten", "kommentar schreiben", "foto:", "bild:",
    # French
    "lire aussi", "lire la suite", "voir aussi", "abonnez-vous", "tous droits réservés",
    "écrire un commentaire", "réagir",
    # Spanish / Portuguese / Italian / Dutch
    "leer más", "lee también", "escribe un comentario", "todos los derechos reservados",
    "noticias relacionadas",
    "te puede interesar", "leia também", "leia mais", "todos os direitos reservados",
    "leggi anche", "tutti i diritti riservati", "lees ook", "lees meer",
)  # fmt: skip

# Consent banners: boilerplate however long and sentence-like they are.
CONSENT_PHRASES = (
    "we use cookies", "this site uses cookies", "this website uses cookies", "cookie policy",
    "cookie settings", "accept cookies", "accept all cookies", "manage cookies", "cookie preferences",
    "utilizamos cookies", "usamos cookies", "este sitio utiliza cookies", "wir verwenden cookies",
    "diese website verwendet cookies", "nous utilisons des cookies", "ce site utilise des cookies",
    "utilizziamo i cookie", "kami menggunakan cookie", "wij gebruiken cookies",
)  # fmt: skip

# Single words of share bars and widgets: a line made of nothing else is boilerplate
# ("Share on Facebook", "Subscribe to our newsletter", "Comments (3)"), a headline that
# merely mentions one ("Facebook fined ...") is not.
WIDGET_WORDS = frozenset((
    "share", "shares", "sharing", "subscribe", "subscribed", "newsletter", "newsletters",
    "advertisement", "advertising", "sponsored", "cookie", "cookies", "comments", "comment", "login",
    "log", "sign", "register", "print", "email", "e-mail", "mail", "follow", "like", "likes", "tweet",
    "whatsapp", "telegram", "facebook", "twitter", "x", "linkedin", "pinterest", "reddit", "instagram",
    "youtube", "tiktok", "rss", "copy", "link", "menu", "search", "close", "home", "next", "previous",
    "prev", "top", "us", "on", "the", "to", "our", "for", "in", "with", "via", "and", "or", "this", "it",
    "now", "here", "up", "komentar", "bagikan", "iklan", "kommentare", "kommentar", "teilen", "anzeige",
    "abonnieren", "commentaires", "partager", "publicité", "comentarios", "compartir", "publicidad",
    "comentários", "compartilhe", "publicidade", "commenti", "condividi", "pubblicità", "reacties",
    "delen", "advertentie",
))  # fmt: skip
_FILLER_WORDS = frozenset((
    "us", "on", "the", "to", "our", "for", "in", "with", "via", "and", "or", "this", "it", "now", "here",
    "up",
))  # fmt: skip

# Headings after which a page has left its article for good: the body never runs past them.
END_PHRASES = (
    "more from", "you may also like", "you might also like", "recommended for you", "more stories",
    "latest stories", "popular now", "most popular", "most read", "most viewed",
    "must-reads", "must reads", "trending now", "editor's picks", "you've reached the end",
    "end of article", "all rights reserved", "leave a comment", "post a comment", "posting komentar",
    "share it on", "leave a reply", "add a comment", "write a comment", "join the conversation",
    "kommentar schreiben", "écrire un commentaire", "tulis komentar", "escribe un comentario",
    "berita terkait", "artikel terkait", "alle rechte vorbehalten",
    "tous droits réservés", "todos los derechos reservados", "noticias relacionadas",
)  # fmt: skip

# Whole lines that are section labels of a story page, not text.
LABELS = frozenset((
    "story", "opinions", "opinion", "highlights", "key points", "key takeaways", "summary",
    "advertisement", "related", "tags", "topics", "share", "comments", "comment", "menu", "home",
    "search", "trending", "video", "videos", "photos", "gallery", "listen", "print", "email", "sections",
    "contents", "in brief", "at a glance", "don't miss", "ringkasan", "kommentare", "commentaires",
    "comentarios", "komentar", "anzeige", "publicité", "publicidad", "iklan",
))  # fmt: skip

# Words that a counter pairs with a number ("Comments0", "1,204 views").
COUNTER_WORDS = frozenset((
    "comments", "comment", "views", "view", "likes", "like", "shares", "share", "reads", "read",
    "replies", "reactions", "komentar", "kommentare", "commentaires", "comentarios", "commenti",
    "reacties",
))  # fmt: skip

# Words a byline puts before a name, in several languages.
BYLINE_PREFIXES = (
    "by", "posted by", "written by", "reported by", "words by", "story by", "text by", "von",
    "par", "por", "oleh", "di", "door", "av", "przez", "author:", "authors:", "autor:", "auteur:",
    "penulis:", "reporter:", "writer:", "text:", "texto:", "redaksi:",
)  # fmt: skip

# Words that follow a name on a byline line: a role or a counter label.
BYLINE_SUFFIXES = frozenset((
    "views", "reads", "reporter", "correspondent", "editor", "writer", "contributor", "journalist",
    "columnist", "staff", "senior", "reporters",
))  # fmt: skip

# Words of a role line printed under a name ("Senior Political Correspondent").
ROLE_WORDS = BYLINE_SUFFIXES | frozenset((
    "chief", "political", "foreign", "deputy", "associate", "managing", "special", "contributing",
    "economics", "science", "health", "digital", "desk", "bureau", "freelance", "and", "&",
))  # fmt: skip

# Lowercase words that may stand inside a person's name.
NAME_PARTICLES = frozenset((
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "bin", "binti", "al", "el",
    "la", "le", "du", "dos", "das", "y", "e",
))  # fmt: skip

# Words that show a "name" is really a button or a label ("Email the author").
NOT_NAME_WORDS = frozenset((
    "email", "e-mail", "mail", "author", "authors", "share", "follow", "comments", "comment", "contact",
    "subscribe", "newsletter", "read", "more", "admin", "views", "click", "here", "news", "home",
    "print", "the", "staff", "team", "editorial", "desk",
))  # fmt: skip

FREE_MAIL_DOMAINS = frozenset((
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "aol.com", "icloud.com",
    "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru", "yandex.ru", "qq.com",
    "163.com",
))  # fmt: skip

# The lookbehind lets a match start only where an address can: without it, a long run of word
# characters with no "@" is scanned again from every position (quadratic: hours for a 1 MB word).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_BULLET = re.compile(r"^(?:[•·▪►▸‣◦●○■□➤→*+\-–—]|[0-9]{1,2}[.)](?![0-9])|\[[^\]]{1,30}\])(?:\s|$)")
_TERMINAL = re.compile(r"[.!?…。！？]['\"’”»)\]]*$")
_SEPARATORS = re.compile(r"\s[|»>/•·]\s|\s[|»>]\s?|\s?[|»>]\s")
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_CONJUNCTION = re.compile(r"\s+(?:and|und|et|y|e|dan|en|och|&)\s+")
# "Copyright ⓒ" reads "Copyright c" once NFKC has unfolded the circled letter.
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|c\s|[0-9]{4}))", re.IGNORECASE)
_LETTER = r"[^\W\d_]"
_PUNCT_TRIM = "\"'“”‘’«»()[]{}:;,.!?…–—-|/"
_CURLY_QUOTES = (
    ("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'), ("‘", "'"), ("’", "'"), ("‚", "'"),
)  # fmt: skip
QUOTES = str.maketrans(dict(_CURLY_QUOTES))


class Kind(Enum):
    BLANK = "blank"
    PROSE = "prose"  # a sentence-like paragraph
    TEXT = "text"  # any other line: a headline, a crosshead, a teaser
    BULLET = "bullet"
    BOILERPLATE = "boilerplate"
    END = "end"  # boilerplate after which the page has left its article ("You may also like")
    COUNTER = "counter"
    LABEL = "label"
    EMAIL = "email"
    DATELINE = "dateline"
    BYLINE = "byline"


# Every rule normalises and counts the line it is given: cached, the classifier's dozen questions
# about one line cost one normalisation and one count.
@lru_cache(maxsize=4096)
def normalise(line: str) -> str:
    """The line as rules read it: NFKC, straight quotes, single spaces."""
    if not line.isascii():  # ASCII is already NFKC with straight quotes: most lines skip the costly part
        line = unicodedata.normalize("NFKC", line)
        # str.translate looks up every character; a replace per quote actually present is far cheaper.
        for curly, straight in _CURLY_QUOTES:
            if curly in line:
                line = line.replace(curly, straight)
    return " ".join(line.split())


@lru_cache(maxsize=4096)
def count_words(line: str) -> int:
    """Words, with Chinese and Japanese (written without spaces) counted as two characters a word."""
    unspaced = len(_UNSPACED_SCRIPT.findall(line))
    return len(line.split()) + unspaced // 2 if unspaced else len(line.split())


def is_sentence(line: str) -> bool:
    """Ends like a sentence and has at least two words ("He declined to comment.")."""
    text = normalise(line)
    return count_words(text) >= 2 and bool(_TERMINAL.search(text)) and not text.endswith("...")


def is_prose(line: str) -> bool:
    """A sentence-like paragraph: enough words and a terminal stop."""
    text = normalise(line)
    if _BULLET.match(text):
        return False
    return count_words(text) >= 5 and bool(_TERMINAL.search(text)) and not text.endswith("...")


def has_phrase(line: str, phrases: tuple[str, ...]) -> bool:
    """Whether the line says one of the phrases as whole words ("read more", not "spread mored")."""
    return _phrase_pattern(phrases).search(normalise(line).lower()) is not None


@lru_cache(maxsize=32)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the whole lexicon: a hundred substring scans per line cost more than the rest
    of the classifier. A phrase stands between non-letters, except that one ending in ":" may run
    straight into what follows ("Photo:Reuters")."""
    closed = "|".join(re.escape(phrase) for phrase in phrases if not phrase.endswith(":"))
    open_ended = [re.escape(phrase) for phrase in phrases if phrase.endswith(":")]
    alternatives = [f"(?:{closed})(?!{_LETTER})", *open_ended] if closed else open_ended
    return re.compile(f"(?<!{_LETTER})(?:{'|'.join(alternatives) or '(?!)'})")


def is_navigation(line: str) -> bool:
    """Menus, share bars, credits and teaser headings, by lexicon and by shape."""
    text = normalise(line)
    words = count_words(text)
    # The length test first: it is cheap, and most lines are long prose that it rules out.
    if (words <= 8 or (words <= 30 and not is_prose(text))) and has_phrase(text, NAVIGATION_PHRASES):
        return True
    if _COPYRIGHT.match(text) or (words <= 80 and has_phrase(text, CONSENT_PHRASES)):
        return True
    if _is_widget_line(text):
        return True
    # A breadcrumb or menu: several short items between separators.
    if is_prose(text):
        return False
    items = _SEPARATORS.split(text)
    return len(items) >= 4 or (len(items) >= 3 and all(count_words(item) <= 3 for item in items))


def _is_widget_line(text: str) -> bool:
    """Only share-bar words ("Share on Facebook"), and not only filler ("on the"); numbers aside."""
    widget_word_seen = False
    for word in text.split():
        word = word.strip(_PUNCT_TRIM).lower()
        if not word or word.isdigit():
            continue
        if word not in WIDGET_WORDS:
            return False  # most lines stop at their first word
        widget_word_seen = widget_word_seen or word not in _FILLER_WORDS
    return widget_word_seen


def is_end_marker(line: str) -> bool:
    text = normalise(line)
    # Short: a heading, not a sentence or crosshead that happens to say "most read".
    return count_words(text) <= 8 and has_phrase(text, END_PHRASES)


def is_counter(line: str) -> bool:
    """A bare number, or a number with a counter word ("Comments0", "1,204 views")."""
    text = normalise(line).lower().strip(_PUNCT_TRIM + " ")
    if re.fullmatch(r"[0-9][0-9,.\s]*[km]?", text):
        return True
    match = re.fullmatch(r"([^\W\d_]+)?\s*[0-9][0-9,.]*\s*[km]?\s*([^\W\d_]+)?", text)
    return bool(match) and bool({match.group(1), match.group(2)} & COUNTER_WORDS)


def is_label(line: str) -> bool:
    return normalise(line).lower().strip(_PUNCT_TRIM + " ") in LABELS


def is_email_line(line: str) -> bool:
    """An e-mail address standing alone or after a short name (a sign-off)."""
    text = normalise(line)
    match = EMAIL.search(text) if "@" in text else None  # the regex walks every word of a long line
    return bool(match) and count_words(text.replace(match.group(0), "")) <= 5


def email_domain(line: str) -> str | None:
    """The domain of an e-mail address in the line, unless it is a free-mail provider."""
    match = EMAIL.search(normalise(line))
    if not match:
        return None
    domain = match.group(1).lower().removeprefix("www.")
    return None if domain in FREE_MAIL_DOMAINS else domain


def looks_like_name(text: str, min_words: int = 2) -> bool:
    """Capitalised words, maybe with particles ("Anna de la Cruz"); no digits, no button words."""
    words = text.strip(_PUNCT_TRIM + " ").split()
    if not min_words <= len(words) <= 5:
        return False
    if any(word.lower().strip(".,") in NOT_NAME_WORDS for word in words):
        return False
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        core = word.replace("-", "").replace("'", "").replace(".", "")
        if not core or not core.isalpha() or not word[0].isupper():
            return False
    return not all(word.lower() in NAME_PARTICLES for word in words)


def is_role_line(line: str) -> bool:
    """A line of byline role words only ("Senior Reporter"), printed under an author's name."""
    words = normalise(line).lower().strip(_PUNCT_TRIM).split()
    return 0 < len(words) <= 4 and all(word.strip(",") in ROLE_WORDS for word in words)


def is_list_item(line: str) -> bool:
    """A bullet that is part of the text: a clause with its own punctuation, not a teaser link."""
    text = normalise(line)
    return bool(_BULLET.match(text)) and count_words(text) >= 4 and text[-1] in ".!?;:,…)\"'"


def dateline_dates(line: str) -> list[FoundDate]:
    """The dates of a line that is mostly dates ("Updated: Jul 13, 2024, 4:00 PM"); else none."""
    text = normalise(line)
    if count_words(text) > 14:
        return []
    found = find_dates(text)
    if not found:
        return []
    rest = text
    for item in reversed(found):
        rest = rest[: item.start] + " " + rest[item.end :]
    leftover = [word for word in rest.split() if word.strip(_PUNCT_TRIM)]
    return found if len(leftover) <= 4 else []


def byline_name(line: str) -> str | None:
    """The author named by a byline line, or None if the line is not a byline."""
    text = normalise(line)
    if count_words(text) > 16 or (is_prose(text) and not _has_separator_date(text)):
        return None
    lowered = text.lower()
    for prefix in BYLINE_PREFIXES:
        if lowered.startswith(prefix + " ") or (prefix.endswith(":") and lowered.startswith(prefix)):
            return _name_before_separator(text[len(prefix) :], min_words=1)
    head, _, tail = _split_on_separator(text)
    if tail and find_dates(tail) and looks_like_name(head):
        return head.strip()
    words = text.split()
    trailing = 0
    while trailing < len(words) - 1 and (
        words[-1 - trailing].lower() in BYLINE_SUFFIXES or words[-1 - trailing].replace(",", "").isdigit()
    ):
        trailing += 1
    if trailing and looks_like_name(" ".join(words[:-trailing])):
        return " ".join(words[:-trailing])
    return None


def _split_on_separator(text: str) -> tuple[str, str, str]:
    match = re.search(r"\s*[|·•–—]\s*|\s+-\s+|,\s+(?=[A-Z][a-z]{2}\w*\.? [0-9])", text)
    if not match:
        return text, "", ""
    return text[: match.start()], match.group(0), text[match.end() :]


def _has_separator_date(text: str) -> bool:
    _, separator, tail = _split_on_separator(text)
    return bool(separator) and bool(find_dates(tail))


def split_names(names: str) -> list[str]:
    """ "Anna Berg, Tom Lind and Jo Sims" -> each name."""
    parts = (part for chunk in re.split(r",\s*", names) for part in _CONJUNCTION.split(chunk))
    return [part.strip() for part in parts if part.strip()]


def _name_before_separator(text: str, min_words: int) -> str | None:
    head, _, _ = _split_on_separator(text.strip())
    commas = head.split(",")
    if len(commas) > 1 and not _CONJUNCTION.search(commas[-1]):
        head = commas[0]  # "Anna Berg, Harbour Reporter": what follows the comma is a role or an outlet
    # "Anna Berg and Tom Lind", "Anna Berg, Tom Lind and Jo Sims": every part must be a name.
    parts = split_names(head)
    if parts and all(looks_like_name(part, min_words=min_words) for part in parts):
        return head.strip(_PUNCT_TRIM + " ")
    return None


@lru_cache(maxsize=16384)  # readers ask about the same line at several steps
def classify(line: str) -> Kind:
    """What one line of scraped text is, judged on the line alone."""
    text = normalise(line)
    if not text:
        return Kind.BLANK
    if is_counter(text):
        return Kind.COUNTER
    if is_label(text):
        return Kind.LABEL
    if is_email_line(text):
        return Kind.EMAIL
    if is_end_marker(text):
        return Kind.END
    if is_navigation(text):
        return Kind.BOILERPLATE
    if byline_name(text):
        return Kind.BYLINE
    if dateline_dates(text):
        return Kind.DATELINE
    if _BULLET.match(text):
        return Kind.BULLET
    return Kind.PROSE if is_prose(text) else Kind.TEXT
