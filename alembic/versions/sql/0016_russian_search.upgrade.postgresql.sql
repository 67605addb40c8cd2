DROP INDEX IF EXISTS ix_sources_search_vector
;
ALTER TABLE sources DROP COLUMN IF EXISTS search_vector
;
DROP INDEX IF EXISTS ix_citations_search_vector
;
ALTER TABLE citations DROP COLUMN IF EXISTS search_vector
;
ALTER TABLE sources ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector(CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, coalesce(title, '')), 'A') || setweight(to_tsvector(CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, coalesce(body_text, '')), 'B')) STORED
;
CREATE INDEX ix_sources_search_vector ON sources USING gin (search_vector)
;
COMMENT ON COLUMN sources.search_vector IS 'Full-text search vector of title and body_text (Russian stemming for Russian sources, English for the others), generated; query it with @@ websearch_to_tsquery(''english'', ...) || websearch_to_tsquery(''russian'', ...). PostgreSQL only.'
;
ALTER TABLE citations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector(CASE WHEN search_text IS NOT NULL THEN 'russian'::regconfig ELSE 'english'::regconfig END, coalesce(quote, '') || ' ' || coalesce(stated_value, ''))) STORED
;
CREATE INDEX ix_citations_search_vector ON citations USING gin (search_vector)
;
COMMENT ON COLUMN citations.search_vector IS 'Full-text search vector of quote and stated_value (Russian stemming where search_text is set, i.e. for citations of Russian sources; English otherwise), generated. PostgreSQL only.'
;
