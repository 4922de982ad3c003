"""Headless Chromium for the rendered-page tests: a screenshot of a local page, and its pixels.

Chromium is the Debian package ``chromium`` (``make browser``, which ``make
test`` runs first, installs it); without it a browser test fails with that hint.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
)  # fmt: skip


def screenshot(
    page: Path, shot: Path, profile: Path, size: tuple[int, int] = (1000, 1000)
) -> tuple[int, int, bytes]:
    """Render ``page`` in headless Chromium at ``size`` into the PNG ``shot``; its width, height, RGB."""
    assert shutil.which("chromium"), "chromium is not installed: run `make browser`"
    subprocess.run(
        [
            "chromium", *CHROMIUM_FLAGS, f"--window-size={size[0]},{size[1]}", f"--user-data-dir={profile}",
            f"--screenshot={shot}", page.as_uri(),
        ],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert shot.is_file() and shot.stat().st_size > 0
    return read_png(shot.read_bytes())


def assert_rendered(pixels: bytes) -> None:
    """A blank or failed render is one or two colours; text, boxes and charts give hundreds,
    and cover more than a sliver of the page."""
    sample = Counter(pixels[i : i + 3] for i in range(0, len(pixels), 3 * 7))
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
