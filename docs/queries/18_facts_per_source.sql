-- Question: How much does each source contribute: how many facts of each kind does it state?
-- Counts curated and accepted facts, as source_facts does. source_fact_counts is a summary of
-- the citations that the database keeps in step itself (triggers), one row per source, fact
-- kind and review state: a fact has one review state, so its facts add up across states.
SELECT s.key AS source_key,
       s.title AS source_title,
       sfc.fact_kind,
       sum(sfc.fact_count) AS facts,
       sum(sfc.quote_count) AS quotes
FROM source_fact_counts AS sfc
JOIN sources AS s ON s.id = sfc.source_id
WHERE sfc.review_status IN ('curated', 'accepted')
GROUP BY s.key, s.title, sfc.fact_kind
ORDER BY s.key, sfc.fact_kind;
