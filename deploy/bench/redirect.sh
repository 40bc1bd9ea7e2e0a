#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Share-link redirects with counting against a plain static redirect on the same server, both
# under the same load from wrk (Debian's package, installed when missing):
#   1. a static redirect Undertow answers itself (an expression filter added for the run, no
#      application code), the baseline;
#   2. /s/CODE: the platform looks up the link, writes the click to its log on disk and answers
#      once the click is there.
# Then it checks every redirect wrk received was counted: clicks folded into the database equal
# the responses. Needs the platform running (deploy/run.sh) with its demo accounts, and
# `mvn install -DskipTests`.
# Usage: deploy/bench/redirect.sh [seconds per run, default 20] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-64}
: "${VP_URL:=http://localhost:8080}"
: "${VP_KEYCLOAK_URL:=http://localhost:8180}"
: "${VP_MANAGEMENT_PORT:=9990}"
work=$(mktemp -d)
source deploy/stack/services.sh
ensure_commands wrk ffmpeg
cli() { deploy/target/wildfly-*/bin/jboss-cli.sh -c --controller="localhost:$VP_MANAGEMENT_PORT" --command="$1" >/dev/null; }
cleanup() {
    cli '/subsystem=undertow/server=default-server/host=default-host/filter-ref=bench-static-redirect:remove' || true
    cli '/subsystem=undertow/configuration=filter/expression-filter=bench-static-redirect:remove' || true
    rm -rf "$work"
}
trap cleanup EXIT

mvn -q -o -pl video-platform-ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
ffmpeg -loglevel error -f lavfi -i testsrc2=size=320x180:rate=25:duration=1 -pix_fmt yuv420p "$work/cut.mp4"
read -r link release code <<<"$(java -cp "$(cat "$work/cp.txt")" deploy/bench/RedirectBench.java link "$work/cut.mp4" "$VP_URL" \
    "$VP_KEYCLOAK_URL" 2>/dev/null | tail -1 | sed "s/\x1b\[[0-9;]*m//g")"

cli '/subsystem=undertow/configuration=filter/expression-filter=bench-static-redirect:add(expression="path(/bench-static-redirect) -> redirect(\"https://www.youtube.com/watch?v=benchmark\")")'
cli '/subsystem=undertow/server=default-server/host=default-host/filter-ref=bench-static-redirect:add'

run() { wrk -t 2 -c "$connections" -d "${seconds}s" --latency "$1" | tee "$work/$2.txt" >&2; }
warm() { wrk -t 1 -c 8 -d 5s "$1" >"$work/$2.txt"; }
warm "$VP_URL/bench-static-redirect" warm-static
run "$VP_URL/bench-static-redirect" static
warm "$link" warm-counted
run "$link" counted
# wrk counts every answer as a request; anything but the redirect would show as non-2xx/3xx or errors.
requests() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/$1.txt"; }
rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/$1.txt"; }
p99() { sed -n 's/^ *99% *\(.*\)$/\1/p' "$work/$1.txt"; }
bad() { grep -E 'Non-2xx|Socket errors' "$work/$1.txt" || true; }
clicks=$(java -cp "$(cat "$work/cp.txt")" deploy/bench/RedirectBench.java clicks "$release" "$code" "$VP_URL" "$VP_KEYCLOAK_URL" 2>/dev/null | tail -1)

printf '\n| redirects, %s connections, %s s | requests/s | p99 latency | platform ÷ this |\n| --- | ---: | ---: | ---: |\n' "$connections" "$seconds"
printf '| platform: /s/CODE, click on disk before the answer | %s | %s | 1.00× |\n' "$(rps counted)" "$(p99 counted)"
printf '| static redirect by Undertow | %s | %s | %s× |\n' "$(rps static)" "$(p99 static)" \
    "$(awk -v a="$(rps counted)" -v b="$(rps static)" 'BEGIN { printf "%.2f", a / b }')"
echo
echo "Clicks counted for the link: $clicks; redirects wrk received: $(( $(requests warm-counted) + $(requests counted) )) (warm-up and run)"
bad counted
