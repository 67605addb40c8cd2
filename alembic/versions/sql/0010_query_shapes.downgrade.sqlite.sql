DROP VIEW IF EXISTS disagreement_summary
;
DROP VIEW IF EXISTS disagreement_summary_all
;
DROP VIEW IF EXISTS disagreements
;
DROP VIEW IF EXISTS disagreements_all
;
DROP VIEW IF EXISTS trade_flow_claims
;
DROP VIEW IF EXISTS trade_flow_claims_all
;
CREATE VIEW trade_flow_claims AS SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, CAST(substr(tf.period_start, 1, 4) AS INTEGER) AS period_year,
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
       tf.period_start, tf.period_end, tf.period_label, CAST(substr(tf.period_start, 1, 4) AS INTEGER) AS period_year,
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
CROSS JOIN indicators f

CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.metric = g.metric AND f.country_id IS g.country_id AND f.partner_country_id IS g.partner_country_id AND f.organization_id IS g.organization_id AND f.project_id IS g.project_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'accepted')
  AND ci.indicator_id = f.id AND s.id = ci.source_id
  AND EXISTS (
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
FROM (
    SELECT agreement_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE agreement_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY agreement_id
    HAVING count(DISTINCT stated_value) > 1
) AS v
CROSS JOIN agreements f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND f.review_status IN ('curated', 'accepted')
  AND ci.agreement_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id
UNION ALL

SELECT 'project' AS fact_kind, f.name AS subject,
       f.id AS fact_id, f.key AS fact_key, f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT project_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE project_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY project_id
    HAVING count(DISTINCT stated_value) > 1
) AS v
CROSS JOIN projects f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND f.review_status IN ('curated', 'accepted')
  AND ci.project_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id
UNION ALL

SELECT 'event' AS fact_kind, f.title AS subject,
       f.id AS fact_id, f.key AS fact_key, NULL, NULL, NULL, f.start_date, f.end_date, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT event_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE event_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY event_id
    HAVING count(DISTINCT stated_value) > 1
) AS v
CROSS JOIN events f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND f.review_status IN ('curated', 'accepted')
  AND ci.event_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id
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
CROSS JOIN indicators f

CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.metric = g.metric AND f.country_id IS g.country_id AND f.partner_country_id IS g.partner_country_id AND f.organization_id IS g.organization_id AND f.project_id IS g.project_id AND f.period_start IS g.period_start AND f.period_end IS g.period_end AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND ci.indicator_id = f.id AND s.id = ci.source_id
  AND EXISTS (
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
FROM (
    SELECT agreement_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE agreement_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY agreement_id
    HAVING count(DISTINCT stated_value) > 1
) AS v
CROSS JOIN agreements f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND ci.agreement_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id
UNION ALL

SELECT 'project' AS fact_kind, f.name AS subject,
       f.id AS fact_id, f.key AS fact_key, f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT project_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE project_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY project_id
    HAVING count(DISTINCT stated_value) > 1
) AS v
CROSS JOIN projects f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND ci.project_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id
UNION ALL

SELECT 'event' AS fact_kind, f.title AS subject,
       f.id AS fact_id, f.key AS fact_key, NULL, NULL, NULL, f.start_date, f.end_date, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, s.published_date AS source_published_date, ci.quote, f.review_status
FROM (
    SELECT event_id AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE event_id IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY event_id
    HAVING count(DISTINCT stated_value) > 1
) AS v
CROSS JOIN events f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND ci.event_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id
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
CREATE TRIGGER trade_flow_groups_after_trade_flow_insert AFTER INSERT ON trade_flows BEGIN DELETE FROM trade_flow_groups WHERE id IN (SELECT g.id FROM (SELECT NEW.reporter_country_id AS reporter_country_id, NEW.partner_country_id AS partner_country_id, NEW.period_start AS period_start, NEW.period_end AS period_end, NEW.flow AS flow, NEW.measure AS measure, NEW.unit AS unit) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); INSERT INTO trade_flow_groups (reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, claim_count, source_count, lowest, highest, qualifier_count, value_list, all_period_label, all_claim_count, all_source_count, all_lowest, all_highest, all_qualifier_count, all_value_list) SELECT k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit, min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'accepted') GROUP BY x.value ORDER BY x.value) AS items), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'extracted', 'accepted') GROUP BY x.value ORDER BY x.value) AS items) FROM (SELECT NEW.reporter_country_id AS reporter_country_id, NEW.partner_country_id AS partner_country_id, NEW.period_start AS period_start, NEW.period_end AS period_end, NEW.flow AS flow, NEW.measure AS measure, NEW.unit AS unit) AS k JOIN trade_flows tf ON tf.reporter_country_id = k.reporter_country_id AND tf.partner_country_id = k.partner_country_id AND tf.period_start IS k.period_start AND tf.period_end IS k.period_end AND tf.flow = k.flow AND tf.measure = k.measure AND tf.unit = k.unit AND tf.review_status IN ('curated', 'extracted', 'accepted') GROUP BY k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit; END
;
CREATE TRIGGER trade_flow_groups_after_trade_flow_delete AFTER DELETE ON trade_flows BEGIN DELETE FROM trade_flow_groups WHERE id IN (SELECT g.id FROM (SELECT OLD.reporter_country_id AS reporter_country_id, OLD.partner_country_id AS partner_country_id, OLD.period_start AS period_start, OLD.period_end AS period_end, OLD.flow AS flow, OLD.measure AS measure, OLD.unit AS unit) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); INSERT INTO trade_flow_groups (reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, claim_count, source_count, lowest, highest, qualifier_count, value_list, all_period_label, all_claim_count, all_source_count, all_lowest, all_highest, all_qualifier_count, all_value_list) SELECT k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit, min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'accepted') GROUP BY x.value ORDER BY x.value) AS items), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'extracted', 'accepted') GROUP BY x.value ORDER BY x.value) AS items) FROM (SELECT OLD.reporter_country_id AS reporter_country_id, OLD.partner_country_id AS partner_country_id, OLD.period_start AS period_start, OLD.period_end AS period_end, OLD.flow AS flow, OLD.measure AS measure, OLD.unit AS unit) AS k JOIN trade_flows tf ON tf.reporter_country_id = k.reporter_country_id AND tf.partner_country_id = k.partner_country_id AND tf.period_start IS k.period_start AND tf.period_end IS k.period_end AND tf.flow = k.flow AND tf.measure = k.measure AND tf.unit = k.unit AND tf.review_status IN ('curated', 'extracted', 'accepted') GROUP BY k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit; END
;
CREATE TRIGGER trade_flow_groups_after_trade_flow_update AFTER UPDATE OF reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, value, value_qualifier, review_status ON trade_flows BEGIN DELETE FROM trade_flow_groups WHERE id IN (SELECT g.id FROM (SELECT NEW.reporter_country_id AS reporter_country_id, NEW.partner_country_id AS partner_country_id, NEW.period_start AS period_start, NEW.period_end AS period_end, NEW.flow AS flow, NEW.measure AS measure, NEW.unit AS unit) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); INSERT INTO trade_flow_groups (reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, claim_count, source_count, lowest, highest, qualifier_count, value_list, all_period_label, all_claim_count, all_source_count, all_lowest, all_highest, all_qualifier_count, all_value_list) SELECT k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit, min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'accepted') GROUP BY x.value ORDER BY x.value) AS items), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'extracted', 'accepted') GROUP BY x.value ORDER BY x.value) AS items) FROM (SELECT NEW.reporter_country_id AS reporter_country_id, NEW.partner_country_id AS partner_country_id, NEW.period_start AS period_start, NEW.period_end AS period_end, NEW.flow AS flow, NEW.measure AS measure, NEW.unit AS unit) AS k JOIN trade_flows tf ON tf.reporter_country_id = k.reporter_country_id AND tf.partner_country_id = k.partner_country_id AND tf.period_start IS k.period_start AND tf.period_end IS k.period_end AND tf.flow = k.flow AND tf.measure = k.measure AND tf.unit = k.unit AND tf.review_status IN ('curated', 'extracted', 'accepted') GROUP BY k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit; END
;
CREATE TRIGGER trade_flow_groups_after_trade_flow_move AFTER UPDATE OF reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, value, value_qualifier, review_status ON trade_flows WHEN OLD.reporter_country_id IS NOT NEW.reporter_country_id OR OLD.partner_country_id IS NOT NEW.partner_country_id OR OLD.period_start IS NOT NEW.period_start OR OLD.period_end IS NOT NEW.period_end OR OLD.flow IS NOT NEW.flow OR OLD.measure IS NOT NEW.measure OR OLD.unit IS NOT NEW.unit BEGIN DELETE FROM trade_flow_groups WHERE id IN (SELECT g.id FROM (SELECT OLD.reporter_country_id AS reporter_country_id, OLD.partner_country_id AS partner_country_id, OLD.period_start AS period_start, OLD.period_end AS period_end, OLD.flow AS flow, OLD.measure AS measure, OLD.unit AS unit) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); INSERT INTO trade_flow_groups (reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, claim_count, source_count, lowest, highest, qualifier_count, value_list, all_period_label, all_claim_count, all_source_count, all_lowest, all_highest, all_qualifier_count, all_value_list) SELECT k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit, min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'accepted') GROUP BY x.value ORDER BY x.value) AS items), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND st.period_start IS k.period_start AND st.period_end IS k.period_end AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value_qualifier END), (SELECT group_concat(item, '; ') FROM (SELECT CAST(x.value AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND x.period_start IS k.period_start AND x.period_end IS k.period_end AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'extracted', 'accepted') GROUP BY x.value ORDER BY x.value) AS items) FROM (SELECT OLD.reporter_country_id AS reporter_country_id, OLD.partner_country_id AS partner_country_id, OLD.period_start AS period_start, OLD.period_end AS period_end, OLD.flow AS flow, OLD.measure AS measure, OLD.unit AS unit) AS k JOIN trade_flows tf ON tf.reporter_country_id = k.reporter_country_id AND tf.partner_country_id = k.partner_country_id AND tf.period_start IS k.period_start AND tf.period_end IS k.period_end AND tf.flow = k.flow AND tf.measure = k.measure AND tf.unit = k.unit AND tf.review_status IN ('curated', 'extracted', 'accepted') GROUP BY k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit; END
;
CREATE TRIGGER trade_flow_groups_after_citation_insert AFTER INSERT ON citations WHEN NEW.trade_flow_id IS NOT NULL BEGIN UPDATE trade_flow_groups SET source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'accepted')), all_source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'extracted', 'accepted')) WHERE id IN (SELECT g.id FROM (SELECT t.reporter_country_id AS reporter_country_id, t.partner_country_id AS partner_country_id, t.period_start AS period_start, t.period_end AS period_end, t.flow AS flow, t.measure AS measure, t.unit AS unit FROM trade_flows t WHERE t.id = NEW.trade_flow_id) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); END
;
CREATE TRIGGER trade_flow_groups_after_citation_delete AFTER DELETE ON citations WHEN OLD.trade_flow_id IS NOT NULL BEGIN UPDATE trade_flow_groups SET source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'accepted')), all_source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'extracted', 'accepted')) WHERE id IN (SELECT g.id FROM (SELECT t.reporter_country_id AS reporter_country_id, t.partner_country_id AS partner_country_id, t.period_start AS period_start, t.period_end AS period_end, t.flow AS flow, t.measure AS measure, t.unit AS unit FROM trade_flows t WHERE t.id = OLD.trade_flow_id) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); END
;
CREATE TRIGGER trade_flow_groups_after_citation_update AFTER UPDATE OF trade_flow_id, source_id ON citations WHEN OLD.trade_flow_id IS NOT NULL OR NEW.trade_flow_id IS NOT NULL BEGIN UPDATE trade_flow_groups SET source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'accepted')), all_source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'extracted', 'accepted')) WHERE id IN (SELECT g.id FROM (SELECT t.reporter_country_id AS reporter_country_id, t.partner_country_id AS partner_country_id, t.period_start AS period_start, t.period_end AS period_end, t.flow AS flow, t.measure AS measure, t.unit AS unit FROM trade_flows t WHERE t.id = OLD.trade_flow_id) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); UPDATE trade_flow_groups SET source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'accepted')), all_source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND st.period_start IS trade_flow_groups.period_start AND st.period_end IS trade_flow_groups.period_end AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'extracted', 'accepted')) WHERE id IN (SELECT g.id FROM (SELECT t.reporter_country_id AS reporter_country_id, t.partner_country_id AS partner_country_id, t.period_start AS period_start, t.period_end AS period_end, t.flow AS flow, t.measure AS measure, t.unit AS unit FROM trade_flows t WHERE t.id = NEW.trade_flow_id) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND g.period_start IS k.period_start AND g.period_end IS k.period_end AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit); END
;
