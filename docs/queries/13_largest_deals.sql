-- Question: Which are the ten largest deals by stated value, and who are their parties?
SELECT title,
       value_usd,
       value_qualifier,
       signed_year,
       parties,
       source_count
FROM deals
WHERE value_usd IS NOT NULL
  AND is_top_level = 1
ORDER BY value_usd DESC, key
LIMIT 10;
