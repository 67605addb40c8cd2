-- Question: What deal value did the sources state for each Central Asian country, year by year?
-- Top-level deals only, so a package's components are not added to it twice; value_usd is the
-- stated amount in US dollars (NULL where no amount was stated). A deal counts for every country
-- that takes part in it, directly or through one of its organisations or people.
SELECT dc.country,
       d.signed_year,
       count(*) AS deals,
       count(d.value_usd) AS deals_with_value,
       sum(d.value_usd) AS stated_value_usd
FROM deals AS d
JOIN deal_countries AS dc ON dc.agreement_id = d.agreement_id
WHERE dc.region = 'Central Asia'
  AND d.is_top_level = 1
  AND d.signed_year IS NOT NULL
GROUP BY dc.country, d.signed_year
ORDER BY dc.country, d.signed_year;
