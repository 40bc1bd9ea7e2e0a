#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Scale-out, exercised: two WildFly nodes running the same EAR, each with shared-broker.cli
# applied as the README says, take transcoding jobs from one Apache Artemis broker (staged by
# deploy/pom.xml), against the test stack's PostgreSQL, S3 server and Keycloak. Every cut is
# uploaded through the first node; the check passes when every cut is transcoded and both nodes
# did some of the work (ScaleOutCheck.java). Needs the build packaged first (`mvn verify`, or
# `mvn package -DskipTests`).
# Usage: deploy/stack/scale-out-check.sh [cuts, default 6]
set -euo pipefail
cd "$(dirname "$0")/../.."
cuts=${1:-6}
repo=$(pwd)
source deploy/stack/services.sh
WILDFLY_HOME=$(echo "$repo"/deploy/target/wildfly-*)
ARTEMIS_HOME=$(echo "$repo"/deploy/target/apache-artemis-*)
EAR=$repo/video-platform-ear/target/video-platform.ear
work=$(mktemp -d)
# The nodes' ports: WildFly's own plus an offset each, clear of the test stack's 18xxx.
NODES=("node-a 1000" "node-b 1100")

stop_all() {
    for entry in "${NODES[@]}"; do
        stop_background "WildFly ${entry% *}" "$work/${entry% *}.pid" || true
    done
    stop_background "Artemis" "$work/artemis.pid" || true
    bash deploy/stack/it-stack.sh stop "$work/stack" || true
    rm -rf "$work"
}
trap stop_all EXIT

for file in "$EAR" "$WILDFLY_HOME/bin/standalone.sh" "$ARTEMIS_HOME/bin/artemis"; do
    [ -e "$file" ] || fail "$file is missing: build first (mvn package -DskipTests)"
done
bash deploy/stack/it-stack.sh start "$work/stack"

log "Creating an Artemis broker on port 61616"
"$ARTEMIS_HOME/bin/artemis" create "$work/broker" --user artemis --password artemis --require-login --no-web \
    --no-autotune --silent --host localhost >/dev/null
start_background "Artemis" "$work/artemis.pid" "$work/artemis.log" "$work/broker/bin/artemis" run
wait_for "Artemis on port 61616" 60 "$work/artemis.pid" grep -q "AMQ221007" "$work/artemis.log"

for entry in "${NODES[@]}"; do
    read -r node offset <<<"$entry"
    base=$work/$node
    cp -r "$WILDFLY_HOME/standalone" "$base"
    rm -rf "$base/data" "$base/log" "$base/tmp" "$base/deployments"/*
    JAVA_OPTS="-Djboss.server.base.dir=$base" "$WILDFLY_HOME/bin/jboss-cli.sh" --file=deploy/wildfly/shared-broker.cli >/dev/null
    cp "$EAR" "$base/deployments/"
    VP_DB_URL="jdbc:postgresql://localhost:5432/videoplatform_it" \
    VP_OIDC_PROVIDER_URL="http://localhost:18180/realms/video-platform" \
    VP_KEYCLOAK_URL="http://localhost:18180" VP_KEYCLOAK_ADMIN_URL="http://localhost:18180" \
    VP_STORAGE_ENDPOINT="http://localhost:18280" VP_STORAGE_ACCESS_KEY=$VP_STORAGE_ACCESS_KEY VP_STORAGE_SECRET_KEY=$VP_STORAGE_SECRET_KEY \
    VP_ARTEMIS_HOST=localhost VP_ARTEMIS_PORT=61616 VP_ARTEMIS_USER=artemis VP_ARTEMIS_PASSWORD=artemis \
    VP_TRANSCODING_CONCURRENCY=1 VP_SHARE_CLICK_LOG_DIR="$base/click-log" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    start_background "WildFly $node" "$work/$node.pid" "$work/$node.log" "$WILDFLY_HOME/bin/standalone.sh" -c standalone-full.xml \
        -Djboss.server.base.dir="$base" -Djboss.node.name="$node" -Djboss.tx.node.id="$node" -Djboss.socket.binding.port-offset="$offset"
done
for entry in "${NODES[@]}"; do
    read -r node offset <<<"$entry"
    wait_for "WildFly $node on port $((8080 + offset))" 240 "$work/$node.pid" http_ok "http://localhost:$((8080 + offset))/api/ready" \
        || { tail -40 "$work/$node/log/server.log" >&2; exit 1; }
done

# The check's classpath is the tests' one, which names the other modules: they are installed
# from what the build packaged, as a clean local repository holds none of them.
mvn -q -o -B install -DskipTests -pl .,video-platform-ejb,video-platform-web
mvn -q -o -pl video-platform-ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
java -cp "video-platform-ear/target/test-classes:$(cat "$work/cp.txt")" -Dvp.it.base-url=http://localhost:9080 \
    -Dvp.it.keycloak-url=http://localhost:18180 -Dvp.it.db-url=jdbc:postgresql://localhost:5432/videoplatform_it \
    deploy/stack/ScaleOutCheck.java "$cuts" "$work" "$work"/node-*/log/server.log 2>"$work/check.log" \
    || { tail -40 "$work/check.log" >&2; exit 1; }
