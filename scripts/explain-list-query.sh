#!/usr/bin/env bash
# Real PostgreSQL plans of the asset list query on a seeded database:  ./scripts/explain-list-query.sh [OUTPUT.md]
#
# Starts a throwaway PostgreSQL 15 on a free 127.0.0.1 port (like scripts/test.sh), migrates it with the API's own
# migrations (tools/QueryPlans migrate), seeds 1,000 owners, 100,000 assets (5% pending), 200,000 tags and 50,000
# grants (some expired, some revoked) with generate_series, ANALYZEs, then runs the API's ListAssetsHandler for several
# queries and prints, for each, the SQL EF Core sent (with its parameters) and its EXPLAIN (ANALYZE, BUFFERS).
# The output (Markdown) goes to OUTPUT.md or stdout. Everything is stopped and removed on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd -P)
OUT=${1:-/dev/stdout}
PG_BIN=${MEDIAVAULT_PG_BIN:-/usr/lib/postgresql/15/bin}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf 'explain-list-query.sh: %s\n' "$*" >&2; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd "$TMP" && runuser -u postgres -- "$@"); else (cd "$TMP" && "$@"); fi; }

TMP=$(mktemp -d /tmp/mediavault-explain.XXXXXX)
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
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TMP/pg/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP/pg -c fsync=off" start >/dev/null
PG_STARTED=1
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE mediavault_explain"

export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=mediavault_explain;Command Timeout=120"
export Jwt__SigningKey="explain-list-query-signing-key-0123456789abcdef"
export App__DataDirectory="$TMP/data"
export DOTNET_ENVIRONMENT=Production

log "building tools/QueryPlans and migrating…"
dotnet build tools/QueryPlans -c Release -v q -nologo >&2
TOOL=(dotnet "$REPO_ROOT/tools/QueryPlans/bin/Release/net10.0/MediaVault.QueryPlans.dll")
"${TOOL[@]}" migrate >&2

log "seeding 1,000 owners, 100,000 assets, 200,000 tags, 50,000 grants…"
"${PSQL[@]}" -d mediavault_explain <<'SQL'
INSERT INTO owners ("Id", "StorageQuotaBytes", "StorageUsedBytes", "StorageReservedBytes", "Version", "CreatedAt")
SELECT md5('owner-' || o)::uuid, 10737418240, 0, 0, 0, now() - interval '400 days'
FROM generate_series(1, 1000) AS o;

-- Asset i belongs to owner 1 + i % 1000, was created i * 5 minutes ago (about a year in all); every 20th is pending,
-- every 97th is titled "Sunset".
INSERT INTO assets ("Id", "OwnerId", "Title", "Description", "FileName", "ContentType", "Kind", "SizeBytes", "Sha256",
                    "Status", "StorageKey", "UploadExpiresAt", "CreatedAt", "UpdatedAt", "MultipartUploadId")
SELECT md5('asset-' || i)::uuid,
       md5('owner-' || (1 + i % 1000))::uuid,
       CASE WHEN i % 97 = 0 THEN 'Sunset ' || i ELSE 'Asset ' || i END,
       CASE WHEN i % 3 = 0 THEN 'Description of asset ' || i END,
       'file-' || i || (ARRAY['.jpg', '.mp4', '.mp3'])[1 + i % 3],
       (ARRAY['image/jpeg', 'video/mp4', 'audio/mpeg'])[1 + i % 3],
       (ARRAY['Image', 'Video', 'Audio'])[1 + i % 3],
       1000 + i,
       NULL,
       CASE WHEN i % 20 = 0 THEN 'Pending' ELSE 'Ready' END,
       'assets/' || md5('owner-' || (1 + i % 1000))::uuid || '/' || md5('asset-' || i)::uuid,
       ts + interval '15 minutes', ts, ts, NULL
FROM (SELECT i, now() - i * interval '5 minutes' AS ts FROM generate_series(1, 100000) AS i) AS s;

INSERT INTO asset_tags ("Tag", "AssetId")
SELECT t.tag, md5('asset-' || i)::uuid
FROM generate_series(1, 100000) AS i,
     LATERAL (VALUES ('tag' || i % 50), ('year' || 2000 + i % 25)) AS t(tag);

-- Every even asset i = 2g is shared with owner 1 + (7g + 3) % 1000 (never its owner): viewer, editor or manager. In
-- each block of 1,000 grants (k = g / 1000) the grants of every 10th block have expired, of every 15th were revoked,
-- of every 4th expire in 30 days; the rest never expire. Each owner receives 50 grants.
INSERT INTO share_grants ("Id", "AssetId", "GranteeId", "Role", "ExpiresAt", "CreatedAt", "CreatedBy", "UpdatedAt", "RevokedAt", "RevokedBy")
SELECT md5('grant-' || g)::uuid,
       md5('asset-' || 2 * g)::uuid,
       md5('owner-' || (1 + (7 * g + 3) % 1000))::uuid,
       (ARRAY['Viewer', 'Editor', 'Manager'])[1 + g % 3],
       CASE WHEN (g / 1000) % 10 = 9 THEN now() - interval '1 day' WHEN (g / 1000) % 4 = 0 THEN now() + interval '30 days' END,
       now() - interval '1 hour',
       md5('owner-' || (1 + (2 * g) % 1000))::uuid,
       now() - interval '1 hour',
       CASE WHEN (g / 1000) % 15 = 7 THEN now() - interval '2 hours' END,
       CASE WHEN (g / 1000) % 15 = 7 THEN md5('owner-' || (1 + (2 * g) % 1000))::uuid END
FROM generate_series(1, 50000) AS g;

VACUUM ANALYZE;
SQL

CALLER=$("${PSQL[@]}" -d mediavault_explain -Atc "SELECT md5('owner-1')::uuid")
log "caller $CALLER: $("${PSQL[@]}" -d mediavault_explain -Atc "SELECT count(*) FROM assets WHERE \"OwnerId\" = '$CALLER'") owned, $("${PSQL[@]}" -d mediavault_explain -Atc "SELECT count(*) FROM share_grants WHERE \"GranteeId\" = '$CALLER'") grants received"
{
  echo "PostgreSQL $("${PSQL[@]}" -d mediavault_explain -Atc 'SHOW server_version'); $("${PSQL[@]}" -d mediavault_explain -Atc 'SELECT count(*) FROM assets') assets, caller owner-1 ($CALLER)."
  echo
  "${TOOL[@]}" explain "$CALLER" tag0
} >"$OUT"
log "done"
