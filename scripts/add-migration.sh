#!/usr/bin/env bash
# Adds one EF Core migration per database provider (SQLite and PostgreSQL), each in its own folder.
# Usage: scripts/add-migration.sh NameInPascalCase
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  echo "adding $name for $provider…" >&2
  dotnet ef migrations add "$name" \
    --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}DbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
