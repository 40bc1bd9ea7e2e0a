#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The audit trail's two queries per page, as they were (the baseline) and as they are, on the same
# made-up trail in one run:
#   1. a page deep in the trail: the entries after a given one, newest first, 50 of them;
#   2. the names of the page's subjects: the members among them, looked up by id.
# Usage: deploy/bench/audit-trail.sh [entries, default 60000] [members, default 5000] [runs, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${1:-60000}
members=${2:-5000}
runs=${3:-200}
database=vp_bench_audit_trail
source deploy/bench/scratch-database.sh

log "Seeding $members members and $entries entries about them"
sql <<SQL
INSERT INTO members (id, email, full_name, state, vetted_at)
SELECT gen_random_uuid(), 'member' || i || '@example.org', 'Member ' || i, 'ACTIVE', now() FROM generate_series(1, $members) AS i;
INSERT INTO audit_entries (id, occurred_at, actor_id, actor_name, action, subject_type, subject_id)
SELECT gen_random_uuid(), now() - i * interval '1 minute', 'lead', 'Lee Lead', 'member.suspended', 'member', m.id::text
FROM generate_series(1, $entries) AS i
JOIN (SELECT id, row_number() OVER () AS n FROM members) m ON m.n = 1 + i % $members;
ANALYZE members;
ANALYZE audit_entries;
CREATE TABLE bench_cursors AS
SELECT row_number() OVER () AS run, occurred_at, id FROM (
    SELECT occurred_at, id FROM audit_entries ORDER BY occurred_at DESC, id OFFSET $entries * 5 / 6 LIMIT $runs) deep;
CREATE TABLE bench_pages AS
SELECT run, string_agg(id::text, ',') AS ids FROM (
    SELECT r AS run, id FROM generate_series(1, $runs) AS r, LATERAL (SELECT id FROM members ORDER BY random() + r LIMIT 50) m) p
GROUP BY run;
SQL

# The cursor and the ids come from one-row subqueries, which PostgreSQL evaluates once, as it
# does the parameters the application binds.
at="(SELECT occurred_at FROM bench_cursors WHERE run = i)"
after="(SELECT id FROM bench_cursors WHERE run = i)"
ids="string_to_array((SELECT ids FROM bench_pages WHERE run = i), ',')"
page() { echo "PERFORM count(*) FROM (SELECT e.id FROM audit_entries e WHERE $1 ORDER BY e.occurred_at DESC, e.id LIMIT 50) page"; }
names() { echo "PERFORM count(*) FROM members x WHERE $1"; }
old_page=$(timed "$runs" "$(page "e.occurred_at < $at OR (e.occurred_at = $at AND e.id > $after)")")
new_page=$(timed "$runs" "$(page "e.occurred_at <= $at AND (e.occurred_at < $at OR e.id > $after)")")
old_names=$(timed "$runs" "$(names "x.id::text = ANY($ids)")")
new_names=$(timed "$runs" "$(names "x.id = ANY(CAST($ids AS uuid[]))")")
printf 'entries: %s, members: %s, runs: %s\n' "$entries" "$members" "$runs"
printf 'a page %s entries deep, as it was (baseline): %s\n' "$((entries * 5 / 6))" "$old_page"
printf 'a page %s entries deep, as it is:             %s\n' "$((entries * 5 / 6))" "$new_page"
printf "50 subjects' names, as it was (baseline):      %s\n" "$old_names"
printf "50 subjects' names, as it is:                  %s\n" "$new_names"
