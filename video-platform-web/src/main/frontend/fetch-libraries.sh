#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Fetches the browser libraries that have no WebJar from the npm registry at build time, so the
# application serves them itself and nothing loads from a CDN at run time. Each package is pinned
# by version and by the integrity hash npm published for it; a tarball that differs fails the build.
# Usage: fetch-libraries.sh <output directory>
set -euo pipefail

out=$1
# package@version  integrity  files from its dist/ to serve
LIBRARIES=(
    "uppy@5.2.4 sha512-1btgAGUb7Tu7GympmA9XkyGcXBSM93d1FA36J6pY4lr6a0jMXfvFUg66Dbnm/Xaq6sFvm8KwSPJF46d8Ng0E8Q== uppy.min.js,uppy.min.css"
    "hls.js@1.7.4 sha512-3GlxGdPvT2YHvQYOt+yOzT/DEior/qJVNIylHA77kgeoBTdQQqi70GwefNEUmHQeNGyjC8U62+bruqW/Tpm+tg== hls.min.js"
    "chart.js@4.6.1 sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g== chart.umd.min.js"
)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v npm >/dev/null; then
    echo "npm is missing: installing Debian's npm package" >&2
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for entry in "${LIBRARIES[@]}"; do
    read -r spec integrity files <<<"$entry"
    name=${spec%@*}
    target="$out/$name"
    if [ -f "$target/.integrity" ] && [ "$(cat "$target/.integrity")" = "$integrity" ]; then
        continue
    fi
    published=$(cd "$work" && npm pack "$spec" --prefer-offline --json --silent | sed -n 's/.*"integrity": "\(.*\)".*/\1/p')
    if [ "$published" != "$integrity" ]; then
        echo "$spec: integrity $published does not match the pinned $integrity" >&2
        exit 1
    fi
    mkdir -p "$target"
    tar -xzf "$work"/*.tgz -C "$work"
    for file in ${files//,/ }; do
        cp "$work/package/dist/$file" "$target/"
    done
    cp "$work"/package/LICENSE* "$target/"
    echo "$integrity" >"$target/.integrity"
    rm -rf "$work"/*
done
