#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The "is this shown name taken" check (ShownNames.takenByAnother), which every vetting and many
# profile saves run, once per number tried: with the expression index of migration V27, against
# the same query on the same table with the index dropped, the baseline. A scratch database in the
# local PostgreSQL cluster gets every migration and a made-up membership, then each variant runs
# the check for names taken and names free, in turns. Needs PostgreSQL running (deploy/run.sh or
# the test stack), and sudo for its postgres user as the other scripts do.
# Usage: deploy/bench/shown-names.sh [members, default 5000] [checks per variant, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
members=${1:-5000}
checks=${2:-200}
source deploy/stack/services.sh
database=vp_bench_shown_names
export PGPASSWORD=$VP_DB_PASSWORD
sql() { psql -X -q -v ON_ERROR_STOP=1 -h "$VP_DB_HOST" -p "$VP_DB_PORT" -U "$VP_DB_USER" -d "$database" "$@"; }
as_postgres dropdb --if-exists "$database"
as_postgres createdb -O "$VP_DB_USER" "$database"
trap 'as_postgres dropdb --if-exists "$database"' EXIT

for migration in $(ls video-platform-ejb/src/main/resources/db/migration/V*.sql | sort -V); do
    sql -f "$migration" >/dev/null
done
log "Seeding $members members"
sql <<SQL
INSERT INTO members (id, email, full_name, state, vetted_at)
SELECT gen_random_uuid(), 'member' || i || '@example.org',
       (ARRAY['Sam','Amira','Zoë','Ben','Carla','Dan','Esme','Hana','Ida','Omar'])[1 + i % 10] || ' '
           || (ARRAY['Smith','Khan','Díaz','Ó Briain','Jones','Nowak','Okafor','Rossi'])[1 + (i / 10) % 8],
       'ACTIVE', now()
FROM generate_series(1, $members) AS i;
ANALYZE members;
SQL

# The median of $checks checks, half of them for a name taken (found at once) and half for one
# free (the whole search), each timed inside the database: what the application waits on.
measure() {
    sql -t -A <<SQL
CREATE TEMP TABLE timings (ms double precision);
DO \$\$
DECLARE
    started timestamptz;
    found boolean;
BEGIN
    FOR i IN 1..$checks LOOP
        started := clock_timestamp();
        SELECT EXISTS (SELECT 1 FROM members WHERE id <> '00000000-0000-0000-0000-000000000000'
            AND search_fold(regexp_replace(member_credit(full_name, display_name), '\s+', ' ', 'g'))
                = search_fold(CASE WHEN i % 2 = 0 THEN 'Sam S.' ELSE 'Nobody N. ' || i END)) INTO found;
        INSERT INTO timings VALUES (extract(epoch FROM clock_timestamp() - started) * 1000);
    END LOOP;
END
\$\$;
SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3) || ' ms median, '
    || round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 3) || ' ms 95th percentile' FROM timings;
SQL
}

indexed=$(measure)
sql -c 'DROP INDEX members_by_shown_name'
scanned=$(measure)
printf 'members: %s, checks per variant: %s\nwithout the index (baseline): %s\nwith the index (V27):         %s\n' \
    "$members" "$checks" "$scanned" "$indexed"
