"""A news feed of 100 items, 10 about visas, for the relevance gate (tests and ``bench.relevance``).

Written here from our own templates (no third-party text). Item ``i`` lives
at ``/news/i.html``; it is about visas when ``i % 10 == 7``, each of the ten
in other wording (a programme, its spelling without the hyphen, a keyword in
the plural, a watched person or organisation, a programme named only in the
headline). The other ninety are sport, weather and markets, with near-misses
that share words with the topic but not its meaning: visa-free travel for
tourists, Visa Inc. shares, a home office, a permit for bridge works, "H1"
half-year results, American Express entry-level cards. Weather stories quote a
forecaster, so a "weather" topic added later has facts to extract.
"""

from __future__ import annotations

from html import escape
from http import HTTPStatus

from flows.site_server import Route, SiteRequestHandler, SiteServer
from tests.faults import send_listing

ITEMS = 100
LISTING_ETAG = '"topic-feed-v1"'

# The watchlist these items are written against (see README, "Topics").
VISAS_TOPIC = """
[[topics]]
name = "visas"
programmes = ["H-1B", "K visa", "Skilled Worker visa", "Express Entry"]
keywords = ["work permit", "work visa", "visa fee", "visa applicant"]
people = ["Joseph Edlow"]
organisations = ["Home Office"]
exclude = ["visa-free"]
"""
WEATHER_TOPIC = """
[[topics]]
name = "weather"
keywords = ["forecaster", "rainfall", "storm"]
"""

# (headline, body) per relevant item; {n} makes each one unique.
RELEVANT = (
    ("Employers brace for new H-1B fee",
     "Technology firms said on Monday that the $100,000 fee on new H-1B petitions would change the "
     "hiring plans of {n} engineering teams. Lawyers expect a rush of filings before the rule takes effect."),
    ("China opens applications for its K visa",
     "Beijing began accepting applications for the K visa on Wednesday, a scheme aimed at young science "
     "and technology graduates. Officials said {n} consulates would process the first requests."),
    ("Hospitals wait months for nurses' papers",
     "Regional hospitals said {n} foreign nurses were still waiting for work permits, leaving wards short "
     "of staff through the winter and forcing managers to pay for agency cover."),
    ("Agency director outlines petition backlog",
     "Joseph Edlow told reporters that the agency had cleared {n} thousand pending petitions and that it "
     "would publish new guidance for employers next month."),
    ("Start-ups cut sponsorship plans",
     "Several start-ups said they would sponsor fewer H1B workers this year because of the cost, and {n} "
     "founders signed a letter asking the government for relief."),
    ("Care homes warn over salary floor",
     "The salary threshold for the Skilled Worker visa rises this spring, and employers warned that {n} "
     "roles in social care would become much harder to fill."),
    ("New guidance for licensed sponsors",
     "The Home Office published new guidance for licensed sponsors on Tuesday, covering {n} changes to the "
     "record-keeping duties of employers who hire from abroad."),
    ("Beijing’s “K” visa draws its first applicants",
     "The new category drew strong interest from graduates abroad, with {n} inquiries on the first day, "
     "according to a consular official who asked not to be named."),
    ("Graduates weigh their options abroad",
     "Engineering graduates are comparing work visas in several countries, and a survey of {n} students "
     "found that the cost of moving was the deciding factor for most of them."),
    ("Canada holds another draw",
     "Canada invited {n} candidates to apply for permanent residence in its latest Express Entry draw, "
     "officials said on Thursday, the third draw this month."),
)  # fmt: skip

# (headline, body) per off-topic template; six items each make the ninety.
OFF_TOPIC = (
    ("City edge past rivals in late thriller",
     "City scored twice in the last {n} minutes to beat their rivals, and the manager said the team had "
     "shown character after a difficult week of injuries."),
    ("Marathon record falls on a cool morning",
     "The winner finished the course {n} seconds inside the old record, and the organisers said the cool "
     "morning had helped the leading group from the start."),
    ("Tennis champion withdraws with injury",
     "The champion withdrew from the tournament with a wrist injury after {n} minutes of the opening match, "
     "and doctors said she would rest for two weeks."),
    ("Cyclists brace for mountain stage",
     "Riders face {n} kilometres of climbing on Saturday, and the race leader said he expected attacks on "
     "the final ascent from the younger riders."),
    ("Heavy rain expected across the north",
     "“Bring an umbrella and expect delays,” said forecaster Ann Lee, who expects {n} millimetres of "
     "rainfall in the hills by Friday evening."),
    ("Storm to bring strong winds to the coast",
     "The storm will reach the coast by Sunday with gusts of {n} kilometres an hour, said forecaster Tom "
     "Hale, who warned ferry passengers to check their sailings."),
    ("Sunny spell to end the week",
     "Temperatures will climb to {n} degrees before cloud returns on Monday, said forecaster Ann Lee, "
     "adding that the dry spell would help farmers with the harvest."),
    ("Shares slip as bond yields climb",
     "The main index fell {n} points as bond yields rose for a third day, and traders said investors were "
     "waiting for the central bank's decision next week."),
    ("Oil steadies after weekly loss",
     "Oil prices held near {n} dollars a barrel on Tuesday after a weekly loss, as traders weighed supply "
     "cuts against weaker demand from factories."),
    ("Retailer lifts forecast after strong H1",
     "The retailer said its H1 profit rose {n} percent on strong holiday orders and raised its forecast "
     "for the full year, sending its shares higher."),
    ("Islands offer visa-free travel for tourists",
     "Visitors from {n} countries can now stay for two weeks visa-free, the tourism board said, hoping to "
     "fill hotels and restaurants during the quiet season."),
    ("Visa Inc. shares climb on card spending",
     "Shares of Visa Inc. rose {n} percent after the card network reported stronger spending over the "
     "holidays, and analysts raised their price targets."),
    ("Remote workers rethink the home office",
     "A survey of {n} remote workers found that most had upgraded the chairs and desks of their home "
     "office, and many planned to buy better lighting next year."),
    ("Council approves permit for bridge works",
     "The council granted a permit for work on the river bridge, which will close for {n} weeks while "
     "engineers replace the joints and resurface the road."),
    ("Card issuer reports entry-level growth",
     "Sign-ups for the American Express entry-level card rose by {n} thousand in the quarter, the company "
     "said, as younger customers applied for their first credit card."),
)  # fmt: skip
WEATHER_TEMPLATES = frozenset({4, 5, 6})
NEAR_MISS_TEMPLATES = frozenset(range(9, 15))


def is_relevant(index: int) -> bool:
    """Whether item ``index`` is one of the ten about visas."""
    return index % 10 == 7


def is_weather(index: int) -> bool:
    """Whether item ``index`` is a weather story (what a later "weather" topic pulls in)."""
    return not is_relevant(index) and _off_topic_template(index) in WEATHER_TEMPLATES


def is_near_miss(index: int) -> bool:
    """Whether item ``index`` is off-topic but shares words with the visas topic."""
    return not is_relevant(index) and _off_topic_template(index) in NEAR_MISS_TEMPLATES


def item_path(index: int) -> str:
    """Where item ``index`` lives."""
    return f"/news/{index}.html"


def headline_and_body(index: int) -> tuple[str, str]:
    """The item's headline and article text."""
    if is_relevant(index):
        title, body = RELEVANT[index // 10]
    else:
        title, body = OFF_TOPIC[_off_topic_template(index)]
    n = 10 + index
    closing = f"The report, number {n} in the series, was filed on the {1 + index % 28} of the month."
    return title, f"{body.format(n=n)} {closing}"


def article_html(index: int) -> bytes:
    """The item as a small news page."""
    title, body = headline_and_body(index)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
        f"<body><article><h1>{escape(title)}</h1><p>{escape(body)}</p></article></body></html>"
    ).encode()


def _off_topic_template(index: int) -> int:
    rank = index - (index + 2) // 10  # position among the off-topic items
    return rank % len(OFF_TOPIC)


def feed_xml(origin: str, items: int = ITEMS) -> str:
    """The RSS feed listing every item."""
    entries = "".join(
        f"<item><title>{escape(headline_and_body(i)[0])}</title><link>{origin}{item_path(i)}</link></item>"
        for i in range(items)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Topics</title>{entries}</channel></rss>"


def _feed(handler: SiteRequestHandler) -> None:
    send_listing(handler, LISTING_ETAG, lambda: feed_xml(handler.origin), "application/rss+xml")


def _item(handler: SiteRequestHandler) -> None:
    name = handler.route_path.rsplit("/", 1)[-1].removesuffix(".html")
    if not name.isdigit() or int(name) >= ITEMS:
        handler.send_error_page(HTTPStatus.NOT_FOUND)
        return
    handler.send_body(article_html(int(name)), "text/html; charset=utf-8")


def topic_server() -> SiteServer:
    """A SiteServer (not started) over the feed ``/feed.xml`` and the items."""
    from tests.conftest import SITE_ROOT

    routes: dict[str, Route] = {
        "/robots.txt": lambda h: h.send_body(b"User-agent: *\nAllow: /\n", "text/plain"),
        "/feed.xml": _feed,
        "/news/*": _item,
    }
    return SiteServer(SITE_ROOT, routes=routes)
