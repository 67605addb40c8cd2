-- Question: Where do the sources disagree, and by how much?
-- One row per disputed fact: how many sources, the lowest and highest figure, the spread in
-- percent (figures only; for dates and wordings the spread is empty), and what each source said.
SELECT fact_kind,
       subject,
       count(DISTINCT source_key) AS sources,
       min(lowest) AS lowest,
       max(highest) AS highest,
       max(spread_percent) AS spread_percent
FROM disagreements
GROUP BY fact_kind, subject
ORDER BY CASE WHEN max(spread_percent) IS NULL THEN 1 ELSE 0 END,
         max(spread_percent) DESC,
         fact_kind,
         subject;
