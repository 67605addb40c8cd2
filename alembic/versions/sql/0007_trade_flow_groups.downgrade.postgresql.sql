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
DROP TRIGGER IF EXISTS trade_flow_groups_after_trade_flow_insert ON trade_flows
;
DROP FUNCTION IF EXISTS trade_flow_groups_after_trade_flow_insert()
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_trade_flow_update ON trade_flows
;
DROP FUNCTION IF EXISTS trade_flow_groups_after_trade_flow_update()
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_trade_flow_delete ON trade_flows
;
DROP FUNCTION IF EXISTS trade_flow_groups_after_trade_flow_delete()
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_citation_insert ON citations
;
DROP FUNCTION IF EXISTS trade_flow_groups_after_citation_insert()
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_citation_update ON citations
;
DROP FUNCTION IF EXISTS trade_flow_groups_after_citation_update()
;
DROP TRIGGER IF EXISTS trade_flow_groups_after_citation_delete ON citations
;
DROP FUNCTION IF EXISTS trade_flow_groups_after_citation_delete()
;
DROP INDEX IF EXISTS ix_trade_flows_group
;
DROP INDEX IF EXISTS ix_trade_flow_groups_group
;
DROP INDEX IF EXISTS ix_trade_flow_groups_disputed
;
DROP INDEX IF EXISTS ix_trade_flow_groups_all_disputed
;
