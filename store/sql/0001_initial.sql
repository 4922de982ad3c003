-- 0001 initial: articles, one table per fact kind, provenance, ingest failures,
-- and the `facts` and `timeline` views.
--
-- Ids are deterministic (store/ids.py), so every table is keyed by them and
-- writes are upserts. fact_sources.fact_id has no FOREIGN KEY because a fact
-- id lives in one of five tables; store/writer.py keeps it consistent inside
-- the one transaction that writes an article.
-- CHECKs mirror the Literal sets in extractors/models.py; a new value there
-- needs a migration here (tests/store/test_writer.py saves every value).

CREATE TABLE articles (
    article_id        VARCHAR PRIMARY KEY,
    url               VARCHAR NOT NULL,
    final_url         VARCHAR,
    canonical_url     VARCHAR,
    site              VARCHAR,
    title             VARCHAR,
    author            VARCHAR,
    published_at      DATE,
    language          VARCHAR,
    text              VARCHAR NOT NULL,
    text_hash         VARCHAR NOT NULL,
    fetched_at        TIMESTAMP NOT NULL,  -- UTC; the first fetch, kept across re-saves
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE visa_programmes (
    fact_id VARCHAR PRIMARY KEY,
    name    VARCHAR NOT NULL,
    country VARCHAR
);

CREATE TABLE fees (
    fact_id     VARCHAR PRIMARY KEY,
    programme   VARCHAR,
    amount      DOUBLE NOT NULL,
    currency    VARCHAR NOT NULL,
    amount_usd  DOUBLE,
    period      VARCHAR CHECK (period IN ('one_time', 'per_year', 'per_petition')),
    applies_to  VARCHAR,
    amount_text VARCHAR NOT NULL
);

CREATE TABLE quotes (
    fact_id VARCHAR PRIMARY KEY,
    text    VARCHAR NOT NULL,
    speaker VARCHAR,
    direct  BOOLEAN NOT NULL,
    cue     VARCHAR
);

CREATE TABLE people (
    fact_id      VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    roles        VARCHAR[] NOT NULL,
    affiliations VARCHAR[] NOT NULL
);

CREATE TABLE events (
    fact_id     VARCHAR PRIMARY KEY,
    programme   VARCHAR NOT NULL,
    event_type  VARCHAR NOT NULL CHECK (event_type IN (
        'announced', 'launched', 'takes_effect', 'signed', 'suspended', 'proposed', 'ended')),
    date        VARCHAR,  -- 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', as precise as the article
    precision   VARCHAR CHECK (precision IN ('day', 'month', 'year')),
    description VARCHAR NOT NULL
);

-- Which article stated a fact, and where: one row per (fact, article).
CREATE TABLE fact_sources (
    fact_id           VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL REFERENCES articles (article_id),
    kind              VARCHAR NOT NULL CHECK (kind IN ('visa_programme', 'fee', 'quote', 'person', 'event')),
    sentence          VARCHAR NOT NULL,
    char_start        INTEGER NOT NULL,
    char_end          INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (fact_id, article_id),
    CHECK (char_start >= 0 AND char_end >= char_start)
);

-- Items the monitor could not ingest; cleared when one later succeeds.
CREATE TABLE ingest_failures (
    url             VARCHAR PRIMARY KEY,
    error_type      VARCHAR NOT NULL,
    message         VARCHAR NOT NULL,
    retryable       BOOLEAN NOT NULL,
    attempts        INTEGER NOT NULL,
    first_failed_at TIMESTAMP NOT NULL,  -- UTC
    last_failed_at  TIMESTAMP NOT NULL   -- UTC
);

-- One row per fact: its kind, a short human summary, and where it came from.
-- article_id is the first source (by fetched_at, then article_id); sources
-- lists each source article's canonical (else final, else requested) URL.
CREATE VIEW facts AS
WITH summaries AS (
    SELECT 'visa_programme' AS kind, fact_id, concat_ws(' ', name, '(' || country || ')') AS summary
    FROM visa_programmes
    UNION ALL
    SELECT 'fee', fact_id, concat_ws(' ', programme, 'fee',
        -- whole amounts print without ".0" ("100000", not "100000.0")
        CASE WHEN amount = trunc(amount) AND abs(amount) < 1e15
             THEN CAST(CAST(amount AS BIGINT) AS VARCHAR) ELSE CAST(amount AS VARCHAR) END,
        currency, period, 'for ' || applies_to)
    FROM fees
    UNION ALL
    SELECT 'quote', fact_id, text FROM quotes
    UNION ALL
    SELECT 'person', fact_id, name FROM people
    UNION ALL
    SELECT 'event', fact_id, concat_ws(' ', programme, event_type, date) FROM events
),
provenance AS (
    SELECT s.fact_id,
           count(*) AS n_sources,
           first(a.article_id ORDER BY a.fetched_at, a.article_id) AS article_id,
           min(a.fetched_at) AS first_seen_at,
           min(a.published_at) AS first_published_at,
           list(coalesce(a.canonical_url, a.final_url, a.url)
                ORDER BY a.published_at NULLS LAST, a.article_id) AS sources,
           list_sort(list_distinct(list(a.site))) AS sites
    FROM fact_sources AS s
    JOIN articles AS a USING (article_id)
    GROUP BY s.fact_id
)
SELECT m.kind,
       m.fact_id,
       p.article_id,
       m.summary,
       coalesce(p.n_sources, 0) AS n_sources,
       p.first_seen_at,
       p.first_published_at,
       coalesce(p.sources, []::VARCHAR[]) AS sources,
       coalesce(p.sites, []::VARCHAR[]) AS sites
FROM summaries AS m
LEFT JOIN provenance AS p USING (fact_id);

-- Per programme: its events (dated as the articles date them) and its fee
-- claims (dated by the earliest publication of an article stating them).
-- Order with store.queries.timeline: a view does not keep an order.
CREATE VIEW timeline AS
SELECT e.programme,
       'event' AS kind,
       e.event_type,
       e.date,
       e.precision,
       e.description AS detail,
       e.fact_id,
       f.n_sources,
       f.sources,
       f.sites
FROM events AS e
JOIN facts AS f USING (fact_id)
UNION ALL
SELECT fe.programme,
       'fee' AS kind,
       NULL AS event_type,
       strftime(f.first_published_at, '%Y-%m-%d') AS date,
       CASE WHEN f.first_published_at IS NOT NULL THEN 'day' END AS precision,
       f.summary AS detail,
       fe.fact_id,
       f.n_sources,
       f.sources,
       f.sites
FROM fees AS fe
JOIN facts AS f USING (fact_id)
WHERE fe.programme IS NOT NULL;
