DROP VIEW IF EXISTS mention_counts
;
DROP VIEW IF EXISTS source_facts
;
DROP VIEW IF EXISTS source_facts_all
;
DROP VIEW IF EXISTS event_timeline
;
DROP VIEW IF EXISTS event_timeline_all
;
DROP VIEW IF EXISTS project_overview
;
DROP VIEW IF EXISTS project_overview_all
;
DROP VIEW IF EXISTS disagreements
;
DROP VIEW IF EXISTS disagreements_all
;
DROP VIEW IF EXISTS trade_flow_consensus
;
DROP VIEW IF EXISTS trade_flow_consensus_all
;
DROP VIEW IF EXISTS trade_flow_claims
;
DROP VIEW IF EXISTS trade_flow_claims_all
;
DROP VIEW IF EXISTS deal_countries
;
DROP VIEW IF EXISTS deal_countries_all
;
DROP VIEW IF EXISTS deals
;
DROP VIEW IF EXISTS deals_all
;
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
