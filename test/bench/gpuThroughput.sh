#!/usr/bin/env bash
# Latency per prompt and prompts per second of Attrib on a GPU, for the
# default model and for a model of Llama-3.2-1B's shape with random weights
# (built once by the converter: ~5 GB of float32 weights in memory, ~10 GB
# on disk). Needs onnxruntime-node's CUDA provider (README, "CUDA").
#
#   bash test/bench/gpuThroughput.sh                 # on the GPU (cuda)
#   ATTRIB_EXECUTION_PROVIDER=cpu bash test/bench/gpuThroughput.sh --threads 2
#
# Extra arguments go to apps/cli/src/benchThroughput.ts (--rounds, --batches).
set -euo pipefail
cd "$(dirname "$0")/../.."

export ATTRIB_EXECUTION_PROVIDER="${ATTRIB_EXECUTION_PROVIDER:-cuda}"
MODELS_DIR="${ATTRIB_MODELS_DIR:-models}"
LARGE_MODEL="random-llama-3.2-1b"

if [ "$ATTRIB_EXECUTION_PROVIDER" = cuda ] && ! command -v nvidia-smi > /dev/null; then
  echo "error: ATTRIB_EXECUTION_PROVIDER=cuda but nvidia-smi is missing: no NVIDIA GPU here" >&2
  exit 1
fi
command -v nvidia-smi > /dev/null && nvidia-smi --query-gpu=name,memory.total --format=csv,noheader

if [ ! -f "$MODELS_DIR/$LARGE_MODEL/manifest.json" ]; then
  PYTHONPATH=converter HF_HUB_OFFLINE=1 .venv/bin/python -m attrib_converter.shapes \
    --shape llama-3.2-1b --out "$MODELS_DIR"
fi

for model in smollm2-135m-instruct "$LARGE_MODEL"; do
  node_modules/.bin/tsx apps/cli/src/benchThroughput.ts --model "$model" "$@"
  echo
done
