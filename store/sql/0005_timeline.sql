-- 0005 timeline: the same rows as 0002's view, computed only for the facts
-- the caller asks about.
--
-- 0002's timeline joins the `facts` view and `fact_coverage`, both of which
-- aggregate every fact_sources row of every kind before the programme filter
-- applies: over 1M facts (bench/timeline.py) one programme's timeline took
-- about 60 s on this 2-core machine. Here the events and fees come first and
-- the sources are aggregated after the join, grouped by the item's columns,
-- so a filter on programme (store.queries.timeline) is pushed below the
-- aggregate and only that programme's sources are read.
--
-- Same columns, same values: n_sources, sources and sites as in `facts`
-- (every source article); n_stories, n_outlets and first_reported_at as in
-- `fact_coverage` (sources with a story, which every stored article has:
-- store/writer.py writes both in one transaction); a fact with no source with
-- a story is left out, as 0002's inner join with fact_coverage left it out.
CREATE OR REPLACE VIEW timeline AS
WITH items AS (
    SELECT e.programme,
           'event' AS kind,
           e.event_type,
           e.date AS event_date,
           e.precision AS event_precision,
           e.description AS detail,
           e.fact_id
    FROM events AS e
    UNION ALL
    SELECT fe.programme,
           'fee' AS kind,
           NULL AS event_type,
           NULL AS event_date,
           NULL AS event_precision,
           -- the `facts` view's fee summary
           concat_ws(' ', fe.programme, 'fee',
               CASE WHEN fe.amount = trunc(fe.amount) AND abs(fe.amount) < 1e15
                    THEN CAST(CAST(fe.amount AS BIGINT) AS VARCHAR) ELSE CAST(fe.amount AS VARCHAR) END,
               fe.currency, fe.period, 'for ' || fe.applies_to) AS detail,
           fe.fact_id
    FROM fees AS fe
    WHERE fe.programme IS NOT NULL
),
sourced AS (
    SELECT i.programme, i.kind, i.event_type, i.event_date, i.event_precision, i.detail, i.fact_id,
           count(*) AS n_sources,
           list(coalesce(a.canonical_url, a.final_url, a.url)
                ORDER BY a.published_at NULLS LAST, a.article_id) AS sources,
           list_sort(list_distinct(list(a.site))) AS sites,
           count(DISTINCT m.story_id) AS n_stories,
           count(DISTINCT m.outlet) AS n_outlets,
           coalesce(min(a.published_at) FILTER (WHERE m.story_id IS NOT NULL),
                    CAST(min(a.fetched_at) FILTER (WHERE m.story_id IS NOT NULL) AS DATE)) AS first_reported_at,
           count(m.story_id) AS n_with_story
    FROM items AS i
    JOIN fact_sources AS s USING (fact_id)
    JOIN articles AS a USING (article_id)
    LEFT JOIN article_stories AS m USING (article_id)
    GROUP BY i.programme, i.kind, i.event_type, i.event_date, i.event_precision, i.detail, i.fact_id
)
SELECT programme,
       kind,
       event_type,
       CASE WHEN kind = 'event' THEN event_date ELSE strftime(first_reported_at, '%Y-%m-%d') END AS date,
       CASE WHEN kind = 'event' THEN event_precision
            WHEN first_reported_at IS NOT NULL THEN 'day' END AS precision,
       detail,
       fact_id,
       n_sources,
       sources,
       sites,
       n_stories,
       n_outlets,
       first_reported_at
FROM sourced
WHERE n_with_story > 0;
