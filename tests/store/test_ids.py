"""Deterministic ids from normalised keys."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from store.ids import article_id, fact_id, normalise_url, url_id
from tests.store.factories import article, fee, person, quote


def test_fact_id_is_32_hex_characters() -> None:
    assert re.fullmatch(r"[0-9a-f]{32}", fact_id(fee()))


def test_fact_id_depends_only_on_the_identity_key() -> None:
    seen_here = person("Michael Feller", ["analyst"])
    seen_there = replace(person("michael  FELLER", ["partner"]), sentence="Elsewhere.", start=300, end=314)
    assert fact_id(seen_here) == fact_id(seen_there)


def test_different_facts_get_different_ids() -> None:
    assert fact_id(quote("It is a magnet")) != fact_id(quote("It is a magnet", speaker="Someone Else"))


def test_fact_id_is_the_hash_of_the_unit_separated_key() -> None:
    import hashlib

    key = "\x1f".join(fee().identity())
    assert fact_id(fee()) == hashlib.sha256(key.encode()).hexdigest()[:32]


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("HTTPS://News.Example.COM/World/Story", "https://news.example.com/World/Story"),
        ("https://news.example/story/", "https://news.example/story"),
        ("https://news.example/story#comments", "https://news.example/story"),
        ("https://news.example:443/story", "https://news.example/story"),
        ("http://news.example:8080/story", "http://news.example:8080/story"),
        ("https://news.example/", "https://news.example"),
        ("https://news.example/s?utm_source=rss&id=7&UTM_Medium=x", "https://news.example/s?id=7"),
        ("https://news.example/s?fbclid=abc&gclid=def", "https://news.example/s"),
        ("https://news.example/s?b=2&a=%20x", "https://news.example/s?b=2&a=%20x"),
    ],
)
def test_normalise_url(url: str, normalised: str) -> None:
    assert normalise_url(url) == normalised


def test_syndicated_copy_is_its_own_article() -> None:
    copy = article("https://outlet.example/wire/story", canonical_url="https://wire.example/story")
    assert article_id(copy) == url_id("https://outlet.example/wire/story")


def test_article_id_falls_back_to_the_url() -> None:
    assert article_id(article("https://news.example/story?utm_campaign=x")) == url_id(
        "https://news.example/story"
    )
