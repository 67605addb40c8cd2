DROP VIEW IF EXISTS trade_flow_claims
;
DROP VIEW IF EXISTS trade_flow_claims_all
;
DROP VIEW IF EXISTS deals
;
DROP VIEW IF EXISTS deals_all
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
       a.currency_rate_id, cr.usd_per_unit AS usd_rate, cr.source_note AS usd_rate_source,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.agreement_id = a.id) AS source_count,
       a.review_status
FROM agreements a
LEFT JOIN events ev ON ev.id = a.event_id
LEFT JOIN agreements pkg ON pkg.id = a.part_of_agreement_id
LEFT JOIN projects pr ON pr.id = a.project_id
LEFT JOIN currency_rates cr ON cr.id = a.currency_rate_id
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
       a.currency_rate_id, cr.usd_per_unit AS usd_rate, cr.source_note AS usd_rate_source,
       (SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.agreement_id = a.id) AS source_count,
       a.review_status
FROM agreements a
LEFT JOIN events ev ON ev.id = a.event_id
LEFT JOIN agreements pkg ON pkg.id = a.part_of_agreement_id
LEFT JOIN projects pr ON pr.id = a.project_id
LEFT JOIN currency_rates cr ON cr.id = a.currency_rate_id
WHERE a.review_status IN ('curated', 'extracted', 'accepted')
;
CREATE VIEW trade_flow_claims AS SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, CAST(substr(tf.period_start, 1, 4) AS INTEGER) AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
       tf.currency_rate_id, cr.usd_per_unit AS usd_rate, cr.source_note AS usd_rate_source,
       COALESCE(atp.name, ato.name) AS attributed_to,
       tf.attributed_to_person_id, tf.attributed_to_organization_id,
       s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date, ci.stated_value, ci.quote,
       tf.review_status
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN people atp ON atp.id = tf.attributed_to_person_id
LEFT JOIN organizations ato ON ato.id = tf.attributed_to_organization_id
LEFT JOIN currency_rates cr ON cr.id = tf.currency_rate_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE tf.review_status IN ('curated', 'accepted')
;
CREATE VIEW trade_flow_claims_all AS SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, CAST(substr(tf.period_start, 1, 4) AS INTEGER) AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
       tf.currency_rate_id, cr.usd_per_unit AS usd_rate, cr.source_note AS usd_rate_source,
       COALESCE(atp.name, ato.name) AS attributed_to,
       tf.attributed_to_person_id, tf.attributed_to_organization_id,
       s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date, ci.stated_value, ci.quote,
       tf.review_status
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN people atp ON atp.id = tf.attributed_to_person_id
LEFT JOIN organizations ato ON ato.id = tf.attributed_to_organization_id
LEFT JOIN currency_rates cr ON cr.id = tf.currency_rate_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE tf.review_status IN ('curated', 'extracted', 'accepted')
;
