"""Names that go on into an organisation's, a building's or an event's name: "Gulf Residency
Partners", "the Golden Visa Hotel", "the Global Talent Summit". A programme name followed by one
of these capitalised nouns is part of that other name, and names no programme; this holds for
table names ("Golden Visa") as for names read from their shape.
"""

from __future__ import annotations

import re

ORGANISATION_AFTER = re.compile(
    r"[ \t]+(?:Partners|Group|Services|Consultants?|Consultancy|Advisers|Advisors|Ltd|LLC|LLP|Inc|Solutions"
    r"|Agency|Centre|Center|Office|Holdings|Associates|Network|Company|Council|Board|Authority|Department"
    r"|Unit|Team|Club|Forum|Alliance|Association|Fund|Foundation|Law|Legal|Capital|Tribunal|Hub"
    r"|Institute|Society|Union)\b"
)
# Buildings, events and publications named after a programme ("the Golden Visa Hotel"); an office
# that runs it ("the Premium Residency Center") still speaks of the programme.
NAMED_AFTER = re.compile(r"[ \t]+(?:Hotels?|Resorts?|Towers?|Summit|Conference|Expo|Awards?|Festival"
                         r"|Magazine|Podcast)\b")


def goes_on_into_organisation(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` goes on into an organisation's, a building's or an
    event's name."""
    return ORGANISATION_AFTER.match(text, end) is not None or named_after(text, end)


def named_after(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` goes on into a building's, an event's or a publication's
    name: a table name there is that thing's, no programme mention."""
    return NAMED_AFTER.match(text, end) is not None
