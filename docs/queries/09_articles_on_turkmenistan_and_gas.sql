-- Question: Which articles mention Turkmenistan and gas?
-- Turkmenistan by any of its names (its name, pycountry's names, country_aliases: Turkmen,
-- Ashgabat …) as the loaders record them in mentions; gas as a word in the text. With how often
-- each article names the country.
SELECT s.key,
       s.title,
       s.published_date,
       count(*) AS turkmenistan_mentions
FROM sources AS s
JOIN mentions AS m ON m.source_id = s.id
JOIN countries AS c ON c.id = m.country_id
WHERE c.iso3 = 'TKM'
  AND lower(s.body_text) LIKE '% gas%'
GROUP BY s.id, s.key, s.title, s.published_date
ORDER BY s.published_date, s.key;
