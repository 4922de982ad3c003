"""Lines trafilatura sometimes keeps that are never article text.

Applied after trafilatura, line by line, only to short lines: an ad label
("Advertisement"), a share-bar count ("Share13"), a "Read more" teaser label.
The patterns are whole-line matches so a sentence that merely contains one of
these words is never dropped.
"""

from __future__ import annotations

import re

_LINE = re.compile(
    r"^(?:advertisements?|advertising|sponsored(?: content)?|promoted(?: content)?|ad"
    r"|story continues below(?: advertisement)?|continue reading(?: below)?"
    r"|(?:also )?read(?: more| also)?:?|related(?: stories| articles)?:?|more stories for you"
    r"|share(?:\d+)?|tweet(?:\d+)?|share this(?: article)?|follow us(?: on)?.*|subscribe(?: now)?"
    r"|sign up(?: for our newsletter)?|newsletters?|click here.*|watch:?|listen:?"
    r"|(?:share\d*\s*)?(?:tweet\d*\s*)?(?:share\d*)?)$",
    re.IGNORECASE,
)
# A line longer than this is prose, whatever it starts with.
MAX_BOILERPLATE_WORDS = 8


def is_boilerplate(line: str) -> bool:
    """True for a short line that is only an ad label, share bar or teaser label."""
    stripped = line.strip(" \t|•·-–—:")
    if not stripped:
        return True
    return len(stripped.split()) <= MAX_BOILERPLATE_WORDS and bool(_LINE.match(stripped))


def clean_text(text: str) -> str:
    """Article text with boilerplate lines and blank runs removed, one paragraph a line."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line and not is_boilerplate(line))
