#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Two lists that show a collection of each row: a page of 50 members with their skills and
# portfolio links, and the leads' pitch board (every pitch, each with its platforms). Their
# queries, as they were (the baseline: one query per row and collection) and as they are with
# @BatchFetch(IN) (one query per collection, for up to 256 rows at a time, EclipseLink's default),
# run in one run against the same made-up members and pitches (see sent_in_turn).
# Usage: deploy/bench/list-collections.sh [members, default 5000] [pitches, default 500] [lists per variant, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
members=${1:-5000}
pitches=${2:-500}
runs=${3:-200}
database=vp_bench_list_collections
source deploy/bench/scratch-database.sh

log "Seeding $members members with two skills and a link each, and $pitches pitches on two platforms each"
sql <<SQL
INSERT INTO members (id, email, full_name, state, vetted_at)
SELECT gen_random_uuid(), 'member' || i || '@example.org', 'Member ' || i, 'ACTIVE', now() FROM generate_series(1, $members) AS i;
INSERT INTO member_skills (member_id, skill)
SELECT id, skill FROM members, unnest(ARRAY['CAMERA', 'EDITING']) AS skill;
INSERT INTO member_portfolio_links (member_id, position, url)
SELECT id, 0, 'https://example.org/' || id FROM members;
INSERT INTO pitches (id, owner_id, owner_name, title, state, created_at, updated_at)
SELECT gen_random_uuid(), 'producer', 'Pat Producer', 'Pitch ' || i, 'SUBMITTED', now(), now() - i * interval '1 minute'
FROM generate_series(1, $pitches) AS i;
INSERT INTO pitch_platforms (pitch_id, platform)
SELECT id, platform FROM pitches, unnest(ARRAY['TIKTOK', 'INSTAGRAM']) AS platform;
ANALYZE members;
ANALYZE member_skills;
ANALYZE member_portfolio_links;
ANALYZE pitches;
ANALYZE pitch_platforms;
SQL

# Writes the queries of a list: its rows, then each collection, either per row or per 256 rows.
queries() {
    local rows=$1 table=$2 key=$3 columns=$4 order=$5 batched=$6
    if [ "$batched" = yes ]; then
        in_lists "$rows" | while read -r ids; do
            echo "SELECT t0.$key, $columns FROM $table t0 WHERE (t0.$key IN ($ids));"
        done
    else
        sql -t -A -c "$rows" | while read -r id; do
            echo "SELECT $columns FROM $table t0 WHERE (t0.$key = '$id')$order;"
        done
    fi
}
page="SELECT id FROM members ORDER BY full_name LIMIT 50"
board="SELECT id FROM pitches ORDER BY updated_at DESC"
for batched in no yes; do
    {
        echo "SELECT * FROM members ORDER BY full_name LIMIT 50;"
        queries "$page" member_skills member_id t0.skill "" "$batched"
        queries "$page" member_portfolio_links member_id "t0.url, t0.position" " ORDER BY t0.position" "$batched"
    } >"$work/members-$batched.sql"
    {
        echo "SELECT * FROM pitches ORDER BY updated_at DESC;"
        queries "$board" pitch_platforms pitch_id t0.platform "" "$batched"
    } >"$work/pitches-$batched.sql"
done

printf 'members: %s, pitches: %s, lists per variant: %s\n' "$members" "$pitches" "$runs"
for list in members pitches; do
    was=$(sent_in_turn "$runs" "$work/$list-no.sql")
    is=$(sent_in_turn "$runs" "$work/$list-yes.sql")
    printf '%s, as it was (baseline): %s queries, %s\n' "$list" "$(wc -l <"$work/$list-no.sql")" "$was"
    printf '%s, as it is:             %s queries, %s\n' "$list" "$(wc -l <"$work/$list-yes.sql")" "$is"
done
