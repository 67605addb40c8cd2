-- Question: How has Kazakhstan's trade with China developed over time, and which source says what?
-- Money figures only (measure 'value'), in the order of the periods; where sources disagree, each
-- figure is its own row with the words the source used.
SELECT period_label,
       flow,
       value_usd,
       value_qualifier,
       stated_value,
       attributed_to,
       source_key
FROM trade_flow_claims
WHERE reporter_iso3 = 'KAZ'
  AND partner_iso3 = 'CHN'
  AND measure = 'value'
ORDER BY period_start, period_end, flow, value_usd, value_qualifier, source_key;
