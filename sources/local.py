"""Reading a saved page from disk into a :class:`~sources.page.Page`."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

from sources.charset import decode
from sources.errors import BodyTooLarge, LocalFileError, UnsupportedContent
from sources.fetch import BINARY_TYPE, DEFAULT_SETTINGS, sniff_media_type
from sources.page import ContentKind, Page

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def read_local(path: str | Path, *, max_bytes: int = DEFAULT_SETTINGS.max_bytes) -> Page:
    """Read a local HTML or text file as if it had been fetched (status 200).

    ``.html``/``.htm``/``.xhtml`` are HTML; ``.txt``/``.text``/``.md`` are the
    article's plain text; other files are sniffed. Files over ``max_bytes``
    raise :class:`BodyTooLarge`; missing, unreadable or non-regular files raise
    :class:`LocalFileError`.
    """
    resolved = _absolute(Path(path))
    body = _read_capped(resolved, max_bytes)
    text, charset = decode(body, None)
    uri = resolved.as_uri()
    return Page(
        url=uri,
        final_url=uri,
        status=200,
        headers={},
        body=body,
        text=text,
        charset=charset,
        kind=_kind(resolved, body),
        fetched_at=datetime.now(UTC),
    )


def _absolute(path: Path) -> Path:
    """The absolute, symlink-free path (the file:// URL names it)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on 3.11
        raise LocalFileError(f"cannot read {path}: {exc}", url=str(path)) from exc


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing anything but a regular file within the cap."""
    try:
        info = path.stat()
        # Check before opening: opening a FIFO would block, a directory fails late.
        if not stat.S_ISREG(info.st_mode):
            what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise LocalFileError(f"cannot read {path}: {what}", url=str(path))
        if info.st_size > max_bytes:
            message = f"file of {info.st_size} bytes exceeds {max_bytes} bytes: {path}"
            raise BodyTooLarge(message, url=str(path))
        with path.open("rb") as handle:
            # Read one byte past the cap in case the file grew since stat().
            body = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise LocalFileError(f"cannot read {path}: {reason}", url=str(path)) from exc
    if len(body) > max_bytes:
        raise BodyTooLarge(f"file exceeds {max_bytes} bytes: {path}", url=str(path))
    return body


def _kind(path: Path, body: bytes) -> ContentKind:
    """Kind from the suffix, else from the content; binary files are refused."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    media = sniff_media_type(body)
    if media in (BINARY_TYPE, "application/pdf"):
        raise UnsupportedContent(f"not HTML or text ({media}): {path}", url=str(path))
    # Markup of any flavour (HTML, XHTML, a fragment) goes to the HTML extractor.
    return "text" if media == "text/plain" else "html"
