CREATE FUNCTION source_fact_counts_citations_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, event_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE event_id IS NOT NULL
              UNION ALL
              SELECT source_id, event_id, -1 FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) o WHERE event_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM events f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.event_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'event', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, agreement_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE agreement_id IS NOT NULL
              UNION ALL
              SELECT source_id, agreement_id, -1 FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) o WHERE agreement_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM agreements f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.agreement_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'agreement', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, trade_flow_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE trade_flow_id IS NOT NULL
              UNION ALL
              SELECT source_id, trade_flow_id, -1 FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) o WHERE trade_flow_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM trade_flows f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.trade_flow_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'trade_flow', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, project_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE project_id IS NOT NULL
              UNION ALL
              SELECT source_id, project_id, -1 FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) o WHERE project_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM projects f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.project_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'project', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, indicator_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE indicator_id IS NOT NULL
              UNION ALL
              SELECT source_id, indicator_id, -1 FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) o WHERE indicator_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM indicators f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.indicator_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'indicator', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_citations_insert AFTER INSERT ON citations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_citations_insert()
;
CREATE FUNCTION source_fact_counts_citations_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, event_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE event_id IS NOT NULL
              UNION ALL
              SELECT source_id, event_id, -1 FROM old_rows o WHERE event_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM events f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.event_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'event', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, agreement_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE agreement_id IS NOT NULL
              UNION ALL
              SELECT source_id, agreement_id, -1 FROM old_rows o WHERE agreement_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM agreements f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.agreement_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'agreement', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, trade_flow_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE trade_flow_id IS NOT NULL
              UNION ALL
              SELECT source_id, trade_flow_id, -1 FROM old_rows o WHERE trade_flow_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM trade_flows f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.trade_flow_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'trade_flow', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, project_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE project_id IS NOT NULL
              UNION ALL
              SELECT source_id, project_id, -1 FROM old_rows o WHERE project_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM projects f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.project_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'project', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, indicator_id AS fact_id, 1 AS delta FROM new_rows n
              WHERE indicator_id IS NOT NULL
              UNION ALL
              SELECT source_id, indicator_id, -1 FROM old_rows o WHERE indicator_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM indicators f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.indicator_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'indicator', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    DELETE FROM source_fact_counts t WHERE t.quote_count = 0 AND t.source_id IN (SELECT source_id FROM old_rows);
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_citations_update AFTER UPDATE ON citations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_citations_update()
;
CREATE FUNCTION source_fact_counts_citations_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, event_id AS fact_id, 1 AS delta FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) n
              WHERE event_id IS NOT NULL
              UNION ALL
              SELECT source_id, event_id, -1 FROM old_rows o WHERE event_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM events f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.event_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'event', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, agreement_id AS fact_id, 1 AS delta FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) n
              WHERE agreement_id IS NOT NULL
              UNION ALL
              SELECT source_id, agreement_id, -1 FROM old_rows o WHERE agreement_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM agreements f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.agreement_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'agreement', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, trade_flow_id AS fact_id, 1 AS delta FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) n
              WHERE trade_flow_id IS NOT NULL
              UNION ALL
              SELECT source_id, trade_flow_id, -1 FROM old_rows o WHERE trade_flow_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM trade_flows f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.trade_flow_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'trade_flow', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, project_id AS fact_id, 1 AS delta FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) n
              WHERE project_id IS NOT NULL
              UNION ALL
              SELECT source_id, project_id, -1 FROM old_rows o WHERE project_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM projects f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.project_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'project', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, indicator_id AS fact_id, 1 AS delta FROM (SELECT NULL::integer AS source_id, NULL::integer AS event_id, NULL::integer AS agreement_id, NULL::integer AS trade_flow_id, NULL::integer AS project_id, NULL::integer AS indicator_id WHERE false) n
              WHERE indicator_id IS NOT NULL
              UNION ALL
              SELECT source_id, indicator_id, -1 FROM old_rows o WHERE indicator_id IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM indicators f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.indicator_id = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'indicator', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    DELETE FROM source_fact_counts t WHERE t.quote_count = 0 AND t.source_id IN (SELECT source_id FROM old_rows);
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_citations_delete AFTER DELETE ON citations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_citations_delete()
;
CREATE FUNCTION source_fact_counts_events_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) THEN
        RETURN NULL;
    END IF;
    WITH per_source AS (
        SELECT c.source_id, m.old_status, m.new_status,
               count(DISTINCT c.event_id) AS facts, count(*) AS quotes
        FROM (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m JOIN citations c ON c.event_id = m.id
        GROUP BY c.source_id, m.old_status, m.new_status
    ), deltas AS (
        SELECT source_id, new_status AS review_status, facts, quotes FROM per_source
        UNION ALL
        SELECT source_id, old_status, -facts, -quotes FROM per_source
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'event', review_status, sum(facts), sum(quotes)
    FROM deltas GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'event' AND t.quote_count = 0
      AND t.source_id IN (SELECT c.source_id FROM citations c
                          JOIN (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m ON c.event_id = m.id);
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_events_status AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_events_status()
;
CREATE FUNCTION source_fact_counts_events_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE source_fact_counts t SET fact_count = t.fact_count - 1, quote_count = t.quote_count - d.quotes
    FROM (SELECT source_id, count(*) AS quotes FROM citations WHERE event_id = OLD.id
          GROUP BY source_id) AS d
    WHERE t.source_id = d.source_id AND t.fact_kind = 'event'
      AND t.review_status = OLD.review_status;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'event' AND t.review_status = OLD.review_status
      AND t.quote_count = 0
      AND t.source_id IN (SELECT source_id FROM citations WHERE event_id = OLD.id);
    RETURN OLD;
END $$
;
CREATE TRIGGER source_fact_counts_events_delete BEFORE DELETE ON events FOR EACH ROW EXECUTE FUNCTION source_fact_counts_events_delete()
;
CREATE FUNCTION source_fact_counts_agreements_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) THEN
        RETURN NULL;
    END IF;
    WITH per_source AS (
        SELECT c.source_id, m.old_status, m.new_status,
               count(DISTINCT c.agreement_id) AS facts, count(*) AS quotes
        FROM (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m JOIN citations c ON c.agreement_id = m.id
        GROUP BY c.source_id, m.old_status, m.new_status
    ), deltas AS (
        SELECT source_id, new_status AS review_status, facts, quotes FROM per_source
        UNION ALL
        SELECT source_id, old_status, -facts, -quotes FROM per_source
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'agreement', review_status, sum(facts), sum(quotes)
    FROM deltas GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'agreement' AND t.quote_count = 0
      AND t.source_id IN (SELECT c.source_id FROM citations c
                          JOIN (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m ON c.agreement_id = m.id);
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_agreements_status AFTER UPDATE ON agreements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_agreements_status()
;
CREATE FUNCTION source_fact_counts_agreements_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE source_fact_counts t SET fact_count = t.fact_count - 1, quote_count = t.quote_count - d.quotes
    FROM (SELECT source_id, count(*) AS quotes FROM citations WHERE agreement_id = OLD.id
          GROUP BY source_id) AS d
    WHERE t.source_id = d.source_id AND t.fact_kind = 'agreement'
      AND t.review_status = OLD.review_status;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'agreement' AND t.review_status = OLD.review_status
      AND t.quote_count = 0
      AND t.source_id IN (SELECT source_id FROM citations WHERE agreement_id = OLD.id);
    RETURN OLD;
END $$
;
CREATE TRIGGER source_fact_counts_agreements_delete BEFORE DELETE ON agreements FOR EACH ROW EXECUTE FUNCTION source_fact_counts_agreements_delete()
;
CREATE FUNCTION source_fact_counts_trade_flows_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) THEN
        RETURN NULL;
    END IF;
    WITH per_source AS (
        SELECT c.source_id, m.old_status, m.new_status,
               count(DISTINCT c.trade_flow_id) AS facts, count(*) AS quotes
        FROM (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m JOIN citations c ON c.trade_flow_id = m.id
        GROUP BY c.source_id, m.old_status, m.new_status
    ), deltas AS (
        SELECT source_id, new_status AS review_status, facts, quotes FROM per_source
        UNION ALL
        SELECT source_id, old_status, -facts, -quotes FROM per_source
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'trade_flow', review_status, sum(facts), sum(quotes)
    FROM deltas GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'trade_flow' AND t.quote_count = 0
      AND t.source_id IN (SELECT c.source_id FROM citations c
                          JOIN (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m ON c.trade_flow_id = m.id);
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_trade_flows_status AFTER UPDATE ON trade_flows REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_trade_flows_status()
;
CREATE FUNCTION source_fact_counts_trade_flows_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE source_fact_counts t SET fact_count = t.fact_count - 1, quote_count = t.quote_count - d.quotes
    FROM (SELECT source_id, count(*) AS quotes FROM citations WHERE trade_flow_id = OLD.id
          GROUP BY source_id) AS d
    WHERE t.source_id = d.source_id AND t.fact_kind = 'trade_flow'
      AND t.review_status = OLD.review_status;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'trade_flow' AND t.review_status = OLD.review_status
      AND t.quote_count = 0
      AND t.source_id IN (SELECT source_id FROM citations WHERE trade_flow_id = OLD.id);
    RETURN OLD;
END $$
;
CREATE TRIGGER source_fact_counts_trade_flows_delete BEFORE DELETE ON trade_flows FOR EACH ROW EXECUTE FUNCTION source_fact_counts_trade_flows_delete()
;
CREATE FUNCTION source_fact_counts_projects_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) THEN
        RETURN NULL;
    END IF;
    WITH per_source AS (
        SELECT c.source_id, m.old_status, m.new_status,
               count(DISTINCT c.project_id) AS facts, count(*) AS quotes
        FROM (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m JOIN citations c ON c.project_id = m.id
        GROUP BY c.source_id, m.old_status, m.new_status
    ), deltas AS (
        SELECT source_id, new_status AS review_status, facts, quotes FROM per_source
        UNION ALL
        SELECT source_id, old_status, -facts, -quotes FROM per_source
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'project', review_status, sum(facts), sum(quotes)
    FROM deltas GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'project' AND t.quote_count = 0
      AND t.source_id IN (SELECT c.source_id FROM citations c
                          JOIN (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m ON c.project_id = m.id);
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_projects_status AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_projects_status()
;
CREATE FUNCTION source_fact_counts_projects_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE source_fact_counts t SET fact_count = t.fact_count - 1, quote_count = t.quote_count - d.quotes
    FROM (SELECT source_id, count(*) AS quotes FROM citations WHERE project_id = OLD.id
          GROUP BY source_id) AS d
    WHERE t.source_id = d.source_id AND t.fact_kind = 'project'
      AND t.review_status = OLD.review_status;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'project' AND t.review_status = OLD.review_status
      AND t.quote_count = 0
      AND t.source_id IN (SELECT source_id FROM citations WHERE project_id = OLD.id);
    RETURN OLD;
END $$
;
CREATE TRIGGER source_fact_counts_projects_delete BEFORE DELETE ON projects FOR EACH ROW EXECUTE FUNCTION source_fact_counts_projects_delete()
;
CREATE FUNCTION source_fact_counts_indicators_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) THEN
        RETURN NULL;
    END IF;
    WITH per_source AS (
        SELECT c.source_id, m.old_status, m.new_status,
               count(DISTINCT c.indicator_id) AS facts, count(*) AS quotes
        FROM (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m JOIN citations c ON c.indicator_id = m.id
        GROUP BY c.source_id, m.old_status, m.new_status
    ), deltas AS (
        SELECT source_id, new_status AS review_status, facts, quotes FROM per_source
        UNION ALL
        SELECT source_id, old_status, -facts, -quotes FROM per_source
    )
    INSERT INTO source_fact_counts AS t (source_id, fact_kind, review_status, fact_count, quote_count)
    SELECT source_id, 'indicator', review_status, sum(facts), sum(quotes)
    FROM deltas GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET fact_count = t.fact_count + excluded.fact_count, quote_count = t.quote_count + excluded.quote_count;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'indicator' AND t.quote_count = 0
      AND t.source_id IN (SELECT c.source_id FROM citations c
                          JOIN (SELECT n.id, o.review_status AS old_status, n.review_status AS new_status FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status) AS m ON c.indicator_id = m.id);
    RETURN NULL;
END $$
;
CREATE TRIGGER source_fact_counts_indicators_status AFTER UPDATE ON indicators REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION source_fact_counts_indicators_status()
;
CREATE FUNCTION source_fact_counts_indicators_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE source_fact_counts t SET fact_count = t.fact_count - 1, quote_count = t.quote_count - d.quotes
    FROM (SELECT source_id, count(*) AS quotes FROM citations WHERE indicator_id = OLD.id
          GROUP BY source_id) AS d
    WHERE t.source_id = d.source_id AND t.fact_kind = 'indicator'
      AND t.review_status = OLD.review_status;
    DELETE FROM source_fact_counts t WHERE t.fact_kind = 'indicator' AND t.review_status = OLD.review_status
      AND t.quote_count = 0
      AND t.source_id IN (SELECT source_id FROM citations WHERE indicator_id = OLD.id);
    RETURN OLD;
END $$
;
CREATE TRIGGER source_fact_counts_indicators_delete BEFORE DELETE ON indicators FOR EACH ROW EXECUTE FUNCTION source_fact_counts_indicators_delete()
;
CREATE FUNCTION agreement_countries_parties_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH rows AS (
        SELECT agreement_id, country_id, organization_id, person_id, 1 AS sign FROM new_rows n
        UNION ALL
        SELECT agreement_id, country_id, organization_id, person_id, -1 FROM (SELECT NULL::integer AS agreement_id, NULL::integer AS country_id, NULL::integer AS organization_id, NULL::integer AS person_id WHERE false) o
    ), changed AS (
        SELECT x.agreement_id, COALESCE(x.country_id, o.country_id, p.country_id) AS country_id,
               sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) AS parties,
               sum(x.sign) AS links
        FROM rows x
        LEFT JOIN organizations o ON o.id = x.organization_id
        LEFT JOIN people p ON p.id = x.person_id
        WHERE COALESCE(x.country_id, o.country_id, p.country_id) IS NOT NULL
        GROUP BY 1, 2
        HAVING sum(x.sign) <> 0
            OR sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) <> 0
    ), updated AS (
        UPDATE agreement_countries t SET party_count = t.party_count + c.parties,
                         link_count = t.link_count + c.links
        FROM changed c WHERE t.agreement_id = c.agreement_id AND t.country_id = c.country_id
        RETURNING t.agreement_id, t.country_id
    )
    INSERT INTO agreement_countries AS t (agreement_id, country_id, party_count, link_count)
    SELECT c.agreement_id, c.country_id, c.parties, c.links FROM changed c
    WHERE c.links > 0 AND NOT EXISTS (SELECT 1 FROM updated u
                                      WHERE u.agreement_id = c.agreement_id
                                        AND u.country_id = c.country_id)
    ORDER BY c.agreement_id, c.country_id
    ON CONFLICT (agreement_id, country_id) DO UPDATE SET party_count = t.party_count + excluded.party_count, link_count = t.link_count + excluded.link_count;
    RETURN NULL;
END $$
;
CREATE TRIGGER agreement_countries_parties_insert AFTER INSERT ON agreement_parties REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_countries_parties_insert()
;
CREATE FUNCTION agreement_countries_parties_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH rows AS (
        SELECT agreement_id, country_id, organization_id, person_id, 1 AS sign FROM new_rows n
        UNION ALL
        SELECT agreement_id, country_id, organization_id, person_id, -1 FROM old_rows o
    ), changed AS (
        SELECT x.agreement_id, COALESCE(x.country_id, o.country_id, p.country_id) AS country_id,
               sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) AS parties,
               sum(x.sign) AS links
        FROM rows x
        LEFT JOIN organizations o ON o.id = x.organization_id
        LEFT JOIN people p ON p.id = x.person_id
        WHERE COALESCE(x.country_id, o.country_id, p.country_id) IS NOT NULL
        GROUP BY 1, 2
        HAVING sum(x.sign) <> 0
            OR sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) <> 0
    ), updated AS (
        UPDATE agreement_countries t SET party_count = t.party_count + c.parties,
                         link_count = t.link_count + c.links
        FROM changed c WHERE t.agreement_id = c.agreement_id AND t.country_id = c.country_id
        RETURNING t.agreement_id, t.country_id
    )
    INSERT INTO agreement_countries AS t (agreement_id, country_id, party_count, link_count)
    SELECT c.agreement_id, c.country_id, c.parties, c.links FROM changed c
    WHERE c.links > 0 AND NOT EXISTS (SELECT 1 FROM updated u
                                      WHERE u.agreement_id = c.agreement_id
                                        AND u.country_id = c.country_id)
    ORDER BY c.agreement_id, c.country_id
    ON CONFLICT (agreement_id, country_id) DO UPDATE SET party_count = t.party_count + excluded.party_count, link_count = t.link_count + excluded.link_count;
    DELETE FROM agreement_countries t WHERE t.link_count <= 0 AND t.agreement_id IN (SELECT agreement_id FROM old_rows);
    RETURN NULL;
END $$
;
CREATE TRIGGER agreement_countries_parties_update AFTER UPDATE ON agreement_parties REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_countries_parties_update()
;
CREATE FUNCTION agreement_countries_parties_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH rows AS (
        SELECT agreement_id, country_id, organization_id, person_id, 1 AS sign FROM (SELECT NULL::integer AS agreement_id, NULL::integer AS country_id, NULL::integer AS organization_id, NULL::integer AS person_id WHERE false) n
        UNION ALL
        SELECT agreement_id, country_id, organization_id, person_id, -1 FROM old_rows o
    ), changed AS (
        SELECT x.agreement_id, COALESCE(x.country_id, o.country_id, p.country_id) AS country_id,
               sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) AS parties,
               sum(x.sign) AS links
        FROM rows x
        LEFT JOIN organizations o ON o.id = x.organization_id
        LEFT JOIN people p ON p.id = x.person_id
        WHERE COALESCE(x.country_id, o.country_id, p.country_id) IS NOT NULL
        GROUP BY 1, 2
        HAVING sum(x.sign) <> 0
            OR sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) <> 0
    ), updated AS (
        UPDATE agreement_countries t SET party_count = t.party_count + c.parties,
                         link_count = t.link_count + c.links
        FROM changed c WHERE t.agreement_id = c.agreement_id AND t.country_id = c.country_id
        RETURNING t.agreement_id, t.country_id
    )
    INSERT INTO agreement_countries AS t (agreement_id, country_id, party_count, link_count)
    SELECT c.agreement_id, c.country_id, c.parties, c.links FROM changed c
    WHERE c.links > 0 AND NOT EXISTS (SELECT 1 FROM updated u
                                      WHERE u.agreement_id = c.agreement_id
                                        AND u.country_id = c.country_id)
    ORDER BY c.agreement_id, c.country_id
    ON CONFLICT (agreement_id, country_id) DO UPDATE SET party_count = t.party_count + excluded.party_count, link_count = t.link_count + excluded.link_count;
    DELETE FROM agreement_countries t WHERE t.link_count <= 0 AND t.agreement_id IN (SELECT agreement_id FROM old_rows);
    RETURN NULL;
END $$
;
CREATE TRIGGER agreement_countries_parties_delete AFTER DELETE ON agreement_parties REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_countries_parties_delete()
;
CREATE FUNCTION agreement_countries_organizations_country() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT n.id, o.country_id AS old_country, n.country_id AS new_country FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.country_id IS DISTINCT FROM n.country_id) THEN
        RETURN NULL;
    END IF;
    WITH per AS (
        SELECT ap.agreement_id, m.old_country, m.new_country, count(*) AS links
        FROM (SELECT n.id, o.country_id AS old_country, n.country_id AS new_country FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.country_id IS DISTINCT FROM n.country_id) AS m JOIN agreement_parties ap ON ap.organization_id = m.id
        GROUP BY 1, 2, 3
    ), deltas AS (
        SELECT agreement_id, new_country AS country_id, links FROM per
        WHERE new_country IS NOT NULL
        UNION ALL
        SELECT agreement_id, old_country, -links FROM per WHERE old_country IS NOT NULL
    ), changed AS (
        SELECT agreement_id, country_id, 0 AS parties, sum(links) AS links FROM deltas
        GROUP BY 1, 2 HAVING sum(links) <> 0
    ), updated AS (
        UPDATE agreement_countries t SET party_count = t.party_count + c.parties,
                         link_count = t.link_count + c.links
        FROM changed c WHERE t.agreement_id = c.agreement_id AND t.country_id = c.country_id
        RETURNING t.agreement_id, t.country_id
    )
    INSERT INTO agreement_countries AS t (agreement_id, country_id, party_count, link_count)
    SELECT c.agreement_id, c.country_id, c.parties, c.links FROM changed c
    WHERE c.links > 0 AND NOT EXISTS (SELECT 1 FROM updated u
                                      WHERE u.agreement_id = c.agreement_id
                                        AND u.country_id = c.country_id)
    ORDER BY c.agreement_id, c.country_id
    ON CONFLICT (agreement_id, country_id) DO UPDATE SET party_count = t.party_count + excluded.party_count, link_count = t.link_count + excluded.link_count;
    DELETE FROM agreement_countries t WHERE t.link_count <= 0
      AND t.country_id IN (SELECT old_country FROM (SELECT n.id, o.country_id AS old_country, n.country_id AS new_country FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.country_id IS DISTINCT FROM n.country_id) AS m);
    RETURN NULL;
END $$
;
CREATE TRIGGER agreement_countries_organizations_country AFTER UPDATE ON organizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_countries_organizations_country()
;
CREATE FUNCTION agreement_countries_people_country() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT n.id, o.country_id AS old_country, n.country_id AS new_country FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.country_id IS DISTINCT FROM n.country_id) THEN
        RETURN NULL;
    END IF;
    WITH per AS (
        SELECT ap.agreement_id, m.old_country, m.new_country, count(*) AS links
        FROM (SELECT n.id, o.country_id AS old_country, n.country_id AS new_country FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.country_id IS DISTINCT FROM n.country_id) AS m JOIN agreement_parties ap ON ap.person_id = m.id
        GROUP BY 1, 2, 3
    ), deltas AS (
        SELECT agreement_id, new_country AS country_id, links FROM per
        WHERE new_country IS NOT NULL
        UNION ALL
        SELECT agreement_id, old_country, -links FROM per WHERE old_country IS NOT NULL
    ), changed AS (
        SELECT agreement_id, country_id, 0 AS parties, sum(links) AS links FROM deltas
        GROUP BY 1, 2 HAVING sum(links) <> 0
    ), updated AS (
        UPDATE agreement_countries t SET party_count = t.party_count + c.parties,
                         link_count = t.link_count + c.links
        FROM changed c WHERE t.agreement_id = c.agreement_id AND t.country_id = c.country_id
        RETURNING t.agreement_id, t.country_id
    )
    INSERT INTO agreement_countries AS t (agreement_id, country_id, party_count, link_count)
    SELECT c.agreement_id, c.country_id, c.parties, c.links FROM changed c
    WHERE c.links > 0 AND NOT EXISTS (SELECT 1 FROM updated u
                                      WHERE u.agreement_id = c.agreement_id
                                        AND u.country_id = c.country_id)
    ORDER BY c.agreement_id, c.country_id
    ON CONFLICT (agreement_id, country_id) DO UPDATE SET party_count = t.party_count + excluded.party_count, link_count = t.link_count + excluded.link_count;
    DELETE FROM agreement_countries t WHERE t.link_count <= 0
      AND t.country_id IN (SELECT old_country FROM (SELECT n.id, o.country_id AS old_country, n.country_id AS new_country FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.country_id IS DISTINCT FROM n.country_id) AS m);
    RETURN NULL;
END $$
;
CREATE TRIGGER agreement_countries_people_country AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agreement_countries_people_country()
;
DELETE FROM source_fact_counts
;
INSERT INTO source_fact_counts (source_id, fact_kind, review_status, fact_count, quote_count) SELECT ci.source_id, 'event' AS fact_kind, f.review_status, count(DISTINCT ci.event_id) AS fact_count, count(*) AS quote_count FROM citations ci JOIN events f ON f.id = ci.event_id GROUP BY ci.source_id, f.review_status
UNION ALL
SELECT ci.source_id, 'agreement' AS fact_kind, f.review_status, count(DISTINCT ci.agreement_id) AS fact_count, count(*) AS quote_count FROM citations ci JOIN agreements f ON f.id = ci.agreement_id GROUP BY ci.source_id, f.review_status
UNION ALL
SELECT ci.source_id, 'trade_flow' AS fact_kind, f.review_status, count(DISTINCT ci.trade_flow_id) AS fact_count, count(*) AS quote_count FROM citations ci JOIN trade_flows f ON f.id = ci.trade_flow_id GROUP BY ci.source_id, f.review_status
UNION ALL
SELECT ci.source_id, 'project' AS fact_kind, f.review_status, count(DISTINCT ci.project_id) AS fact_count, count(*) AS quote_count FROM citations ci JOIN projects f ON f.id = ci.project_id GROUP BY ci.source_id, f.review_status
UNION ALL
SELECT ci.source_id, 'indicator' AS fact_kind, f.review_status, count(DISTINCT ci.indicator_id) AS fact_count, count(*) AS quote_count FROM citations ci JOIN indicators f ON f.id = ci.indicator_id GROUP BY ci.source_id, f.review_status
;
DELETE FROM agreement_countries
;
INSERT INTO agreement_countries (agreement_id, country_id, party_count, link_count) SELECT ap.agreement_id, COALESCE(ap.country_id, o.country_id, p.country_id), sum(CASE WHEN ap.country_id IS NOT NULL THEN 1 ELSE 0 END), count(*) FROM agreement_parties ap LEFT JOIN organizations o ON o.id = ap.organization_id LEFT JOIN people p ON p.id = ap.person_id WHERE COALESCE(ap.country_id, o.country_id, p.country_id) IS NOT NULL GROUP BY ap.agreement_id, COALESCE(ap.country_id, o.country_id, p.country_id)
;
DROP VIEW IF EXISTS deal_countries
;
DROP VIEW IF EXISTS deal_countries_all
;
CREATE VIEW deal_countries AS SELECT ac.agreement_id, c.id AS country_id, c.iso3, c.name AS country, c.region,
       CASE WHEN ac.party_count > 0 THEN 1 ELSE 0 END AS is_party
FROM agreement_countries ac
JOIN agreements a ON a.id = ac.agreement_id
JOIN countries c ON c.id = ac.country_id
WHERE a.review_status IN ('curated', 'accepted')
;
CREATE VIEW deal_countries_all AS SELECT ac.agreement_id, c.id AS country_id, c.iso3, c.name AS country, c.region,
       CASE WHEN ac.party_count > 0 THEN 1 ELSE 0 END AS is_party
FROM agreement_countries ac
JOIN agreements a ON a.id = ac.agreement_id
JOIN countries c ON c.id = ac.country_id
WHERE a.review_status IN ('curated', 'extracted', 'accepted')
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
