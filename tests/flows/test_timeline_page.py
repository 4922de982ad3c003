"""``newsfacts timeline --html``: a self-contained page, rendered by headless Chromium.

Chromium is the Debian package ``chromium`` (``make browser``, which ``make
test`` runs first, installs it); without it the browser test fails with that hint.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from store.db import open_store
from tests.flows.conftest import newsfacts
from tests.store.factories import article, event, fee, person, quote, save

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1000,1000",
)  # fmt: skip


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one story in two outlets, a second story, a fee conflict; its K visa page."""
    folder = tmp_path_factory.mktemp("page")
    db = folder / "facts.duckdb"
    wire = "Beijing launched its K visa for young science graduates this week. " * 4
    con = open_store(db)
    try:
        for url, site in (("https://a.example/k", "Outlet A"), ("https://b.example/k", "Outlet B")):
            facts = [
                event(),
                event("K visa", "announced", "2025-08", "month", description="announced in August"),
                fee("K visa", period="per_year"),
                quote(),
                person("Michael Feller", ["chief strategist"], ["Geopolitical Strategy"]),
            ]
            save(con, article(url, site=site, text=wire), facts)
        save(
            con,
            article("https://c.example/fee", site="Outlet C", text="A one-time $100,000 fee for the K visa."),
            [fee("K visa", period="one_time"), event(description="K visa launched")],
        )
    finally:
        con.close()
    out = folder / "k-visa.html"
    run = newsfacts("timeline", "K visa", "--html", str(out), "--db", str(db))
    assert run.code == 0, run.stderr
    assert "wrote" in run.stdout
    return out


def test_page_is_self_contained(page: Path) -> None:
    html = page.read_text("utf-8")
    for needle in ("<script", "<link", " src=", "@import", "url("):
        assert needle not in html
    assert "<svg" in html and "<style>" in html


def test_page_shows_chart_quotes_and_conflict(page: Path) -> None:
    html = page.read_text("utf-8")
    assert "It is a talent magnet" in html
    assert "one time" in html and "per year" in html  # the conflict, side by side
    assert "2025-10-01 (day) · 2 stories, 3 outlets" in html
    assert "2025-08 (month) · 1 story, 2 outlets" in html


def test_page_renders_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    assert shutil.which("chromium"), "chromium is not installed: run `make browser`"
    shot = tmp_path / "page.png"
    subprocess.run(
        [
            "chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}", page.as_uri(),
        ],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert shot.is_file() and shot.stat().st_size > 0
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == (1000, 1000)
    sample = Counter(pixels[i : i + 3] for i in range(0, len(pixels), 3 * 7))
    # A blank or failed render is one or two colours; text, chart and boxes give hundreds,
    # and cover more than a sliver of the page.
    assert len(sample) > 50
    _, background = sample.most_common(1)[0]
    assert background < 0.97 * sum(sample.values())


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", (0, 0, 0, 0)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            header = (width, height, depth, colour)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = header
    assert depth == 8 and colour in (2, 6), header
    channels = 3 if colour == 2 else 4
    rows = _unfilter(zlib.decompress(idat), width * channels, height, channels)
    rgb = bytearray()
    for row in rows:
        for x in range(width):
            rgb += row[x * channels : x * channels + 3]
    return width, height, bytes(rgb)


def _unfilter(raw: bytes, stride: int, height: int, bpp: int) -> list[bytes]:
    """Undo the PNG scanline filters (None, Sub, Up, Average, Paeth)."""
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + _paeth(left, up, corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c
