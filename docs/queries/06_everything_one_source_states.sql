-- Question: What does one source state? Every fact with its quote, in the order of the text.
-- Replace the key with the source you want (see: SELECT key, title FROM sources).
SELECT char_start,
       char_end,
       fact_kind,
       fact_key,
       stated_value,
       quote
FROM source_facts
WHERE source_key = '003_f6314906d5230dff'
ORDER BY char_start, fact_kind, fact_key;
