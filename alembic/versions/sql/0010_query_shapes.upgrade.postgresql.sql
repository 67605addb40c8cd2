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
CREATE FUNCTION trade_flow_groups_after_trade_flow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE trade_flow_groups IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM trade_flow_groups WHERE id IN (SELECT g.id FROM (SELECT DISTINCT r.reporter_country_id AS reporter_country_id, r.partner_country_id AS partner_country_id, r.period_start AS period_start, r.period_end AS period_end, r.flow AS flow, r.measure AS measure, r.unit AS unit FROM new_rows r) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND COALESCE(g.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(g.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit);
    INSERT INTO trade_flow_groups (reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, claim_count, source_count, lowest, highest, qualifier_count, value_list, claim_source_count, all_period_label, all_claim_count, all_source_count, all_lowest, all_highest, all_qualifier_count, all_value_list, all_claim_source_count) SELECT k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit, min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value_qualifier END), (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND COALESCE(x.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(x.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'accepted')) AS items), (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = k.reporter_country_id AND pt.partner_country_id = k.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND pt.flow = k.flow AND pt.measure = k.measure AND pt.unit = k.unit AND pt.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value_qualifier END), (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND COALESCE(x.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(x.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'extracted', 'accepted')) AS items), (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = k.reporter_country_id AND pt.partner_country_id = k.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND pt.flow = k.flow AND pt.measure = k.measure AND pt.unit = k.unit AND pt.review_status IN ('curated', 'extracted', 'accepted')) FROM (SELECT DISTINCT r.reporter_country_id AS reporter_country_id, r.partner_country_id AS partner_country_id, r.period_start AS period_start, r.period_end AS period_end, r.flow AS flow, r.measure AS measure, r.unit AS unit FROM new_rows r) AS k JOIN trade_flows tf ON tf.reporter_country_id = k.reporter_country_id AND tf.partner_country_id = k.partner_country_id AND COALESCE(tf.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(tf.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND tf.flow = k.flow AND tf.measure = k.measure AND tf.unit = k.unit AND tf.review_status IN ('curated', 'extracted', 'accepted') GROUP BY k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit;
    RETURN NULL;
END
$$
;
CREATE TRIGGER trade_flow_groups_after_trade_flow_insert AFTER INSERT ON trade_flows REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trade_flow_groups_after_trade_flow_insert()
;
CREATE FUNCTION trade_flow_groups_after_trade_flow_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE trade_flow_groups IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM trade_flow_groups WHERE id IN (SELECT g.id FROM (SELECT o.reporter_country_id AS reporter_country_id, o.partner_country_id AS partner_country_id, o.period_start AS period_start, o.period_end AS period_end, o.flow AS flow, o.measure AS measure, o.unit AS unit FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.reporter_country_id, o.partner_country_id, o.period_start, o.period_end, o.flow, o.measure, o.unit, o.period_label, o.value, o.value_qualifier, o.review_status) IS DISTINCT FROM (n.reporter_country_id, n.partner_country_id, n.period_start, n.period_end, n.flow, n.measure, n.unit, n.period_label, n.value, n.value_qualifier, n.review_status) UNION SELECT n.reporter_country_id AS reporter_country_id, n.partner_country_id AS partner_country_id, n.period_start AS period_start, n.period_end AS period_end, n.flow AS flow, n.measure AS measure, n.unit AS unit FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.reporter_country_id, o.partner_country_id, o.period_start, o.period_end, o.flow, o.measure, o.unit, o.period_label, o.value, o.value_qualifier, o.review_status) IS DISTINCT FROM (n.reporter_country_id, n.partner_country_id, n.period_start, n.period_end, n.flow, n.measure, n.unit, n.period_label, n.value, n.value_qualifier, n.review_status)) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND COALESCE(g.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(g.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit);
    INSERT INTO trade_flow_groups (reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, claim_count, source_count, lowest, highest, qualifier_count, value_list, claim_source_count, all_period_label, all_claim_count, all_source_count, all_lowest, all_highest, all_qualifier_count, all_value_list, all_claim_source_count) SELECT k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit, min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value_qualifier END), (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND COALESCE(x.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(x.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'accepted')) AS items), (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = k.reporter_country_id AND pt.partner_country_id = k.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND pt.flow = k.flow AND pt.measure = k.measure AND pt.unit = k.unit AND pt.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value_qualifier END), (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND COALESCE(x.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(x.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'extracted', 'accepted')) AS items), (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = k.reporter_country_id AND pt.partner_country_id = k.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND pt.flow = k.flow AND pt.measure = k.measure AND pt.unit = k.unit AND pt.review_status IN ('curated', 'extracted', 'accepted')) FROM (SELECT o.reporter_country_id AS reporter_country_id, o.partner_country_id AS partner_country_id, o.period_start AS period_start, o.period_end AS period_end, o.flow AS flow, o.measure AS measure, o.unit AS unit FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.reporter_country_id, o.partner_country_id, o.period_start, o.period_end, o.flow, o.measure, o.unit, o.period_label, o.value, o.value_qualifier, o.review_status) IS DISTINCT FROM (n.reporter_country_id, n.partner_country_id, n.period_start, n.period_end, n.flow, n.measure, n.unit, n.period_label, n.value, n.value_qualifier, n.review_status) UNION SELECT n.reporter_country_id AS reporter_country_id, n.partner_country_id AS partner_country_id, n.period_start AS period_start, n.period_end AS period_end, n.flow AS flow, n.measure AS measure, n.unit AS unit FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.reporter_country_id, o.partner_country_id, o.period_start, o.period_end, o.flow, o.measure, o.unit, o.period_label, o.value, o.value_qualifier, o.review_status) IS DISTINCT FROM (n.reporter_country_id, n.partner_country_id, n.period_start, n.period_end, n.flow, n.measure, n.unit, n.period_label, n.value, n.value_qualifier, n.review_status)) AS k JOIN trade_flows tf ON tf.reporter_country_id = k.reporter_country_id AND tf.partner_country_id = k.partner_country_id AND COALESCE(tf.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(tf.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND tf.flow = k.flow AND tf.measure = k.measure AND tf.unit = k.unit AND tf.review_status IN ('curated', 'extracted', 'accepted') GROUP BY k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit;
    RETURN NULL;
END
$$
;
CREATE TRIGGER trade_flow_groups_after_trade_flow_update AFTER UPDATE ON trade_flows REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trade_flow_groups_after_trade_flow_update()
;
CREATE FUNCTION trade_flow_groups_after_trade_flow_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE trade_flow_groups IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM trade_flow_groups WHERE id IN (SELECT g.id FROM (SELECT DISTINCT r.reporter_country_id AS reporter_country_id, r.partner_country_id AS partner_country_id, r.period_start AS period_start, r.period_end AS period_end, r.flow AS flow, r.measure AS measure, r.unit AS unit FROM old_rows r) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND COALESCE(g.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(g.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit);
    INSERT INTO trade_flow_groups (reporter_country_id, partner_country_id, period_start, period_end, flow, measure, unit, period_label, claim_count, source_count, lowest, highest, qualifier_count, value_list, claim_source_count, all_period_label, all_claim_count, all_source_count, all_lowest, all_highest, all_qualifier_count, all_value_list, all_claim_source_count) SELECT k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit, min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'accepted') THEN tf.value_qualifier END), (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND COALESCE(x.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(x.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'accepted')) AS items), (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = k.reporter_country_id AND pt.partner_country_id = k.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND pt.flow = k.flow AND pt.measure = k.measure AND pt.unit = k.unit AND pt.review_status IN ('curated', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.period_label END), sum(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN 1 ELSE 0 END), (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = k.reporter_country_id AND st.partner_country_id = k.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND st.flow = k.flow AND st.measure = k.measure AND st.unit = k.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), min(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), max(CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value END), count(DISTINCT CASE WHEN tf.review_status IN ('curated', 'extracted', 'accepted') THEN tf.value_qualifier END), (SELECT string_agg(item, '; ' ORDER BY sort_key) FROM (SELECT DISTINCT x.value AS sort_key, CAST(trim_scale(x.value) AS TEXT) AS item FROM trade_flows x WHERE x.reporter_country_id = k.reporter_country_id AND x.partner_country_id = k.partner_country_id AND COALESCE(x.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(x.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND x.flow = k.flow AND x.measure = k.measure AND x.unit = k.unit AND x.review_status IN ('curated', 'extracted', 'accepted')) AS items), (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = k.reporter_country_id AND pt.partner_country_id = k.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND pt.flow = k.flow AND pt.measure = k.measure AND pt.unit = k.unit AND pt.review_status IN ('curated', 'extracted', 'accepted')) FROM (SELECT DISTINCT r.reporter_country_id AS reporter_country_id, r.partner_country_id AS partner_country_id, r.period_start AS period_start, r.period_end AS period_end, r.flow AS flow, r.measure AS measure, r.unit AS unit FROM old_rows r) AS k JOIN trade_flows tf ON tf.reporter_country_id = k.reporter_country_id AND tf.partner_country_id = k.partner_country_id AND COALESCE(tf.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(tf.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND tf.flow = k.flow AND tf.measure = k.measure AND tf.unit = k.unit AND tf.review_status IN ('curated', 'extracted', 'accepted') GROUP BY k.reporter_country_id, k.partner_country_id, k.period_start, k.period_end, k.flow, k.measure, k.unit;
    RETURN NULL;
END
$$
;
CREATE TRIGGER trade_flow_groups_after_trade_flow_delete AFTER DELETE ON trade_flows REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION trade_flow_groups_after_trade_flow_delete()
;
CREATE FUNCTION trade_flow_groups_after_citation_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE trade_flow_groups IN SHARE ROW EXCLUSIVE MODE;
    UPDATE trade_flow_groups SET source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'accepted')), all_source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'accepted')), all_claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'extracted', 'accepted')) WHERE id IN (SELECT g.id FROM (SELECT DISTINCT t.reporter_country_id AS reporter_country_id, t.partner_country_id AS partner_country_id, t.period_start AS period_start, t.period_end AS period_end, t.flow AS flow, t.measure AS measure, t.unit AS unit FROM trade_flows t WHERE t.id IN (SELECT trade_flow_id FROM new_rows)) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND COALESCE(g.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(g.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit);
    RETURN NULL;
END
$$
;
CREATE TRIGGER trade_flow_groups_after_citation_insert AFTER INSERT ON citations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trade_flow_groups_after_citation_insert()
;
CREATE FUNCTION trade_flow_groups_after_citation_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE trade_flow_groups IN SHARE ROW EXCLUSIVE MODE;
    UPDATE trade_flow_groups SET source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'accepted')), all_source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'accepted')), all_claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'extracted', 'accepted')) WHERE id IN (SELECT g.id FROM (SELECT DISTINCT t.reporter_country_id AS reporter_country_id, t.partner_country_id AS partner_country_id, t.period_start AS period_start, t.period_end AS period_end, t.flow AS flow, t.measure AS measure, t.unit AS unit FROM trade_flows t WHERE t.id IN (SELECT o.trade_flow_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.trade_flow_id, o.source_id) IS DISTINCT FROM (n.trade_flow_id, n.source_id) UNION SELECT n.trade_flow_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.trade_flow_id, o.source_id) IS DISTINCT FROM (n.trade_flow_id, n.source_id))) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND COALESCE(g.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(g.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit);
    RETURN NULL;
END
$$
;
CREATE TRIGGER trade_flow_groups_after_citation_update AFTER UPDATE ON citations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trade_flow_groups_after_citation_update()
;
CREATE FUNCTION trade_flow_groups_after_citation_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE trade_flow_groups IN SHARE ROW EXCLUSIVE MODE;
    UPDATE trade_flow_groups SET source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'accepted')), all_source_count = (SELECT count(DISTINCT sc.source_id) FROM trade_flows st JOIN citations sc ON sc.trade_flow_id = st.id WHERE st.reporter_country_id = trade_flow_groups.reporter_country_id AND st.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(st.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(st.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND st.flow = trade_flow_groups.flow AND st.measure = trade_flow_groups.measure AND st.unit = trade_flow_groups.unit AND st.review_status IN ('curated', 'extracted', 'accepted')), claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'accepted')), all_claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'extracted', 'accepted')) WHERE id IN (SELECT g.id FROM (SELECT DISTINCT t.reporter_country_id AS reporter_country_id, t.partner_country_id AS partner_country_id, t.period_start AS period_start, t.period_end AS period_end, t.flow AS flow, t.measure AS measure, t.unit AS unit FROM trade_flows t WHERE t.id IN (SELECT trade_flow_id FROM old_rows)) AS k JOIN trade_flow_groups g ON g.reporter_country_id = k.reporter_country_id AND g.partner_country_id = k.partner_country_id AND COALESCE(g.period_start, DATE '-infinity') = COALESCE(k.period_start, DATE '-infinity') AND COALESCE(g.period_end, DATE '-infinity') = COALESCE(k.period_end, DATE '-infinity') AND g.flow = k.flow AND g.measure = k.measure AND g.unit = k.unit);
    RETURN NULL;
END
$$
;
CREATE TRIGGER trade_flow_groups_after_citation_delete AFTER DELETE ON citations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION trade_flow_groups_after_citation_delete()
;
UPDATE trade_flow_groups SET claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'accepted')), all_claim_source_count = (SELECT COALESCE(sum((SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)), 0) FROM trade_flows pt WHERE pt.reporter_country_id = trade_flow_groups.reporter_country_id AND pt.partner_country_id = trade_flow_groups.partner_country_id AND COALESCE(pt.period_start, DATE '-infinity') = COALESCE(trade_flow_groups.period_start, DATE '-infinity') AND COALESCE(pt.period_end, DATE '-infinity') = COALESCE(trade_flow_groups.period_end, DATE '-infinity') AND pt.flow = trade_flow_groups.flow AND pt.measure = trade_flow_groups.measure AND pt.unit = trade_flow_groups.unit AND pt.review_status IN ('curated', 'extracted', 'accepted'))
;
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
       tf.period_start, tf.period_end, tf.period_label, CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
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
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE tf.review_status IN ('curated', 'accepted')
;
CREATE VIEW trade_flow_claims_all AS SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, CAST(EXTRACT(YEAR FROM tf.period_start) AS INTEGER) AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
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
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE tf.review_status IN ('curated', 'extracted', 'accepted')
;
CREATE VIEW disagreements AS SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.period_label, 'no period') || ' (' || g.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
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
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND COALESCE(f.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(f.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'accepted')
  AND g.claim_source_count = g.source_count
UNION ALL

SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.period_label, 'no period') || ' (' || g.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
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
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND COALESCE(f.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(f.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'accepted')
  AND NOT g.claim_source_count = g.source_count AND EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = g.reporter_country_id AND o.partner_country_id = g.partner_country_id AND COALESCE(o.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(o.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND o.flow = g.flow AND o.measure = g.measure AND o.unit = g.unit AND o.id <> f.id AND o.review_status IN ('curated', 'accepted')
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
WHERE f.metric = g.metric AND (f.country_id = g.country_id OR (f.country_id IS NULL AND g.country_id IS NULL)) AND (f.partner_country_id = g.partner_country_id OR (f.partner_country_id IS NULL AND g.partner_country_id IS NULL)) AND (f.organization_id = g.organization_id OR (f.organization_id IS NULL AND g.organization_id IS NULL)) AND (f.project_id = g.project_id OR (f.project_id IS NULL AND g.project_id IS NULL)) AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'accepted')
  AND ci.indicator_id = f.id AND s.id = ci.source_id
  AND EXISTS (
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
CREATE VIEW disagreements_all AS SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.all_period_label, 'no period') || ' (' || g.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
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
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND COALESCE(f.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(f.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND g.all_claim_source_count = g.all_source_count
UNION ALL

SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.all_period_label, 'no period') || ' (' || g.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
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
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND COALESCE(f.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(f.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND NOT g.all_claim_source_count = g.all_source_count AND EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = g.reporter_country_id AND o.partner_country_id = g.partner_country_id AND COALESCE(o.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(o.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND o.flow = g.flow AND o.measure = g.measure AND o.unit = g.unit AND o.id <> f.id AND o.review_status IN ('curated', 'extracted', 'accepted')
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
WHERE f.metric = g.metric AND (f.country_id = g.country_id OR (f.country_id IS NULL AND g.country_id IS NULL)) AND (f.partner_country_id = g.partner_country_id OR (f.partner_country_id IS NULL AND g.partner_country_id IS NULL)) AND (f.organization_id = g.organization_id OR (f.organization_id IS NULL AND g.organization_id IS NULL)) AND (f.project_id = g.project_id OR (f.project_id IS NULL AND g.project_id IS NULL)) AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND ci.indicator_id = f.id AND s.id = ci.source_id
  AND EXISTS (
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
CREATE VIEW disagreement_summary AS SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.period_label, 'no period') || ' (' || g.unit || ')' AS subject,
       g.source_count AS source_count, g.lowest AS lowest, g.highest AS highest,
       CASE WHEN g.lowest > 0 THEN round((g.highest - g.lowest) * 100.0 / g.lowest, 1) END AS spread_percent, g.claim_count AS variant_count
FROM trade_flow_groups g
JOIN countries r ON r.id = g.reporter_country_id
JOIN countries p ON p.id = g.partner_country_id
WHERE g.claim_count > 1 AND (g.lowest <> g.highest OR g.qualifier_count > 1) AND g.claim_source_count = g.source_count AND g.source_count > 0
UNION ALL
SELECT fact_kind, subject, count(DISTINCT source_id) AS source_count, min(lowest) AS lowest,
       max(highest) AS highest, max(spread_percent) AS spread_percent,
       max(variant_count) AS variant_count
FROM (
SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.period_label, 'no period') || ' (' || g.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
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
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND COALESCE(f.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(f.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'accepted')
  AND NOT g.claim_source_count = g.source_count AND EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = g.reporter_country_id AND o.partner_country_id = g.partner_country_id AND COALESCE(o.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(o.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND o.flow = g.flow AND o.measure = g.measure AND o.unit = g.unit AND o.id <> f.id AND o.review_status IN ('curated', 'accepted')
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
WHERE f.metric = g.metric AND (f.country_id = g.country_id OR (f.country_id IS NULL AND g.country_id IS NULL)) AND (f.partner_country_id = g.partner_country_id OR (f.partner_country_id IS NULL AND g.partner_country_id IS NULL)) AND (f.organization_id = g.organization_id OR (f.organization_id IS NULL AND g.organization_id IS NULL)) AND (f.project_id = g.project_id OR (f.project_id IS NULL AND g.project_id IS NULL)) AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'accepted')
  AND ci.indicator_id = f.id AND s.id = ci.source_id
  AND EXISTS (
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
  AND ci.event_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id) AS rows
GROUP BY fact_kind, subject
;
CREATE VIEW disagreement_summary_all AS SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.all_period_label, 'no period') || ' (' || g.unit || ')' AS subject,
       g.all_source_count AS source_count, g.all_lowest AS lowest, g.all_highest AS highest,
       CASE WHEN g.all_lowest > 0 THEN round((g.all_highest - g.all_lowest) * 100.0 / g.all_lowest, 1) END AS spread_percent, g.all_claim_count AS variant_count
FROM trade_flow_groups g
JOIN countries r ON r.id = g.reporter_country_id
JOIN countries p ON p.id = g.partner_country_id
WHERE g.all_claim_count > 1 AND (g.all_lowest <> g.all_highest OR g.all_qualifier_count > 1) AND g.all_claim_source_count = g.all_source_count AND g.all_source_count > 0
UNION ALL
SELECT fact_kind, subject, count(DISTINCT source_id) AS source_count, min(lowest) AS lowest,
       max(highest) AS highest, max(spread_percent) AS spread_percent,
       max(variant_count) AS variant_count
FROM (
SELECT 'trade_flow' AS fact_kind, r.name || '–' || p.name || ' ' || g.flow || CASE WHEN g.measure = 'value' THEN '' ELSE ' ' || g.measure END || ', ' || COALESCE(g.all_period_label, 'no period') || ' (' || g.unit || ')' AS subject, f.id AS fact_id, f.key AS fact_key,
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
  AND f.reporter_country_id = g.reporter_country_id AND f.partner_country_id = g.partner_country_id AND COALESCE(f.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(f.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND f.flow = g.flow AND f.measure = g.measure AND f.unit = g.unit AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND NOT g.all_claim_source_count = g.all_source_count AND EXISTS (
    SELECT 1 FROM trade_flows o
    WHERE o.reporter_country_id = g.reporter_country_id AND o.partner_country_id = g.partner_country_id AND COALESCE(o.period_start, DATE '-infinity') = COALESCE(g.period_start, DATE '-infinity') AND COALESCE(o.period_end, DATE '-infinity') = COALESCE(g.period_end, DATE '-infinity') AND o.flow = g.flow AND o.measure = g.measure AND o.unit = g.unit AND o.id <> f.id AND o.review_status IN ('curated', 'extracted', 'accepted')
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
WHERE f.metric = g.metric AND (f.country_id = g.country_id OR (f.country_id IS NULL AND g.country_id IS NULL)) AND (f.partner_country_id = g.partner_country_id OR (f.partner_country_id IS NULL AND g.partner_country_id IS NULL)) AND (f.organization_id = g.organization_id OR (f.organization_id IS NULL AND g.organization_id IS NULL)) AND (f.project_id = g.project_id OR (f.project_id IS NULL AND g.project_id IS NULL)) AND (f.period_start = g.period_start OR (f.period_start IS NULL AND g.period_start IS NULL)) AND (f.period_end = g.period_end OR (f.period_end IS NULL AND g.period_end IS NULL)) AND f.unit = g.unit AND f.is_target = g.is_target AND f.review_status IN ('curated', 'extracted', 'accepted')
  AND ci.indicator_id = f.id AND s.id = ci.source_id
  AND EXISTS (
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
  AND ci.event_id = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id) AS rows
GROUP BY fact_kind, subject
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
COMMENT ON VIEW disagreement_summary IS 'One row per fact on which sources disagree (per figure group for trade figures and indicators): how many sources, the lowest and highest figure and the spread. The detail, source by source, is in disagreements.'
;
COMMENT ON COLUMN disagreement_summary.fact_kind IS 'What kind of fact: trade_flow, indicator, agreement, project or event.'
;
COMMENT ON COLUMN disagreement_summary.subject IS 'What the sources disagree about, as in disagreements.subject.'
;
COMMENT ON COLUMN disagreement_summary.source_count IS 'Number of distinct sources whose statements disagree (in disagreements).'
;
COMMENT ON COLUMN disagreement_summary.lowest IS 'For figures: the lowest value in the group.'
;
COMMENT ON COLUMN disagreement_summary.highest IS 'For figures: the highest value in the group.'
;
COMMENT ON COLUMN disagreement_summary.spread_percent IS 'For figures: (highest - lowest) / lowest x 100, rounded to one decimal.'
;
COMMENT ON COLUMN disagreement_summary.variant_count IS 'For figures: the claims in the group; for other facts: the distinct wordings of the value (stated_value) among its citations.'
;
COMMENT ON VIEW disagreement_summary_all IS 'One row per fact on which sources disagree (per figure group for trade figures and indicators): how many sources, the lowest and highest figure and the spread. The detail, source by source, is in disagreements. This _all variant also counts extracted (unreviewed) facts.'
;
COMMENT ON COLUMN disagreement_summary_all.fact_kind IS 'What kind of fact: trade_flow, indicator, agreement, project or event.'
;
COMMENT ON COLUMN disagreement_summary_all.subject IS 'What the sources disagree about, as in disagreements.subject.'
;
COMMENT ON COLUMN disagreement_summary_all.source_count IS 'Number of distinct sources whose statements disagree (in disagreements).'
;
COMMENT ON COLUMN disagreement_summary_all.lowest IS 'For figures: the lowest value in the group.'
;
COMMENT ON COLUMN disagreement_summary_all.highest IS 'For figures: the highest value in the group.'
;
COMMENT ON COLUMN disagreement_summary_all.spread_percent IS 'For figures: (highest - lowest) / lowest x 100, rounded to one decimal.'
;
COMMENT ON COLUMN disagreement_summary_all.variant_count IS 'For figures: the claims in the group; for other facts: the distinct wordings of the value (stated_value) among its citations.'
;
