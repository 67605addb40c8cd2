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
COMMENT ON VIEW deal_countries IS 'Which countries each agreement involves, one row per agreement and country: a country that is a party, or the country of a party organisation or person.'
;
COMMENT ON COLUMN deal_countries.agreement_id IS 'The agreement (agreements.id).'
;
COMMENT ON COLUMN deal_countries.country_id IS 'The country (countries.id).'
;
COMMENT ON COLUMN deal_countries.iso3 IS 'ISO 3166-1 alpha-3 code, the readable key (KAZ); aggregates use a user-assigned code (XCA).'
;
COMMENT ON COLUMN deal_countries.country IS 'Common English name (Kazakhstan).'
;
COMMENT ON COLUMN deal_countries.region IS 'UN M49 sub-region (Central Asia, Eastern Asia) where known.'
;
COMMENT ON COLUMN deal_countries.is_party IS '1 when the country itself is a party; 0 when it takes part only through a party organisation or person of that country.'
;
COMMENT ON VIEW deal_countries_all IS 'Which countries each agreement involves, one row per agreement and country: a country that is a party, or the country of a party organisation or person. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN deal_countries_all.agreement_id IS 'The agreement (agreements.id).'
;
COMMENT ON COLUMN deal_countries_all.country_id IS 'The country (countries.id).'
;
COMMENT ON COLUMN deal_countries_all.iso3 IS 'ISO 3166-1 alpha-3 code, the readable key (KAZ); aggregates use a user-assigned code (XCA).'
;
COMMENT ON COLUMN deal_countries_all.country IS 'Common English name (Kazakhstan).'
;
COMMENT ON COLUMN deal_countries_all.region IS 'UN M49 sub-region (Central Asia, Eastern Asia) where known.'
;
COMMENT ON COLUMN deal_countries_all.is_party IS '1 when the country itself is a party; 0 when it takes part only through a party organisation or person of that country.'
;
DROP TRIGGER IF EXISTS source_fact_counts_citations_insert ON citations
;
DROP FUNCTION IF EXISTS source_fact_counts_citations_insert()
;
DROP TRIGGER IF EXISTS source_fact_counts_citations_update ON citations
;
DROP FUNCTION IF EXISTS source_fact_counts_citations_update()
;
DROP TRIGGER IF EXISTS source_fact_counts_citations_delete ON citations
;
DROP FUNCTION IF EXISTS source_fact_counts_citations_delete()
;
DROP TRIGGER IF EXISTS source_fact_counts_events_status ON events
;
DROP FUNCTION IF EXISTS source_fact_counts_events_status()
;
DROP TRIGGER IF EXISTS source_fact_counts_events_delete ON events
;
DROP FUNCTION IF EXISTS source_fact_counts_events_delete()
;
DROP TRIGGER IF EXISTS source_fact_counts_agreements_status ON agreements
;
DROP FUNCTION IF EXISTS source_fact_counts_agreements_status()
;
DROP TRIGGER IF EXISTS source_fact_counts_agreements_delete ON agreements
;
DROP FUNCTION IF EXISTS source_fact_counts_agreements_delete()
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flows_status ON trade_flows
;
DROP FUNCTION IF EXISTS source_fact_counts_trade_flows_status()
;
DROP TRIGGER IF EXISTS source_fact_counts_trade_flows_delete ON trade_flows
;
DROP FUNCTION IF EXISTS source_fact_counts_trade_flows_delete()
;
DROP TRIGGER IF EXISTS source_fact_counts_projects_status ON projects
;
DROP FUNCTION IF EXISTS source_fact_counts_projects_status()
;
DROP TRIGGER IF EXISTS source_fact_counts_projects_delete ON projects
;
DROP FUNCTION IF EXISTS source_fact_counts_projects_delete()
;
DROP TRIGGER IF EXISTS source_fact_counts_indicators_status ON indicators
;
DROP FUNCTION IF EXISTS source_fact_counts_indicators_status()
;
DROP TRIGGER IF EXISTS source_fact_counts_indicators_delete ON indicators
;
DROP FUNCTION IF EXISTS source_fact_counts_indicators_delete()
;
DROP TRIGGER IF EXISTS agreement_countries_parties_insert ON agreement_parties
;
DROP FUNCTION IF EXISTS agreement_countries_parties_insert()
;
DROP TRIGGER IF EXISTS agreement_countries_parties_update ON agreement_parties
;
DROP FUNCTION IF EXISTS agreement_countries_parties_update()
;
DROP TRIGGER IF EXISTS agreement_countries_parties_delete ON agreement_parties
;
DROP FUNCTION IF EXISTS agreement_countries_parties_delete()
;
DROP TRIGGER IF EXISTS agreement_countries_organizations_country ON organizations
;
DROP FUNCTION IF EXISTS agreement_countries_organizations_country()
;
DROP TRIGGER IF EXISTS agreement_countries_people_country ON people
;
DROP FUNCTION IF EXISTS agreement_countries_people_country()
;
