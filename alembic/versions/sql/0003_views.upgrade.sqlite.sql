CREATE VIRTUAL TABLE sources_fts USING fts5(title, body_text, content="sources", content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')
;
CREATE TRIGGER sources_fts_after_insert AFTER INSERT ON sources BEGIN INSERT INTO sources_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text); END
;
CREATE TRIGGER sources_fts_after_delete AFTER DELETE ON sources BEGIN INSERT INTO sources_fts(sources_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text); END
;
CREATE TRIGGER sources_fts_after_update AFTER UPDATE OF title, body_text ON sources BEGIN INSERT INTO sources_fts(sources_fts, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text); INSERT INTO sources_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text); END
;
INSERT INTO sources_fts(sources_fts) VALUES ('rebuild')
;
CREATE VIRTUAL TABLE citations_fts USING fts5(quote, stated_value, content="citations", content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')
;
CREATE TRIGGER citations_fts_after_insert AFTER INSERT ON citations BEGIN INSERT INTO citations_fts(rowid, quote, stated_value) VALUES (new.id, new.quote, new.stated_value); END
;
CREATE TRIGGER citations_fts_after_delete AFTER DELETE ON citations BEGIN INSERT INTO citations_fts(citations_fts, rowid, quote, stated_value) VALUES ('delete', old.id, old.quote, old.stated_value); END
;
CREATE TRIGGER citations_fts_after_update AFTER UPDATE OF quote, stated_value ON citations BEGIN INSERT INTO citations_fts(citations_fts, rowid, quote, stated_value) VALUES ('delete', old.id, old.quote, old.stated_value); INSERT INTO citations_fts(rowid, quote, stated_value) VALUES (new.id, new.quote, new.stated_value); END
;
INSERT INTO citations_fts(citations_fts) VALUES ('rebuild')
;
CREATE VIEW deals AS SELECT a.id AS agreement_id, a.key, a.title, a.kind, a.status, a.document_count,
       a.signed_date, a.signed_date_precision, CAST(substr(a.signed_date, 1, 4) AS INTEGER) AS signed_year,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM agreement_parties pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.agreement_id = a.id ORDER BY sort_key) AS items) AS parties,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT dc.name AS sort_key, dc.name AS item FROM agreement_parties dp LEFT JOIN organizations dpo ON dpo.id = dp.organization_id LEFT JOIN people dpp ON dpp.id = dp.person_id JOIN countries dc ON dc.id = COALESCE(dp.country_id, dpo.country_id, dpp.country_id) WHERE dp.agreement_id = a.id ORDER BY sort_key) AS items) AS countries,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT se.name AS sort_key, se.name AS item FROM agreement_sectors ags JOIN sectors se ON se.id = ags.sector_id WHERE ags.agreement_id = a.id ORDER BY sort_key) AS items) AS sectors,
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
       a.signed_date, a.signed_date_precision, CAST(substr(a.signed_date, 1, 4) AS INTEGER) AS signed_year,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM agreement_parties pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.agreement_id = a.id ORDER BY sort_key) AS items) AS parties,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT dc.name AS sort_key, dc.name AS item FROM agreement_parties dp LEFT JOIN organizations dpo ON dpo.id = dp.organization_id LEFT JOIN people dpp ON dpp.id = dp.person_id JOIN countries dc ON dc.id = COALESCE(dp.country_id, dpo.country_id, dpp.country_id) WHERE dp.agreement_id = a.id ORDER BY sort_key) AS items) AS countries,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT se.name AS sort_key, se.name AS item FROM agreement_sectors ags JOIN sectors se ON se.id = ags.sector_id WHERE ags.agreement_id = a.id ORDER BY sort_key) AS items) AS sectors,
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
CREATE VIEW project_overview AS SELECT pj.id AS project_id, pj.key, pj.name, pj.kind, se.name AS sector,
       COALESCE(parent.name, se.name) AS sector_group, pj.status, pj.start_year, pj.end_year,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT hc.name AS sort_key, hc.name AS item FROM project_countries hpc JOIN countries hc ON hc.id = hpc.country_id WHERE hpc.project_id = pj.id AND hpc.role = 'host' ORDER BY sort_key) AS items) AS host_countries, (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT cc.name || ' (' || cpc.role || ')' AS sort_key, cc.name || ' (' || cpc.role || ')' AS item FROM project_countries cpc JOIN countries cc ON cc.id = cpc.country_id WHERE cpc.project_id = pj.id ORDER BY sort_key) AS items) AS countries, (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT oo.name || ' (' || po.role || ')' AS sort_key, oo.name || ' (' || po.role || ')' AS item FROM project_organizations po JOIN organizations oo ON oo.id = po.organization_id WHERE po.project_id = pj.id ORDER BY sort_key) AS items) AS organizations,
       pj.value_amount, pj.value_currency, pj.value_qualifier, pj.value_usd,
       (SELECT count(*) FROM agreements pa WHERE pa.project_id = pj.id AND pa.review_status IN ('curated', 'accepted'))
           AS agreement_count,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.project_id = pj.id) AS source_count,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT pa.alias AS sort_key, pa.alias AS item FROM project_aliases pa WHERE pa.project_id = pj.id ORDER BY sort_key) AS items) AS aliases, pj.description, pj.review_status
FROM projects pj
LEFT JOIN sectors se ON se.id = pj.sector_id
LEFT JOIN sectors parent ON parent.id = se.parent_id
WHERE pj.review_status IN ('curated', 'accepted')
;
CREATE VIEW project_overview_all AS SELECT pj.id AS project_id, pj.key, pj.name, pj.kind, se.name AS sector,
       COALESCE(parent.name, se.name) AS sector_group, pj.status, pj.start_year, pj.end_year,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT hc.name AS sort_key, hc.name AS item FROM project_countries hpc JOIN countries hc ON hc.id = hpc.country_id WHERE hpc.project_id = pj.id AND hpc.role = 'host' ORDER BY sort_key) AS items) AS host_countries, (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT cc.name || ' (' || cpc.role || ')' AS sort_key, cc.name || ' (' || cpc.role || ')' AS item FROM project_countries cpc JOIN countries cc ON cc.id = cpc.country_id WHERE cpc.project_id = pj.id ORDER BY sort_key) AS items) AS countries, (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT oo.name || ' (' || po.role || ')' AS sort_key, oo.name || ' (' || po.role || ')' AS item FROM project_organizations po JOIN organizations oo ON oo.id = po.organization_id WHERE po.project_id = pj.id ORDER BY sort_key) AS items) AS organizations,
       pj.value_amount, pj.value_currency, pj.value_qualifier, pj.value_usd,
       (SELECT count(*) FROM agreements pa WHERE pa.project_id = pj.id AND pa.review_status IN ('curated', 'extracted', 'accepted'))
           AS agreement_count,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.project_id = pj.id) AS source_count,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT pa.alias AS sort_key, pa.alias AS item FROM project_aliases pa WHERE pa.project_id = pj.id ORDER BY sort_key) AS items) AS aliases, pj.description, pj.review_status
FROM projects pj
LEFT JOIN sectors se ON se.id = pj.sector_id
LEFT JOIN sectors parent ON parent.id = se.parent_id
WHERE pj.review_status IN ('curated', 'extracted', 'accepted')
;
CREATE VIEW event_timeline AS SELECT e.id AS event_id, e.key, e.start_date, e.end_date, e.date_precision,
       CAST(substr(e.start_date, 1, 4) AS INTEGER) AS year, e.kind, e.title, e.place, c.name AS country,
       e.sequence_number, pe.title AS part_of_event,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM event_participants pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.event_id = e.id ORDER BY sort_key) AS items) AS participants,
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
       CAST(substr(e.start_date, 1, 4) AS INTEGER) AS year, e.kind, e.title, e.place, c.name AS country,
       e.sequence_number, pe.title AS part_of_event,
       (SELECT group_concat(item, '; ') FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM event_participants pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.event_id = e.id ORDER BY sort_key) AS items) AS participants,
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
       COALESCE(fe.title, fa.title, ftr.name || '–' || ftp.name || ' ' || ft.flow || ' ' || COALESCE(ft.period_label, '') || ': ' || CAST(ft.value AS TEXT) || ' ' || ft.unit, fp.name, fi.name) AS fact_label,
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
       COALESCE(fe.title, fa.title, ftr.name || '–' || ftp.name || ' ' || ft.flow || ' ' || COALESCE(ft.period_label, '') || ': ' || CAST(ft.value AS TEXT) || ' ' || ft.unit, fp.name, fi.name) AS fact_label,
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
