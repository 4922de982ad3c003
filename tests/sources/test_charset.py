"""sources.charset: where the charset comes from, and decoding that never raises."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.charset import SNIFF_BYTES, codec_name, decode

CAFE_UTF8 = "caf\u00e9".encode()
CAFE_CP1252 = "caf\u00e9".encode("cp1252")


def test_header_charset_is_used() -> None:
    assert decode(CAFE_CP1252, "text/html; charset=windows-1252") == ("caf\u00e9", "cp1252")


def test_header_charset_wins_over_meta() -> None:
    body = b'<meta charset="utf-8"><p>' + CAFE_CP1252
    text, charset = decode(body, "text/html; charset=cp1252")
    assert (charset, text.endswith("caf\u00e9")) == ("cp1252", True)


def test_quoted_header_charset_is_understood() -> None:
    assert decode(CAFE_UTF8, 'text/html; charset="UTF-8"')[1] == "utf-8"


def test_byte_order_mark_wins_over_header() -> None:
    # The HTML standard puts the BOM first: it cannot be there by accident.
    body = codecs.BOM_UTF8 + CAFE_UTF8
    assert decode(body, "text/html; charset=iso-8859-1") == ("caf\u00e9", "utf-8")


def test_utf16_byte_order_mark_is_decoded_and_dropped() -> None:
    body = codecs.BOM_UTF16_LE + "<p>caf\u00e9</p>".encode("utf-16-le")
    assert decode(body, None) == ("<p>caf\u00e9</p>", "utf-16-le")


def test_meta_charset_is_sniffed() -> None:
    body = b"<html><head><meta charset=windows-1252></head><body>" + CAFE_CP1252
    assert decode(body, "text/html")[1] == "cp1252"


def test_meta_http_equiv_content_type_is_sniffed() -> None:
    body = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15"><p>\xa4</p>'
    text, charset = decode(body, None)
    assert (charset, "\u20ac" in text) == ("iso8859-15", True)


def test_xml_declaration_encoding_is_sniffed() -> None:
    body = b'<?xml version="1.0" encoding="windows-1252"?><rss><title>' + CAFE_CP1252 + b"</title></rss>"
    assert decode(body, "application/rss+xml")[1] == "cp1252"


def test_meta_beyond_the_sniff_window_is_ignored() -> None:
    body = b"<!--" + b"x" * SNIFF_BYTES + b"--><meta charset=koi8-r>" + CAFE_UTF8
    assert decode(body, None)[1] == "utf-8"


def test_undeclared_utf8_is_read_as_utf8() -> None:
    assert decode(CAFE_UTF8, None) == ("caf\u00e9", "utf-8")


def test_undeclared_non_utf8_falls_back_to_windows_1252() -> None:
    assert decode(b"\x93quoted\x94 " + CAFE_CP1252, None) == ("\u201cquoted\u201d caf\u00e9", "cp1252")


def test_latin1_label_is_read_as_windows_1252() -> None:
    # Browsers do the same: pages labelled latin-1 carry cp1252 curly quotes.
    assert decode(b"\x93hi\x94", "text/html; charset=ISO-8859-1") == ("\u201chi\u201d", "cp1252")


def test_unknown_header_charset_falls_through_to_meta() -> None:
    body = b"<meta charset=windows-1252>" + CAFE_CP1252
    assert decode(body, "text/html; charset=x-no-such-charset")[1] == "cp1252"


def test_unknown_labels_everywhere_fall_back_to_a_guess() -> None:
    body = b"<meta charset=bogus>" + CAFE_UTF8
    assert decode(body, "text/html; charset=also-bogus")[1] == "utf-8"


def test_bad_bytes_under_a_declared_charset_are_replaced() -> None:
    text, charset = decode(b"ok \xff ok", "text/plain; charset=utf-8")
    assert (text, charset) == ("ok \ufffd ok", "utf-8")


def test_windows_1252_undefined_byte_is_replaced() -> None:
    assert decode(b"\x81\xff\xfe-not-a-bom", None)[0].startswith("\ufffd")


@pytest.mark.parametrize("label", ["base64", "rot13", "hex", "idna", "unicode_escape", "", None, "  "])
def test_non_charset_codec_labels_are_refused(label: str | None) -> None:
    assert codec_name(label) is None


@pytest.mark.parametrize(
    ("label", "name"),
    [("UTF8", "utf-8"), ("'Shift_JIS'", "shift_jis"), ("gb2312", "gbk"), ("latin1", "cp1252")],
)
def test_codec_name_normalises_labels(label: str, name: str) -> None:
    assert codec_name(label) == name


@given(
    body=st.binary(max_size=512),
    content_type=st.sampled_from(
        [None, "text/html", "text/html; charset=utf-8", "text/plain; charset=utf-16"]
    ),
)
def test_decode_never_raises(body: bytes, content_type: str | None) -> None:
    text, charset = decode(body, content_type)
    assert isinstance(text, str)
    assert codec_name(charset) is not None
