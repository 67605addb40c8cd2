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
CREATE VIEW deals AS SELECT a.id AS agreement_id, a.key, a.title, a.kind, a.status, a.document_count,
       a.signed_date, a.signed_date_precision, CAST(EXTRACT(YEAR FROM a.signed_date) AS INTEGER) AS signed_year,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM agreement_parties pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.agreement_id = a.id) AS items) AS parties,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT dc.name AS sort_key, dc.name AS item FROM agreement_parties dp LEFT JOIN organizations dpo ON dpo.id = dp.organization_id LEFT JOIN people dpp ON dpp.id = dp.person_id JOIN countries dc ON dc.id = COALESCE(dp.country_id, dpo.country_id, dpp.country_id) WHERE dp.agreement_id = a.id) AS items) AS countries,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT se.name AS sort_key, se.name AS item FROM agreement_sectors ags JOIN sectors se ON se.id = ags.sector_id WHERE ags.agreement_id = a.id) AS items) AS sectors,
       a.event_id, ev.title AS event_title,
       a.part_of_agreement_id, pkg.key AS part_of_key, pkg.title AS part_of_title,
       CASE WHEN a.part_of_agreement_id IS NULL THEN 1 ELSE 0 END AS is_top_level,
       a.project_id, pr.name AS project_name,
       a.value_amount, a.value_currency, a.value_qualifier, a.value_usd,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.agreement_id = a.id) AS source_count,
       a.review_status
FROM agreements a
LEFT JOIN events ev ON ev.id = a.event_id
LEFT JOIN agreements pkg ON pkg.id = a.part_of_agreement_id
LEFT JOIN projects pr ON pr.id = a.project_id
WHERE a.review_status IN ('curated', 'accepted')
;
CREATE VIEW deals_all AS SELECT a.id AS agreement_id, a.key, a.title, a.kind, a.status, a.document_count,
       a.signed_date, a.signed_date_precision, CAST(EXTRACT(YEAR FROM a.signed_date) AS INTEGER) AS signed_year,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM agreement_parties pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.agreement_id = a.id) AS items) AS parties,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT dc.name AS sort_key, dc.name AS item FROM agreement_parties dp LEFT JOIN organizations dpo ON dpo.id = dp.organization_id LEFT JOIN people dpp ON dpp.id = dp.person_id JOIN countries dc ON dc.id = COALESCE(dp.country_id, dpo.country_id, dpp.country_id) WHERE dp.agreement_id = a.id) AS items) AS countries,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT se.name AS sort_key, se.name AS item FROM agreement_sectors ags JOIN sectors se ON se.id = ags.sector_id WHERE ags.agreement_id = a.id) AS items) AS sectors,
       a.event_id, ev.title AS event_title,
       a.part_of_agreement_id, pkg.key AS part_of_key, pkg.title AS part_of_title,
       CASE WHEN a.part_of_agreement_id IS NULL THEN 1 ELSE 0 END AS is_top_level,
       a.project_id, pr.name AS project_name,
       a.value_amount, a.value_currency, a.value_qualifier, a.value_usd,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.agreement_id = a.id) AS source_count,
       a.review_status
FROM agreements a
LEFT JOIN events ev ON ev.id = a.event_id
LEFT JOIN agreements pkg ON pkg.id = a.part_of_agreement_id
LEFT JOIN projects pr ON pr.id = a.project_id
WHERE a.review_status IN ('curated', 'extracted', 'accepted')
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
CREATE VIEW trade_flow_claims AS SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
       COALESCE(atp.name, ato.name) AS attributed_to,
       s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date, ci.stated_value, ci.quote,
       tf.review_status
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN people atp ON atp.id = tf.attributed_to_person_id
LEFT JOIN organizations ato ON ato.id = tf.attributed_to_organization_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE tf.review_status IN ('curated', 'accepted')
;
CREATE VIEW trade_flow_claims_all AS SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
       COALESCE(atp.name, ato.name) AS attributed_to,
       s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date, ci.stated_value, ci.quote,
       tf.review_status
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN people atp ON atp.id = tf.attributed_to_person_id
LEFT JOIN organizations ato ON ato.id = tf.attributed_to_organization_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE tf.review_status IN ('curated', 'extracted', 'accepted')
;
CREATE VIEW trade_flow_consensus AS SELECT r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, min(tf.period_label) AS period_label,
       CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year, tf.flow, tf.measure, tf.unit,
       count(DISTINCT ci.source_id) AS source_count, count(DISTINCT tf.id) AS claim_count,
       min(tf.value) AS lowest, max(tf.value) AS highest,
       CASE WHEN min(tf.value) > 0
            THEN round((max(tf.value) - min(tf.value)) * 100.0 / min(tf.value), 1) END
           AS spread_percent,
       (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = tf.reporter_country_id AND x.partner_country_id = tf.partner_country_id AND (x.period_start = tf.period_start OR (x.period_start IS NULL AND tf.period_start IS NULL)) AND (x.period_end = tf.period_end OR (x.period_end IS NULL AND tf.period_end IS NULL)) AND x.flow = tf.flow AND x.measure = tf.measure AND x.unit = tf.unit AND x.review_status IN ('curated', 'accepted')) AS items) AS value_list
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
WHERE tf.review_status IN ('curated', 'accepted')
GROUP BY r.id, r.iso3, r.name, p.id, p.iso3, p.name, tf.reporter_country_id,
         tf.partner_country_id, tf.period_start, tf.period_end, tf.flow, tf.measure, tf.unit
;
CREATE VIEW trade_flow_consensus_all AS SELECT r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, min(tf.period_label) AS period_label,
       CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year, tf.flow, tf.measure, tf.unit,
       count(DISTINCT ci.source_id) AS source_count, count(DISTINCT tf.id) AS claim_count,
       min(tf.value) AS lowest, max(tf.value) AS highest,
       CASE WHEN min(tf.value) > 0
            THEN round((max(tf.value) - min(tf.value)) * 100.0 / min(tf.value), 1) END
           AS spread_percent,
       (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = tf.reporter_country_id AND x.partner_country_id = tf.partner_country_id AND (x.period_start = tf.period_start OR (x.period_start IS NULL AND tf.period_start IS NULL)) AND (x.period_end = tf.period_end OR (x.period_end IS NULL AND tf.period_end IS NULL)) AND x.flow = tf.flow AND x.measure = tf.measure AND x.unit = tf.unit AND x.review_status IN ('curated', 'extracted', 'accepted')) AS items) AS value_list
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
WHERE tf.review_status IN ('curated', 'extracted', 'accepted')
GROUP BY r.id, r.iso3, r.name, p.id, p.iso3, p.name, tf.reporter_country_id,
         tf.partner_country_id, tf.period_start, tf.period_end, tf.flow, tf.measure, tf.unit
;
CREATE VIEW disagreements AS SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || f.flow || CASE WHEN f.measure = 'value' THEN '' ELSE ' ' || f.measure END || ', ' || COALESCE(f.period_label, 'no period') || ' (' || f.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       g.lowest, g.highest, CASE WHEN g.lowest > 0 THEN round((g.highest - g.lowest) * 100.0 / g.lowest, 1) END AS spread_percent, g.variant_count,
       ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, min(value) AS lowest, max(value) AS highest, count(*) AS variant_count,
           min(flow) AS group_name
    FROM trade_flows
    WHERE review_status IN ('curated', 'accepted')
    GROUP BY reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit
    HAVING min(value) <> max(value) OR min(value_qualifier) <> max(value_qualifier)
) AS g
JOIN trade_flows f ON f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'accepted')
JOIN countries r ON r.id = f.reporter_country_id JOIN countries p ON p.id = f.partner_country_id
JOIN citations ci ON ci.trade_flow_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = f.reporter_country_id AND o.partner_country_id = f.partner_country_id AND (o.period_start = f.period_start OR (o.period_start IS NULL AND f.period_start IS NULL)) AND (o.period_end = f.period_end OR (o.period_end IS NULL AND f.period_end IS NULL)) AND o.flow = f.flow AND o.measure = f.measure AND o.unit = f.unit AND o.id <> f.id AND o.review_status IN ('curated', 'accepted')
      AND (o.value <> f.value OR o.value_qualifier <> f.value_qualifier)
      AND NOT EXISTS (
        SELECT 1 FROM citations oc
        WHERE oc.trade_flow_id = o.id
          AND oc.source_id IN (
            SELECT fc.source_id FROM citations fc WHERE fc.trade_flow_id = f.id)))
UNION ALL

SELECT 'indicator' AS fact_kind, g.group_name || ' (' || f.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       g.lowest, g.highest, CASE WHEN g.lowest > 0 THEN round((g.highest - g.lowest) * 100.0 / g.lowest, 1) END AS spread_percent, g.variant_count,
       ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT metric, country_id, partner_country_id, organization_id, project_id, period_start, period_end, unit, is_target, min(value) AS lowest, max(value) AS highest, count(*) AS variant_count,
           min(name) AS group_name
    FROM indicators
    WHERE review_status IN ('curated', 'accepted')
    GROUP BY metric, country_id, partner_country_id, organization_id, project_id, period_start, period_end, unit, is_target
    HAVING min(value) <> max(value) OR min(value_qualifier) <> max(value_qualifier)
) AS g
JOIN indicators f ON f.metric = g.metric AND (f.country_id = g.country_id OR (f.country_id IS NULL AND g.country_id IS NULL)) AND (f.partner_country_id = g.partner_country_id OR (f.partner_country_id IS NULL AND g.partner_country_id IS NULL)) AND (f.organization_id = g.organization_id OR (f.organization_id IS NULL AND g.organization_id IS NULL)) AND (f.project_id = g.project_id OR (f.project_id IS NULL AND g.project_id IS NULL)) AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'accepted')

JOIN citations ci ON ci.indicator_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM indicators o
    WHERE o.metric = f.metric AND (o.country_id = f.country_id OR (o.country_id IS NULL AND f.country_id IS NULL)) AND (o.partner_country_id = f.partner_country_id OR (o.partner_country_id IS NULL AND f.partner_country_id IS NULL)) AND (o.organization_id = f.organization_id OR (o.organization_id IS NULL AND f.organization_id IS NULL)) AND (o.project_id = f.project_id OR (o.project_id IS NULL AND f.project_id IS NULL)) AND (o.period_start = f.period_start OR (o.period_start IS NULL AND f.period_start IS NULL)) AND (o.period_end = f.period_end OR (o.period_end IS NULL AND f.period_end IS NULL)) AND o.unit = f.unit AND o.is_target = f.is_target AND o.id <> f.id AND o.review_status IN ('curated', 'accepted')
      AND (o.value <> f.value OR o.value_qualifier <> f.value_qualifier)
      AND NOT EXISTS (
        SELECT 1 FROM citations oc
        WHERE oc.indicator_id = o.id
          AND oc.source_id IN (
            SELECT fc.source_id FROM citations fc WHERE fc.indicator_id = f.id)))
UNION ALL

SELECT 'agreement' AS fact_kind, f.title AS subject,
       f.id AS fact_id, f.key AS fact_key, f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM agreements f
JOIN (
    SELECT agreement_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE agreement_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY agreement_id
    HAVING count(DISTINCT stated_value) > 1
) AS v ON v.fact_id = f.id
JOIN citations ci ON ci.agreement_id = f.id AND ci.stated_value IS NOT NULL
JOIN sources s ON s.id = ci.source_id
WHERE f.review_status IN ('curated', 'accepted')
UNION ALL

SELECT 'project' AS fact_kind, f.name AS subject,
       f.id AS fact_id, f.key AS fact_key, f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM projects f
JOIN (
    SELECT project_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE project_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY project_id
    HAVING count(DISTINCT stated_value) > 1
) AS v ON v.fact_id = f.id
JOIN citations ci ON ci.project_id = f.id AND ci.stated_value IS NOT NULL
JOIN sources s ON s.id = ci.source_id
WHERE f.review_status IN ('curated', 'accepted')
UNION ALL

SELECT 'event' AS fact_kind, f.title AS subject,
       f.id AS fact_id, f.key AS fact_key, NULL, NULL, NULL, f.start_date, f.end_date, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM events f
JOIN (
    SELECT event_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE event_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY event_id
    HAVING count(DISTINCT stated_value) > 1
) AS v ON v.fact_id = f.id
JOIN citations ci ON ci.event_id = f.id AND ci.stated_value IS NOT NULL
JOIN sources s ON s.id = ci.source_id
WHERE f.review_status IN ('curated', 'accepted')
;
CREATE VIEW disagreements_all AS SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || f.flow || CASE WHEN f.measure = 'value' THEN '' ELSE ' ' || f.measure END || ', ' || COALESCE(f.period_label, 'no period') || ' (' || f.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       g.lowest, g.highest, CASE WHEN g.lowest > 0 THEN round((g.highest - g.lowest) * 100.0 / g.lowest, 1) END AS spread_percent, g.variant_count,
       ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, min(value) AS lowest, max(value) AS highest, count(*) AS variant_count,
           min(flow) AS group_name
    FROM trade_flows
    WHERE review_status IN ('curated', 'extracted', 'accepted')
    GROUP BY reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit
    HAVING min(value) <> max(value) OR min(value_qualifier) <> max(value_qualifier)
) AS g
JOIN trade_flows f ON f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'extracted', 'accepted')
JOIN countries r ON r.id = f.reporter_country_id JOIN countries p ON p.id = f.partner_country_id
JOIN citations ci ON ci.trade_flow_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = f.reporter_country_id AND o.partner_country_id = f.partner_country_id AND (o.period_start = f.period_start OR (o.period_start IS NULL AND f.period_start IS NULL)) AND (o.period_end = f.period_end OR (o.period_end IS NULL AND f.period_end IS NULL)) AND o.flow = f.flow AND o.measure = f.measure AND o.unit = f.unit AND o.id <> f.id AND o.review_status IN ('curated', 'extracted', 'accepted')
      AND (o.value <> f.value OR o.value_qualifier <> f.value_qualifier)
      AND NOT EXISTS (
        SELECT 1 FROM citations oc
        WHERE oc.trade_flow_id = o.id
          AND oc.source_id IN (
            SELECT fc.source_id FROM citations fc WHERE fc.trade_flow_id = f.id)))
UNION ALL

SELECT 'indicator' AS fact_kind, g.group_name || ' (' || f.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       g.lowest, g.highest, CASE WHEN g.lowest > 0 THEN round((g.highest - g.lowest) * 100.0 / g.lowest, 1) END AS spread_percent, g.variant_count,
       ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT metric, country_id, partner_country_id, organization_id, project_id, period_start, period_end, unit, is_target, min(value) AS lowest, max(value) AS highest, count(*) AS variant_count,
           min(name) AS group_name
    FROM indicators
    WHERE review_status IN ('curated', 'extracted', 'accepted')
    GROUP BY metric, country_id, partner_country_id, organization_id, project_id, period_start, period_end, unit, is_target
    HAVING min(value) <> max(value) OR min(value_qualifier) <> max(value_qualifier)
) AS g
JOIN indicators f ON f.metric = g.metric AND (f.country_id = g.country_id OR (f.country_id IS NULL AND g.country_id IS NULL)) AND (f.partner_country_id = g.partner_country_id OR (f.partner_country_id IS NULL AND g.partner_country_id IS NULL)) AND (f.organization_id = g.organization_id OR (f.organization_id IS NULL AND g.organization_id IS NULL)) AND (f.project_id = g.project_id OR (f.project_id IS NULL AND g.project_id IS NULL)) AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'extracted', 'accepted')

JOIN citations ci ON ci.indicator_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM indicators o
    WHERE o.metric = f.metric AND (o.country_id = f.country_id OR (o.country_id IS NULL AND f.country_id IS NULL)) AND (o.partner_country_id = f.partner_country_id OR (o.partner_country_id IS NULL AND f.partner_country_id IS NULL)) AND (o.organization_id = f.organization_id OR (o.organization_id IS NULL AND f.organization_id IS NULL)) AND (o.project_id = f.project_id OR (o.project_id IS NULL AND f.project_id IS NULL)) AND (o.period_start = f.period_start OR (o.period_start IS NULL AND f.period_start IS NULL)) AND (o.period_end = f.period_end OR (o.period_end IS NULL AND f.period_end IS NULL)) AND o.unit = f.unit AND o.is_target = f.is_target AND o.id <> f.id AND o.review_status IN ('curated', 'extracted', 'accepted')
      AND (o.value <> f.value OR o.value_qualifier <> f.value_qualifier)
      AND NOT EXISTS (
        SELECT 1 FROM citations oc
        WHERE oc.indicator_id = o.id
          AND oc.source_id IN (
            SELECT fc.source_id FROM citations fc WHERE fc.indicator_id = f.id)))
UNION ALL

SELECT 'agreement' AS fact_kind, f.title AS subject,
       f.id AS fact_id, f.key AS fact_key, f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM agreements f
JOIN (
    SELECT agreement_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE agreement_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY agreement_id
    HAVING count(DISTINCT stated_value) > 1
) AS v ON v.fact_id = f.id
JOIN citations ci ON ci.agreement_id = f.id AND ci.stated_value IS NOT NULL
JOIN sources s ON s.id = ci.source_id
WHERE f.review_status IN ('curated', 'extracted', 'accepted')
UNION ALL

SELECT 'project' AS fact_kind, f.name AS subject,
       f.id AS fact_id, f.key AS fact_key, f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM projects f
JOIN (
    SELECT project_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE project_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY project_id
    HAVING count(DISTINCT stated_value) > 1
) AS v ON v.fact_id = f.id
JOIN citations ci ON ci.project_id = f.id AND ci.stated_value IS NOT NULL
JOIN sources s ON s.id = ci.source_id
WHERE f.review_status IN ('curated', 'extracted', 'accepted')
UNION ALL

SELECT 'event' AS fact_kind, f.title AS subject,
       f.id AS fact_id, f.key AS fact_key, NULL, NULL, NULL, f.start_date, f.end_date, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM events f
JOIN (
    SELECT event_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE event_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY event_id
    HAVING count(DISTINCT stated_value) > 1
) AS v ON v.fact_id = f.id
JOIN citations ci ON ci.event_id = f.id AND ci.stated_value IS NOT NULL
JOIN sources s ON s.id = ci.source_id
WHERE f.review_status IN ('curated', 'extracted', 'accepted')
;
CREATE VIEW project_overview AS SELECT pj.id AS project_id, pj.key, pj.name, pj.kind, se.name AS sector,
       COALESCE(parent.name, se.name) AS sector_group, pj.status, pj.start_year, pj.end_year,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT hc.name AS sort_key, hc.name AS item FROM project_countries hpc JOIN countries hc ON hc.id = hpc.country_id WHERE hpc.project_id = pj.id AND hpc.role = 'host') AS items) AS host_countries, (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT cc.name || ' (' || cpc.role || ')' AS sort_key, cc.name || ' (' || cpc.role || ')' AS item FROM project_countries cpc JOIN countries cc ON cc.id = cpc.country_id WHERE cpc.project_id = pj.id) AS items) AS countries, (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT oo.name || ' (' || po.role || ')' AS sort_key, oo.name || ' (' || po.role || ')' AS item FROM project_organizations po JOIN organizations oo ON oo.id = po.organization_id WHERE po.project_id = pj.id) AS items) AS organizations,
       pj.value_amount, pj.value_currency, pj.value_qualifier, pj.value_usd,
       (SELECT count(*) FROM agreements pa WHERE pa.project_id = pj.id AND pa.review_status IN ('curated', 'accepted'))
           AS agreement_count,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.project_id = pj.id) AS source_count,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT pa.alias AS sort_key, pa.alias AS item FROM project_aliases pa WHERE pa.project_id = pj.id) AS items) AS aliases, pj.description, pj.review_status
FROM projects pj
LEFT JOIN sectors se ON se.id = pj.sector_id
LEFT JOIN sectors parent ON parent.id = se.parent_id
WHERE pj.review_status IN ('curated', 'accepted')
;
CREATE VIEW project_overview_all AS SELECT pj.id AS project_id, pj.key, pj.name, pj.kind, se.name AS sector,
       COALESCE(parent.name, se.name) AS sector_group, pj.status, pj.start_year, pj.end_year,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT hc.name AS sort_key, hc.name AS item FROM project_countries hpc JOIN countries hc ON hc.id = hpc.country_id WHERE hpc.project_id = pj.id AND hpc.role = 'host') AS items) AS host_countries, (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT cc.name || ' (' || cpc.role || ')' AS sort_key, cc.name || ' (' || cpc.role || ')' AS item FROM project_countries cpc JOIN countries cc ON cc.id = cpc.country_id WHERE cpc.project_id = pj.id) AS items) AS countries, (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT oo.name || ' (' || po.role || ')' AS sort_key, oo.name || ' (' || po.role || ')' AS item FROM project_organizations po JOIN organizations oo ON oo.id = po.organization_id WHERE po.project_id = pj.id) AS items) AS organizations,
       pj.value_amount, pj.value_currency, pj.value_qualifier, pj.value_usd,
       (SELECT count(*) FROM agreements pa WHERE pa.project_id = pj.id AND pa.review_status IN ('curated', 'extracted', 'accepted'))
           AS agreement_count,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.project_id = pj.id) AS source_count,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT pa.alias AS sort_key, pa.alias AS item FROM project_aliases pa WHERE pa.project_id = pj.id) AS items) AS aliases, pj.description, pj.review_status
FROM projects pj
LEFT JOIN sectors se ON se.id = pj.sector_id
LEFT JOIN sectors parent ON parent.id = se.parent_id
WHERE pj.review_status IN ('curated', 'extracted', 'accepted')
;
CREATE VIEW event_timeline AS SELECT e.id AS event_id, e.key, e.start_date, e.end_date, e.date_precision,
       CAST(EXTRACT(YEAR FROM e.start_date) AS INTEGER) AS year, e.kind, e.title, e.place, c.name AS country,
       e.sequence_number, pe.title AS part_of_event,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM event_participants pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.event_id = e.id) AS items) AS participants,
       (SELECT count(*) FROM event_participants ep WHERE ep.event_id = e.id) AS participant_count,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.event_id = e.id) AS source_count,
       e.description, e.review_status
FROM events e
LEFT JOIN countries c ON c.id = e.country_id
LEFT JOIN events pe ON pe.id = e.parent_event_id
WHERE e.review_status IN ('curated', 'accepted')
ORDER BY CASE WHEN e.start_date IS NULL THEN 1 ELSE 0 END, e.start_date, e.id
;
CREATE VIEW event_timeline_all AS SELECT e.id AS event_id, e.key, e.start_date, e.end_date, e.date_precision,
       CAST(EXTRACT(YEAR FROM e.start_date) AS INTEGER) AS year, e.kind, e.title, e.place, c.name AS country,
       e.sequence_number, pe.title AS part_of_event,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM event_participants pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.event_id = e.id) AS items) AS participants,
       (SELECT count(*) FROM event_participants ep WHERE ep.event_id = e.id) AS participant_count,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.event_id = e.id) AS source_count,
       e.description, e.review_status
FROM events e
LEFT JOIN countries c ON c.id = e.country_id
LEFT JOIN events pe ON pe.id = e.parent_event_id
WHERE e.review_status IN ('curated', 'extracted', 'accepted')
ORDER BY CASE WHEN e.start_date IS NULL THEN 1 ELSE 0 END, e.start_date, e.id
;
CREATE VIEW source_facts AS SELECT s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date,
       CASE WHEN ci.event_id IS NOT NULL THEN 'event' WHEN ci.agreement_id IS NOT NULL THEN 'agreement' WHEN ci.trade_flow_id IS NOT NULL THEN 'trade_flow' WHEN ci.project_id IS NOT NULL THEN 'project' WHEN ci.indicator_id IS NOT NULL THEN 'indicator' END AS fact_kind,
       COALESCE(ci.event_id, ci.agreement_id, ci.trade_flow_id, ci.project_id, ci.indicator_id) AS fact_id,
       COALESCE(fe.key, fa.key, ft.key, fp.key, fi.key) AS fact_key,
       COALESCE(fe.title, fa.title, ftr.name || '–' || ftp.name || ' ' || ft.flow || ' ' || COALESCE(ft.period_label, '') || ': ' || CAST(trim_scale(ft.value) AS TEXT) || ' ' || ft.unit, fp.name, fi.name) AS fact_label,
       ci.id AS citation_id, ci.quote, ci.char_start, ci.char_end, ci.stated_value,
       COALESCE(fe.review_status, fa.review_status, ft.review_status, fp.review_status, fi.review_status) AS review_status
FROM citations ci
JOIN sources s ON s.id = ci.source_id
LEFT JOIN events fe ON fe.id = ci.event_id
LEFT JOIN agreements fa ON fa.id = ci.agreement_id
LEFT JOIN trade_flows ft ON ft.id = ci.trade_flow_id
LEFT JOIN projects fp ON fp.id = ci.project_id
LEFT JOIN indicators fi ON fi.id = ci.indicator_id
LEFT JOIN countries ftr ON ftr.id = ft.reporter_country_id
LEFT JOIN countries ftp ON ftp.id = ft.partner_country_id
WHERE COALESCE(fe.review_status, fa.review_status, ft.review_status, fp.review_status, fi.review_status) IN ('curated', 'accepted')
;
CREATE VIEW source_facts_all AS SELECT s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date,
       CASE WHEN ci.event_id IS NOT NULL THEN 'event' WHEN ci.agreement_id IS NOT NULL THEN 'agreement' WHEN ci.trade_flow_id IS NOT NULL THEN 'trade_flow' WHEN ci.project_id IS NOT NULL THEN 'project' WHEN ci.indicator_id IS NOT NULL THEN 'indicator' END AS fact_kind,
       COALESCE(ci.event_id, ci.agreement_id, ci.trade_flow_id, ci.project_id, ci.indicator_id) AS fact_id,
       COALESCE(fe.key, fa.key, ft.key, fp.key, fi.key) AS fact_key,
       COALESCE(fe.title, fa.title, ftr.name || '–' || ftp.name || ' ' || ft.flow || ' ' || COALESCE(ft.period_label, '') || ': ' || CAST(trim_scale(ft.value) AS TEXT) || ' ' || ft.unit, fp.name, fi.name) AS fact_label,
       ci.id AS citation_id, ci.quote, ci.char_start, ci.char_end, ci.stated_value,
       COALESCE(fe.review_status, fa.review_status, ft.review_status, fp.review_status, fi.review_status) AS review_status
FROM citations ci
JOIN sources s ON s.id = ci.source_id
LEFT JOIN events fe ON fe.id = ci.event_id
LEFT JOIN agreements fa ON fa.id = ci.agreement_id
LEFT JOIN trade_flows ft ON ft.id = ci.trade_flow_id
LEFT JOIN projects fp ON fp.id = ci.project_id
LEFT JOIN indicators fi ON fi.id = ci.indicator_id
LEFT JOIN countries ftr ON ftr.id = ft.reporter_country_id
LEFT JOIN countries ftp ON ftp.id = ft.partner_country_id
WHERE COALESCE(fe.review_status, fa.review_status, ft.review_status, fp.review_status, fi.review_status) IN ('curated', 'extracted', 'accepted')
;
CREATE VIEW mention_counts AS SELECT entity_kind, entity_id, entity_key, entity_name,
       count(DISTINCT source_id) AS source_count, count(*) AS mention_count
FROM (
    SELECT m.source_id, CASE WHEN m.country_id IS NOT NULL THEN 'country' WHEN m.organization_id IS NOT NULL THEN 'organization' WHEN m.person_id IS NOT NULL THEN 'person' WHEN m.project_id IS NOT NULL THEN 'project' END AS entity_kind, COALESCE(m.country_id, m.organization_id, m.person_id, m.project_id) AS entity_id,
           COALESCE(mc.iso3, mo.key, mp.key, mj.key) AS entity_key, COALESCE(mc.name, mo.name, mp.name, mj.name) AS entity_name
    FROM mentions m
    LEFT JOIN countries mc ON mc.id = m.country_id
LEFT JOIN organizations mo ON mo.id = m.organization_id
LEFT JOIN people mp ON mp.id = m.person_id
LEFT JOIN projects mj ON mj.id = m.project_id
) AS named
GROUP BY entity_kind, entity_id, entity_key, entity_name
;
COMMENT ON VIEW deals IS 'Each agreement in one row: parties, countries, sectors, event, package, value as stated and in USD, and its number of sources.'
;
COMMENT ON COLUMN deals.agreement_id IS 'The agreement (agreements.id).'
;
COMMENT ON COLUMN deals.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN deals.title IS 'What was agreed, in a short title.'
;
COMMENT ON COLUMN deals.kind IS 'What sort of agreement. Values: treaty, intergovernmental, memorandum, commercial_contract, loan, investment, package (several documents counted together), declaration, other.'
;
COMMENT ON COLUMN deals.status IS 'How far the agreement got. Values: signed, announced, awarded, pledged, proposed.'
;
COMMENT ON COLUMN deals.document_count IS 'Number of documents: 1 for a single agreement, 58 for a package of 58.'
;
COMMENT ON COLUMN deals.signed_date IS 'Date signed or announced (first of the month or year when less precise).'
;
COMMENT ON COLUMN deals.signed_date_precision IS 'Precision of signed_date as stated. Values: day, month, year.'
;
COMMENT ON COLUMN deals.signed_year IS 'Year of signed_date, as a number (2025).'
;
COMMENT ON COLUMN deals.parties IS 'Every party with its role in brackets, sorted, joined by ''; '' (China National Nuclear Corporation (contractor); Kazakhstan (party)).'
;
COMMENT ON COLUMN deals.countries IS 'Names of the countries involved, sorted, joined by ''; '': each country that is a party, and the country of each organisation and person that is a party.'
;
COMMENT ON COLUMN deals.sectors IS 'Names of the sectors it covers, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN deals.event_id IS 'The event at which it was signed or announced.'
;
COMMENT ON COLUMN deals.event_title IS 'Title of the event at which it was signed or announced.'
;
COMMENT ON COLUMN deals.part_of_agreement_id IS 'The package this agreement is one of (the $1 billion CNPC deal within the $1.5 billion of oil and gas deals). Totals count top-level agreements only, so a component is never added to its package twice.'
;
COMMENT ON COLUMN deals.part_of_key IS 'Key of the package it is part of.'
;
COMMENT ON COLUMN deals.part_of_title IS 'Title of the package it is part of.'
;
COMMENT ON COLUMN deals.is_top_level IS '1 when it is not part of a package, else 0. Sum values over top-level deals only, so a component is never added to its package twice.'
;
COMMENT ON COLUMN deals.project_id IS 'The project it concerns, if one.'
;
COMMENT ON COLUMN deals.project_name IS 'Name of the project it concerns.'
;
COMMENT ON COLUMN deals.value_amount IS 'The amount as stated, in units of value_currency (24 billion = 24000000000).'
;
COMMENT ON COLUMN deals.value_currency IS 'ISO 4217 code of the stated amount (USD, CNY, KZT).'
;
COMMENT ON COLUMN deals.value_qualifier IS 'How the source qualified the figure (over $1 billion: over). Values: exact, over, about, nearly, up_to, at_least, under.'
;
COMMENT ON COLUMN deals.value_usd IS 'The figure converted through currency_rates; NULL when it is not money or no rate covers its date. Unit: USD.'
;
COMMENT ON COLUMN deals.source_count IS 'Number of distinct sources that cite it.'
;
COMMENT ON COLUMN deals.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW deals_all IS 'Each agreement in one row: parties, countries, sectors, event, package, value as stated and in USD, and its number of sources. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN deals_all.agreement_id IS 'The agreement (agreements.id).'
;
COMMENT ON COLUMN deals_all.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN deals_all.title IS 'What was agreed, in a short title.'
;
COMMENT ON COLUMN deals_all.kind IS 'What sort of agreement. Values: treaty, intergovernmental, memorandum, commercial_contract, loan, investment, package (several documents counted together), declaration, other.'
;
COMMENT ON COLUMN deals_all.status IS 'How far the agreement got. Values: signed, announced, awarded, pledged, proposed.'
;
COMMENT ON COLUMN deals_all.document_count IS 'Number of documents: 1 for a single agreement, 58 for a package of 58.'
;
COMMENT ON COLUMN deals_all.signed_date IS 'Date signed or announced (first of the month or year when less precise).'
;
COMMENT ON COLUMN deals_all.signed_date_precision IS 'Precision of signed_date as stated. Values: day, month, year.'
;
COMMENT ON COLUMN deals_all.signed_year IS 'Year of signed_date, as a number (2025).'
;
COMMENT ON COLUMN deals_all.parties IS 'Every party with its role in brackets, sorted, joined by ''; '' (China National Nuclear Corporation (contractor); Kazakhstan (party)).'
;
COMMENT ON COLUMN deals_all.countries IS 'Names of the countries involved, sorted, joined by ''; '': each country that is a party, and the country of each organisation and person that is a party.'
;
COMMENT ON COLUMN deals_all.sectors IS 'Names of the sectors it covers, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN deals_all.event_id IS 'The event at which it was signed or announced.'
;
COMMENT ON COLUMN deals_all.event_title IS 'Title of the event at which it was signed or announced.'
;
COMMENT ON COLUMN deals_all.part_of_agreement_id IS 'The package this agreement is one of (the $1 billion CNPC deal within the $1.5 billion of oil and gas deals). Totals count top-level agreements only, so a component is never added to its package twice.'
;
COMMENT ON COLUMN deals_all.part_of_key IS 'Key of the package it is part of.'
;
COMMENT ON COLUMN deals_all.part_of_title IS 'Title of the package it is part of.'
;
COMMENT ON COLUMN deals_all.is_top_level IS '1 when it is not part of a package, else 0. Sum values over top-level deals only, so a component is never added to its package twice.'
;
COMMENT ON COLUMN deals_all.project_id IS 'The project it concerns, if one.'
;
COMMENT ON COLUMN deals_all.project_name IS 'Name of the project it concerns.'
;
COMMENT ON COLUMN deals_all.value_amount IS 'The amount as stated, in units of value_currency (24 billion = 24000000000).'
;
COMMENT ON COLUMN deals_all.value_currency IS 'ISO 4217 code of the stated amount (USD, CNY, KZT).'
;
COMMENT ON COLUMN deals_all.value_qualifier IS 'How the source qualified the figure (over $1 billion: over). Values: exact, over, about, nearly, up_to, at_least, under.'
;
COMMENT ON COLUMN deals_all.value_usd IS 'The figure converted through currency_rates; NULL when it is not money or no rate covers its date. Unit: USD.'
;
COMMENT ON COLUMN deals_all.source_count IS 'Number of distinct sources that cite it.'
;
COMMENT ON COLUMN deals_all.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
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
COMMENT ON VIEW trade_flow_claims IS 'Trade claims with country names, period, value in USD, qualifier, attribution and the source stating it: one row per claim and citing source.'
;
COMMENT ON COLUMN trade_flow_claims.trade_flow_id IS 'The claim (trade_flows.id).'
;
COMMENT ON COLUMN trade_flow_claims.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN trade_flow_claims.reporter_iso3 IS 'ISO alpha-3 code of the reporter (KAZ).'
;
COMMENT ON COLUMN trade_flow_claims.reporter IS 'Name of the reporter (Kazakhstan).'
;
COMMENT ON COLUMN trade_flow_claims.partner_iso3 IS 'ISO alpha-3 code of the partner (CHN).'
;
COMMENT ON COLUMN trade_flow_claims.partner IS 'Name of the partner (China).'
;
COMMENT ON COLUMN trade_flow_claims.period_start IS 'First day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_claims.period_end IS 'Last day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_claims.period_label IS 'The period as a label: 2024, or 2025-01..2025-04 for four months.'
;
COMMENT ON COLUMN trade_flow_claims.period_year IS 'Year of period_start, as a number (2024).'
;
COMMENT ON COLUMN trade_flow_claims.flow IS 'Which way the goods go, from the reporter''s side. Values: turnover (both ways), exports, imports, transit.'
;
COMMENT ON COLUMN trade_flow_claims.measure IS 'What the figure measures. Values: value (money), share (percent of the reporter''s total for that flow), volume (goods).'
;
COMMENT ON COLUMN trade_flow_claims.value IS 'The figure in unit: 30050000000 for $30.05 billion, 15.5 for 15.5%.'
;
COMMENT ON COLUMN trade_flow_claims.unit IS 'The unit of value: an ISO 4217 currency code (USD) or percent, tonnes, containers.'
;
COMMENT ON COLUMN trade_flow_claims.value_qualifier IS 'How the source qualified the figure (over $1 billion: over). Values: exact, over, about, nearly, up_to, at_least, under.'
;
COMMENT ON COLUMN trade_flow_claims.value_usd IS 'The figure converted through currency_rates; NULL when it is not money or no rate covers its date. Unit: USD.'
;
COMMENT ON COLUMN trade_flow_claims.attributed_to IS 'Name of the person or organisation the source attributes the figure to.'
;
COMMENT ON COLUMN trade_flow_claims.source_id IS 'The article that states the fact.'
;
COMMENT ON COLUMN trade_flow_claims.source_key IS 'Stable key, the file stem for seed articles.'
;
COMMENT ON COLUMN trade_flow_claims.source_title IS 'Headline as the article gives it.'
;
COMMENT ON COLUMN trade_flow_claims.source_published_date IS 'Publication date (first day of the month or year when less precise).'
;
COMMENT ON COLUMN trade_flow_claims.stated_value IS 'The value as this source words it, kept when sources disagree (18-19 May, 2023).'
;
COMMENT ON COLUMN trade_flow_claims.quote IS 'Verbatim quote: exactly sources.body_text[char_start:char_end].'
;
COMMENT ON COLUMN trade_flow_claims.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW trade_flow_claims_all IS 'Trade claims with country names, period, value in USD, qualifier, attribution and the source stating it: one row per claim and citing source. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN trade_flow_claims_all.trade_flow_id IS 'The claim (trade_flows.id).'
;
COMMENT ON COLUMN trade_flow_claims_all.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN trade_flow_claims_all.reporter_iso3 IS 'ISO alpha-3 code of the reporter (KAZ).'
;
COMMENT ON COLUMN trade_flow_claims_all.reporter IS 'Name of the reporter (Kazakhstan).'
;
COMMENT ON COLUMN trade_flow_claims_all.partner_iso3 IS 'ISO alpha-3 code of the partner (CHN).'
;
COMMENT ON COLUMN trade_flow_claims_all.partner IS 'Name of the partner (China).'
;
COMMENT ON COLUMN trade_flow_claims_all.period_start IS 'First day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_claims_all.period_end IS 'Last day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_claims_all.period_label IS 'The period as a label: 2024, or 2025-01..2025-04 for four months.'
;
COMMENT ON COLUMN trade_flow_claims_all.period_year IS 'Year of period_start, as a number (2024).'
;
COMMENT ON COLUMN trade_flow_claims_all.flow IS 'Which way the goods go, from the reporter''s side. Values: turnover (both ways), exports, imports, transit.'
;
COMMENT ON COLUMN trade_flow_claims_all.measure IS 'What the figure measures. Values: value (money), share (percent of the reporter''s total for that flow), volume (goods).'
;
COMMENT ON COLUMN trade_flow_claims_all.value IS 'The figure in unit: 30050000000 for $30.05 billion, 15.5 for 15.5%.'
;
COMMENT ON COLUMN trade_flow_claims_all.unit IS 'The unit of value: an ISO 4217 currency code (USD) or percent, tonnes, containers.'
;
COMMENT ON COLUMN trade_flow_claims_all.value_qualifier IS 'How the source qualified the figure (over $1 billion: over). Values: exact, over, about, nearly, up_to, at_least, under.'
;
COMMENT ON COLUMN trade_flow_claims_all.value_usd IS 'The figure converted through currency_rates; NULL when it is not money or no rate covers its date. Unit: USD.'
;
COMMENT ON COLUMN trade_flow_claims_all.attributed_to IS 'Name of the person or organisation the source attributes the figure to.'
;
COMMENT ON COLUMN trade_flow_claims_all.source_id IS 'The article that states the fact.'
;
COMMENT ON COLUMN trade_flow_claims_all.source_key IS 'Stable key, the file stem for seed articles.'
;
COMMENT ON COLUMN trade_flow_claims_all.source_title IS 'Headline as the article gives it.'
;
COMMENT ON COLUMN trade_flow_claims_all.source_published_date IS 'Publication date (first day of the month or year when less precise).'
;
COMMENT ON COLUMN trade_flow_claims_all.stated_value IS 'The value as this source words it, kept when sources disagree (18-19 May, 2023).'
;
COMMENT ON COLUMN trade_flow_claims_all.quote IS 'Verbatim quote: exactly sources.body_text[char_start:char_end].'
;
COMMENT ON COLUMN trade_flow_claims_all.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW trade_flow_consensus IS 'Trade claims grouped across sources: per reporter, partner, period, flow, measure and unit, the number of sources, the lowest and highest figure, the spread and the values.'
;
COMMENT ON COLUMN trade_flow_consensus.reporter_iso3 IS 'ISO alpha-3 code of the reporter (KAZ).'
;
COMMENT ON COLUMN trade_flow_consensus.reporter IS 'Name of the reporter (Kazakhstan).'
;
COMMENT ON COLUMN trade_flow_consensus.partner_iso3 IS 'ISO alpha-3 code of the partner (CHN).'
;
COMMENT ON COLUMN trade_flow_consensus.partner IS 'Name of the partner (China).'
;
COMMENT ON COLUMN trade_flow_consensus.period_start IS 'First day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_consensus.period_end IS 'Last day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_consensus.period_label IS 'The period as a label: 2024, or 2025-01..2025-04 for four months.'
;
COMMENT ON COLUMN trade_flow_consensus.period_year IS 'Year of period_start, as a number (2024).'
;
COMMENT ON COLUMN trade_flow_consensus.flow IS 'Which way the goods go, from the reporter''s side. Values: turnover (both ways), exports, imports, transit.'
;
COMMENT ON COLUMN trade_flow_consensus.measure IS 'What the figure measures. Values: value (money), share (percent of the reporter''s total for that flow), volume (goods).'
;
COMMENT ON COLUMN trade_flow_consensus.unit IS 'The unit of value: an ISO 4217 currency code (USD) or percent, tonnes, containers.'
;
COMMENT ON COLUMN trade_flow_consensus.source_count IS 'Number of distinct sources stating a figure for this reporter, partner, period, flow, measure and unit.'
;
COMMENT ON COLUMN trade_flow_consensus.claim_count IS 'Number of claims (trade_flows rows) in the group.'
;
COMMENT ON COLUMN trade_flow_consensus.lowest IS 'The lowest figure any source states, in unit.'
;
COMMENT ON COLUMN trade_flow_consensus.highest IS 'The highest figure any source states, in unit.'
;
COMMENT ON COLUMN trade_flow_consensus.spread_percent IS '(highest - lowest) / lowest x 100, rounded to one decimal; 0 when all agree.'
;
COMMENT ON COLUMN trade_flow_consensus.value_list IS 'Every distinct figure in unit, ascending, joined by ''; '' (30050000000; 43800000000; 44000000000).'
;
COMMENT ON VIEW trade_flow_consensus_all IS 'Trade claims grouped across sources: per reporter, partner, period, flow, measure and unit, the number of sources, the lowest and highest figure, the spread and the values. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN trade_flow_consensus_all.reporter_iso3 IS 'ISO alpha-3 code of the reporter (KAZ).'
;
COMMENT ON COLUMN trade_flow_consensus_all.reporter IS 'Name of the reporter (Kazakhstan).'
;
COMMENT ON COLUMN trade_flow_consensus_all.partner_iso3 IS 'ISO alpha-3 code of the partner (CHN).'
;
COMMENT ON COLUMN trade_flow_consensus_all.partner IS 'Name of the partner (China).'
;
COMMENT ON COLUMN trade_flow_consensus_all.period_start IS 'First day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_consensus_all.period_end IS 'Last day of the period the figure covers.'
;
COMMENT ON COLUMN trade_flow_consensus_all.period_label IS 'The period as a label: 2024, or 2025-01..2025-04 for four months.'
;
COMMENT ON COLUMN trade_flow_consensus_all.period_year IS 'Year of period_start, as a number (2024).'
;
COMMENT ON COLUMN trade_flow_consensus_all.flow IS 'Which way the goods go, from the reporter''s side. Values: turnover (both ways), exports, imports, transit.'
;
COMMENT ON COLUMN trade_flow_consensus_all.measure IS 'What the figure measures. Values: value (money), share (percent of the reporter''s total for that flow), volume (goods).'
;
COMMENT ON COLUMN trade_flow_consensus_all.unit IS 'The unit of value: an ISO 4217 currency code (USD) or percent, tonnes, containers.'
;
COMMENT ON COLUMN trade_flow_consensus_all.source_count IS 'Number of distinct sources stating a figure for this reporter, partner, period, flow, measure and unit.'
;
COMMENT ON COLUMN trade_flow_consensus_all.claim_count IS 'Number of claims (trade_flows rows) in the group.'
;
COMMENT ON COLUMN trade_flow_consensus_all.lowest IS 'The lowest figure any source states, in unit.'
;
COMMENT ON COLUMN trade_flow_consensus_all.highest IS 'The highest figure any source states, in unit.'
;
COMMENT ON COLUMN trade_flow_consensus_all.spread_percent IS '(highest - lowest) / lowest x 100, rounded to one decimal; 0 when all agree.'
;
COMMENT ON COLUMN trade_flow_consensus_all.value_list IS 'Every distinct figure in unit, ascending, joined by ''; '' (30050000000; 43800000000; 44000000000).'
;
COMMENT ON VIEW disagreements IS 'Every fact on which sources disagree, one row per fact and citing source with the value as that source states it: trade figures and indicators that another source states with another value or qualifier (Kazakhstan–China turnover in 2024: $30.05bn, $43.8bn, $44bn), and agreements, projects and events whose citations word their value or date differently (19 May 2023 vs 18-19 May, 2023).'
;
COMMENT ON COLUMN disagreements.fact_kind IS 'What kind of fact: trade_flow, indicator, agreement, project or event.'
;
COMMENT ON COLUMN disagreements.subject IS 'What the sources disagree about: for figures the group (Kazakhstan–China turnover, 2024 (USD)); for other facts their title or name.'
;
COMMENT ON COLUMN disagreements.fact_id IS 'The fact''s id in the table named by fact_kind.'
;
COMMENT ON COLUMN disagreements.fact_key IS 'The fact''s key in the table named by fact_kind.'
;
COMMENT ON COLUMN disagreements.value IS 'The fact''s figure (trade flows, indicators) or stated amount (agreements, projects); NULL for events.'
;
COMMENT ON COLUMN disagreements.unit IS 'The unit of value: a currency (USD), percent, count …'
;
COMMENT ON COLUMN disagreements.value_qualifier IS 'How the figure was qualified: exact, over, about …'
;
COMMENT ON COLUMN disagreements.start_date IS 'For events: the first day as recorded.'
;
COMMENT ON COLUMN disagreements.end_date IS 'For events: the last day as recorded.'
;
COMMENT ON COLUMN disagreements.lowest IS 'For figures: the lowest value in the group.'
;
COMMENT ON COLUMN disagreements.highest IS 'For figures: the highest value in the group.'
;
COMMENT ON COLUMN disagreements.spread_percent IS 'For figures: (highest - lowest) / lowest x 100, rounded to one decimal.'
;
COMMENT ON COLUMN disagreements.variant_count IS 'For figures: the claims in the group; for other facts: the distinct wordings of the value (stated_value) among its citations.'
;
COMMENT ON COLUMN disagreements.stated_value IS 'The value as this source words it, kept when sources disagree (18-19 May, 2023).'
;
COMMENT ON COLUMN disagreements.source_id IS 'The article that states the fact.'
;
COMMENT ON COLUMN disagreements.source_key IS 'Stable key, the file stem for seed articles.'
;
COMMENT ON COLUMN disagreements.source_title IS 'Headline as the article gives it.'
;
COMMENT ON COLUMN disagreements.source_published_date IS 'Publication date (first day of the month or year when less precise).'
;
COMMENT ON COLUMN disagreements.quote IS 'Verbatim quote: exactly sources.body_text[char_start:char_end].'
;
COMMENT ON COLUMN disagreements.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW disagreements_all IS 'Every fact on which sources disagree, one row per fact and citing source with the value as that source states it: trade figures and indicators that another source states with another value or qualifier (Kazakhstan–China turnover in 2024: $30.05bn, $43.8bn, $44bn), and agreements, projects and events whose citations word their value or date differently (19 May 2023 vs 18-19 May, 2023). This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN disagreements_all.fact_kind IS 'What kind of fact: trade_flow, indicator, agreement, project or event.'
;
COMMENT ON COLUMN disagreements_all.subject IS 'What the sources disagree about: for figures the group (Kazakhstan–China turnover, 2024 (USD)); for other facts their title or name.'
;
COMMENT ON COLUMN disagreements_all.fact_id IS 'The fact''s id in the table named by fact_kind.'
;
COMMENT ON COLUMN disagreements_all.fact_key IS 'The fact''s key in the table named by fact_kind.'
;
COMMENT ON COLUMN disagreements_all.value IS 'The fact''s figure (trade flows, indicators) or stated amount (agreements, projects); NULL for events.'
;
COMMENT ON COLUMN disagreements_all.unit IS 'The unit of value: a currency (USD), percent, count …'
;
COMMENT ON COLUMN disagreements_all.value_qualifier IS 'How the figure was qualified: exact, over, about …'
;
COMMENT ON COLUMN disagreements_all.start_date IS 'For events: the first day as recorded.'
;
COMMENT ON COLUMN disagreements_all.end_date IS 'For events: the last day as recorded.'
;
COMMENT ON COLUMN disagreements_all.lowest IS 'For figures: the lowest value in the group.'
;
COMMENT ON COLUMN disagreements_all.highest IS 'For figures: the highest value in the group.'
;
COMMENT ON COLUMN disagreements_all.spread_percent IS 'For figures: (highest - lowest) / lowest x 100, rounded to one decimal.'
;
COMMENT ON COLUMN disagreements_all.variant_count IS 'For figures: the claims in the group; for other facts: the distinct wordings of the value (stated_value) among its citations.'
;
COMMENT ON COLUMN disagreements_all.stated_value IS 'The value as this source words it, kept when sources disagree (18-19 May, 2023).'
;
COMMENT ON COLUMN disagreements_all.source_id IS 'The article that states the fact.'
;
COMMENT ON COLUMN disagreements_all.source_key IS 'Stable key, the file stem for seed articles.'
;
COMMENT ON COLUMN disagreements_all.source_title IS 'Headline as the article gives it.'
;
COMMENT ON COLUMN disagreements_all.source_published_date IS 'Publication date (first day of the month or year when less precise).'
;
COMMENT ON COLUMN disagreements_all.quote IS 'Verbatim quote: exactly sources.body_text[char_start:char_end].'
;
COMMENT ON COLUMN disagreements_all.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW project_overview IS 'Each project in one row: sector, status, years, countries and organisations with their roles, value, and its numbers of agreements and sources.'
;
COMMENT ON COLUMN project_overview.project_id IS 'The project (projects.id).'
;
COMMENT ON COLUMN project_overview.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN project_overview.name IS 'Usual English name (China–Kyrgyzstan–Uzbekistan railway).'
;
COMMENT ON COLUMN project_overview.kind IS 'What sort of project. Values: railway, road, dry_port, logistics_centre, pipeline, power_plant, nuclear_plant, gas_chemical_plant, industrial_plant, mine, ict_centre, flight_route, transport_route, corridor, workshop, fund, research_centre, other.'
;
COMMENT ON COLUMN project_overview.sector IS 'Name of its main sector.'
;
COMMENT ON COLUMN project_overview.sector_group IS 'Name of the broader sector (Energy for Oil and gas); the sector itself at the top level.'
;
COMMENT ON COLUMN project_overview.status IS 'Where the project stands. Values: proposed, planned, agreed, under_construction, operational, completed, cancelled.'
;
COMMENT ON COLUMN project_overview.start_year IS 'Year the project was launched or is due to start.'
;
COMMENT ON COLUMN project_overview.end_year IS 'Year the project was or is due to be completed.'
;
COMMENT ON COLUMN project_overview.host_countries IS 'Names of the host countries, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview.countries IS 'Every country involved with its role in brackets, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview.organizations IS 'Every organisation involved with its role in brackets, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview.value_amount IS 'The amount as stated, in units of value_currency (24 billion = 24000000000).'
;
COMMENT ON COLUMN project_overview.value_currency IS 'ISO 4217 code of the stated amount (USD, CNY, KZT).'
;
COMMENT ON COLUMN project_overview.value_qualifier IS 'How the source qualified the figure (over $1 billion: over). Values: exact, over, about, nearly, up_to, at_least, under.'
;
COMMENT ON COLUMN project_overview.value_usd IS 'The figure converted through currency_rates; NULL when it is not money or no rate covers its date. Unit: USD.'
;
COMMENT ON COLUMN project_overview.agreement_count IS 'Number of counted agreements that concern it.'
;
COMMENT ON COLUMN project_overview.source_count IS 'Number of distinct sources that cite it.'
;
COMMENT ON COLUMN project_overview.aliases IS 'Other names for it, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview.description IS 'What the project is, in a sentence.'
;
COMMENT ON COLUMN project_overview.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW project_overview_all IS 'Each project in one row: sector, status, years, countries and organisations with their roles, value, and its numbers of agreements and sources. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN project_overview_all.project_id IS 'The project (projects.id).'
;
COMMENT ON COLUMN project_overview_all.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN project_overview_all.name IS 'Usual English name (China–Kyrgyzstan–Uzbekistan railway).'
;
COMMENT ON COLUMN project_overview_all.kind IS 'What sort of project. Values: railway, road, dry_port, logistics_centre, pipeline, power_plant, nuclear_plant, gas_chemical_plant, industrial_plant, mine, ict_centre, flight_route, transport_route, corridor, workshop, fund, research_centre, other.'
;
COMMENT ON COLUMN project_overview_all.sector IS 'Name of its main sector.'
;
COMMENT ON COLUMN project_overview_all.sector_group IS 'Name of the broader sector (Energy for Oil and gas); the sector itself at the top level.'
;
COMMENT ON COLUMN project_overview_all.status IS 'Where the project stands. Values: proposed, planned, agreed, under_construction, operational, completed, cancelled.'
;
COMMENT ON COLUMN project_overview_all.start_year IS 'Year the project was launched or is due to start.'
;
COMMENT ON COLUMN project_overview_all.end_year IS 'Year the project was or is due to be completed.'
;
COMMENT ON COLUMN project_overview_all.host_countries IS 'Names of the host countries, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview_all.countries IS 'Every country involved with its role in brackets, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview_all.organizations IS 'Every organisation involved with its role in brackets, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview_all.value_amount IS 'The amount as stated, in units of value_currency (24 billion = 24000000000).'
;
COMMENT ON COLUMN project_overview_all.value_currency IS 'ISO 4217 code of the stated amount (USD, CNY, KZT).'
;
COMMENT ON COLUMN project_overview_all.value_qualifier IS 'How the source qualified the figure (over $1 billion: over). Values: exact, over, about, nearly, up_to, at_least, under.'
;
COMMENT ON COLUMN project_overview_all.value_usd IS 'The figure converted through currency_rates; NULL when it is not money or no rate covers its date. Unit: USD.'
;
COMMENT ON COLUMN project_overview_all.agreement_count IS 'Number of counted agreements that concern it.'
;
COMMENT ON COLUMN project_overview_all.source_count IS 'Number of distinct sources that cite it.'
;
COMMENT ON COLUMN project_overview_all.aliases IS 'Other names for it, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN project_overview_all.description IS 'What the project is, in a sentence.'
;
COMMENT ON COLUMN project_overview_all.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW event_timeline IS 'Events in date order with their place, host country and participants.'
;
COMMENT ON COLUMN event_timeline.event_id IS 'The event (events.id).'
;
COMMENT ON COLUMN event_timeline.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN event_timeline.start_date IS 'First day (first of the month or year when less precise).'
;
COMMENT ON COLUMN event_timeline.end_date IS 'Last day; equals start_date for one day.'
;
COMMENT ON COLUMN event_timeline.date_precision IS 'Precision of start_date and end_date as stated. Values: day, month, year.'
;
COMMENT ON COLUMN event_timeline.year IS 'Year of start_date, as a number (2025).'
;
COMMENT ON COLUMN event_timeline.kind IS 'What sort of event. Values: summit, state_visit, working_visit, bilateral_meeting, forum, business_council, phone_call, parade, conference, announcement, other.'
;
COMMENT ON COLUMN event_timeline.title IS 'Name of the event (Second China–Central Asia Summit).'
;
COMMENT ON COLUMN event_timeline.place IS 'City or venue (Astana).'
;
COMMENT ON COLUMN event_timeline.country IS 'Name of the country where it was held.'
;
COMMENT ON COLUMN event_timeline.sequence_number IS 'Ordinal of a recurring event: 2 for the second summit, 25 for the 25th.'
;
COMMENT ON COLUMN event_timeline.part_of_event IS 'Title of the event it took place on the sidelines of.'
;
COMMENT ON COLUMN event_timeline.participants IS 'Every participant (country, organisation or person) with its role in brackets, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN event_timeline.participant_count IS 'Number of participants recorded.'
;
COMMENT ON COLUMN event_timeline.source_count IS 'Number of distinct sources that cite it.'
;
COMMENT ON COLUMN event_timeline.description IS 'What happened, in a sentence.'
;
COMMENT ON COLUMN event_timeline.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW event_timeline_all IS 'Events in date order with their place, host country and participants. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN event_timeline_all.event_id IS 'The event (events.id).'
;
COMMENT ON COLUMN event_timeline_all.key IS 'Stable natural key (a lower-case slug); seed files and loaders match rows by it.'
;
COMMENT ON COLUMN event_timeline_all.start_date IS 'First day (first of the month or year when less precise).'
;
COMMENT ON COLUMN event_timeline_all.end_date IS 'Last day; equals start_date for one day.'
;
COMMENT ON COLUMN event_timeline_all.date_precision IS 'Precision of start_date and end_date as stated. Values: day, month, year.'
;
COMMENT ON COLUMN event_timeline_all.year IS 'Year of start_date, as a number (2025).'
;
COMMENT ON COLUMN event_timeline_all.kind IS 'What sort of event. Values: summit, state_visit, working_visit, bilateral_meeting, forum, business_council, phone_call, parade, conference, announcement, other.'
;
COMMENT ON COLUMN event_timeline_all.title IS 'Name of the event (Second China–Central Asia Summit).'
;
COMMENT ON COLUMN event_timeline_all.place IS 'City or venue (Astana).'
;
COMMENT ON COLUMN event_timeline_all.country IS 'Name of the country where it was held.'
;
COMMENT ON COLUMN event_timeline_all.sequence_number IS 'Ordinal of a recurring event: 2 for the second summit, 25 for the 25th.'
;
COMMENT ON COLUMN event_timeline_all.part_of_event IS 'Title of the event it took place on the sidelines of.'
;
COMMENT ON COLUMN event_timeline_all.participants IS 'Every participant (country, organisation or person) with its role in brackets, sorted, joined by ''; ''.'
;
COMMENT ON COLUMN event_timeline_all.participant_count IS 'Number of participants recorded.'
;
COMMENT ON COLUMN event_timeline_all.source_count IS 'Number of distinct sources that cite it.'
;
COMMENT ON COLUMN event_timeline_all.description IS 'What happened, in a sentence.'
;
COMMENT ON COLUMN event_timeline_all.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW source_facts IS 'Everything each source states: one row per citation with its fact, quote and character span.'
;
COMMENT ON COLUMN source_facts.source_id IS 'The article that states the fact.'
;
COMMENT ON COLUMN source_facts.source_key IS 'Stable key, the file stem for seed articles.'
;
COMMENT ON COLUMN source_facts.source_title IS 'Headline as the article gives it.'
;
COMMENT ON COLUMN source_facts.source_published_date IS 'Publication date (first day of the month or year when less precise).'
;
COMMENT ON COLUMN source_facts.fact_kind IS 'What kind of fact: event, agreement, trade_flow, project or indicator.'
;
COMMENT ON COLUMN source_facts.fact_id IS 'The fact''s id in the table named by fact_kind.'
;
COMMENT ON COLUMN source_facts.fact_key IS 'The fact''s key in the table named by fact_kind.'
;
COMMENT ON COLUMN source_facts.fact_label IS 'The fact in words: its title or name; for a trade flow reporter–partner, flow, period, value and unit.'
;
COMMENT ON COLUMN source_facts.citation_id IS 'The citation (citations.id).'
;
COMMENT ON COLUMN source_facts.quote IS 'Verbatim quote: exactly sources.body_text[char_start:char_end].'
;
COMMENT ON COLUMN source_facts.char_start IS 'Offset of the span''s first character in sources.body_text (0-based). Unit: characters.'
;
COMMENT ON COLUMN source_facts.char_end IS 'Offset just past the span''s last character. Unit: characters.'
;
COMMENT ON COLUMN source_facts.stated_value IS 'The value as this source words it, kept when sources disagree (18-19 May, 2023).'
;
COMMENT ON COLUMN source_facts.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW source_facts_all IS 'Everything each source states: one row per citation with its fact, quote and character span. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN source_facts_all.source_id IS 'The article that states the fact.'
;
COMMENT ON COLUMN source_facts_all.source_key IS 'Stable key, the file stem for seed articles.'
;
COMMENT ON COLUMN source_facts_all.source_title IS 'Headline as the article gives it.'
;
COMMENT ON COLUMN source_facts_all.source_published_date IS 'Publication date (first day of the month or year when less precise).'
;
COMMENT ON COLUMN source_facts_all.fact_kind IS 'What kind of fact: event, agreement, trade_flow, project or indicator.'
;
COMMENT ON COLUMN source_facts_all.fact_id IS 'The fact''s id in the table named by fact_kind.'
;
COMMENT ON COLUMN source_facts_all.fact_key IS 'The fact''s key in the table named by fact_kind.'
;
COMMENT ON COLUMN source_facts_all.fact_label IS 'The fact in words: its title or name; for a trade flow reporter–partner, flow, period, value and unit.'
;
COMMENT ON COLUMN source_facts_all.citation_id IS 'The citation (citations.id).'
;
COMMENT ON COLUMN source_facts_all.quote IS 'Verbatim quote: exactly sources.body_text[char_start:char_end].'
;
COMMENT ON COLUMN source_facts_all.char_start IS 'Offset of the span''s first character in sources.body_text (0-based). Unit: characters.'
;
COMMENT ON COLUMN source_facts_all.char_end IS 'Offset just past the span''s last character. Unit: characters.'
;
COMMENT ON COLUMN source_facts_all.stated_value IS 'The value as this source words it, kept when sources disagree (18-19 May, 2023).'
;
COMMENT ON COLUMN source_facts_all.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
;
COMMENT ON VIEW mention_counts IS 'How often the articles name each country, organisation, person and project, from mentions: the number of articles and of mentions. Mentions are not facts, so there is no _all variant.'
;
COMMENT ON COLUMN mention_counts.entity_kind IS 'What is named: country, organization, person or project.'
;
COMMENT ON COLUMN mention_counts.entity_id IS 'Its id in the table named by entity_kind.'
;
COMMENT ON COLUMN mention_counts.entity_key IS 'Its readable key: ISO alpha-3 for a country (TKM), else its key (cnpc).'
;
COMMENT ON COLUMN mention_counts.entity_name IS 'Its name (Turkmenistan).'
;
COMMENT ON COLUMN mention_counts.source_count IS 'Number of articles that name it.'
;
COMMENT ON COLUMN mention_counts.mention_count IS 'Number of times the articles name it, all together.'
;
