#!/usr/bin/env bash
# Generates the TypeScript client's generated half (clients/typescript/src/generated/: schema.ts, the types, by
# openapi-typescript; operations.ts, the method table, by clients/typescript/scripts/generate-operations.mjs) and the
# OpenAPI document they come from (clients/typescript/openapi.json) from the RUNNING API's /swagger/v1/swagger.json.
# The hand-written half (session, uploads, iterators, errors) lives beside it in clients/typescript/src/. ADR-041.
#
#   scripts/generate-client.sh                 build and start the API on the embedded defaults, generate, stop it
#   scripts/generate-client.sh --from URL      use an API already running at URL
#   scripts/generate-client.sh --check [...]   generate into a temp folder and fail if the committed files differ
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd -P)
out="$root/clients/typescript"
from=""
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from="$2"; shift 2 ;;
    --check) check=1; shift ;;
    *) echo "usage: $0 [--from URL] [--check]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
api_pid=""
cleanup() { [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$from" ]; then
  echo "generate-client: building and starting the API…" >&2
  dotnet build src/WebApi -c Release -v q -nologo >&2
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Development App__DataDirectory="$work/data" \
    exec dotnet "$root/src/WebApi/bin/Release/net10.0/MediaVault.WebApi.dll" --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1) &
  api_pid=$!
  from="http://127.0.0.1:$port"
  for _ in $(seq 1 120); do
    curl -fs "$from/health/live" >/dev/null 2>&1 && break
    kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log" >&2; exit 1; }
    sleep 0.5
  done
fi

curl -fsS "$from/swagger/v1/swagger.json" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    process.stdout.write(JSON.stringify(JSON.parse(s), null, 2) + "\n");
  });' > "$work/openapi.json"

if [ ! -x "$out/node_modules/.bin/openapi-typescript" ]; then
  (cd "$out" && npm ci --no-audit --no-fund >&2)
fi
# The types are generated from a copy whose request schemas do not say `additionalProperties: true`: the server
# ignores unknown fields, but a TypeScript caller is better served by excess-property checks than by an index signature.
node -e '
  const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    if (schema.additionalProperties === true && schema.properties) delete schema.additionalProperties;
  }
  require("fs").writeFileSync(process.argv[2], JSON.stringify(doc));' "$work/openapi.json" "$work/types-input.json"
mkdir -p "$work/generated"
"$out/node_modules/.bin/openapi-typescript" "$work/types-input.json" -o "$work/generated/schema.ts" \
  --root-types --root-types-no-schema-prefix --alphabetize >/dev/null 2>"$work/openapi-typescript.log" \
  || { cat "$work/openapi-typescript.log" >&2; exit 1; }
node "$out/scripts/generate-operations.mjs" "$work/openapi.json" "$work/generated/operations.ts"

if [ "$check" -eq 1 ]; then
  status=0
  diff -u "$out/openapi.json" "$work/openapi.json" >"$work/openapi.diff" || { echo "generate-client: clients/typescript/openapi.json is stale" >&2; head -40 "$work/openapi.diff" >&2; status=1; }
  diff -ru "$out/src/generated" "$work/generated" >"$work/client.diff" || { echo "generate-client: clients/typescript/src/generated/ is stale" >&2; head -40 "$work/client.diff" >&2; status=1; }
  [ "$status" -eq 0 ] && echo "generate-client: the committed client matches the live document" >&2
  exit "$status"
fi

cp "$work/openapi.json" "$out/openapi.json"
rm -rf "$out/src/generated"
cp -r "$work/generated" "$out/src/generated"
echo "generate-client: wrote clients/typescript/openapi.json and clients/typescript/src/generated/" >&2
