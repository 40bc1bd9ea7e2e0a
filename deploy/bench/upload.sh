#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# A 1 GiB upload two ways to the same S3 server, from one Java HTTP client (UploadBench.java):
#   1. one presigned PUT of the whole file;
#   2. the platform's path: the API opens a multipart upload, signs part URLs twelve at a time as
#      the browser asks for them, six parts travel at once (as Uppy sends them), the API completes.
# In the order 1, 2, 2, 1, so neither way always goes first; the table gives each way's mean.
# BASELINE replaces the single PUT: "bare" (the same multipart upload with every part URL signed
# before the clock starts, which leaves out what the API's requests cost) or "at-once=N" (the
# platform's way with N parts at once instead of six).
# Needs the platform running (deploy/run.sh) with its demo accounts, and `mvn install -DskipTests`.
# Usage: deploy/bench/upload.sh [MiB, default 1024] [BASELINE, default single]
set -euo pipefail
cd "$(dirname "$0")/../.."
mib=${1:-1024}
baseline=${2:-single}
: "${VP_URL:=http://localhost:8080}"
: "${VP_KEYCLOAK_URL:=http://localhost:8180}"
: "${VP_STORAGE_ENDPOINT:=http://localhost:8280}"
: "${VP_STORAGE_ACCESS_KEY:=local-access-key}"
: "${VP_STORAGE_SECRET_KEY:=local-secret-key}"
: "${VP_STORAGE_BUCKET:=video-platform}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
token=$(curl -sf -d grant_type=password -d client_id=video-platform-tests -d username=producer -d password=demo-producer \
    "$VP_KEYCLOAK_URL/realms/video-platform/protocol/openid-connect/token" | field access_token)
production=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"title": "Upload benchmark"}' \
    "$VP_URL/api/productions" | field id)
head -c "$(( mib * 1024 * 1024 ))" /dev/urandom >"$work/cut.mov"
mvn -q -o -pl video-platform-ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"

result=$(java -cp "$(cat "$work/cp.txt")" deploy/bench/UploadBench.java "$work/cut.mov" "$VP_URL" "$token" "$production" \
    "$VP_STORAGE_ENDPOINT" "$VP_STORAGE_ACCESS_KEY" "$VP_STORAGE_SECRET_KEY" "$VP_STORAGE_BUCKET" "$baseline" 2>"$work/bench.log" | tail -1) \
    || { cat "$work/bench.log" >&2; exit 1; }
echo "$result"
base=$(sed 's/.*baseline=\([0-9.]*\).*/\1/' <<<"$result")
multipart=$(sed 's/.*multipart=\([0-9.]*\).*/\1/' <<<"$result")
rate() { awk -v mib="$mib" -v s="$1" 'BEGIN { printf "%.0f", mib / s }'; }
printf '\n| %s MiB upload to the same S3 server | time | MiB/s | platform ÷ this |\n| --- | ---: | ---: | ---: |\n' "$mib"
printf '| platform: presigned multipart via the API, 6 parts at once (mean of two) | %s s | %s | 1.00× |\n' "$multipart" "$(rate "$multipart")"
case $baseline in
    single) label='one presigned PUT' ;;
    bare) label='the same multipart upload, every part URL signed beforehand' ;;
    *) label="the platform's way with ${baseline#at-once=} parts at once" ;;
esac
printf '| %s (mean of two) | %s s | %s | %s× |\n' "$label" "$base" "$(rate "$base")" \
    "$(awk -v a="$base" -v b="$multipart" 'BEGIN { printf "%.2f", a / b }')"
