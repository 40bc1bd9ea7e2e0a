-- A day's salt is deleted when the day ends, but a deleted row lives on in the write-ahead log, in
-- archived logs and on replicas, and with the salt anyone holding those could test whether a known
-- address and browser clicked a campaign link. Unlogged, the salt is written to none of them. After
-- a database crash the table comes back empty: the day gets a new salt, and someone who clicks both
-- before and after the crash is counted as two visitors that day.
ALTER TABLE visitor_salts SET UNLOGGED;
