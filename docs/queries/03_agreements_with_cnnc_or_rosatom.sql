-- Question: Which agreements involve CNNC or Rosatom, as a party or through their project?
-- Their links (as a party; through the agreement's project) are found first, through the
-- indexes on organization_id, so only the deals they touch are read.
WITH wanted AS (
    SELECT id, name FROM organizations WHERE key IN ('cnnc', 'rosatom')
), link AS (
    SELECT w.name, ap.agreement_id
    FROM wanted AS w
    JOIN agreement_parties AS ap ON ap.organization_id = w.id
    UNION
    SELECT w.name, a.id
    FROM wanted AS w
    JOIN project_organizations AS po ON po.organization_id = w.id
    JOIN agreements AS a ON a.project_id = po.project_id
)
SELECT DISTINCT link.name AS organization,
       d.key,
       d.title,
       d.kind,
       d.signed_date,
       d.project_name
FROM link
JOIN deals AS d ON d.agreement_id = link.agreement_id
ORDER BY organization, d.key;
