#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The metrics import against PostgreSQL's COPY of the same rows, then the performance pages'
# answer times with that year of figures behind them:
#   1. seeds VIDEOS released videos with a YouTube, a Facebook and a TikTok post each (straight
#      into the database; see MetricsBench.java) and writes DAYS days of figures per post, once as
#      the template a lead imports and once as post_metrics rows;
#   2. imports the file through the API twice: into empty days, then again (every line an update);
#   3. COPYs the same rows into an empty table shaped like post_metrics, the baseline;
#   4. asks each performance page 30 times after a warm-up, with /api/me as the floor.
# Needs the platform running (deploy/run.sh) and `mvn install -DskipTests`. The seeded videos
# stay in the demo database, marked as recorded by "bench".
# Usage: deploy/bench/metrics.sh [videos, default 1000] [days, default 334: 1000 × 3 × 334 = 1,002,000 rows]
set -euo pipefail
cd "$(dirname "$0")/../.."
videos=${1:-1000}
days=${2:-334}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -o -pl video-platform-ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
bench() { java -cp "$(cat "$work/cp.txt")" deploy/bench/MetricsBench.java "$@"; }

bench seed "$videos" "$days" "$work"
lines=$(( $(wc -l <"$work/metrics.csv") - 1 ))
read -r fresh kept rejected <<<"$(bench import "$work/metrics.csv")"
read -r again _ _ <<<"$(bench import "$work/metrics.csv")"
read -r copied rows <<<"$(bench copy "$work/copy.csv")"

printf '\n| %s rows (%s MB of CSV) | seconds | rows/s | this ÷ COPY |\n| --- | ---: | ---: | ---: |\n' "$lines" \
    "$(( $(stat -c %s "$work/metrics.csv") / 1000000 ))"
row() { printf '| %s | %s | %s | %s× |\n' "$1" "$2" "$(awk -v n="$lines" -v s="$2" 'BEGIN { printf "%.0f", n / s }')" \
    "$(awk -v a="$2" -v b="$copied" 'BEGIN { printf "%.1f", a / b }')"; }
row "import through the API, into empty days" "$fresh"
row "the same file again (every line updates a day)" "$again"
row "PostgreSQL COPY of the same $rows rows into an empty table" "$copied"
echo
echo "Kept $kept lines, rejected $rejected."
printf '\n| page (30 requests after 5 to warm up) | median ms | p95 ms | max ms | bytes |\n| --- | ---: | ---: | ---: | ---: |\n'
bench pages 30
