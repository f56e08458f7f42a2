#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests, tiny random-weight models
# against transformers, the converter's own tests, and the real default model
# against its reference.
set -euo pipefail
cd "$(dirname "$0")/.."

npx turbo run typecheck --output-logs=errors-only
npx tsc -p tsconfig.json --noEmit
npx eslint .
(cd converter && ../.venv/bin/python -m pytest -q)
npx vitest run
