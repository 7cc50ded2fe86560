#!/usr/bin/env bash
# Media processing benchmark:  ./scripts/bench-media.sh [OUTPUT.md]
#
# Builds tools/MediaBench (Release), writes ten 12-megapixel JPEGs (4000×3000), one 12,000×9,000 JPEG and a one-minute
# 1080p H.264 clip (ffmpeg lavfi) into a throwaway embedded store, then processes each set in a process of its own,
# exactly as the media.process job does (hash while streaming, decode downscaled, renditions ≤256 and ≤1,280 px as
# WebP; video: ffprobe and a poster frame by ffmpeg), and prints a Markdown table: throughput and the worker's peak
# resident memory (ffmpeg's own memory is its process's, not counted). Needs ffmpeg (scripts/install-test-deps.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=${1:-/dev/stdout}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
TMP=$(mktemp -d /tmp/mediavault-bench.XXXXXX)
trap 'rm -rf -- "$TMP"' EXIT
dotnet build tools/MediaBench -c Release -v q -o "$TMP/bin" >&2
bench() { dotnet "$TMP/bin/MediaVault.MediaBench.dll" "$@"; }
bench prepare "$TMP/data"
mkdir -p "$TMP/data/objects"
ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t 60 -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
  -movflags +faststart -f mp4 "$TMP/data/objects/video"
printf '{"ContentType":"video/mp4"}' > "$TMP/data/objects/video.meta.json"
{
  echo "| scenario | files | throughput | peak worker memory |"
  echo "|---|---|---|---|"
  bench run "$TMP/data" photos
  bench run "$TMP/data" huge
  bench run "$TMP/data" video
} > "$OUT"
