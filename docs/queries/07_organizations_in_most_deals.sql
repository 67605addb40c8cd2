-- Question: Which organisations take part in the most deals?
SELECT o.name AS organization,
       o.kind,
       count(DISTINCT d.agreement_id) AS deals,
       sum(CASE WHEN d.is_top_level = 1 THEN d.value_usd END) AS stated_value_usd
FROM agreement_parties AS ap
JOIN organizations AS o ON o.id = ap.organization_id
JOIN deals AS d ON d.agreement_id = ap.agreement_id
GROUP BY o.name, o.kind
ORDER BY deals DESC, o.name;
