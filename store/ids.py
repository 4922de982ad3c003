"""Deterministic ids: the same fact or page always gets the same id.

Ids are hashes of normalised keys, so ingesting a page twice, or the same
story from a second outlet, upserts rows instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from extractors.models import Article, Fact

ID_LENGTH = 32
"""Hex characters kept from the sha256 digest (128 bits: no collision at news scale)."""

KEY_SEPARATOR = "\x1f"
"""ASCII unit separator: cannot occur in normalised text, so keys cannot run together."""

# Click and campaign identifiers that name the visit, not the page. Kept to the
# common ones: dropping a parameter a site really uses would merge two pages.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid"})
TRACKING_PREFIX = "utm_"

_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


def fact_id(fact: Fact) -> str:
    """The id of a fact: a hash of its normalised identity key."""
    return _digest(KEY_SEPARATOR.join(fact.identity()))


def article_id(article: Article) -> str:
    """The id of an article: a hash of the normalised URL of the page it came from.

    Not the canonical URL: an outlet that republishes a wire story often
    points its canonical link at the original, and each outlet's copy must
    stay its own article (a source). Same-canonical pages are grouped into
    one story instead.
    """
    return url_id(article.url)


def url_id(url: str) -> str:
    """The article id a page at ``url`` gets when it names no canonical URL."""
    return _digest(normalise_url(url))


def normalise_url(url: str) -> str:
    """``url`` with what does not name the page removed.

    Lowercases the scheme and host, drops the default port, the fragment,
    tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ...) and a trailing
    slash. Other query parameters keep their order and encoding.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    return urlunsplit(
        (scheme, _netloc(scheme, parts.netloc), parts.path.rstrip("/"), _query(parts.query), "")
    )


def _netloc(scheme: str, netloc: str) -> str:
    """Host lowercased and default port dropped; user info left as written."""
    userinfo, at, hostport = netloc.rpartition("@")
    hostport = hostport.lower()
    default = _DEFAULT_PORTS.get(scheme)
    if default and hostport.endswith(default):
        hostport = hostport[: -len(default)]
    return f"{userinfo}{at}{hostport}"


def _query(query: str) -> str:
    """The query string without tracking parameters (split by hand to keep encoding)."""
    kept = [pair for pair in query.split("&") if pair and not _is_tracking(pair.partition("=")[0])]
    return "&".join(kept)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(TRACKING_PREFIX) or lowered in TRACKING_PARAMS


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_LENGTH]
