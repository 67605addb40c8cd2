DROP VIEW IF EXISTS disagreements
;
DROP VIEW IF EXISTS disagreements_all
;
CREATE VIEW disagreements AS SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || f.flow || CASE WHEN f.measure = 'value' THEN '' ELSE ' ' || f.measure END || ', ' || COALESCE(f.period_label, 'no period') || ' (' || f.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       g.lowest AS lowest, g.highest AS highest, CASE WHEN g.lowest > 0 THEN round((g.highest - g.lowest) * 100.0 / g.lowest, 1) END AS spread_percent,
       g.claim_count AS variant_count,
       ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM trade_flow_groups g
CROSS JOIN trade_flows f
JOIN countries r ON r.id = f.reporter_country_id JOIN countries p ON p.id = f.partner_country_id
JOIN citations ci ON ci.trade_flow_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE g.claim_count > 1 AND (g.lowest <> g.highest OR g.qualifier_count > 1)
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'accepted')
  AND EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = g.reporter_country_id AND o.partner_country_id = g.partner_country_id AND o.period_start IS g.period_start AND o.period_end IS g.period_end AND o.flow = g.flow AND o.measure = g.measure AND o.unit = g.unit AND o.id <> f.id AND o.review_status IN ('curated', 'accepted')
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
       g.all_lowest AS lowest, g.all_highest AS highest, CASE WHEN g.all_lowest > 0 THEN round((g.all_highest - g.all_lowest) * 100.0 / g.all_lowest, 1) END AS spread_percent,
       g.all_claim_count AS variant_count,
       ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM trade_flow_groups g
CROSS JOIN trade_flows f
JOIN countries r ON r.id = f.reporter_country_id JOIN countries p ON p.id = f.partner_country_id
JOIN citations ci ON ci.trade_flow_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE g.all_claim_count > 1 AND (g.all_lowest <> g.all_highest OR g.all_qualifier_count > 1)
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = g.reporter_country_id AND o.partner_country_id = g.partner_country_id AND o.period_start IS g.period_start AND o.period_end IS g.period_end AND o.flow = g.flow AND o.measure = g.measure AND o.unit = g.unit AND o.id <> f.id AND o.review_status IN ('curated', 'extracted', 'accepted')
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
