-- 0004 alerts: what the alert rules raised (store/alerts.py), and which fact
-- sources and articles the rules have already looked at.
--
-- An alert's id is a hash of its normalised key (store/alert_rules.py: the
-- rule's subject, e.g. one disagreement between two fee claims), so the same
-- alert is stored, and sent, once. Several rules raising one subject (a fee
-- that changed IS a conflict) make one row listing every rule in `rules`.
--
-- "What a run added" is what the rules have not looked at yet: the
-- fact_sources pairs missing from alert_seen_sources and the articles missing
-- from alert_seen_articles. Both are filled in the transaction that stores
-- the run's alerts, so a run killed before it leaves its additions for the
-- next one. This step marks everything already stored as seen: a store
-- upgraded to 0004 starts alerting on what comes after, not on its history.

CREATE TABLE alerts (
    alert_id     VARCHAR PRIMARY KEY,
    alert_key    VARCHAR NOT NULL,       -- the normalised key, parts joined by U+001F
    rule         VARCHAR NOT NULL,       -- the rule whose wording `title` uses
    rules        VARCHAR[] NOT NULL,     -- every configured rule that raised it, sorted
    topic        VARCHAR,                -- the rule entry's topic label (digest groups by it)
    programme    VARCHAR,
    title        VARCHAR NOT NULL,
    fact_ids     VARCHAR[] NOT NULL,     -- the facts behind it, sorted
    article_ids  VARCHAR[] NOT NULL,     -- the articles stating them (or the story's), sorted
    sources      VARCHAR[] NOT NULL,     -- those articles' URLs, sorted
    sites        VARCHAR[] NOT NULL,     -- their outlets, sorted
    detail       VARCHAR NOT NULL,       -- JSON: {"facts": [...], "sources": [...]} as of creation
    created_at   TIMESTAMP NOT NULL,     -- UTC
    delivered_at TIMESTAMP,              -- UTC; NULL until the webhook answered 2xx
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   VARCHAR,
    CHECK (rule IN ('new_programme', 'fee_changed', 'new_conflict', 'event_moved',
                    'person_quoted', 'story_outlets'))
);

CREATE TABLE alert_seen_sources (
    fact_id    VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);

CREATE TABLE alert_seen_articles (
    article_id VARCHAR NOT NULL
);

INSERT INTO alert_seen_sources SELECT DISTINCT fact_id, article_id FROM fact_sources;
INSERT INTO alert_seen_articles SELECT DISTINCT article_id FROM articles;
