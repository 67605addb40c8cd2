DROP TRIGGER IF EXISTS sources_fts_after_insert
;
DROP TRIGGER IF EXISTS sources_fts_after_delete
;
DROP TRIGGER IF EXISTS sources_fts_after_update
;
DROP TABLE IF EXISTS sources_fts
;
DROP TRIGGER IF EXISTS citations_fts_after_insert
;
DROP TRIGGER IF EXISTS citations_fts_after_delete
;
DROP TRIGGER IF EXISTS citations_fts_after_update
;
DROP TABLE IF EXISTS citations_fts
;
CREATE VIRTUAL TABLE sources_fts USING fts5(title, body_text, content="sources", content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')
;
CREATE TRIGGER sources_fts_after_insert AFTER INSERT ON sources BEGIN INSERT INTO sources_fts(rowid, title, body_text) VALUES (new.id, coalesce(new.search_title, new.title), coalesce(new.search_text, new.body_text)); END
;
CREATE TRIGGER sources_fts_after_delete AFTER DELETE ON sources BEGIN INSERT INTO sources_fts(sources_fts, rowid, title, body_text) VALUES ('delete', old.id, coalesce(old.search_title, old.title), coalesce(old.search_text, old.body_text)); END
;
CREATE TRIGGER sources_fts_after_update AFTER UPDATE OF title, body_text, search_title, search_text ON sources BEGIN INSERT INTO sources_fts(sources_fts, rowid, title, body_text) VALUES ('delete', old.id, coalesce(old.search_title, old.title), coalesce(old.search_text, old.body_text)); INSERT INTO sources_fts(rowid, title, body_text) VALUES (new.id, coalesce(new.search_title, new.title), coalesce(new.search_text, new.body_text)); END
;
INSERT INTO sources_fts(rowid, title, body_text) SELECT id, coalesce(search_title, title), coalesce(search_text, body_text) FROM sources
;
CREATE VIRTUAL TABLE citations_fts USING fts5(quote, stated_value, content="citations", content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')
;
CREATE TRIGGER citations_fts_after_insert AFTER INSERT ON citations BEGIN INSERT INTO citations_fts(rowid, quote, stated_value) VALUES (new.id, coalesce(new.search_text, new.quote), new.stated_value); END
;
CREATE TRIGGER citations_fts_after_delete AFTER DELETE ON citations BEGIN INSERT INTO citations_fts(citations_fts, rowid, quote, stated_value) VALUES ('delete', old.id, coalesce(old.search_text, old.quote), old.stated_value); END
;
CREATE TRIGGER citations_fts_after_update AFTER UPDATE OF quote, stated_value, search_text ON citations BEGIN INSERT INTO citations_fts(citations_fts, rowid, quote, stated_value) VALUES ('delete', old.id, coalesce(old.search_text, old.quote), old.stated_value); INSERT INTO citations_fts(rowid, quote, stated_value) VALUES (new.id, coalesce(new.search_text, new.quote), new.stated_value); END
;
INSERT INTO citations_fts(rowid, quote, stated_value) SELECT id, coalesce(search_text, quote), stated_value FROM citations
;
