"""Synthetic news articles for the memory benchmark: our own templates, generated at bench time.

Each article is a short page (a headline and three paragraphs, about 120
words) about a visa programme, with a fee, a quote and a dated event, so the
real extraction path runs on it; the words vary with the article number, so
no two pages are one story.

The one quote is direct and has a named speaker. The reported sentences
around it name no speaker ("officials said that ..." made an unnamed
indirect quote of the same template in every article: all n of them are
one merged quote, whose variants ``store.quote_merge`` compares pairwise on
every save, which no real feed of n articles does; the run then measured
that, not memory).
"""

from __future__ import annotations

import random
from html import escape

CITIES = ("Harbourton", "Lakemere", "Northfield", "Eastbrook", "Westvale", "Ridgeport", "Stonebridge")
FIRST = ("Amara", "Lena", "Tomas", "Priya", "Jonas", "Mei", "Omar", "Ines", "Kofi", "Sara", "Yusuf", "Hana")
LAST = ("Okafor", "Brandt", "Varga", "Raman", "Lind", "Tanaka", "Haddad", "Costa", "Mensah", "Novak", "Demir")
ROLES = ("a policy analyst at the Civic Research Institute", "a spokesperson for the Interior Ministry",
         "an immigration lawyer in the capital", "director of the Skills Council")  # fmt: skip
PROGRAMMES = ("K visa", "H-1B", "Blue Card", "Global Talent visa")
VERBS = ("launches", "expands", "reviews", "delays")
TOPICS = ("engineers", "nurses", "researchers", "software developers", "teachers", "students")


def article_html(i: int, origin: str) -> str:
    """Article number ``i`` as a news page."""
    rng = random.Random(i)
    # Most people are quoted in a few articles, not in all of them.
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}-{_suffix(i)}"
    city, role = rng.choice(CITIES), rng.choice(ROLES)
    programme, verb, topic = rng.choice(PROGRAMMES), rng.choice(VERBS), rng.choice(TOPICS)
    fee = 1000 + 50 * rng.randrange(200)
    day = 1 + i % 28
    title = f"{city} {verb} {programme} route for {topic} (report {i})"
    paragraphs = [
        f"Under a plan published in {city} on Monday, the {programme} will cost applicants ${fee:,} per year "
        f"from October {day}, 2025, a measure for {topic} set out in report number {i}.",
        f"“This is about keeping {topic} who already work here,” said {name}, {role}. "
        f"The office received {100 + i % 900} applications in the first week.",
        f"The {programme} route for {topic} takes effect on October {day}, 2025. The fee in {city} has "
        f"doubled since 2023, and the council will publish figures for district {i % 97} next month.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Synthetic Times'
        f'</title><meta property="og:site_name" content="Synthetic Times">'
        f'<meta name="date" content="2025-09-{day:02d}"></head><body><header><nav>'
        f'<a href="{origin}/">Home</a></nav></header><article><h1>{escape(title)}</h1>'
        f'<p class="byline">By Staff Reporter</p>{body}'
        "</article><footer>© Synthetic Times</footer></body></html>"
    )


def _suffix(i: int) -> str:
    """A surname part that changes every 20 articles (letters, so it reads as a name)."""
    n, letters = i // 20, ""
    while True:
        n, r = divmod(n, 26)
        letters += "bcdfghjklmnpqrstvwxyzaeiou"[r]
        if not n:
            return letters.capitalize()


def feed_xml(n: int, origin: str) -> str:
    """An RSS feed listing articles 0 .. n-1."""
    items = "".join(
        f"<item><title>Report {i}</title><link>{origin}/a/{i}.html</link>"
        f"<guid>{origin}/a/{i}.html</guid></item>"
        for i in range(n)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Synthetic Times</title>'
        f"<link>{origin}/</link><description>generated</description>{items}</channel></rss>"
    )
