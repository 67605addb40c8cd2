-- Question: What was signed or announced at each summit?
SELECT e.start_date,
       e.title AS summit,
       d.title AS agreement,
       d.kind,
       d.document_count,
       d.value_usd
FROM event_timeline AS e
JOIN deals AS d ON d.event_id = e.event_id
WHERE e.kind = 'summit'
ORDER BY e.start_date, d.key;
