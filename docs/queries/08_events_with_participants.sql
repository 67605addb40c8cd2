-- Question: Which events took place, when, and who took part?
SELECT start_date,
       end_date,
       kind,
       title,
       place,
       country,
       participants
FROM event_timeline
WHERE start_date IS NOT NULL
ORDER BY start_date, title;
