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
DROP INDEX IF EXISTS ix_sources_search_vector
;
ALTER TABLE sources DROP COLUMN IF EXISTS search_vector
;
DROP INDEX IF EXISTS ix_citations_search_vector
;
ALTER TABLE citations DROP COLUMN IF EXISTS search_vector
;
