"""The analyst's interface beyond the views: full-text search, read-only SQL, read-only roles on
PostgreSQL and the browser (Datasette). Imports flow cli -> analyst -> models, db."""
