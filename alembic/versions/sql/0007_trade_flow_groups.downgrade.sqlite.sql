DROP VIEW IF EXISTS disagreements
;
DROP VIEW IF EXISTS disagreements_all
;
DROP VIEW IF EXISTS trade_flow_consensus
;
DROP VIEW IF EXISTS trade_flow_consensus_all
;
CREATE VIEW trade_flow_consensus AS SELECT r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, min(tf.period_label) AS period_label,
       CAST(substr(tf.period_start, 1, 4) AS INTEGER) AS period_year, tf.flow, tf.measure, tf.unit,
       count(DISTINCT ci.source_id) AS source_count, count(DISTINCT tf.id) AS claim_count,
       min(tf.value) AS lowest, max(tf.value) AS highest,
       CASE WHEN min(tf.value) > 0
            THEN round((max(tf.value) - min(tf.value)) * 100.0 / min(tf.value), 1) END
           AS spread_percent,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT x.value AS sort_key, CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = tf.reporter_country_id AND x.partner_country_id = tf.partner_country_id AND x.period_start IS tf.period_start AND x.period_end IS tf.period_end AND x.flow = tf.flow AND x.measure = tf.measure AND x.unit = tf.unit AND x.review_status IN ('curated', 'accepted') ORDER BY sort_key) AS items) AS value_list
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
       CAST(substr(tf.period_start, 1, 4) AS INTEGER) AS period_year, tf.flow, tf.measure, tf.unit,
       count(DISTINCT ci.source_id) AS source_count, count(DISTINCT tf.id) AS claim_count,
       min(tf.value) AS lowest, max(tf.value) AS highest,
       CASE WHEN min(tf.value) > 0
            THEN round((max(tf.value) - min(tf.value)) * 100.0 / min(tf.value), 1) END
           AS spread_percent,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT x.value AS sort_key, CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = tf.reporter_country_id AND x.partner_country_id = tf.partner_country_id AND x.period_start IS tf.period_start AND x.period_end IS tf.period_end AND x.flow = tf.flow AND x.measure = tf.measure AND x.unit = tf.unit AND x.review_status IN ('curated', 'extracted', 'accepted') ORDER BY sort_key) AS items) AS value_list
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
JOIN trade_flows f ON f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'accepted')
JOIN countries r ON r.id = f.reporter_country_id JOIN countries p ON p.id = f.partner_country_id
JOIN citations ci ON ci.trade_flow_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = f.reporter_country_id AND o.partner_country_id = f.partner_country_id AND o.period_start IS f.period_start AND o.period_end IS f.period_end AND o.flow = f.flow AND o.measure = f.measure AND o.unit = f.unit AND o.id <> f.id AND o.review_status IN ('curated', 'accepted')
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
JOIN indicators f ON f.metric = g.metric AND f.country_id IS g.country_id AND f.partner_country_id IS g.partner_country_id AND f.organization_id IS g.organization_id AND f.project_id IS g.project_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'accepted')

JOIN citations ci ON ci.indicator_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM indicators o
    WHERE o.metric = f.metric AND o.country_id IS f.country_id AND o.partner_country_id IS f.partner_country_id AND o.organization_id IS f.organization_id AND o.project_id IS f.project_id AND o.period_start IS f.period_start AND o.period_end IS f.period_end AND o.unit = f.unit AND o.is_target = f.is_target AND o.id <> f.id AND o.review_status IN ('curated', 'accepted')
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
JOIN trade_flows f ON f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'extracted', 'accepted')
JOIN countries r ON r.id = f.reporter_country_id JOIN countries p ON p.id = f.partner_country_id
JOIN citations ci ON ci.trade_flow_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = f.reporter_country_id AND o.partner_country_id = f.partner_country_id AND o.period_start IS f.period_start AND o.period_end IS f.period_end AND o.flow = f.flow AND o.measure = f.measure AND o.unit = f.unit AND o.id <> f.id AND o.review_status IN ('curated', 'extracted', 'accepted')
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
JOIN indicators f ON f.metric = g.metric AND f.country_id IS g.country_id AND f.partner_country_id IS g.partner_country_id AND f.organization_id IS g.organization_id AND f.project_id IS g.project_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'extracted', 'accepted')

JOIN citations ci ON ci.indicator_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE EXISTS (
    SELECT 1 FROM indicators o
    WHERE o.metric = f.metric AND o.country_id IS f.country_id AND o.partner_country_id IS f.partner_country_id AND o.organization_id IS f.organization_id AND o.project_id IS f.project_id AND o.period_start IS f.period_start AND o.period_end IS f.period_end AND o.unit = f.unit AND o.is_target = f.is_target AND o.id <> f.id AND o.review_status IN ('curated', 'extracted', 'accepted')
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
DROP TRIGGER IF EXISTS trade_flow_groups_after_trade_flow_insert
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_trade_flow_delete
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_trade_flow_update
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_trade_flow_move
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_citation_insert
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_citation_delete
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_citation_update
;
DROP INDEX IF EXISTS ix_trade_flows_group
;
DROP INDEX IF EXISTS ix_trade_flow_groups_group
;
DROP INDEX IF EXISTS ix_trade_flow_groups_disputed
;
DROP INDEX IF EXISTS ix_trade_flow_groups_all_disputed
;
