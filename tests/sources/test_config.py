"""sources.config: the TOML source list and its one-line errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sources.config import Source, load_sources
from sources.errors import ConfigError
from sources.fetch import FetchSettings

FULL = """
[settings]
user_agent = "newsfacts-test/1.0 (+https://example.org/contact)"
read_timeout = 5
max_bytes = 2_000_000

[[feeds]]
url = "http://127.0.0.1:8000/feed.xml"
name = "fixture feed"

[[feeds]]
url = "https://example.org/atom.xml"

[[pages]]
url = "http://127.0.0.1:8000/story.html"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_source_list_is_read(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, FULL))
    assert sources.feeds == (
        Source("http://127.0.0.1:8000/feed.xml", "fixture feed"),
        Source("https://example.org/atom.xml", None),
    )
    assert sources.pages == (Source("http://127.0.0.1:8000/story.html"),)


def test_settings_override_defaults_field_by_field(tmp_path: Path) -> None:
    settings = load_sources(write(tmp_path, FULL)).settings
    assert settings.user_agent == "newsfacts-test/1.0 (+https://example.org/contact)"
    assert (settings.read_timeout, settings.max_bytes) == (5, 2_000_000)
    assert settings.max_redirects == FetchSettings().max_redirects


def test_settings_table_is_optional(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, '[[pages]]\nurl = "http://127.0.0.1/a"\n'))
    assert (sources.settings, sources.feeds) == (FetchSettings(), ())


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("[[feeds]\nurl = 1", "invalid TOML", id="bad-toml"),
        pytest.param("[[feeds]]\nname = 'no url'\n", "feeds entry 1: missing url", id="missing-url"),
        pytest.param("[[pages]]\nurl = ''\n", "pages entry 1: missing url", id="blank-url"),
        pytest.param(
            "[[feed]]\nurl = 'http://a.example/'\n", "unknown top-level key(s) feed", id="unknown-key"
        ),
        pytest.param("", "no sources", id="empty-file"),
        pytest.param("[settings]\nuser_agent = 'x'\n", "no sources", id="settings-only"),
        pytest.param(
            "[[pages]]\nurl = 'http://a.example/'\nlabel = 'x'\n", "unknown key(s) label", id="entry-key"
        ),
        pytest.param("[[pages]]\nurl = 'file:///etc/passwd'\n", "only http and https", id="file-url"),
        pytest.param(
            "[[pages]]\nurl = 'http://a.example/'\nname = 3\n", "name must be a string", id="name-type"
        ),
        pytest.param("feeds = 'http://a.example/'\n", "array of tables", id="feeds-not-array"),
        pytest.param(
            "[[pages]]\nurl = 'http://a.example/'\n[[pages]]\nurl = 'http://a.example/'\n",
            "duplicate url http://a.example/",
            id="duplicate",
        ),
        pytest.param(
            "[settings]\ntimeout = 3\n[[pages]]\nurl = 'http://a.example/'\n",
            "settings: unknown key(s) timeout",
            id="settings-key",
        ),
        pytest.param(
            "[settings]\nread_timeout = 'fast'\n[[pages]]\nurl = 'http://a.example/'\n",
            "read_timeout must be float, not str",
            id="settings-type",
        ),
        pytest.param(
            "[settings]\nmax_redirects = true\n[[pages]]\nurl = 'http://a.example/'\n",
            "max_redirects must be int, not a boolean",
            id="settings-bool",
        ),
        pytest.param(
            "[settings]\nread_timeout = -1\n[[pages]]\nurl = 'http://a.example/'\n",
            "read_timeout must be a positive number",
            id="settings-value",
        ),
    ],
)
def test_bad_source_list_is_a_one_line_config_error(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert_one_line_naming(caught.value, path, problem)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert_one_line_naming(caught.value, path, "not found")


def test_non_utf8_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b"[[pages]]\nurl = 'http://a.example/caf\xe9'\n")
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert_one_line_naming(caught.value, path, "not UTF-8")


def assert_one_line_naming(error: ConfigError, path: Path, problem: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert error.retryable is False


def test_sitemaps_sites_and_per_source_settings(tmp_path: Path) -> None:
    text = """
[settings]
min_interval = 2
user_agent = "newsfacts-test/1.0"

[[sitemaps]]
url = "https://example.org/sitemap_news.xml"
settings = { min_interval = 10, retries = 0 }

[[sites]]
url = "https://example.org/"
"""
    sources = load_sources(write(tmp_path, text))
    (sitemap,) = sources.sitemaps
    assert sitemap.settings is not None
    # Per-source values override [settings]; the rest comes from [settings].
    assert (sitemap.settings.min_interval, sitemap.settings.retries) == (10, 0)
    assert sitemap.settings.user_agent == "newsfacts-test/1.0"
    assert sources.sites == (Source("https://example.org/"),)
    assert sources.settings_for(sources.sites[0]).min_interval == 2


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("settings = { speed = 3 }", "sites entry 1: settings: unknown key(s) speed"),
        ("settings = { per_host_concurrency = 0 }", "per_host_concurrency must be at least 1"),
        ("settings = 3", "sites entry 1: settings must be a table"),
    ],
)
def test_bad_per_source_settings(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_sources(write(tmp_path, f'[[sites]]\nurl = "https://example.org/"\n{entry}\n'))
