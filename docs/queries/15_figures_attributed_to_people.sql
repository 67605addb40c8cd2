-- Question: Which trade figures do the sources put in a named person's mouth?
SELECT attributed_to,
       reporter,
       partner,
       period_label,
       flow,
       value_usd,
       stated_value,
       source_key
FROM trade_flow_claims
WHERE attributed_to IS NOT NULL
ORDER BY attributed_to, period_start, flow, source_key;
