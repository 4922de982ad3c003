"""One entry point for ``newsfacts ingest TARGET``: a URL or a local file."""

from __future__ import annotations

import re

import httpx

from sources.errors import InvalidURL
from sources.fetch import DEFAULT_SETTINGS, FetchSettings, fetch
from sources.local import read_local
from sources.page import Page

# A scheme of two or more characters, so a Windows drive ("C:\\x") stays a path.
# A local file whose name has a colon early on can be given as "./name:x.html".
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


def load(
    target: str,
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings = DEFAULT_SETTINGS,
) -> Page:
    """Fetch an http(s) URL, or read a local path; refuse every other scheme.

    ``file://``, ``ftp://``, ``javascript:`` and the like raise
    :class:`InvalidURL` rather than being read: a target list must not be able
    to make the pipeline read arbitrary local files through a URL.
    """
    target = target.strip()
    match = _SCHEME.match(target)
    if match is None:
        return read_local(target, max_bytes=settings.max_bytes)
    if match.group(1).lower() in ("http", "https"):
        return fetch(target, client=client, settings=settings)
    raise InvalidURL(f"only http and https URLs are fetched: {target}", url=target)
