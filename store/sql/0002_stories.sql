-- 0002 stories: articles grouped into stories (one story, many outlets), the
-- dedup state that lets a later process match new articles against old ones,
-- quotes merged across outlets, and the views analysts query:
-- timeline (replaced), fee_history, quotes_by_person, person_profiles, conflicts.
--
-- View names: `quotes`, `people` and `fees` are already the fact TABLES of
-- 0001 (one row per exact fact, what store/writer.py upserts), so the merged,
-- cross-outlet views are named quotes_by_person, person_profiles and
-- fee_history (the names DESIGN.md gives) instead of renaming tables other
-- code writes to.
--
-- store/stories.py and store/quote_merge.py keep every table here up to date
-- inside the transaction that saves an article. No FOREIGN KEYs: DuckDB
-- checks them on the upsert of a referenced row, and the writer deletes and
-- re-inserts these rows in one transaction anyway.

-- One row per article: what dedup compares (store/dedup.py, Fingerprint).
CREATE TABLE story_signatures (
    article_id VARCHAR PRIMARY KEY,
    url_key    VARCHAR NOT NULL,   -- canonical (else own) URL, mobile/AMP/tracking folded
    text_hash  VARCHAR NOT NULL,
    wire       VARCHAR,            -- 'reuters', 'ap', 'afp' when the text credits exactly one
    n_shingles INTEGER NOT NULL,
    minhash    BLOB NOT NULL       -- 128 little-endian uint64 MinHash values
);

-- Exact keys two copies of a story may share (url:, text:, band:<i>:<hash> for
-- each LSH band), each hashed to a BIGINT: a new article's lookup is one
-- vectorised scan of this narrow integer column joined to its ~40 keys, never
-- a comparison with every stored signature. No ART index: profiled under
-- bench/dedup.py at 1k-6k articles, inserting an article's keys into an
-- indexed VARCHAR column took 12-20 ms and the IN lookup did not use the
-- index anyway; the BIGINT scan brings the whole dedup step to ~35 ms/article
-- at 10k and ~46 ms at 100k (ratio 1.31) on this 2-core machine.
CREATE TABLE story_keys (
    key        BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);

-- Pairs found to be one story, and why; article_a < article_b.
CREATE TABLE story_links (
    article_a  VARCHAR NOT NULL,
    article_b  VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL CHECK (reason IN ('url', 'text', 'near_duplicate', 'syndicated')),
    similarity DOUBLE NOT NULL,
    PRIMARY KEY (article_a, article_b),
    CHECK (article_a < article_b)
);
CREATE INDEX story_links_b ON story_links (article_b);

-- Story membership: every stored article is in exactly one story.
-- story_id is the smallest article_id of the story's connected component, so
-- it does not depend on ingest order. outlet: the site name, else the host.
CREATE TABLE article_stories (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR NOT NULL,
    outlet     VARCHAR NOT NULL
);
CREATE INDEX article_stories_story ON article_stories (story_id);

CREATE TABLE stories (
    story_id                  VARCHAR PRIMARY KEY,
    representative_article_id VARCHAR NOT NULL,  -- earliest published, then longest text
    title                     VARCHAR,
    wire                      VARCHAR,
    n_articles                INTEGER NOT NULL,
    n_outlets                 INTEGER NOT NULL,
    outlets                   VARCHAR[] NOT NULL,  -- sorted
    first_seen_at             TIMESTAMP NOT NULL,  -- UTC, earliest fetch of any copy
    first_published_at        DATE
);

-- Quote variants (exact quote facts) merged into one quote across outlets:
-- quote_id is the smallest fact_id of the variants that match (store/quote_merge.py).
CREATE TABLE quote_groups (
    fact_id  VARCHAR PRIMARY KEY,
    quote_id VARCHAR NOT NULL
);

-- Each fact source with its story and outlet: the base of the counting views.
-- source_url is the page the fact was read on (a syndicated copy's canonical
-- link often names the wire's original, which would hide the outlet).
CREATE VIEW fact_story_sources AS
SELECT s.fact_id,
       s.kind,
       s.article_id,
       m.story_id,
       m.outlet,
       coalesce(a.final_url, a.url) AS source_url,
       a.published_at,
       a.fetched_at
FROM fact_sources AS s
JOIN articles AS a USING (article_id)
JOIN article_stories AS m USING (article_id);

CREATE VIEW fact_coverage AS
SELECT fact_id,
       count(DISTINCT article_id) AS n_sources,
       count(DISTINCT story_id) AS n_stories,
       count(DISTINCT outlet) AS n_outlets,
       coalesce(min(published_at), CAST(min(fetched_at) AS DATE)) AS first_reported_at
FROM fact_story_sources
GROUP BY fact_id;

-- The 0001 timeline plus, per row, how many distinct stories and outlets
-- stand behind it (five outlets running one wire story are 1 story, 5
-- outlets: not independent confirmation) and when it was first reported.
CREATE OR REPLACE VIEW timeline AS
SELECT e.programme,
       'event' AS kind,
       e.event_type,
       e.date,
       e.precision,
       e.description AS detail,
       e.fact_id,
       f.n_sources,
       f.sources,
       f.sites,
       c.n_stories,
       c.n_outlets,
       c.first_reported_at
FROM events AS e
JOIN facts AS f USING (fact_id)
JOIN fact_coverage AS c USING (fact_id)
UNION ALL
SELECT fe.programme,
       'fee' AS kind,
       NULL AS event_type,
       strftime(c.first_reported_at, '%Y-%m-%d') AS date,
       CASE WHEN c.first_reported_at IS NOT NULL THEN 'day' END AS precision,
       f.summary AS detail,
       fe.fact_id,
       f.n_sources,
       f.sources,
       f.sites,
       c.n_stories,
       c.n_outlets,
       c.first_reported_at
FROM fees AS fe
JOIN facts AS f USING (fact_id)
JOIN fact_coverage AS c USING (fact_id)
WHERE fe.programme IS NOT NULL;

-- One row per fee claim (programme, amount, currency, period, applies_to).
CREATE VIEW fee_history AS
SELECT fe.programme,
       fe.amount,
       fe.currency,
       fe.amount_usd,
       fe.period,
       fe.applies_to,
       c.first_reported_at,
       c.n_sources,
       c.n_stories,
       c.n_outlets,
       list_sort(list_distinct(list(s.source_url))) AS sources,
       fe.fact_id
FROM fees AS fe
JOIN fact_coverage AS c USING (fact_id)
JOIN fact_story_sources AS s USING (fact_id)
GROUP BY ALL;

-- One row per merged quote: the longest variant's text, every variant, and
-- every source of any variant.
CREATE VIEW quotes_by_person AS
WITH variants AS (
    SELECT g.quote_id, q.fact_id, q.text, q.speaker, q.direct, q.cue
    FROM quotes AS q
    JOIN quote_groups AS g USING (fact_id)
)
SELECT v.quote_id,
       min(v.speaker) AS speaker,
       first(v.text ORDER BY length(v.text) DESC, v.text) AS text,
       list_sort(list_distinct(list(v.text))) AS variants,
       bool_or(v.direct) AS direct,
       min(v.cue) AS cue,
       count(DISTINCT s.article_id) AS n_sources,
       count(DISTINCT s.story_id) AS n_stories,
       count(DISTINCT s.outlet) AS n_outlets,
       coalesce(min(s.published_at), CAST(min(s.fetched_at) AS DATE)) AS first_reported_at,
       list_sort(list_distinct(list(s.source_url))) AS sources
FROM variants AS v
JOIN fact_story_sources AS s USING (fact_id)
GROUP BY v.quote_id;

-- One row per person (by normalised full name), with every role and
-- affiliation any source gives, and the number of merged quotes.
CREATE VIEW person_profiles AS
SELECT p.name,
       p.roles,
       p.affiliations,
       c.n_sources,
       c.n_stories,
       c.n_outlets,
       c.first_reported_at,
       (SELECT count(*) FROM quotes_by_person AS q WHERE lower(q.speaker) = lower(p.name)) AS n_quotes,
       p.fact_id
FROM people AS p
JOIN fact_coverage AS c USING (fact_id);

-- Disagreeing claims side by side, one row per pair of claims.
-- Fees: same programme, amount and currency, different stated periods. A
-- claim with no period is "unstated", not a disagreement (the AP copy's
-- "$100,000 for new applicants" does not contradict "per year").
-- Events: same programme and event type, dates that cannot both hold: a date
-- is compatible with a more precise one inside it (2025-10 and 2025-10-01).
CREATE VIEW conflicts AS
WITH fee_claims AS (
    SELECT fe.programme,
           'fee ' || CASE WHEN fe.amount = trunc(fe.amount) AND abs(fe.amount) < 1e15
                          THEN CAST(CAST(fe.amount AS BIGINT) AS VARCHAR)
                          ELSE CAST(fe.amount AS VARCHAR) END || ' ' || fe.currency AS subject,
           fe.period AS claim,
           list_sort(list_distinct(list(fe.fact_id))) AS fact_ids,
           list_sort(list_distinct(list(s.source_url))) AS sources,
           count(DISTINCT s.story_id) AS n_stories,
           count(DISTINCT s.outlet) AS n_outlets
    FROM fees AS fe
    JOIN fact_story_sources AS s USING (fact_id)
    WHERE fe.programme IS NOT NULL AND fe.period IS NOT NULL
    GROUP BY ALL
),
event_claims AS (
    SELECT e.programme,
           e.event_type AS subject,
           e.date AS claim,
           list_sort(list_distinct(list(e.fact_id))) AS fact_ids,
           list_sort(list_distinct(list(s.source_url))) AS sources,
           count(DISTINCT s.story_id) AS n_stories,
           count(DISTINCT s.outlet) AS n_outlets
    FROM events AS e
    JOIN fact_story_sources AS s USING (fact_id)
    WHERE e.date IS NOT NULL
    GROUP BY ALL
),
pairs AS (
    SELECT 'fee' AS kind, a.programme, a.subject, a.claim AS claim_a, b.claim AS claim_b,
           a.sources AS sources_a, b.sources AS sources_b, a.n_stories AS stories_a, b.n_stories AS stories_b,
           a.n_outlets AS outlets_a, b.n_outlets AS outlets_b, a.fact_ids AS fact_ids_a, b.fact_ids AS fact_ids_b
    FROM fee_claims AS a
    JOIN fee_claims AS b ON a.programme = b.programme AND a.subject = b.subject AND a.claim < b.claim
    UNION ALL
    SELECT 'event', a.programme, a.subject, a.claim, b.claim,
           a.sources, b.sources, a.n_stories, b.n_stories, a.n_outlets, b.n_outlets, a.fact_ids, b.fact_ids
    FROM event_claims AS a
    JOIN event_claims AS b ON a.programme = b.programme AND a.subject = b.subject AND a.claim < b.claim
    WHERE NOT starts_with(b.claim, a.claim) AND NOT starts_with(a.claim, b.claim)
)
SELECT * FROM pairs;
