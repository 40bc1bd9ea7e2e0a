#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The full output set of a 1080p30 source three ways, one after the other on this machine:
#   1. the platform's transcoder (JavaCV, one decode feeding every output, as the worker runs it);
#   2. ONE Debian ffmpeg command producing the same outputs (same codecs, presets, sizes);
#   3. one Debian ffmpeg run per output, the way PeerTube and MediaCMS transcode.
# Outputs: 720p proxy, HLS 1080/720/480/360, delivery 16:9 (pad) 1:1 and 9:16 (crop) at -14 LUFS,
# poster, five thumbnails, a 10x6 sprite. Usage: deploy/bench/transcode.sh [seconds, default 60]
# Needs `mvn install -DskipTests` first; installs Debian's ffmpeg when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source deploy/stack/services.sh
ensure_commands ffmpeg
mvn -q -o -pl video-platform-ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
classpath=$(cat "$work/cp.txt")
# Compiled beforehand: the worker runs inside a started server, so compiling this launcher is no part of a transcode.
javac -nowarn -cp "$classpath" -d "$work/classes" deploy/bench/TranscodeBench.java

ffmpeg -v error -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$seconds" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$seconds,volume=-20dB" \
    -c:v libx264 -preset veryfast -crf 18 -pix_fmt yuv420p -c:a aac -b:a 192k -shortest "$work/source.mp4"

now() { date +%s.%N; }
elapsed() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.1f", to - from }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "== platform transcoder (JavaCV, one decode)"
start=$(now)
result=$(java -cp "$work/classes:$classpath" TranscodeBench "$work/source.mp4" "$work/platform" 2>/dev/null | tail -1)
platform=$(elapsed "$start" "$(now)")
gain=$(sed 's/.*gain_db=\([-0-9.]*\).*/\1/' <<<"$result")
echo "$result (wall ${platform}s, JVM start included)"

# The same encoders and settings the platform's OutputPlan uses.
review="-c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -ac 2"
delivery="-c:v libx264 -preset medium -crf 18 -g 60 -pix_fmt yuv420p -c:a aac -b:a 192k -ar 48000 -ac 2 -movflags +faststart"
hls() { echo "-c:v libx264 -preset veryfast -crf 23 -maxrate $2k -bufsize $(( $2 * 2 ))k -g 120 -keyint_min 120 -sc_threshold 0 -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -ac 2 -f hls -hls_time 4 -hls_playlist_type vod -hls_list_size 0 -hls_segment_filename $1/hls/$3_%03d.ts $1/hls/$3.m3u8"; }
pad="scale=1920:1080:force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,pad=1920:1080:(ow-iw)/2:(oh-ih)/2:black,setsar=1"
square="scale=1080:1080:force_original_aspect_ratio=increase:flags=bicubic,crop=1080:1080,setsar=1"
portrait="scale=606:1080:force_original_aspect_ratio=increase:flags=bicubic,crop=606:1080,setsar=1"
thumbs="select='eq(n\,$(( seconds * 3 )))+eq(n\,$(( seconds * 9 )))+eq(n\,$(( seconds * 15 )))+eq(n\,$(( seconds * 21 )))+eq(n\,$(( seconds * 27 )))',scale=320:180"
sprite="fps=1,scale=160:90,tile=10x$(( (seconds + 9) / 10 ))"

echo "== one ffmpeg command, every output"
one=$work/one && mkdir -p "$one/hls"
start=$(now)
# shellcheck disable=SC2086 # the option strings are meant to split into words
ffmpeg -v error -y -i "$work/source.mp4" -filter_complex "\
[0:v]split=11[p][h1][h2][h3][h4][d1][d2][d3][po][th][sp];\
[p]scale=1280:720:flags=bicubic,setsar=1[pv];[h1]scale=1920:1080:flags=bicubic,setsar=1[h1v];\
[h2]scale=1280:720:flags=bicubic,setsar=1[h2v];[h3]scale=852:480:flags=bicubic,setsar=1[h3v];\
[h4]scale=640:360:flags=bicubic,setsar=1[h4v];[d1]$pad[d1v];[d2]$square[d2v];[d3]$portrait[d3v];\
[po]select='eq(n\,30)',scale=1280:720[pov];[th]$thumbs[thv];[sp]$sprite[spv];\
[0:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,asplit=5[a1][a2][a3][a4][a5];\
[0:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=${gain}dB,asplit=3[b1][b2][b3]" \
    -map "[pv]" -map "[a1]" $review -g 60 -movflags +faststart "$one/proxy.mp4" \
    -map "[h1v]" -map "[a2]" $(hls "$one" 5000 1080p) -map "[h2v]" -map "[a3]" $(hls "$one" 2800 720p) \
    -map "[h3v]" -map "[a4]" $(hls "$one" 1400 480p) -map "[h4v]" -map "[a5]" $(hls "$one" 800 360p) \
    -map "[d1v]" -map "[b1]" $delivery "$one/landscape.mp4" -map "[d2v]" -map "[b2]" $delivery "$one/square.mp4" \
    -map "[d3v]" -map "[b3]" $delivery "$one/portrait.mp4" \
    -map "[pov]" -frames:v 1 -update 1 "$one/poster.jpg" -map "[thv]" -fps_mode passthrough "$one/thumbnail-%d.jpg" \
    -map "[spv]" -frames:v 1 -update 1 "$one/sprite.jpg"
single=$(elapsed "$start" "$(now)")
echo "wall ${single}s"

echo "== one ffmpeg run per output"
each=$work/each && mkdir -p "$each/hls"
start=$(now)
run() { ffmpeg -v error -y -i "$work/source.mp4" "$@"; }
# shellcheck disable=SC2086
{
    run -af ebur128=peak=true -f null -
    run -vf "scale=1280:720:flags=bicubic,setsar=1" $review -g 60 -movflags +faststart "$each/proxy.mp4"
    run -vf "scale=1920:1080:flags=bicubic,setsar=1" $(hls "$each" 5000 1080p)
    run -vf "scale=1280:720:flags=bicubic,setsar=1" $(hls "$each" 2800 720p)
    run -vf "scale=852:480:flags=bicubic,setsar=1" $(hls "$each" 1400 480p)
    run -vf "scale=640:360:flags=bicubic,setsar=1" $(hls "$each" 800 360p)
    run -vf "$pad" -af "volume=${gain}dB" $delivery "$each/landscape.mp4"
    run -vf "$square" -af "volume=${gain}dB" $delivery "$each/square.mp4"
    run -vf "$portrait" -af "volume=${gain}dB" $delivery "$each/portrait.mp4"
    run -vf "select='eq(n\,30)',scale=1280:720" -frames:v 1 -update 1 "$each/poster.jpg"
    run -vf "$thumbs" -fps_mode passthrough "$each/thumbnail-%d.jpg"
    run -vf "$sprite" -frames:v 1 -update 1 "$each/sprite.jpg"
} 2>/dev/null
per_output=$(elapsed "$start" "$(now)")
echo "wall ${per_output}s"

printf '\n| %s s of 1080p30, full output set | wall time | platform time ÷ this |\n| --- | ---: | ---: |\n' "$seconds"
printf '| platform transcoder (JavaCV, one decode) | %.1f s | 1.00× |\n' "$platform"
printf '| one ffmpeg command | %.1f s | %.2f× |\n' "$single" "$(ratio "$platform" "$single")"
printf '| one ffmpeg run per output | %.1f s | %.2f× |\n' "$per_output" "$(ratio "$platform" "$per_output")"
