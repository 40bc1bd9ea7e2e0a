#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The workshops list's queries, as the application sends them over its connection, one answer
# after another: as they were (the baseline: the workshops, then each workshop's attendees, every
# row read to be counted) and as they are (the workshops, then one count by workshop and state).
# Both run in one run against the same made-up workshops (see sent_in_turn).
# Usage: deploy/bench/workshops-list.sh [workshops, default 200] [attendees each, default 40] [lists per variant, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
workshops=${1:-200}
attendees=${2:-40}
runs=${3:-200}
database=vp_bench_workshops_list
source deploy/bench/scratch-database.sh

log "Seeding $workshops workshops with $attendees attendees each"
sql <<SQL
INSERT INTO workshops (id, title, starts_at, ends_at, venue, city, capacity, trainers, created_by)
SELECT gen_random_uuid(), 'Workshop ' || w, now() - w * interval '3 days', now() - w * interval '3 days' + interval '6 hours',
       'Union hall', 'Leeds', $attendees * 3 / 4, 'Sam Jones', 'lead'
FROM generate_series(1, $workshops) AS w;
INSERT INTO workshop_attendees (id, workshop_id, full_name, email, membership_number, phone, state, registered_at)
SELECT gen_random_uuid(), w.id, 'Attendee ' || a, 'attendee' || a || '.' || w.id || '@example.org', 'M' || a, '07700 900' || a,
       (ARRAY['REGISTERED','CHECKED_IN','WAITLISTED','CANCELLED'])[1 + a % 4], now() - a * interval '1 hour'
FROM workshops w, generate_series(1, $attendees) AS a;
ANALYZE workshops;
ANALYZE workshop_attendees;
SQL

listed="SELECT id, capacity, city, created_by, ends_at, starts_at, title, trainers, venue, version FROM workshops ORDER BY starts_at DESC;"
{
    echo "$listed"
    sql -t -A -c "SELECT id FROM workshops ORDER BY starts_at DESC" | while read -r id; do
        echo "SELECT id, checked_in_at, email, full_name, membership_number, phone, registered_at, state, version, workshop_id" \
            "FROM workshop_attendees WHERE workshop_id = '$id' ORDER BY registered_at, id;"
    done
} >"$work/as-it-was.sql"
{
    echo "$listed"
    echo "SELECT workshop_id, state, count(id) FROM workshop_attendees GROUP BY workshop_id, state;"
} >"$work/as-it-is.sql"

was=$(sent_in_turn "$runs" "$work/as-it-was.sql")
is=$(sent_in_turn "$runs" "$work/as-it-is.sql")
printf 'workshops: %s, attendees each: %s, lists per variant: %s\n' "$workshops" "$attendees" "$runs"
printf 'the list, as it was (baseline): %s queries, %s\n' "$(wc -l <"$work/as-it-was.sql")" "$was"
printf 'the list, as it is:             %s queries, %s\n' "$(wc -l <"$work/as-it-is.sql")" "$is"
