DROP VIEW IF EXISTS deal_countries
;
DROP VIEW IF EXISTS deal_countries_all
;
CREATE VIEW deal_countries AS SELECT ap.agreement_id, c.id AS country_id, c.iso3, c.name AS country, c.region,
       max(CASE WHEN ap.country_id IS NOT NULL THEN 1 ELSE 0 END) AS is_party
FROM agreement_parties ap
JOIN agreements a ON a.id = ap.agreement_id
LEFT JOIN organizations o ON o.id = ap.organization_id
LEFT JOIN people p ON p.id = ap.person_id
JOIN countries c ON c.id = COALESCE(ap.country_id, o.country_id, p.country_id)
WHERE a.review_status IN ('curated', 'accepted')
GROUP BY ap.agreement_id, c.id, c.iso3, c.name, c.region
;
CREATE VIEW deal_countries_all AS SELECT ap.agreement_id, c.id AS country_id, c.iso3, c.name AS country, c.region,
       max(CASE WHEN ap.country_id IS NOT NULL THEN 1 ELSE 0 END) AS is_party
FROM agreement_parties ap
JOIN agreements a ON a.id = ap.agreement_id
LEFT JOIN organizations o ON o.id = ap.organization_id
LEFT JOIN people p ON p.id = ap.person_id
JOIN countries c ON c.id = COALESCE(ap.country_id, o.country_id, p.country_id)
WHERE a.review_status IN ('curated', 'extracted', 'accepted')
GROUP BY ap.agreement_id, c.id, c.iso3, c.name, c.region
;
DROP TRIGGER IF EXISTS source_fact_counts_event_id_insert
;
DROP TRIGGER IF EXISTS source_fact_counts_event_id_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_event_id_update_old
;
DROP TRIGGER IF EXISTS source_fact_counts_event_id_update_new
;
DROP TRIGGER IF EXISTS source_fact_counts_events_status
;
DROP TRIGGER IF EXISTS source_fact_counts_events_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_agreement_id_insert
;
DROP TRIGGER IF EXISTS source_fact_counts_agreement_id_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_agreement_id_update_old
;
DROP TRIGGER IF EXISTS source_fact_counts_agreement_id_update_new
;
DROP TRIGGER IF EXISTS source_fact_counts_agreements_status
;
DROP TRIGGER IF EXISTS source_fact_counts_agreements_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flow_id_insert
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flow_id_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flow_id_update_old
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flow_id_update_new
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flows_status
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flows_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_project_id_insert
;
DROP TRIGGER IF EXISTS source_fact_counts_project_id_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_project_id_update_old
;
DROP TRIGGER IF EXISTS source_fact_counts_project_id_update_new
;
DROP TRIGGER IF EXISTS source_fact_counts_projects_status
;
DROP TRIGGER IF EXISTS source_fact_counts_projects_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_indicator_id_insert
;
DROP TRIGGER IF EXISTS source_fact_counts_indicator_id_delete
;
DROP TRIGGER IF EXISTS source_fact_counts_indicator_id_update_old
;
DROP TRIGGER IF EXISTS source_fact_counts_indicator_id_update_new
;
DROP TRIGGER IF EXISTS source_fact_counts_indicators_status
;
DROP TRIGGER IF EXISTS source_fact_counts_indicators_delete
;
DROP TRIGGER IF EXISTS agreement_countries_parties_insert
;
DROP TRIGGER IF EXISTS agreement_countries_parties_delete
;
DROP TRIGGER IF EXISTS agreement_countries_parties_update
;
DROP TRIGGER IF EXISTS agreement_countries_organizations_country
;
DROP TRIGGER IF EXISTS agreement_countries_people_country
;
