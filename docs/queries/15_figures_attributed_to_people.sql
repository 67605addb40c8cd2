-- Question: Whom do the sources quote for trade figures, and how many figures each?
-- One row per person or organisation a source attributes trade figures to: how many figures,
-- from how many sources, over which periods. The figures themselves:
--   SELECT * FROM trade_flow_claims WHERE attributed_to = 'Alibek Kuantyrov';
-- The filter names the attribution ids, not attributed_to: the database then finds the
-- attributed claims through an index instead of testing every claim.
SELECT attributed_to,
       count(DISTINCT trade_flow_id) AS figures,
       count(DISTINCT source_key) AS sources,
       min(period_start) AS first_period_start,
       max(period_end) AS last_period_end
FROM trade_flow_claims
WHERE attributed_to_person_id IS NOT NULL
   OR attributed_to_organization_id IS NOT NULL
GROUP BY attributed_to
ORDER BY figures DESC, attributed_to;
