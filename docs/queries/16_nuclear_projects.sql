-- Question: Which nuclear power projects are planned or under way, where, and with whom?
SELECT name,
       status,
       host_countries,
       organizations,
       agreement_count,
       source_count
FROM project_overview
WHERE kind = 'nuclear_plant'
ORDER BY host_countries, name;
