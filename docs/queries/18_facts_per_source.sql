-- Question: How much does each source contribute: how many facts of each kind does it state?
SELECT source_key,
       source_title,
       fact_kind,
       count(DISTINCT fact_key) AS facts,
       count(*) AS quotes
FROM source_facts
GROUP BY source_key, source_title, fact_kind
ORDER BY source_key, fact_kind;
