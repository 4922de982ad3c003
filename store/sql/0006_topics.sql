-- 0006 topics (issue 7; written before 0004 and 0005 landed, and the
-- runner applies whichever numbered steps a store has not recorded yet).
--
-- article_topics: which watched topics a stored article matched, and the
-- terms that decided it ("programme:H-1B", "keyword:work permit", ...). Written
-- in the article's save transaction by the monitor, and by `newsfacts backfill`
-- when topics change. Only matches are rows; an article stored with no topic
-- configured has none.
--
-- off_topic_articles: items the relevance gate skipped (no topic matched),
-- with the article trafilatura extracted from them, so a topic added later can
-- pull them in (`newsfacts backfill`) without fetching them again. Keyed by
-- the item URL, as ingest_failures is; a row leaves when its article is stored.

CREATE TABLE article_topics (
    article_id    VARCHAR NOT NULL,
    topic         VARCHAR NOT NULL,
    matched_terms VARCHAR[] NOT NULL,
    decided_at    TIMESTAMP NOT NULL,  -- UTC
    PRIMARY KEY (article_id, topic)
);

CREATE TABLE off_topic_articles (
    url           VARCHAR PRIMARY KEY,
    final_url     VARCHAR NOT NULL,
    canonical_url VARCHAR,
    site          VARCHAR,
    title         VARCHAR,
    author        VARCHAR,
    published_at  DATE,
    language      VARCHAR,
    text          VARCHAR NOT NULL,
    text_hash     VARCHAR NOT NULL,
    fetched_at    TIMESTAMP NOT NULL,  -- UTC
    reason        VARCHAR NOT NULL,
    skipped_at    TIMESTAMP NOT NULL   -- UTC
);
