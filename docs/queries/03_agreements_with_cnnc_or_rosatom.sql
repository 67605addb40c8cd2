-- Question: Which agreements involve CNNC or Rosatom, as a party or through their project?
SELECT DISTINCT o.name AS organization,
       d.key,
       d.title,
       d.kind,
       d.signed_date,
       d.project_name
FROM deals AS d
JOIN organizations AS o ON o.key IN ('cnnc', 'rosatom')
WHERE EXISTS (SELECT 1 FROM agreement_parties AS ap
              WHERE ap.agreement_id = d.agreement_id AND ap.organization_id = o.id)
   OR EXISTS (SELECT 1 FROM project_organizations AS po
              WHERE po.project_id = d.project_id AND po.organization_id = o.id)
ORDER BY o.name, d.key;
