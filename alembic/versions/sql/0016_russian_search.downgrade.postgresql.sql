DROP INDEX IF EXISTS ix_sources_search_vector
;
ALTER TABLE sources DROP COLUMN IF EXISTS search_vector
;
DROP INDEX IF EXISTS ix_citations_search_vector
;
ALTER TABLE citations DROP COLUMN IF EXISTS search_vector
;
ALTER TABLE sources ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body_text, '')), 'B')) STORED
;
CREATE INDEX ix_sources_search_vector ON sources USING gin (search_vector)
;
COMMENT ON COLUMN sources.search_vector IS 'Full-text search vector of title and body_text (English stemming), generated; query it with @@ websearch_to_tsquery(''english'', ...). PostgreSQL only.'
;
ALTER TABLE citations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(quote, '') || ' ' || coalesce(stated_value, ''))) STORED
;
CREATE INDEX ix_citations_search_vector ON citations USING gin (search_vector)
;
COMMENT ON COLUMN citations.search_vector IS 'Full-text search vector of quote and stated_value (English stemming), generated. PostgreSQL only.'
;
