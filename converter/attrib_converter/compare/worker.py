"""Serves one tool of the side-by-side benchmark over JSON lines.

``python -m attrib_converter.compare.worker --tool NAME --source SRC`` loads
the model, answers ``{"ready": true, …}`` and then one line per request:

- ``{"op": "analyze", "texts": [...]}`` → ``{"ms", "results"}``: the texts
  analysed as one left-padded batch, ``ms`` the time inside this process
  (tokenization, forward, split), and per text its input ids, top target
  ids, their logits and contributions ``[C][T]``;
- ``{"op": "resetPeak"}`` → ``{}``: resets the peak resident memory (Linux
  ``clear_refs``), so that loading does not count;
- ``{"op": "memory"}`` → ``{"peakMiB", "rssMiB"}``;
- ``{"op": "exit"}`` ends it.

Answers go to the original standard output; anything the libraries print
goes to standard error.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

TOOLS = ("pytorch-hooks", "transformerlens", "reference-float64")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m attrib_converter.compare.worker")
    parser.add_argument("--tool", choices=TOOLS, required=True)
    parser.add_argument("--source", required=True, help="as the converter takes it")
    parser.add_argument("--cache", type=Path, required=True, help="folder for a GGUF source")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--top-k", type=int, default=5)
    return parser.parse_args(argv)


def build_tool(args: argparse.Namespace):
    from attrib_converter.compare.hf_folder import load_folder, source_folder

    def progress(message: str) -> None:
        print(f"[{args.tool}] {message}", file=sys.stderr, flush=True)

    folder = source_folder(args.source, args.cache, progress)
    if args.tool == "transformerlens":
        from transformers import AutoTokenizer

        from attrib_converter.compare.lens_tool import LensTool

        # transformers' own tokenizer, as the other tools use: the bridge's
        # would add a BOS token that SmolLM2's does not.
        return LensTool(folder, AutoTokenizer.from_pretrained(folder), args.top_k)
    loaded = load_folder(folder, progress)
    offset = loaded.spec.norm_weight_offset
    if args.tool == "pytorch-hooks":
        from attrib_converter.compare.hooks_tool import HooksTool

        return HooksTool(loaded.model, loaded.tokenizer, offset, args.top_k)
    from attrib_converter.compare.reference_tool import ReferenceTool

    return ReferenceTool(loaded.model, loaded.tokenizer, offset, args.top_k)


def memory() -> dict:
    """Peak and current resident memory of this process (Linux)."""
    fields = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                fields[key] = int(value.split()[0]) / 1024
    return {"peakMiB": fields.get("VmHWM"), "rssMiB": fields.get("VmRSS")}


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")


def serve(tool, answer) -> None:
    for line in sys.stdin:
        request = json.loads(line)
        op = request.get("op")
        if op == "analyze":
            started = time.perf_counter()
            results = tool.analyze(request["texts"])
            elapsed = (time.perf_counter() - started) * 1000
            answer({"ms": elapsed, "results": results})
        elif op == "resetPeak":
            reset_peak()
            answer({})
        elif op == "memory":
            answer(memory())
        elif op == "exit":
            return
        else:
            answer({"error": f"unknown op {op!r}; accepted: analyze, resetPeak, memory, exit"})


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1, encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())

    def answer(document: dict) -> None:
        answers.write(json.dumps(document) + "\n")

    import torch
    import transformers

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    tool = build_tool(args)
    versions = {"torch": torch.__version__, "transformers": transformers.__version__}
    if args.tool == "transformerlens":
        from importlib.metadata import version

        versions["transformer_lens"] = version("transformer-lens")
    answer(
        {
            "ready": True,
            "tool": tool.name,
            "threads": torch.get_num_threads(),
            "loadMs": (time.perf_counter() - started) * 1000,
            "versions": versions,
        }
    )
    serve(tool, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
