-- 0003 monitoring: every URL the monitor has dealt with, keyed by its
-- normalised form (store.ids.normalise_url: tracking parameters, fragment,
-- default port and trailing slash dropped), so one page reached through two
-- spellings is one row.
--
-- Sources (feeds, sitemaps, sites, watched pages) keep the validators of
-- their last full response for the next run's conditional GET; they are
-- written only once a run has dealt with every item the source listed, so a
-- run killed half-way does not turn the next run's listing into a 304.
-- Items keep their outcome: 'stored' and 'failed' (a terminal failure) are
-- not fetched again, 'retry' (a transient failure) is, on the next run.

CREATE TABLE seen_urls (
    url_key         VARCHAR PRIMARY KEY,
    url             VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL CHECK (kind IN ('feed', 'sitemap', 'site', 'page', 'item')),
    via             VARCHAR,              -- the site whose home page or robots.txt listed it
    etag            VARCHAR,
    last_modified   VARCHAR,
    outcome         VARCHAR CHECK (outcome IN ('stored', 'failed', 'retry')),
    article_id      VARCHAR,
    first_seen_at   TIMESTAMP NOT NULL,   -- UTC
    last_checked_at TIMESTAMP NOT NULL    -- UTC
);
