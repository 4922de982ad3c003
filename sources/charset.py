"""Turning a response body into text: find the charset, then decode.

The order follows the HTML standard's encoding sniffing, simplified: a byte
order mark, then the Content-Type header, then a ``<meta>`` tag or XML
declaration near the top, then a guess (strict UTF-8, else windows-1252).
Decoding never raises: a declared charset that does not fit the bytes still
yields text, with U+FFFD where bytes were bad.
"""

from __future__ import annotations

import codecs
import re

# The HTML standard's prescan reads 1024 bytes; CMS pages often put long
# comment blocks or inline scripts before their <meta charset>, so look further.
SNIFF_BYTES = 4096

# Byte order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels that browsers decode as a superset (the Encoding Standard maps them
# so): pages labelled latin-1 do carry cp1252 curly quotes in 0x80-0x9F, and
# pages labelled gb2312 use GBK characters.
_BROWSER_ALIASES: dict[str, str] = {
    **dict.fromkeys(("iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii"), "cp1252"),
    "gb2312": "gbk",
}

# Python codecs that are not charsets; a page must not be able to select them.
_NOT_CHARSETS = frozenset({"idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined"})

_META_CHARSET = re.compile(rb"""<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s;"',]+)""", re.IGNORECASE)


def decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode ``body``, returning ``(text, charset)``.

    ``charset`` is the Python codec name actually used (``"utf-8"``,
    ``"cp1252"``, ...). Unknown or unusable charset labels are skipped.
    """
    bom = bom_charset(body)
    if bom is not None:
        charset, size = bom
        text = _try_decode(body[size:], charset)
        if text is not None:
            return text, charset
    for label in (charset_from_content_type(content_type), sniff_declared_charset(body)):
        charset_name = codec_name(label)
        if charset_name is not None:
            text = _try_decode(body, charset_name)
            if text is not None:
                return text, charset_name
    return guess(body)


def guess(body: bytes) -> tuple[str, str]:
    """Decode bytes that declare nothing: strict UTF-8, else windows-1252."""
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # cp1252 leaves five byte values undefined; replace keeps this total.
        return body.decode("cp1252", errors="replace"), "cp1252"


def bom_charset(body: bytes) -> tuple[str, int] | None:
    """The charset named by a byte order mark and the mark's length, if any."""
    for mark, charset in _BOMS:
        if body.startswith(mark):
            return charset, len(mark)
    return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, as written."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def sniff_declared_charset(body: bytes) -> str | None:
    """The charset an XML declaration or ``<meta>`` tag names near the top."""
    head = body[:SNIFF_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head.lstrip())
        if match:
            label = match.group(1).decode("ascii").lower()
            # A <meta> read as ASCII cannot really be UTF-16; the standard says utf-8.
            return "utf-8" if label.startswith(("utf-16", "utf-32")) else label
    return None


def codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None if it is unusable."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
        # Refuses codecs that are not text encodings (base64, rot13): an empty
        # input would short-circuit, so decode one byte.
        b"a".decode(name, errors="replace")
    except (LookupError, ValueError):
        return None
    return None if name in _NOT_CHARSETS else name


def _try_decode(data: bytes, charset: str) -> str | None:
    """Decode leniently; None only if the codec refuses to work at all."""
    try:
        return data.decode(charset, errors="replace")
    except (UnicodeError, LookupError):
        return None
