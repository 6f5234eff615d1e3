-- Every append updates its stream's row (version, updated_at), and neither column is indexed: with free space on the
-- page, Postgres makes that a HOT update (no new index entry). A full page (fillfactor 100) forces a cold one.
ALTER TABLE streams SET (fillfactor = 70);
