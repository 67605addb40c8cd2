-- Question: What kinds of agreements were made, and what are they worth together?
-- Top-level deals only, so packages and their parts are not counted twice.
SELECT kind,
       count(*) AS deals,
       sum(document_count) AS documents,
       count(value_usd) AS deals_with_value,
       sum(value_usd) AS stated_value_usd
FROM deals
WHERE is_top_level = 1
GROUP BY kind
ORDER BY deals DESC, kind;
