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
CREATE TRIGGER sources_fts_after_insert AFTER INSERT ON sources BEGIN INSERT INTO sources_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text); END
;
CREATE TRIGGER sources_fts_after_delete AFTER DELETE ON sources BEGIN INSERT INTO sources_fts(sources_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text); END
;
CREATE TRIGGER sources_fts_after_update AFTER UPDATE OF title, body_text ON sources BEGIN INSERT INTO sources_fts(sources_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text); INSERT INTO sources_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text); END
;
INSERT INTO sources_fts(sources_fts) VALUES ('rebuild')
;
CREATE VIRTUAL TABLE citations_fts USING fts5(quote, stated_value, content="citations", content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')
;
CREATE TRIGGER citations_fts_after_insert AFTER INSERT ON citations BEGIN INSERT INTO citations_fts(rowid, quote, stated_value) VALUES (new.id, new.quote, new.stated_value); END
;
CREATE TRIGGER citations_fts_after_delete AFTER DELETE ON citations BEGIN INSERT INTO citations_fts(citations_fts, rowid, quote, stated_value) VALUES ('delete', old.id, old.quote, old.stated_value); END
;
CREATE TRIGGER citations_fts_after_update AFTER UPDATE OF quote, stated_value ON citations BEGIN INSERT INTO citations_fts(citations_fts, rowid, quote, stated_value) VALUES ('delete', old.id, old.quote, old.stated_value); INSERT INTO citations_fts(rowid, quote, stated_value) VALUES (new.id, new.quote, new.stated_value); END
;
INSERT INTO citations_fts(citations_fts) VALUES ('rebuild')
;
