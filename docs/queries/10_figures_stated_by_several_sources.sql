-- Question: Which trade figures are stated by more than one source, and do they agree?
SELECT reporter,
       partner,
       period_label,
       flow,
       measure,
       unit,
       source_count,
       lowest,
       highest,
       spread_percent,
       value_list
FROM trade_flow_consensus
WHERE source_count > 1
ORDER BY spread_percent DESC, reporter, partner, period_start, flow;
