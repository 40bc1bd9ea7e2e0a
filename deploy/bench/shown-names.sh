#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The "is this shown name taken" check (ShownNames.takenByAnother), which every vetting and many
# profile saves run, once per number tried: with the expression index of migration V27, against
# the same query on the same table with the index dropped, the baseline. Half the checks are for a
# name taken (found at once), half for one free (the whole search).
# Usage: deploy/bench/shown-names.sh [members, default 5000] [checks per variant, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
members=${1:-5000}
checks=${2:-200}
database=vp_bench_shown_names
source deploy/bench/scratch-database.sh

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

check="PERFORM EXISTS (SELECT 1 FROM members WHERE id <> '00000000-0000-0000-0000-000000000000'
    AND search_fold(regexp_replace(member_credit(full_name, display_name), '\s+', ' ', 'g'))
        = search_fold(CASE WHEN i % 2 = 0 THEN 'Sam S.' ELSE 'Nobody N. ' || i END))"
indexed=$(timed "$checks" "$check")
sql -c 'DROP INDEX members_by_shown_name'
scanned=$(timed "$checks" "$check")
printf 'members: %s, checks per variant: %s\nwithout the index (baseline): %s\nwith the index (V27):         %s\n' \
    "$members" "$checks" "$scanned" "$indexed"
