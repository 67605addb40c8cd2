-- Question: Which articles mention Turkmenistan and gas?
-- Turkmenistan by any of its names (country_aliases: Turkmen, Ashgabat …); gas as a word in the
-- text. Once articles are loaded with mentions, mention_counts and mentions answer this too.
SELECT s.key,
       s.title,
       s.published_date
FROM sources AS s
WHERE EXISTS (
        SELECT 1
        FROM countries AS c
        LEFT JOIN country_aliases AS ca ON ca.country_id = c.id
        WHERE c.iso3 = 'TKM'
          AND (s.body_text LIKE '%' || c.name || '%'
               OR s.body_text LIKE '%' || ca.alias || '%'))
  AND lower(s.body_text) LIKE '% gas%'
ORDER BY s.published_date, s.key;
