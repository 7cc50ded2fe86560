#!/usr/bin/env bash
# The access benchmark of issue 11:
#   ./scripts/bench-access.sh [--assets 1000000] [--runs 200] [--warmup 20] [--budget 60] [--out DIR]
#
# Starts a throwaway PostgreSQL 15 on a free 127.0.0.1 port (like scripts/explain-list-query.sh), migrates it with the
# API's own migrations (tools/AccessBench migrate), drops the secondary indexes, seeds the world of
# scripts/bench-access-seed.sql with generate_series (1,000,000 assets, 5,000,000 grants, 10,000 groups, 100,000
# collections by default; every count scales with --assets, a multiple of 100,000), builds the indexes again, runs
# VACUUM ANALYZE, and prints how long each step took. Then tools/AccessBench calls the API's own handlers in-process as
# a heavy user (about 50,000 visible assets through 20 groups and 500 collections) and an ordinary one (a few hundred)
# and prints p50/p95/p99 per operation (--runs timed runs after --warmup, or at least 20 once an operation has used
# --budget seconds). Results and plans (EXPLAIN ANALYZE, BUFFERS of every list statement) are
# written to DIR (default .artifacts/bench-access), as results-N.md and plans-N.md. Everything else is removed on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd -P)
ASSETS=1000000
RUNS=200
WARMUP=20
BUDGET=60
OUT_DIR="$REPO_ROOT/.artifacts/bench-access"
while [ $# -gt 0 ]; do
  case "$1" in
    --assets) ASSETS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --budget) BUDGET=$2; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    *) echo "usage: $0 [--assets N] [--runs N] [--warmup N] [--budget SECONDS] [--out DIR]" >&2; exit 2 ;;
  esac
done
if [ $((ASSETS % 100000)) -ne 0 ] || [ "$ASSETS" -lt 100000 ]; then
  echo "bench-access.sh: --assets must be a multiple of 100000" >&2
  exit 2
fi
PG_BIN=${MEDIAVAULT_PG_BIN:-/usr/lib/postgresql/15/bin}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf 'bench-access.sh: %s\n' "$*" >&2; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd "$TMP" && runuser -u postgres -- "$@"); else (cd "$TMP" && "$@"); fi; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd -P)
TMP=$(mktemp -d /tmp/mediavault-bench-access.XXXXXX)
chmod 711 "$TMP"
PG_DATA="$TMP/pg/data"
PG_STARTED=0
cleanup() {
  if [ "$PG_STARTED" -eq 1 ]; then as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf -- "$TMP" || true
}
trap cleanup EXIT

mkdir -p "$TMP/pg"
[ "$(id -u)" -eq 0 ] && chown postgres: "$TMP/pg"
chmod 700 "$TMP/pg"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
log "starting PostgreSQL on port $PORT…"
# A server tuned for a bulk load on a throwaway disk; the measurements run with everything in shared buffers, as a
# production server with enough memory for its working set would.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TMP/pg/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c shared_buffers=1GB -c maintenance_work_mem=512MB -c work_mem=16MB -c max_wal_size=8GB -c autovacuum=off \
      -c max_parallel_maintenance_workers=2" start >/dev/null
PG_STARTED=1
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE mediavault_bench"
DB=(-d mediavault_bench)

export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=mediavault_bench;Command Timeout=300"
export Jwt__SigningKey="bench-access-signing-key-0123456789abcdef0123"
export App__DataDirectory="$TMP/data"
export DOTNET_ENVIRONMENT=Production

log "building tools/AccessBench and migrating…"
dotnet build tools/AccessBench -c Release -v q -nologo >&2
TOOL=(dotnet "$REPO_ROOT/tools/AccessBench/bin/Release/net10.0/MediaVault.AccessBench.dll")
"${TOOL[@]}" migrate >&2

T0=$("${PSQL[@]}" "${DB[@]}" -Atc "SELECT now()")
SEED_STARTED=$(now)
# Secondary indexes are built once after the load instead of row by row during it: remember each definition, drop it.
"${PSQL[@]}" "${DB[@]}" <<'SQL'
CREATE TABLE bench_indexes AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT name FROM bench_indexes LOOP EXECUTE 'DROP INDEX ' || r.name; END LOOP;
END $$;
SQL
log "seeding $ASSETS assets…"
"${PSQL[@]}" "${DB[@]}" -v assets="$ASSETS" -v t0="$T0" -f scripts/bench-access-seed.sql
LOADED=$(since "$SEED_STARTED")
INDEX_STARTED=$(now)
"${PSQL[@]}" "${DB[@]}" <<'SQL'
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT definition FROM bench_indexes LOOP EXECUTE r.definition; END LOOP;
END $$;
DROP TABLE bench_indexes;
SQL
INDEXED=$(since "$INDEX_STARTED")
VACUUM_STARTED=$(now)
"${PSQL[@]}" "${DB[@]}" -c "VACUUM ANALYZE"
VACUUMED=$(since "$VACUUM_STARTED")
SEEDED=$(since "$SEED_STARTED")
log "seeded in ${SEEDED} s (load ${LOADED} s, indexes ${INDEXED} s, VACUUM ANALYZE ${VACUUMED} s)"

V2=$("${PSQL[@]}" "${DB[@]}" -Atc "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'collection_entries')")
count() { "${PSQL[@]}" "${DB[@]}" -Atc "SELECT count(*) FROM $1"; }
# A grant row aliased $1 is active: not revoked, not expired.
active() { echo "$1.\"RevokedAt\" IS NULL AND ($1.\"ExpiresAt\" IS NULL OR $1.\"ExpiresAt\" > now())"; }
# How many assets a user sees, by the rule of the contract (owner, or a ready, intact asset under an active grant to
# the user or one of their groups, directly or through a collection it did not opt out of). Written as unions, not
# "owner OR id IN (…)": an OR over a subquery is planned per asset row at this size.
visible() {
  local user="(SELECT md5('$1')::uuid)"
  local groups="SELECT \"GroupId\" FROM group_members WHERE \"UserId\" = $user"
  local covers="s.\"GranteeId\" = $user" covered="g.\"GranteeId\" = $user"
  if [ "$V2" = t ]; then
    covers="($covers OR s.\"GroupId\" IN ($groups))"
    covered="($covered OR g.\"GroupId\" IN ($groups))"
  fi
  local shared="SELECT s.\"AssetId\" FROM share_grants s WHERE $(active s) AND $covers"
  if [ "$V2" = t ]; then
    shared="$shared
      UNION SELECT e.\"AssetId\" FROM collection_grants g JOIN collection_entries e ON e.\"CollectionId\" = g.\"CollectionId\"
        JOIN assets x ON x.\"Id\" = e.\"AssetId\" AND x.\"InheritsAccess\"
        WHERE $(active g) AND $covered"
  fi
  "${PSQL[@]}" "${DB[@]}" -Atc "SELECT count(*) FROM (SELECT a.\"Id\" FROM assets a WHERE a.\"OwnerId\" = $user
    UNION SELECT a.\"Id\" FROM ($shared) v JOIN assets a ON a.\"Id\" = v.\"AssetId\"
      WHERE a.\"Status\" = 'Ready' AND a.\"Integrity\" <> 'Mismatch') x"
}
SUMMARY="assets $(count assets), asset grants $(count share_grants), groups $(count groups), memberships $(count group_members)"
if [ "$V2" = t ]; then
  SUMMARY="$SUMMARY, collections $(count collections), collection entries $(count collection_entries), collection grants $(count collection_grants)"
fi
HEAVY_VISIBLE=$(visible user-heavy || echo "?")
ORDINARY_VISIBLE=$(visible user-2 || echo "?")
log "$SUMMARY; user-heavy sees $HEAVY_VISIBLE, user-2 sees $ORDINARY_VISIBLE"

# For each user: a collection they may read (one granted to them or to one of their groups) and an asset they see
# through the longest path there is (a collection when there are collections, else a direct grant).
pick() {
  local user="md5('$1')::uuid" live
  live=$(active g)
  local ready="a.\"Status\" = 'Ready' AND a.\"Integrity\" <> 'Mismatch' AND a.\"OwnerId\" <> $user"
  if [ "$V2" = t ]; then
    "${PSQL[@]}" "${DB[@]}" -Atc "SELECT g.\"CollectionId\" || ':' || e.\"AssetId\" FROM collection_grants g
      JOIN collection_entries e ON e.\"CollectionId\" = g.\"CollectionId\" JOIN assets a ON a.\"Id\" = e.\"AssetId\"
      WHERE $live AND $ready AND a.\"InheritsAccess\" AND (g.\"GranteeId\" = $user
        OR g.\"GroupId\" IN (SELECT \"GroupId\" FROM group_members WHERE \"UserId\" = $user))
      ORDER BY g.\"CollectionId\", e.\"AssetId\" LIMIT 1"
  else
    "${PSQL[@]}" "${DB[@]}" -Atc "SELECT '00000000-0000-0000-0000-000000000000:' || g.\"AssetId\" FROM share_grants g
      JOIN assets a ON a.\"Id\" = g.\"AssetId\" WHERE $live AND $ready AND g.\"GranteeId\" = $user
      ORDER BY g.\"AssetId\" LIMIT 1"
  fi
}
HEAVY="heavy ($HEAVY_VISIBLE visible)=$("${PSQL[@]}" "${DB[@]}" -Atc "SELECT md5('user-heavy')::uuid"):$(pick user-heavy)"
ORDINARY="ordinary ($ORDINARY_VISIBLE visible)=$("${PSQL[@]}" "${DB[@]}" -Atc "SELECT md5('user-2')::uuid"):$(pick user-2)"

log "measuring ($RUNS runs after $WARMUP warm-up runs per operation)…"
RESULTS="$OUT_DIR/results-$ASSETS.md"
PLANS="$OUT_DIR/plans-$ASSETS.md"
{
  echo "PostgreSQL $("${PSQL[@]}" "${DB[@]}" -Atc 'SHOW server_version'), $(nproc) cores; $SUMMARY."
  echo "Seeded in ${SEEDED} s (load ${LOADED} s, indexes ${INDEXED} s, VACUUM ANALYZE ${VACUUMED} s)."
  echo "Load average (1, 5, 15 min) before measuring: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  "${TOOL[@]}" run --user "$HEAVY" --user "$ORDINARY" --runs "$RUNS" --warmup "$WARMUP" --budget "$BUDGET" --plans "$PLANS"
  echo
  echo "Load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)."
} >"$RESULTS"
cat "$RESULTS"
log "results in $RESULTS, plans in $PLANS"
