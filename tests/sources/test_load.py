"""sources.load: http(s) is fetched, a path is read, every other scheme refused."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import httpx
import pytest

from flows.site_server import SiteServer
from sources.errors import BodyTooLarge, InvalidURL, LocalFileError
from sources.fetch import FetchSettings
from sources.load import load


def test_http_url_is_fetched(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    url = http_server.url("/text.txt")
    page = load(url, client=http_client, settings=fetch_settings)
    assert (page.url, page.status, page.kind) == (url, 200, "text")


def test_scheme_is_case_insensitive(http_server: SiteServer, fetch_settings: FetchSettings) -> None:
    url = http_server.url("/text.txt").replace("http://", "HTTP://")
    assert load(url, settings=fetch_settings).status == 200


@pytest.mark.parametrize(
    "target",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "ftp://127.0.0.1/story.html",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "mailto:desk@example.org",
    ],
)
def test_other_schemes_are_refused(target: str) -> None:
    with pytest.raises(InvalidURL) as caught:
        load(target)
    assert str(caught.value) == f"only http and https URLs are fetched: {target}"
    assert caught.value.retryable is False


def test_local_path_is_read(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text("<p>hi</p>", encoding="utf-8")
    page = load(str(path))
    assert (page.url, page.kind) == (path.resolve().as_uri(), "html")


def test_path_with_a_colon_is_read_when_written_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes:1.txt").write_text("text", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load("./notes:1.txt").text == "text"


def test_missing_local_path_is_a_local_file_error(tmp_path: Path) -> None:
    with pytest.raises(LocalFileError, match=r"nope\.html"):
        load(str(tmp_path / "nope.html"))


def test_size_cap_applies_to_local_files(tmp_path: Path, fetch_settings: FetchSettings) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 11, encoding="utf-8")
    with pytest.raises(BodyTooLarge):
        load(str(path), settings=dataclasses.replace(fetch_settings, max_bytes=10))
