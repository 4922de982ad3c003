"""The fetched page: what ``sources`` hands to ``extractors``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

ContentKind = Literal["html", "text"]


@dataclass(frozen=True)
class Page:
    """One fetched (or locally read) document, decoded.

    ``body`` is the raw bytes as received; ``text`` is ``body`` decoded with
    ``charset``. ``kind`` says whether the text is HTML or already the
    article's plain text (a local ``.txt`` file, a ``text/plain`` response).
    """

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    text: str
    charset: str
    kind: ContentKind
    fetched_at: datetime
    redirects: tuple[str, ...] = field(default=())
