#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The releases list a lead opens, its queries as they were (the baseline) and as they are, run in
# one run against the same made-up releases (see sent_in_turn). As it was, taken from PostgreSQL's
# statement log of one list of six releases: the releases, then for each its production and its
# cut, twice (the posts were read in a transaction of their own, which read their release, its
# production and its cut again) and its posts. As it is: the releases with their productions, the
# cuts and the cuts' productions, 256 releases to a query, and the posts of them all.
# Usage: deploy/bench/releases-list.sh [releases, default 300] [lists per variant, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
releases=${1:-300}
runs=${2:-200}
database=vp_bench_releases_list
source deploy/bench/scratch-database.sh

log "Seeding $releases released productions with a cut and two posts each"
sql <<SQL
INSERT INTO productions (id, title, owner_id, owner_name, created_at)
SELECT gen_random_uuid(), 'Production ' || i, 'producer', 'Pat Producer', now() - i * interval '1 day' FROM generate_series(1, $releases) AS i;
INSERT INTO media_assets (id, production_id, uploaded_by, original_name, content_type, size_bytes, part_size, object_key, state,
                          created_at, last_activity_at)
SELECT gen_random_uuid(), id, 'producer', 'cut.mp4', 'video/mp4', 1000000, 8388608, 'cuts/' || id, 'READY', created_at, created_at
FROM productions;
INSERT INTO releases (id, production_id, cut_id, released_by, released_by_name, released_at)
SELECT gen_random_uuid(), production_id, id, 'lead', 'Lee Lead', created_at FROM media_assets;
INSERT INTO platform_posts (id, release_id, platform, posted_at, rendition, recorded_by, url)
SELECT gen_random_uuid(), id, platform, released_at, 'DELIVERY_LANDSCAPE', 'Lee Lead', 'https://example.org/' || id || '/' || platform
FROM releases, unnest(ARRAY['YOUTUBE', 'TIKTOK']) AS platform;
ANALYZE productions;
ANALYZE media_assets;
ANALYZE releases;
ANALYZE platform_posts;
SQL

production="SELECT * FROM productions WHERE (id = '%s');"
cut="SELECT * FROM media_assets WHERE (id = '%s');"
release="SELECT * FROM releases WHERE (id = '%s');"
posts="SELECT * FROM platform_posts WHERE (release_id = '%s') ORDER BY posted_at;"
{
    echo "SELECT * FROM releases ORDER BY released_at DESC;"
    sql -t -A -F' ' -c "SELECT id, production_id, cut_id FROM releases ORDER BY released_at DESC" | while read -r id made from; do
        # shellcheck disable=SC2059
        printf "$production\n$cut\n$release\n$production\n$cut\n$posts\n" "$made" "$from" "$id" "$made" "$from" "$id"
    done
} >"$work/as-it-was.sql"
every_release=$(sql -t -A -c "SELECT string_agg(quote_literal(id::text), ',') FROM releases")
{
    echo "SELECT * FROM releases r JOIN productions p ON p.id = r.production_id ORDER BY r.released_at DESC;"
    in_lists "SELECT cut_id FROM releases ORDER BY released_at DESC" | sed 's/.*/SELECT * FROM media_assets WHERE (id IN (&));/'
    in_lists "SELECT production_id FROM releases ORDER BY released_at DESC" | sed 's/.*/SELECT * FROM productions WHERE (id IN (&));/'
    # The posts' query names every release itself, in one IN list.
    echo "SELECT * FROM platform_posts WHERE (release_id IN ($every_release)) ORDER BY posted_at;"
} >"$work/as-it-is.sql"

printf 'releases: %s, lists per variant: %s\n' "$releases" "$runs"
was=$(sent_in_turn "$runs" "$work/as-it-was.sql")
is=$(sent_in_turn "$runs" "$work/as-it-is.sql")
printf 'the list, as it was (baseline): %s queries, %s\n' "$(wc -l <"$work/as-it-was.sql")" "$was"
printf 'the list, as it is:             %s queries, %s\n' "$(wc -l <"$work/as-it-is.sql")" "$is"
