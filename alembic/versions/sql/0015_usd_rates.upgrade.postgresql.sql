DROP VIEW IF EXISTS trade_flow_claims
;
DROP VIEW IF EXISTS trade_flow_claims_all
;
DROP VIEW IF EXISTS deals
;
DROP VIEW IF EXISTS deals_all
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
       a.signed_date, a.signed_date_precision, CAST(EXTRACT(YEAR FROM a.signed_date) AS INTEGER) AS signed_year,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS sort_key, COALESCE(pt_c.name, pt_o.name, pt_p.name) || ' (' || pt.role || ')' AS item FROM agreement_parties pt LEFT JOIN countries pt_c ON pt_c.id = pt.country_id LEFT JOIN organizations pt_o ON pt_o.id = pt.organization_id LEFT JOIN people pt_p ON pt_p.id = pt.person_id WHERE pt.agreement_id = a.id) AS items) AS parties,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT dc.name AS sort_key, dc.name AS item FROM agreement_parties dp LEFT JOIN organizations dpo ON dpo.id = dp.organization_id LEFT JOIN people dpp ON dpp.id = dp.person_id JOIN countries dc ON dc.id = COALESCE(dp.country_id, dpo.country_id, dpp.country_id) WHERE dp.agreement_id = a.id) AS items) AS countries,
       (SELECT string_agg(item, '; ' ORDER BY sort_key COLLATE "C") FROM (SELECT DISTINCT se.name AS sort_key, se.name AS item FROM agreement_sectors ags JOIN sectors se ON se.id = ags.sector_id WHERE ags.agreement_id = a.id) AS items) AS sectors,
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
       tf.period_start, tf.period_end, tf.period_label, CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year,
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
       tf.period_start, tf.period_end, tf.period_label, CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year,
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
COMMENT ON COLUMN deals.currency_rate_id IS 'The currency_rates row whose rate gave value_usd (stored when value_usd is computed); NULL for amounts stated in USD, figures that are not money and amounts no rate covers.'
;
COMMENT ON COLUMN deals.usd_rate IS 'USD per unit of the stated currency: the rate that gave value_usd (currency_rates.usd_per_unit); NULL for dollars and figures without a USD value.'
;
COMMENT ON COLUMN deals.usd_rate_source IS 'Where that rate comes from (currency_rates.source_note).'
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
COMMENT ON COLUMN deals_all.currency_rate_id IS 'The currency_rates row whose rate gave value_usd (stored when value_usd is computed); NULL for amounts stated in USD, figures that are not money and amounts no rate covers.'
;
COMMENT ON COLUMN deals_all.usd_rate IS 'USD per unit of the stated currency: the rate that gave value_usd (currency_rates.usd_per_unit); NULL for dollars and figures without a USD value.'
;
COMMENT ON COLUMN deals_all.usd_rate_source IS 'Where that rate comes from (currency_rates.source_note).'
;
COMMENT ON COLUMN deals_all.source_count IS 'Number of distinct sources that cite it.'
;
COMMENT ON COLUMN deals_all.review_status IS 'Review state; reports count curated and accepted facts. Values: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted, rejected.'
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
COMMENT ON COLUMN trade_flow_claims.currency_rate_id IS 'The currency_rates row whose rate gave value_usd (stored when value_usd is computed); NULL for amounts stated in USD, figures that are not money and amounts no rate covers.'
;
COMMENT ON COLUMN trade_flow_claims.usd_rate IS 'USD per unit of the stated currency: the rate that gave value_usd (currency_rates.usd_per_unit); NULL for dollars and figures without a USD value.'
;
COMMENT ON COLUMN trade_flow_claims.usd_rate_source IS 'Where that rate comes from (currency_rates.source_note).'
;
COMMENT ON COLUMN trade_flow_claims.attributed_to IS 'Name of the person or organisation the source attributes the figure to.'
;
COMMENT ON COLUMN trade_flow_claims.attributed_to_person_id IS 'The person the source quotes for the figure (Kuantyrov, Tokayev).'
;
COMMENT ON COLUMN trade_flow_claims.attributed_to_organization_id IS 'The organisation the source credits for the figure (China''s customs).'
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
COMMENT ON COLUMN trade_flow_claims_all.currency_rate_id IS 'The currency_rates row whose rate gave value_usd (stored when value_usd is computed); NULL for amounts stated in USD, figures that are not money and amounts no rate covers.'
;
COMMENT ON COLUMN trade_flow_claims_all.usd_rate IS 'USD per unit of the stated currency: the rate that gave value_usd (currency_rates.usd_per_unit); NULL for dollars and figures without a USD value.'
;
COMMENT ON COLUMN trade_flow_claims_all.usd_rate_source IS 'Where that rate comes from (currency_rates.source_note).'
;
COMMENT ON COLUMN trade_flow_claims_all.attributed_to IS 'Name of the person or organisation the source attributes the figure to.'
;
COMMENT ON COLUMN trade_flow_claims_all.attributed_to_person_id IS 'The person the source quotes for the figure (Kuantyrov, Tokayev).'
;
COMMENT ON COLUMN trade_flow_claims_all.attributed_to_organization_id IS 'The organisation the source credits for the figure (China''s customs).'
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
