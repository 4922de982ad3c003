-- 0007 staging: the staged extraction files (store.staging) the one loader
-- (store.loader) has written into this store, by file name. A name holds the
-- article id and a hash of the file's content, so a name seen here is
-- content already saved: loading the staging folder again skips it.
-- (0004 and 0005 are other branches': 0005_timeline is issue-6-perf's.)

CREATE TABLE staged_loads (
    file_name  VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    loaded_at  TIMESTAMP NOT NULL   -- UTC, of the first load
);
