#!/usr/bin/env bash
# Installs, with apt, what the test command needs and a fresh machine may lack: the PostgreSQL 15 server binaries,
# Chromium (for the NSwag UI browser test), curl, and ffmpeg/ffprobe (media processing). Does nothing when they are present. Needs root (or sudo).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=()
[ -x "${MEDIAVAULT_PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ] || packages+=(postgresql-15)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || packages+=(chromium)
command -v curl >/dev/null 2>&1 || packages+=(curl)
{ command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; } || packages+=(ffmpeg)
[ "${#packages[@]}" -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-test-deps: need root to install: ${packages[*]}" >&2; exit 1; }
  SUDO="sudo -n"
fi
echo "install-test-deps: installing ${packages[*]}…" >&2
$SUDO apt-get update -q </dev/null >&2
$SUDO apt-get install -y -q --no-install-recommends "${packages[@]}" </dev/null >&2
