# SPDX-License-Identifier: AGPL-3.0-or-later
# Starts and stops the services the platform needs on one machine: the Debian PostgreSQL
# cluster, S3Proxy (the S3 server) and Keycloak. Sourced by deploy/run.sh, deploy/stack/it-stack.sh
# and the benchmarks; every setting is an environment variable with a local default.

VP_REPO=${VP_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
VP_DEPLOY_TARGET=${VP_DEPLOY_TARGET:-$VP_REPO/deploy/target}
VP_KEYCLOAK_VERSION=${VP_KEYCLOAK_VERSION:-26.7.3}
VP_KEYCLOAK_HOME=${VP_KEYCLOAK_HOME:-$VP_DEPLOY_TARGET/keycloak-$VP_KEYCLOAK_VERSION}
VP_S3PROXY_JAR=${VP_S3PROXY_JAR:-$VP_DEPLOY_TARGET/s3proxy/s3proxy.jar}

: "${VP_PUBLIC_URL:=http://localhost:8080}"
: "${VP_DB_HOST:=localhost}"
: "${VP_DB_PORT:=5432}"
: "${VP_DB_NAME:=videoplatform}"
: "${VP_DB_USER:=videoplatform}"
: "${VP_DB_PASSWORD:=videoplatform}"
: "${VP_KEYCLOAK_DB_NAME:=keycloak}"
: "${VP_KEYCLOAK_PORT:=8180}"
: "${VP_KEYCLOAK_MANAGEMENT_PORT:=9100}"
: "${VP_KEYCLOAK_ADMIN:=admin}"
: "${VP_KEYCLOAK_ADMIN_PASSWORD:=admin}"
: "${VP_KEYCLOAK_BACKEND_SECRET:=local-backend-secret-change-me}"
: "${VP_S3_PORT:=8280}"
# Where Keycloak sends invitation emails (only when VP_MEMBERS_INVITATION_EMAIL=true).
: "${VP_SMTP_HOST:=localhost}"
: "${VP_SMTP_PORT:=25}"
: "${VP_SMTP_FROM:=video-platform@localhost.invalid}"
: "${VP_STORAGE_ACCESS_KEY:=local-access-key}"
: "${VP_STORAGE_SECRET_KEY:=local-secret-key}"
export VP_PUBLIC_URL VP_KEYCLOAK_BACKEND_SECRET VP_SMTP_HOST VP_SMTP_PORT VP_SMTP_FROM

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# Usage: install_debian_packages WHY [apt-get option...] PACKAGE...
install_debian_packages() {
    local why=$1 argument packages=()
    shift
    for argument in "$@"; do [[ $argument == -* ]] || packages+=("$argument"); done
    log "$why: installing Debian's ${packages[*]}"
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# Each command the machine lacks comes from the Debian package of the same name.
ensure_commands() {
    local command
    for command in "$@"; do
        command -v "$command" >/dev/null || install_debian_packages "$command is missing" "$command"
    done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for NAME SECONDS PIDFILE COMMAND...: polls COMMAND once a second until it succeeds,
# giving up when the process in PIDFILE has died ("-" for a service this script did not start).
wait_for() {
    local name=$1 seconds=$2 pidfile=$3
    shift 3
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if [ "$pidfile" != - ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            log "$name stopped while starting"
            return 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            log "$name was not ready after ${seconds}s"
            return 1
        fi
        sleep 1
    done
    log "$name is ready"
}

http_answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != "000" ]; }
http_ok() { curl -sf -o /dev/null "$1"; }

# start_background NAME PIDFILE LOGFILE COMMAND...: runs COMMAND in its own process group so
# that stopping it also stops whatever it started (kc.sh starts a JVM, for instance).
start_background() {
    local name=$1 pidfile=$2 logfile=$3
    shift 3
    mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
    setsid "$@" >"$logfile" 2>&1 < /dev/null &
    echo $! >"$pidfile"
    log "$name started (pid $(cat "$pidfile"), log $logfile)"
}

stop_background() {
    local name=$1 pidfile=$2
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
        local deadline=$((SECONDS + 30))
        while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
        kill -KILL -- "-$pid" 2>/dev/null || true
        log "$name stopped"
    fi
    rm -f "$pidfile"
}

# --- The font the transcoder burns the DRAFT mark with (VP_REVIEW_DRAFT_MARK) -------------------

ensure_draft_mark_font() {
    if [ ! -r "${VP_REVIEW_DRAFT_MARK_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}" ]; then
        install_debian_packages "The DRAFT mark's font is missing" fonts-dejavu-core
    fi
}

# --- PostgreSQL: the machine's Debian cluster -------------------------------------------------

postgres_cluster() { pg_lsclusters --no-header 2>/dev/null | awk -v port="$VP_DB_PORT" '$3 == port { print $1, $2, $4; exit }'; }

# Starts the cluster on VP_DB_PORT, installing PostgreSQL first if the machine lacks it.
# Prints "started" when this call started it, so the caller knows to stop it again.
start_postgres() {
    if ! command -v pg_lsclusters >/dev/null; then
        install_debian_packages "PostgreSQL is not installed" postgresql
    fi
    if [ -z "$(postgres_cluster)" ]; then
        local version
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        log "Creating PostgreSQL cluster $version/main on port $VP_DB_PORT"
        as_root pg_createcluster --port "$VP_DB_PORT" "$version" main >&2
    fi
    read -r version cluster status <<<"$(postgres_cluster)"
    if [ "$status" != "online" ]; then
        as_root pg_ctlcluster "$version" "$cluster" start >&2
        echo started
    fi
    wait_for "PostgreSQL $version/$cluster" 60 - as_postgres psql -p "$VP_DB_PORT" -Atc 'select 1' >&2
}

stop_postgres() {
    read -r version cluster _ <<<"$(postgres_cluster)"
    [ -n "$version" ] && as_root pg_ctlcluster "$version" "$cluster" stop && log "PostgreSQL $version/$cluster stopped"
}

psql_admin() { as_postgres psql -p "$VP_DB_PORT" -v ON_ERROR_STOP=1 -Atq "$@"; }

ensure_database_role() {
    psql_admin -v user="$VP_DB_USER" -v password="$VP_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SQL
}

ensure_database() {
    psql_admin -v db="$1" -v owner="$VP_DB_USER" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

recreate_database() {
    psql_admin -v db="$1" -v owner="$VP_DB_USER" <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner') \gexec
SQL
}

# --- S3Proxy: an S3 server on the local file system -------------------------------------------

start_s3() {
    local dir=$1
    [ -f "$VP_S3PROXY_JAR" ] || fail "S3Proxy is missing ($VP_S3PROXY_JAR): build first (mvn package -DskipTests)"
    port_in_use "$VP_S3_PORT" && fail "port $VP_S3_PORT (S3 server) is already in use"
    mkdir -p "$dir/objects"
    cat >"$dir/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$VP_S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$VP_STORAGE_ACCESS_KEY
s3proxy.credential=$VP_STORAGE_SECRET_KEY
s3proxy.cors-allow-origins=$VP_PUBLIC_URL
s3proxy.cors-allow-methods=GET PUT POST HEAD DELETE
s3proxy.cors-allow-headers=*
s3proxy.cors-exposed-headers=ETag
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/objects
PROPS
    start_background "S3 server" "$dir/s3proxy.pid" "$dir/s3proxy.log" \
        java -Xmx512m -jar "$VP_S3PROXY_JAR" --properties "$dir/s3proxy.properties"
    wait_for "S3 server on port $VP_S3_PORT" 60 "$dir/s3proxy.pid" http_answers "http://127.0.0.1:$VP_S3_PORT/"
}

stop_s3() { stop_background "S3 server" "$1/s3proxy.pid"; }

# --- Keycloak, with the realm kept in deploy/keycloak -----------------------------------------

start_keycloak() {
    local dir=$1 database=$2
    [ -x "$VP_KEYCLOAK_HOME/bin/kc.sh" ] || fail "Keycloak is missing ($VP_KEYCLOAK_HOME): build first (mvn package -DskipTests)"
    port_in_use "$VP_KEYCLOAK_PORT" && fail "port $VP_KEYCLOAK_PORT (Keycloak) is already in use"
    mkdir -p "$VP_KEYCLOAK_HOME/data/import"
    cp "$VP_REPO/deploy/keycloak/video-platform-realm.json" "$VP_KEYCLOAK_HOME/data/import/"
    # The same build options on every start (--db, --health-enabled), or Keycloak rebuilds itself.
    KC_BOOTSTRAP_ADMIN_USERNAME=$VP_KEYCLOAK_ADMIN KC_BOOTSTRAP_ADMIN_PASSWORD=$VP_KEYCLOAK_ADMIN_PASSWORD \
    start_background "Keycloak" "$dir/keycloak.pid" "$dir/keycloak.log" \
        "$VP_KEYCLOAK_HOME/bin/kc.sh" start-dev \
        --http-host=127.0.0.1 --http-port="$VP_KEYCLOAK_PORT" --http-management-port="$VP_KEYCLOAK_MANAGEMENT_PORT" \
        --health-enabled=true --import-realm \
        --db=postgres --db-url="jdbc:postgresql://$VP_DB_HOST:$VP_DB_PORT/$database" \
        --db-username="$VP_DB_USER" --db-password="$VP_DB_PASSWORD"
    wait_for "Keycloak on port $VP_KEYCLOAK_PORT" 240 "$dir/keycloak.pid" http_ok "http://127.0.0.1:$VP_KEYCLOAK_MANAGEMENT_PORT/health/ready" \
        || { tail -30 "$dir/keycloak.log" >&2; return 1; }
}

stop_keycloak() { stop_background "Keycloak" "$1/keycloak.pid"; }
