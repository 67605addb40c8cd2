-- Question: How many projects are there in each sector, and how far along are they?
SELECT COALESCE(sector_group, 'unknown') AS sector_group,
       COALESCE(status, 'unknown') AS status,
       count(*) AS projects,
       sum(value_usd) AS stated_value_usd
FROM project_overview
GROUP BY COALESCE(sector_group, 'unknown'), COALESCE(status, 'unknown')
ORDER BY 1, 2;
