#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The services the integration tests need, started before them and stopped after them by the
# EAR module's build (pre- and post-integration-test). WildFly itself is started by Arquillian.
# Usage: it-stack.sh start|stop STATE_DIR
set -euo pipefail
# The test stack's own ports and databases (video-platform-ear/pom.xml passes the same), so that
# it never touches the databases of a local run: those it drops and recreates are *_it.
: "${VP_PUBLIC_URL:=http://localhost:18080}"
: "${VP_DB_NAME:=videoplatform_it}"
: "${VP_KEYCLOAK_DB_NAME:=keycloak_it}"
: "${VP_KEYCLOAK_PORT:=18180}"
: "${VP_KEYCLOAK_MANAGEMENT_PORT:=19100}"
: "${VP_S3_PORT:=18280}"
# The integration tests' own mail server (GreenMail, started by InvitationIT).
: "${VP_SMTP_PORT:=13025}"
source "$(dirname "$0")/services.sh"

command=${1:?start or stop}
dir=${2:?a folder for the state of the test stack}

# The tests make their media with FFmpeg's lavfi input, which JavaCV's libavdevice provides; that
# library links PulseAudio's client library, which a machine without a desktop or browser lacks.
ensure_test_media_inputs() {
    # By its full path: /sbin is not on a user's PATH on Debian, and the library would be installed at every run.
    # Read to the end (no grep -q), or ldconfig dies of SIGPIPE on a long cache and pipefail reads that as missing.
    if ! /sbin/ldconfig -p | grep 'libpulse\.so\.0 ' >/dev/null; then
        install_debian_packages "The tests' media inputs need PulseAudio's client library" libpulse0
    fi
}

stop_stack() {
    stop_keycloak "$dir"
    stop_s3 "$dir/s3"
    if [ -f "$dir/postgres-started-here" ]; then
        stop_postgres || true
        rm -f "$dir/postgres-started-here"
    fi
}

start_stack() {
    # Refuse before touching anything: another stack on these ports may be mid-test.
    for port in "$VP_S3_PORT" "$VP_KEYCLOAK_PORT" "$VP_KEYCLOAK_MANAGEMENT_PORT"; do
        port_in_use "$port" && fail "port $port is already in use: is another test run going on?"
    done
    mkdir -p "$dir"
    trap 'log "the test stack failed to start: stopping what did start"; stop_stack' ERR
    # The tests run with the DRAFT mark on, to see it burned into review copies.
    ensure_draft_mark_font
    ensure_test_media_inputs
    local postgres
    postgres=$(start_postgres)
    if [ "$postgres" = started ]; then touch "$dir/postgres-started-here"; fi
    ensure_database_role
    # Fresh databases: every test run starts from the migrations and the realm file.
    case "$VP_DB_NAME $VP_KEYCLOAK_DB_NAME" in
    *_it\ *_it) ;;
    *) fail "the test stack only recreates databases named *_it, not $VP_DB_NAME and $VP_KEYCLOAK_DB_NAME" ;;
    esac
    recreate_database "$VP_DB_NAME"
    recreate_database "$VP_KEYCLOAK_DB_NAME"
    rm -rf "$dir/s3"
    start_s3 "$dir/s3"
    start_keycloak "$dir" "$VP_KEYCLOAK_DB_NAME"
}

case "$command" in
start) start_stack ;;
stop) stop_stack ;;
*) fail "unknown command $command (start or stop)" ;;
esac
