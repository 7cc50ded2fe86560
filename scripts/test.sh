#!/usr/bin/env bash
# MediaVault test command:  ./scripts/test.sh [extra `dotnet test` arguments, e.g. --filter Category=Unit]
#
# Starts throwaway services on free 127.0.0.1 ports (PostgreSQL 15, @20minutes/s3rver, maildev), exports
# MEDIAVAULT_TEST_* for the tests, runs `dotnet test MediaVault.sln` (TRX results kept under
# .artifacts/test-results/) and, when present, the TypeScript client tests. Everything is stopped and the
# temp dir removed on exit. The last line of stdout is always `P passed, F failed, S skipped`; the exit
# status is 0 only when F == 0.
#
# Environment knobs:
#   MEDIAVAULT_TEST_DEBUG=1   print the exported MEDIAVAULT_TEST_* variables (stderr) before the tests
#   MEDIAVAULT_PG_BIN=DIR     PostgreSQL server binaries (default /usr/lib/postgresql/15/bin)
#   MEDIAVAULT_SKIP_TS=1      skip the TypeScript client tests (for a quick, filtered .NET run while developing)
# shellcheck disable=SC2016,SC2317  # node programs are single-quoted on purpose; the trap handlers are reached via trap
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd -P)

: "${DOTNET_CLI_TELEMETRY_OPTOUT:=1}" "${DOTNET_NOLOGO:=1}" "${DOTNET_SKIP_FIRST_TIME_EXPERIENCE:=1}"
export DOTNET_CLI_TELEMETRY_OPTOUT DOTNET_NOLOGO DOTNET_SKIP_FIRST_TIME_EXPERIENCE

PG_BIN=${MEDIAVAULT_PG_BIN:-/usr/lib/postgresql/15/bin}
S3_BUCKET=mediavault-test
SERVICES_DIR="$REPO_ROOT/tests/services"
TS_DIR="$REPO_ROOT/clients/typescript"

log() { printf 'test.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------- state / cleanup
TMP=""
PG_DATA=""
PG_STARTED=0
S3_PID=""
MAIL_PID=""
API_PID=""
PASSED=0
FAILED=0
SKIPPED=0
SUMMARY_PRINTED=0
CLEANED=0

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

as_pg() { # run a PostgreSQL server binary as the user that owns the cluster
  if [ "$IS_ROOT" -eq 1 ]; then
    (cd "$TMP" && runuser -u postgres -- "$@")
  else
    (cd "$TMP" && "$@")
  fi
}

stop_pid() { # stop_pid PID: TERM, wait up to 5 s, then KILL
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  [ "$CLEANED" -eq 1 ] && return 0
  CLEANED=1
  # nothing here may write to stdout: the summary must stay the last line
  if [ "$PG_STARTED" -eq 1 ] && [ -n "$PG_DATA" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  stop_pid "$API_PID" >&2 || true
  stop_pid "$S3_PID" >&2 || true
  stop_pid "$MAIL_PID" >&2 || true
  if [ -n "$TMP" ] && [ -d "$TMP" ]; then
    rm -rf -- "$TMP" >&2 || true
  fi
}

on_exit() {
  local rc=$?
  cleanup || true
  if [ "$SUMMARY_PRINTED" -eq 0 ]; then
    # aborted before the tests were counted (service start failure, interrupt, ...): report a failure
    [ "$FAILED" -gt 0 ] || FAILED=1
    echo "$PASSED passed, $FAILED failed, $SKIPPED skipped" || true
    [ "$rc" -ne 0 ] || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------------------------------------- helpers
command -v node >/dev/null 2>&1 || die "node is required (Node 20+)"
command -v npm >/dev/null 2>&1 || die "npm is required"
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install postgresql-15)"
if [ "$IS_ROOT" -eq 1 ]; then
  id -u postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (initdb refuses root)"
  command -v runuser >/dev/null 2>&1 || die "running as root needs runuser (util-linux)"
fi
HAVE_CURL=0
command -v curl >/dev/null 2>&1 && HAVE_CURL=1

free_ports() { # free_ports N: print N distinct free TCP ports on 127.0.0.1
  node -e '
    const net = require("net");
    (async () => {
      const servers = [], ports = [];
      for (let i = 0; i < Number(process.argv[1]); i++) {
        const s = net.createServer();
        await new Promise((res, rej) => { s.once("error", rej); s.listen(0, "127.0.0.1", res); });
        servers.push(s); ports.push(s.address().port);
      }
      servers.forEach((s) => s.close());
      console.log(ports.join(" "));
    })().catch((e) => { console.error(e); process.exit(1); });
  ' "$1"
}

http_status() { # http_status METHOD URL: print the HTTP status code (000 when nothing answers)
  local method=$1 url=$2
  if [ "$HAVE_CURL" -eq 1 ]; then
    if [ "$method" = HEAD ]; then
      curl -s -o /dev/null -w '%{http_code}' --max-time 2 -I "$url" 2>/dev/null || true
    else
      curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X "$method" "$url" 2>/dev/null || true
    fi
  else
    node -e '
      const req = require("http").request(process.argv[2], { method: process.argv[1], timeout: 2000 }, (res) => {
        process.stdout.write(String(res.statusCode)); res.resume(); res.on("end", () => process.exit(0));
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => { process.stdout.write("000"); process.exit(0); });
      req.end();
    ' "$method" "$url" 2>/dev/null || true
  fi
}

wait_http() { # wait_http NAME PID METHOD URL EXPECTED_STATUS LOGFILE [TIMEOUT_S]
  local name=$1 pid=$2 method=$3 url=$4 expected=$5 logfile=$6 timeout=${7:-30} i code
  for i in $(seq 1 $((timeout * 10))); do
    code=$(http_status "$method" "$url")
    [ "$code" = "$expected" ] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited during start-up; its log:"
      sed 's/^/  | /' "$logfile" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.1
  done
  log "$name did not answer $method $url with $expected within ${timeout}s (last: $code); its log:"
  sed 's/^/  | /' "$logfile" >&2 2>/dev/null || true
  return 1
}

# ---------------------------------------------------------------------------------------------- system packages
# PostgreSQL 15 server binaries, Chromium and curl: installed with apt when a fresh machine lacks them.
bash "$REPO_ROOT/scripts/install-test-deps.sh" || die "could not install the test dependencies (scripts/install-test-deps.sh)"

# ---------------------------------------------------------------------------------------------- npm services
ensure_service_modules() {
  local stamp="$SERVICES_DIR/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ ! "$SERVICES_DIR/package-lock.json" -nt "$stamp" ] \
    && [ -f "$SERVICES_DIR/node_modules/@20minutes/s3rver/package.json" ] \
    && [ -f "$SERVICES_DIR/node_modules/maildev/dist/bin/maildev.js" ]; then
    return 0
  fi
  log "installing test service packages (npm ci in tests/services)…"
  (cd "$SERVICES_DIR" && npm ci --no-audit --no-fund) >&2 || die "npm ci in tests/services failed"
}

if command -v flock >/dev/null 2>&1; then
  # serialise concurrent runs deciding to `npm ci` into the same folder
  LOCK_FILE="${TMPDIR:-/tmp}/mediavault-npm-ci-$(printf '%s' "$SERVICES_DIR" | cksum | cut -d' ' -f1).lock"
  (
    flock -w 600 9 || true
    ensure_service_modules
  ) 9>"$LOCK_FILE"
else
  ensure_service_modules
fi

# ---------------------------------------------------------------------------------------------- temp dir
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mediavault-test.XXXXXX")
if [ "$IS_ROOT" -eq 1 ]; then
  chmod 711 "$TMP"
  if ! runuser -u postgres -- test -x "$TMP"; then
    # TMPDIR is not reachable by the postgres user: fall back to /tmp
    rm -rf -- "$TMP"
    TMP=$(mktemp -d /tmp/mediavault-test.XXXXXX)
    chmod 711 "$TMP"
  fi
fi
mkdir -p "$TMP/pg" "$TMP/s3" "$TMP/mail"
[ "$IS_ROOT" -eq 1 ] && chown postgres: "$TMP/pg"
chmod 700 "$TMP/pg"
PG_DATA="$TMP/pg/data"

# ---------------------------------------------------------------------------------------------- PostgreSQL
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 \
  >"$TMP/initdb.log" 2>&1 || { sed 's/^/  | /' "$TMP/initdb.log" >&2; die "initdb failed"; }

PG_PORT=""
for attempt in 1 2 3; do
  port=$(free_ports 1)
  log "starting PostgreSQL on port $port…"
  PG_STARTED=1
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TMP/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $TMP/pg -c fsync=off -c max_connections=300" start >/dev/null 2>&1; then
    PG_PORT=$port
    break
  fi
  PG_STARTED=0
  log "PostgreSQL did not start (attempt $attempt); its log:"
  sed 's/^/  | /' "$TMP/pg/server.log" >&2 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
done
[ -n "$PG_PORT" ] || die "could not start PostgreSQL"
for i in $(seq 1 100); do # pg_ctl -w already waited; make sure TCP answers too
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -t 1 && break
  [ "$i" -lt 100 ] || die "PostgreSQL on port $PG_PORT is not accepting connections"
  sleep 0.1
done

# ---------------------------------------------------------------------------------------------- s3rver
S3_PORT=""
for attempt in 1 2 3; do
  port=$(free_ports 1)
  log "starting s3rver on port $port (bucket $S3_BUCKET)…"
  node "$SERVICES_DIR/s3rver.js" --directory "$TMP/s3" --port "$port" --bucket "$S3_BUCKET" \
    </dev/null >"$TMP/s3rver.log" 2>&1 &
  S3_PID=$!
  if wait_http s3rver "$S3_PID" HEAD "http://127.0.0.1:$port/$S3_BUCKET/__readiness-probe" 404 "$TMP/s3rver.log"; then
    S3_PORT=$port
    break
  fi
  stop_pid "$S3_PID"
  S3_PID=""
done
[ -n "$S3_PORT" ] || die "could not start s3rver"

# ---------------------------------------------------------------------------------------------- maildev
SMTP_PORT=""
MAIL_WEB_PORT=""
for attempt in 1 2 3; do
  read -r smtp web < <(free_ports 2)
  log "starting maildev on SMTP port $smtp, web port $web…"
  node "$SERVICES_DIR/node_modules/maildev/dist/bin/maildev.js" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    -s "$smtp" -w "$web" --mail-directory "$TMP/mail" --silent </dev/null >"$TMP/maildev.log" 2>&1 &
  MAIL_PID=$!
  if wait_http maildev "$MAIL_PID" GET "http://127.0.0.1:$web/api/healthz" 200 "$TMP/maildev.log"; then
    SMTP_PORT=$smtp
    MAIL_WEB_PORT=$web
    break
  fi
  stop_pid "$MAIL_PID"
  MAIL_PID=""
done
[ -n "$SMTP_PORT" ] || die "could not start maildev"

# ---------------------------------------------------------------------------------------------- environment
export MEDIAVAULT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export MEDIAVAULT_TEST_S3_URL="http://127.0.0.1:$S3_PORT"
export MEDIAVAULT_TEST_S3_BUCKET="$S3_BUCKET"
export MEDIAVAULT_TEST_S3_ACCESS_KEY=S3RVER
export MEDIAVAULT_TEST_S3_SECRET_KEY=S3RVER
export MEDIAVAULT_TEST_SMTP_HOST=127.0.0.1
export MEDIAVAULT_TEST_SMTP_PORT="$SMTP_PORT"
export MEDIAVAULT_TEST_MAILDEV_URL="http://127.0.0.1:$MAIL_WEB_PORT"

if [ "${MEDIAVAULT_TEST_DEBUG:-0}" = 1 ]; then
  env | grep '^MEDIAVAULT_TEST_' | sort | sed 's/^/test.sh: env /' >&2
fi

# ---------------------------------------------------------------------------------------------- .NET tests
RESULTS="$REPO_ROOT/.artifacts/test-results/$(date -u +%Y%m%dT%H%M%SZ)-$$"
mkdir -p "$RESULTS"
log "running .NET tests (results in ${RESULTS#"$REPO_ROOT"/})…"
DOTNET_RC=0
dotnet test MediaVault.sln -c Release --logger trx --results-directory "$RESULTS" "$@" </dev/null || DOTNET_RC=$?

# sum the <Counters .../> of every TRX: prints "passed failed skipped"
read -r D_PASSED D_FAILED D_SKIPPED < <(node -e '
  const fs = require("fs"), path = require("path");
  const dir = process.argv[1];
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith(".trx"))) {
    const xml = fs.readFileSync(path.join(dir, f), "utf8");
    const m = /<Counters\b([^>]*)>/.exec(xml);
    if (!m) continue;
    const a = {};
    for (const [, k, v] of m[1].matchAll(/(\w+)\s*=\s*"(\d+)"/g)) a[k] = Number(v);
    const n = (k) => a[k] || 0;
    passed += n("passed");
    failed += n("failed") + n("error") + n("timeout") + n("aborted");
    skipped += Math.max(0, n("total") - n("executed"));
  }
  console.log(`${passed} ${failed} ${skipped}`);
' "$RESULTS")
if [ "$DOTNET_RC" -ne 0 ] && [ "$D_FAILED" -eq 0 ]; then
  log "dotnet test exited with $DOTNET_RC but no test failed: counting one failure (build error or crashed test host)"
  D_FAILED=1
fi
PASSED=$((PASSED + D_PASSED))
FAILED=$((FAILED + D_FAILED))
SKIPPED=$((SKIPPED + D_SKIPPED))
log ".NET: $D_PASSED passed, $D_FAILED failed, $D_SKIPPED skipped"

# ---------------------------------------------------------------------------------------------- TypeScript client
if [ "${MEDIAVAULT_SKIP_TS:-0}" != 1 ] && [ -f "$TS_DIR/package.json" ] \
  && node -e 'const p = require(process.argv[1]); process.exit(p.scripts && p.scripts.test ? 0 : 1)' "$TS_DIR/package.json"; then
  TS_OK=1
  if [ -f "$TS_DIR/package-lock.json" ]; then
    if [ ! -f "$TS_DIR/node_modules/.package-lock.json" ] || [ "$TS_DIR/package-lock.json" -nt "$TS_DIR/node_modules/.package-lock.json" ]; then
      log "installing TypeScript client packages (npm ci in clients/typescript)…"
      (cd "$TS_DIR" && npm ci --no-audit --no-fund) >&2 || TS_OK=0
    fi
  elif [ ! -d "$TS_DIR/node_modules" ]; then
    log "installing TypeScript client packages (npm install in clients/typescript, no lockfile)…"
    (cd "$TS_DIR" && npm install --no-audit --no-fund) >&2 || TS_OK=0
  fi
  T_PASSED=0 T_FAILED=0 T_SKIPPED=0
  # The live API for the TypeScript tests: the Release build `dotnet test` just made, in Production mode, on its own
  # PostgreSQL database, the S3 server and the SMTP server.
  if [ "$TS_OK" -eq 1 ]; then
    API_DLL="$REPO_ROOT/src/WebApi/bin/Release/net10.0/MediaVault.WebApi.dll"
    API_PORT=$(free_ports 1)
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE mediavault_live" >&2 || TS_OK=0
    log "starting the live API on port $API_PORT for the TypeScript tests…"
    (cd "$TMP" && ASPNETCORE_ENVIRONMENT=Production \
      Database__Provider=Postgres \
      ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=mediavault_live" \
      Storage__Provider=S3 Storage__S3__ServiceUrl="$MEDIAVAULT_TEST_S3_URL" Storage__S3__Bucket="$S3_BUCKET" \
      Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER Storage__S3__ForcePathStyle=true Storage__S3__Region=us-east-1 \
      Email__Provider=Smtp Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$SMTP_PORT" \
      Jwt__SigningKey="$(node -e 'console.log(require("crypto").randomBytes(48).toString("base64"))')" \
      App__PublicBaseUrl="http://127.0.0.1:$API_PORT" App__DataDirectory="$TMP/live-api-data" \
      Admin__Emails="admin@e2e.mediavault.test" RateLimiting__AuthPermitsPerMinute=1000 \
      exec dotnet "$API_DLL" --urls "http://127.0.0.1:$API_PORT" >"$RESULTS/live-api.log" 2>&1) &
    API_PID=$!
    if wait_http "live API" "$API_PID" GET "http://127.0.0.1:$API_PORT/health/ready" 200 "$RESULTS/live-api.log" 90; then
      export MEDIAVAULT_TEST_API_URL="http://127.0.0.1:$API_PORT"
    else
      log "the live API did not become ready: counting one failure"
      TS_OK=0
    fi
  fi
  if [ "$TS_OK" -eq 1 ]; then
    log "running TypeScript client tests (npm test in clients/typescript)…"
    TS_LOG="$RESULTS/typescript-tests.log"
    set +e
    (cd "$TS_DIR" && npm test </dev/null 2>&1) | tee "$TS_LOG"
    TS_RC=${PIPESTATUS[0]}
    set -e
    # node --test prints TAP when stdout is not a terminal; its summary lines start at column 0
    read -r T_PASSED T_FAILED T_SKIPPED < <(node -e '
      const text = require("fs").readFileSync(process.argv[1], "utf8");
      const sum = (k) => [...text.matchAll(new RegExp(`^# ${k} (\\d+)\\s*$`, "gm"))].reduce((s, m) => s + Number(m[1]), 0);
      console.log(`${sum("pass")} ${sum("fail") + sum("cancelled")} ${sum("skipped") + sum("todo")}`);
    ' "$TS_LOG")
    if [ "$TS_RC" -ne 0 ] && [ "$T_FAILED" -eq 0 ]; then
      log "npm test exited with $TS_RC but no TAP failure was counted: counting one failure"
      T_FAILED=1
    elif [ "$TS_RC" -eq 0 ] && [ $((T_PASSED + T_FAILED + T_SKIPPED)) -eq 0 ]; then
      log "warning: npm test passed but printed no TAP summary (# pass N / # fail N); nothing counted"
    fi
  else
    log "the TypeScript tests could not start (npm install or the live API failed): counting one failure"
    T_FAILED=1
  fi
  PASSED=$((PASSED + T_PASSED))
  FAILED=$((FAILED + T_FAILED))
  SKIPPED=$((SKIPPED + T_SKIPPED))
  log "TypeScript: $T_PASSED passed, $T_FAILED failed, $T_SKIPPED skipped"
fi

# ---------------------------------------------------------------------------------------------- summary
if [ "$PASSED" -eq 0 ] && [ "$FAILED" -eq 0 ]; then
  log "no test ran: counting one failure"
  FAILED=1
fi

cleanup
SUMMARY_PRINTED=1
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ] || exit 1
exit 0
