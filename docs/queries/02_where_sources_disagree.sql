-- Question: Where do the sources disagree, and by how much?
-- One row per disputed fact (per figure group for trade figures and indicators): how many
-- sources disagree, the lowest and highest figure and the spread in percent (figures only; for
-- dates and wordings the spread is empty). What each source said, quote by quote:
--   SELECT * FROM disagreements WHERE subject = 'Kazakhstan–China turnover, 2024 (USD)';
SELECT fact_kind,
       subject,
       source_count AS sources,
       lowest,
       highest,
       spread_percent
FROM disagreement_summary
ORDER BY CASE WHEN spread_percent IS NULL THEN 1 ELSE 0 END,
         spread_percent DESC,
         fact_kind,
         subject;
