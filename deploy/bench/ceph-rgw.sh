#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# A throwaway one-machine Ceph cluster (one monitor, one OSD on a sparse file) with its S3 gateway,
# RADOS Gateway, from Debian's packages: an S3 server that, like MinIO, completes a multipart
# upload by recording where the parts are instead of copying them. For the upload benchmark only.
# Usage: deploy/bench/ceph-rgw.sh start|stop [DIR, default /tmp/vp-ceph]. Listens on VP_RGW_PORT
# (default 7480) with the platform's local keys (VP_STORAGE_ACCESS_KEY, VP_STORAGE_SECRET_KEY).
set -euo pipefail
source "$(dirname "$0")/../stack/services.sh"
action=${1:?usage: ceph-rgw.sh start|stop [DIR]}
dir=${2:-/tmp/vp-ceph}
: "${VP_RGW_PORT:=7480}"
conf=$dir/ceph.conf

# Removes only what this script made: a typo in DIR must not empty some other folder.
stop_and_remove() {
    [ ! -e "$dir" ] || [ -f "$dir/ceph.conf" ] || fail "$dir holds no cluster made by this script: left alone"
    for daemon in radosgw ceph-osd ceph-mon; do
        pkill -f "^$daemon -c $conf" || true
    done
    for _ in $(seq 30); do pgrep -f -- "-c $conf" >/dev/null || break; sleep 1; done
    # The gateway can take minutes to finish shutting down; nothing in a throwaway cluster is worth the wait.
    pkill -KILL -f -- "-c $conf" || true
    for _ in $(seq 10); do pgrep -f -- "-c $conf" >/dev/null || break; sleep 1; done
    if pgrep -f -- "-c $conf" >/dev/null; then fail "the cluster in $dir did not stop"; fi
    rm -rf "$dir"
}

if [ "$action" = stop ]; then
    stop_and_remove
    exit 0
fi

if ! command -v radosgw >/dev/null; then
    install_debian_packages "Ceph is not installed" --no-install-recommends ceph-mon ceph-osd radosgw ceph-common
fi
stop_and_remove
mkdir -p "$dir/run" "$dir/log" "$dir/mon.a" "$dir/osd.0"
fsid=$(cat /proc/sys/kernel/random/uuid)
# No authentication and plain (crc) connections: a cluster on the loopback interface that lives
# for one benchmark. Without "crc" everywhere the gateway insists on encrypted sessions that
# need cephx and never connects. Small placement-group counts, since one OSD holds every pool.
cat >"$conf" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:3300
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
ms client mode = crc
ms mon cluster mode = crc
ms mon service mode = crc
ms cluster mode = crc
ms service mode = crc
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon max pg per osd = 1000
osd crush chooseleaf type = 0
mon data avail warn = 1
run dir = $dir/run
log file = $dir/log/\$name.log
admin socket = $dir/run/\$name.asok
pid file = $dir/run/\$name.pid
mon data = $dir/\$name
osd data = $dir/\$name
osd objectstore = bluestore
bluestore block path = $dir/osd.0.block
bluestore block create = true
bluestore block size = 53687091200
bluestore fsck on mount = false
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$VP_RGW_PORT
CONF
monmaptool --create --add a v2:127.0.0.1:3300 --fsid "$fsid" "$dir/monmap" >/dev/null
ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap"
ceph-mon -c "$conf" -i a
ceph -c "$conf" osd create >/dev/null
ceph-osd -c "$conf" -i 0 --mkfs 2>>"$dir/log/setup.log" || fail "the OSD could not be made: see $dir/log"
ceph -c "$conf" osd crush add-bucket localhost host >/dev/null
ceph -c "$conf" osd crush move localhost root=default >/dev/null
ceph -c "$conf" osd crush add osd.0 1.0 host=localhost >/dev/null
ceph-osd -c "$conf" -i 0 2>>"$dir/log/setup.log"
radosgw -c "$conf" -n client.rgw
for _ in $(seq 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$VP_RGW_PORT/" && break
    sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:$VP_RGW_PORT/" || fail "RADOS Gateway did not start: see $dir/log"
timeout 60 radosgw-admin -c "$conf" user create --uid platform --display-name platform \
    --access-key "$VP_STORAGE_ACCESS_KEY" --secret-key "$VP_STORAGE_SECRET_KEY" >/dev/null
echo "RADOS Gateway on http://127.0.0.1:$VP_RGW_PORT (cluster in $dir)"
