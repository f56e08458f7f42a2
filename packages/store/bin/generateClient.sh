#!/usr/bin/env bash
# Writes the Prisma client for prisma/schema.prisma into
# packages/store/src/generated/prisma (git-ignored). Works offline once
# prisma/cli's packages are installed.
set -euo pipefail
cd "$(dirname "$0")/../../.."

# The CLI lives in its own install (prisma/cli/package.json says why).
cli=prisma/cli/node_modules/.bin/prisma
if [ ! -x "$cli" ]; then
  npm ci --prefix prisma/cli --no-audit --no-fund --loglevel=error
fi

# The CLI refuses to start without a native schema engine and would fetch one
# from the internet; generate never runs it, so a stand-in that explains
# itself is enough (a real engine named by the caller is kept).
: "${PRISMA_SCHEMA_ENGINE_BINARY:=$PWD/packages/store/bin/schema-engine-unavailable.sh}"
export PRISMA_SCHEMA_ENGINE_BINARY
# No update check: it would call a host outside the package registries.
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

"$cli" generate --schema prisma/schema.prisma
