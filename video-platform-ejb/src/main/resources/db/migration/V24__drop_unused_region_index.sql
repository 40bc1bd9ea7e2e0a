-- Members are searched by region with search_fold(region) LIKE '%...%' since V22: no query reads
-- lower(region) any more, and a pattern with a leading wildcard could not use a btree index anyway.
-- The index only cost every write to members.
DROP INDEX IF EXISTS members_by_region;
