#!/usr/bin/env bash
# Prints the SQL that turns the database of one schema into that of another,
# by default from the last committed prisma/schema.prisma to the working copy:
#
#   bash prisma/diffSql.sh            # HEAD's schema -> working schema
#   bash prisma/diffSql.sh REV        # REV's schema  -> working schema
#   bash prisma/diffSql.sh empty      # nothing       -> working schema
#
# Save the output as prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql
# and review it. Works offline; see prisma/README.md for why it uses Prisma
# 6.19's WebAssembly schema engine rather than the project's Prisma 7.
set -euo pipefail
cd "$(dirname "$0")/.."

from="${1:-HEAD}"
# The WebAssembly engine connects to a database even for a schema-to-schema
# diff, without changing anything in it.
database_url="${DIFF_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
prisma6=6.19.3

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm install --prefix "$work" --no-save --ignore-scripts --no-audit --no-fund \
  --loglevel=error "prisma@$prisma6" "@prisma/adapter-pg@$prisma6" >&2

# Prisma 6 wants a url in the datasource block; Prisma 7 forbids one there.
with_url() {
  sed 's/^\(  provider = "postgresql"\)$/\1\n  url      = env("UNUSED_DATABASE_URL")/'
}
cat prisma/schema.prisma | with_url > "$work/to.prisma"
if [ "$from" = empty ]; then
  from_args=(--from-empty)
else
  git show "$from:prisma/schema.prisma" | with_url > "$work/from.prisma"
  from_args=(--from-schema-datamodel "$work/from.prisma")
fi

cat > "$work/prisma.config.ts" <<CONFIG
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: "$database_url" });
  },
});
CONFIG

# Prisma 6 insists that native engines exist although engine "js" runs none
# of them; the stand-in refuses loudly if that ever changes.
stand_in="$PWD/packages/store/bin/schema-engine-unavailable.sh"
cd "$work"
PRISMA_SCHEMA_ENGINE_BINARY="$stand_in" PRISMA_QUERY_ENGINE_LIBRARY="$stand_in" \
  CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 \
  node_modules/.bin/prisma migrate diff --config prisma.config.ts \
  "${from_args[@]}" --to-schema-datamodel to.prisma --script
