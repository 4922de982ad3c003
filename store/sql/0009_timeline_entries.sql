-- 0009 timeline entries: the `timeline` view's rows kept in a table, exact
-- after every write, so reading one programme reads only its rows.
--
-- 0005's view aggregates the sources of the asked programme's facts on each
-- read: over 1M facts (bench/timeline.py) a scan of every fact_sources row,
-- joins with articles and stories, and ordered list aggregates, 180-660 ms
-- on this 2-core machine. That definition stays, renamed `timeline_live`:
-- the reference the table is checked against (tests/store/test_timeline.py).
--
-- One entry per event or fee fact with at least one source, whatever its
-- programme or stories (the view leaves out what 0005 left out: a fee with
-- no programme, a fact with no source in a story), with its source articles
-- in article_ids: store/timeline.py keeps the table exact on every write from
-- those lists and the rows a write touches, without reading fact_sources.
--
-- sources and sites are JSON text, cast back to VARCHAR[] by the view: a
-- filtered scan of a list column decodes the lists of every row, of a
-- VARCHAR only the rows that pass (bench/timeline.py).
ALTER VIEW timeline RENAME TO timeline_live;

CREATE TABLE timeline_entries (
    fact_id           VARCHAR PRIMARY KEY,
    programme         VARCHAR,           -- NULL for a fee of no programme
    kind              VARCHAR NOT NULL,  -- 'event' or 'fee'
    event_type        VARCHAR,
    date              VARCHAR,
    precision         VARCHAR,
    detail            VARCHAR NOT NULL,
    n_sources         BIGINT NOT NULL,
    sources_json      VARCHAR NOT NULL,  -- JSON list: timeline.sources
    sites_json        VARCHAR NOT NULL,  -- JSON list: timeline.sites
    n_stories         BIGINT NOT NULL,
    n_outlets         BIGINT NOT NULL,
    first_reported_at DATE,
    article_ids       VARCHAR[] NOT NULL -- the fact's source articles, sorted
);

-- The rows of every fact, as store/timeline.py's ENTRIES computes them.
INSERT INTO timeline_entries
WITH items AS (
    SELECT e.fact_id, e.programme, 'event' AS kind, e.event_type, e.date AS event_date,
           e.precision AS event_precision, e.description AS detail
    FROM events AS e
    UNION ALL
    SELECT fe.fact_id, fe.programme, 'fee' AS kind, NULL, NULL, NULL,
           concat_ws(' ', fe.programme, 'fee',
               CASE WHEN fe.amount = trunc(fe.amount) AND abs(fe.amount) < 1e15
                    THEN CAST(CAST(fe.amount AS BIGINT) AS VARCHAR) ELSE CAST(fe.amount AS VARCHAR) END,
               fe.currency, fe.period, 'for ' || fe.applies_to)
    FROM fees AS fe
),
sourced AS (
    SELECT i.fact_id, i.programme, i.kind, i.event_type, i.event_date, i.event_precision, i.detail,
           count(*) AS n_sources,
           list(coalesce(a.canonical_url, a.final_url, a.url)
                ORDER BY a.published_at NULLS LAST, a.article_id) AS sources,
           list_sort(list_distinct(list(a.site))) AS sites,
           count(DISTINCT m.story_id) AS n_stories,
           count(DISTINCT m.outlet) AS n_outlets,
           coalesce(min(a.published_at) FILTER (WHERE m.story_id IS NOT NULL),
                    CAST(min(a.fetched_at) FILTER (WHERE m.story_id IS NOT NULL) AS DATE)) AS first_reported_at,
           list_sort(list(a.article_id)) AS article_ids
    FROM items AS i
    JOIN fact_sources AS s USING (fact_id)
    JOIN articles AS a USING (article_id)
    LEFT JOIN article_stories AS m USING (article_id)
    GROUP BY i.fact_id, i.programme, i.kind, i.event_type, i.event_date, i.event_precision, i.detail
)
SELECT fact_id,
       programme,
       kind,
       event_type,
       CASE WHEN kind = 'event' THEN event_date ELSE strftime(first_reported_at, '%Y-%m-%d') END,
       CASE WHEN kind = 'event' THEN event_precision WHEN first_reported_at IS NOT NULL THEN 'day' END,
       detail,
       n_sources,
       CAST(to_json(sources) AS VARCHAR),
       CAST(to_json(sites) AS VARCHAR),
       n_stories,
       n_outlets,
       first_reported_at,
       article_ids
FROM sourced;

-- 0005's columns and rows: `n_stories > 0` is its `n_with_story > 0` (a source in a story).
CREATE VIEW timeline AS
SELECT programme,
       kind,
       event_type,
       date,
       precision,
       detail,
       fact_id,
       n_sources,
       CAST(CAST(sources_json AS JSON) AS VARCHAR[]) AS sources,
       CAST(CAST(sites_json AS JSON) AS VARCHAR[]) AS sites,
       n_stories,
       n_outlets,
       first_reported_at
FROM timeline_entries
WHERE programme IS NOT NULL AND n_stories > 0;
