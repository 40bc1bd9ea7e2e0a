#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Runs the whole platform on this machine: PostgreSQL (the Debian cluster, installed if absent),
# the S3 server, Keycloak with the demo realm, and WildFly with the EAR. Builds what is missing
# first (--build rebuilds everything). Ctrl-C stops everything it started.
# Data lives under VP_DATA_DIR (default .data in the repository) and survives restarts; the
# databases live in the PostgreSQL cluster (databases videoplatform and keycloak).
set -euo pipefail
: "${VP_HTTP_PORT:=8080}"
# Keycloak's redirect addresses and the S3 server's CORS origin are made from it.
: "${VP_PUBLIC_URL:=http://localhost:$VP_HTTP_PORT}"
source "$(dirname "$0")/stack/services.sh"

: "${VP_DATA_DIR:=$VP_REPO/.data}"
: "${VP_MANAGEMENT_PORT:=9990}"
: "${VP_WILDFLY_VERSION:=39.0.1.Final}"
# An S3 server already running elsewhere (MinIO, say) instead of the local S3Proxy; it needs a
# CORS rule letting the platform's origin PUT and read ETag, for the browser's direct uploads.
: "${VP_STORAGE_ENDPOINT:=}"
# One transcode per two cores: x264 keeps two cores busy on its own.
: "${VP_TRANSCODING_CONCURRENCY:=$(( $(nproc) / 2 > 1 ? $(nproc) / 2 : 1 ))}"
WILDFLY_HOME=$VP_DEPLOY_TARGET/wildfly-$VP_WILDFLY_VERSION
EAR=$VP_REPO/video-platform-ear/target/video-platform.ear
mkdir -p "$VP_DATA_DIR"
VP_DATA_DIR=$(cd "$VP_DATA_DIR" && pwd)

build_if_needed() {
    local missing=
    for file in "$EAR" "$WILDFLY_HOME/bin/standalone.sh" "$VP_KEYCLOAK_HOME/bin/kc.sh" "$VP_S3PROXY_JAR"; do
        [ -e "$file" ] || missing=$file
    done
    if [ -n "$missing" ] || [ "${1:-}" = --build ]; then
        log "Building the platform (${missing:+missing: $missing}${1:-})"
        (cd "$VP_REPO" && mvn -B -q -DskipTests package)
    fi
}

started_postgres=
stopping=
stop_all() {
    trap - INT TERM EXIT
    [ -n "$stopping" ] && return
    stopping=yes
    log "Stopping the platform"
    stop_background "WildFly" "$VP_DATA_DIR/wildfly.pid"
    stop_keycloak "$VP_DATA_DIR"
    if [ -z "$VP_STORAGE_ENDPOINT" ]; then stop_s3 "$VP_DATA_DIR/s3"; fi
    if [ -n "$started_postgres" ]; then stop_postgres || true; fi
}

start_wildfly() {
    local base=$VP_DATA_DIR/wildfly
    # Configuration and EAR are refreshed on every start; data, logs and messages are kept.
    mkdir -p "$base/deployments"
    rm -rf "$base/configuration"
    cp -r "$WILDFLY_HOME/standalone/configuration" "$base/configuration"
    rm -f "$base/deployments/video-platform.ear".*
    cp "$EAR" "$base/deployments/video-platform.ear"
    VP_HTTP_PORT=$VP_HTTP_PORT VP_MANAGEMENT_PORT=$VP_MANAGEMENT_PORT \
    VP_DB_URL="jdbc:postgresql://$VP_DB_HOST:$VP_DB_PORT/$VP_DB_NAME" VP_DB_USER=$VP_DB_USER VP_DB_PASSWORD=$VP_DB_PASSWORD \
    VP_OIDC_PROVIDER_URL="http://localhost:$VP_KEYCLOAK_PORT/realms/video-platform" \
    VP_KEYCLOAK_URL="http://localhost:$VP_KEYCLOAK_PORT" VP_KEYCLOAK_ADMIN_URL="http://localhost:$VP_KEYCLOAK_PORT" \
    VP_KEYCLOAK_BACKEND_SECRET=$VP_KEYCLOAK_BACKEND_SECRET VP_PUBLIC_URL=$VP_PUBLIC_URL \
    VP_STORAGE_ENDPOINT="${VP_STORAGE_ENDPOINT:-http://localhost:$VP_S3_PORT}" \
    VP_STORAGE_ACCESS_KEY=$VP_STORAGE_ACCESS_KEY VP_STORAGE_SECRET_KEY=$VP_STORAGE_SECRET_KEY \
    VP_TRANSCODING_CONCURRENCY=$VP_TRANSCODING_CONCURRENCY \
    LAUNCH_JBOSS_IN_BACKGROUND=1 \
    start_background "WildFly" "$VP_DATA_DIR/wildfly.pid" "$VP_DATA_DIR/wildfly.log" \
        "$WILDFLY_HOME/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base"
    wait_for "The platform on port $VP_HTTP_PORT" 180 "$VP_DATA_DIR/wildfly.pid" deployed_and_ready \
        || { tail -40 "$base/log/server.log" >&2; return 1; }
}

deployed_and_ready() {
    if [ -e "$VP_DATA_DIR/wildfly/deployments/video-platform.ear.failed" ]; then
        cat "$VP_DATA_DIR/wildfly/deployments/video-platform.ear.failed" >&2
        kill "$(cat "$VP_DATA_DIR/wildfly.pid")"
        return 1
    fi
    http_ok "http://localhost:$VP_HTTP_PORT/api/ready"
}

banner() {
    cat <<TEXT

  The video platform runs at  http://localhost:$VP_HTTP_PORT/
  Readiness                   http://localhost:$VP_HTTP_PORT/api/ready
  Keycloak admin console      http://localhost:$VP_KEYCLOAK_PORT/admin/  ($VP_KEYCLOAK_ADMIN / $VP_KEYCLOAK_ADMIN_PASSWORD)
  Data                        $VP_DATA_DIR and the PostgreSQL databases $VP_DB_NAME, $VP_KEYCLOAK_DB_NAME

  Demo accounts (throwaway passwords, local only):
    producer / demo-producer    a vetted producer
    lead     / demo-lead        the video lead
    admin    / demo-admin       an administrator
    newcomer / demo-newcomer    signed up but not vetted: sees nothing yet

  Press Ctrl-C to stop everything.

TEXT
}

ports=("$VP_HTTP_PORT" "$VP_MANAGEMENT_PORT" "$VP_KEYCLOAK_PORT" "$VP_KEYCLOAK_MANAGEMENT_PORT")
[ -z "$VP_STORAGE_ENDPOINT" ] && ports+=("$VP_S3_PORT")
for port in "${ports[@]}"; do
    port_in_use "$port" && fail "port $port is already in use: is the platform already running? (stop it, or set the VP_*_PORT variables)"
done

build_if_needed "${1:-}"
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM
postgres=$(start_postgres)
[ "$postgres" = started ] && started_postgres=yes
ensure_database_role
ensure_database "$VP_DB_NAME"
ensure_database "$VP_KEYCLOAK_DB_NAME"
if [ -z "$VP_STORAGE_ENDPOINT" ]; then start_s3 "$VP_DATA_DIR/s3"; fi
start_keycloak "$VP_DATA_DIR" "$VP_KEYCLOAK_DB_NAME"
start_wildfly
banner
# Stay in the foreground until WildFly stops or Ctrl-C arrives.
wildfly=$(cat "$VP_DATA_DIR/wildfly.pid")
while kill -0 "$wildfly" 2>/dev/null; do sleep 1; done
log "WildFly has stopped: stopping the rest"
