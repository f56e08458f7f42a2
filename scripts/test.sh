#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests, tiny random-weight models
# against transformers, the converter's own tests, and the real default model
# against its reference.
set -euo pipefail
cd "$(dirname "$0")/.."
# Turborepo would send usage telemetry; nothing here may reach the internet.
export TURBO_TELEMETRY_DISABLED=1

npx turbo run typecheck --output-logs=errors-only
npx tsc -p tsconfig.json --noEmit
npx eslint .
(cd converter && ../.venv/bin/python -m pytest -q)
# One project at a time: the suites start model sessions, workers and
# databases, and on a 2-core machine they are steadier one after another.
for project in $(grep -oE 'name: "[a-z0-9-]+"' vitest.config.ts | cut -d'"' -f2); do
  npx vitest run --project "$project"
done
