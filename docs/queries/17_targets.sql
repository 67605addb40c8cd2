-- Question: Which targets and goals have been announced (as opposed to achieved figures)?
SELECT i.name,
       i.value,
       i.unit,
       i.value_qualifier,
       i.period_label,
       c.name AS country
FROM indicators AS i
LEFT JOIN countries AS c ON c.id = i.country_id
WHERE i.is_target
  AND i.review_status IN ('curated', 'accepted')
ORDER BY COALESCE(c.name, ''), i.name;
