-- Question: What was each Central Asian country's trade turnover with China in 2024?
-- The range over all sources, so a disputed figure shows both ends.
SELECT tfc.reporter,
       tfc.source_count,
       tfc.lowest AS lowest_usd,
       tfc.highest AS highest_usd,
       tfc.value_list
FROM trade_flow_consensus AS tfc
WHERE tfc.partner_iso3 = 'CHN'
  AND tfc.period_label = '2024'
  AND tfc.flow = 'turnover'
  AND tfc.measure = 'value'
ORDER BY tfc.highest DESC, tfc.reporter;
