"""sources.local: saved pages read from disk as Pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sources.errors import BodyTooLarge, FetchError, LocalFileError, UnsupportedContent
from sources.local import read_local

HTML = "<!doctype html><html><body><p>Caf\u00e9</p></body></html>"


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def test_html_file_is_a_page_with_a_file_url(tmp_path: Path) -> None:
    path = write(tmp_path / "story.html", HTML)
    page = read_local(path)
    assert (page.kind, page.status, page.text, page.charset) == ("html", 200, HTML, "utf-8")
    assert page.url == page.final_url == path.resolve().as_uri()


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xhtml", ".HTML"])
def test_html_suffixes_are_html(tmp_path: Path, suffix: str) -> None:
    assert read_local(write(tmp_path / f"page{suffix}", "no markup here")).kind == "html"


@pytest.mark.parametrize("suffix", [".txt", ".text", ".md"])
def test_text_suffixes_are_the_article_text(tmp_path: Path, suffix: str) -> None:
    page = read_local(write(tmp_path / f"story{suffix}", "<b>Not markup</b>, just text.\n"))
    assert (page.kind, page.text) == ("text", "<b>Not markup</b>, just text.\n")


@pytest.mark.parametrize(
    ("content", "kind"),
    [("<div>a fragment</div>", "html"), ("  \n<!doctype html><p>x</p>", "html"), ("Plain words.", "text")],
)
def test_other_suffixes_are_sniffed(tmp_path: Path, content: str, kind: str) -> None:
    assert read_local(write(tmp_path / "saved.page", content)).kind == kind


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "scan.bin", b"\x00\x01\x02binary")
    with pytest.raises(UnsupportedContent, match=r"scan\.bin"):
        read_local(path)


def test_meta_charset_of_a_saved_page_is_honoured(tmp_path: Path) -> None:
    body = '<meta charset="windows-1252"><p>\u201cquoted\u201d</p>'.encode("cp1252")
    page = read_local(write(tmp_path / "old.html", body))
    assert (page.charset, "\u201cquoted\u201d" in page.text) == ("cp1252", True)


def test_relative_path_becomes_an_absolute_file_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "here.txt", "text")
    monkeypatch.chdir(tmp_path)
    assert read_local("here.txt").url == (tmp_path / "here.txt").resolve().as_uri()


def test_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "big.html", "x" * 101)
    with pytest.raises(BodyTooLarge) as caught:
        read_local(path, max_bytes=100)
    assert_one_line_terminal(caught.value, path)


def test_missing_file_is_a_local_file_error(tmp_path: Path) -> None:
    path = tmp_path / "nope.html"
    with pytest.raises(LocalFileError) as caught:
        read_local(path)
    assert_one_line_terminal(caught.value, path)


def test_directory_is_a_local_file_error(tmp_path: Path) -> None:
    with pytest.raises(LocalFileError, match="a directory") as caught:
        read_local(tmp_path)
    assert_one_line_terminal(caught.value, tmp_path)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(LocalFileError, match="not a regular file"):
        read_local(fifo)


def assert_one_line_terminal(error: FetchError, path: Path) -> None:
    assert error.retryable is False
    assert "\n" not in str(error)
    assert str(path.resolve()) in str(error)
