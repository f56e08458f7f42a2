"""Random-weight models of real models' shapes, for timing on hardware
where the real weights are not at hand.

``python -m attrib_converter.shapes --shape llama-3.2-1b --out models``
builds Llama-3.2-1B's architecture (16 layers, d_model 2048, 32 heads, 8
key/value heads, d_mlp 8192, vocabulary 128256, tied embeddings, Llama 3
RoPE) with seeded random weights and converts it into ``models/<name>``
the same way as a real model. Its tokenizer is the tiny models' byte-level
one (a few hundred tokens of the 128256), which changes nothing about the
cost of a prompt of a given length. Its numbers mean nothing; the time and
memory it takes are those of the real model. Float32 weights: about 5 GB in
memory, twice that on disk (attribution graph and plain forward).
"""

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

SHAPES = {
    "llama-3.2-1b": {
        "vocab_size": 128256,
        "hidden_size": 2048,
        "intermediate_size": 8192,
        "num_hidden_layers": 16,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "head_dim": 64,
        "max_position_embeddings": 131072,
        "rms_norm_eps": 1e-5,
        "tie_word_embeddings": True,
        "rope_parameters": {
            "rope_type": "llama3",
            "rope_theta": 500000.0,
            "factor": 32.0,
            "low_freq_factor": 1.0,
            "high_freq_factor": 4.0,
            "original_max_position_embeddings": 8192,
        },
    },
}
"""Shape name → LlamaConfig fields, as the real model's config.json has them."""


def build_shape(shape: str, out_dir: Path, seed: int, progress) -> Path:
    """Writes ``out_dir/random-<shape>/`` and returns it."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from attrib_converter.convert import ConvertOptions, convert_loaded
    from attrib_converter.loading import load_model
    from attrib_converter.sources import resolve_source
    from attrib_converter.tiny import build_tokenizer

    tokenizer = build_tokenizer(adds_bos=True)
    config = LlamaConfig(
        **SHAPES[shape],
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    name = f"random-{shape}"
    with tempfile.TemporaryDirectory(dir=out_dir) as scratch:
        progress(f"building {shape} with random weights (seed {seed})")
        torch.manual_seed(seed)
        model = LlamaForCausalLM(config)
        _randomize(model, seed)
        model.save_pretrained(scratch)
        tokenizer.save_pretrained(scratch)
        del model
        loaded = load_model(resolve_source(scratch), progress)
        ref = f"attrib_converter.shapes {shape} seed={seed}"
        loaded.source = dataclasses.replace(loaded.source, kind="random", ref=ref)
        options = ConvertOptions(name, out_dir, display_name=f"{shape} (random weights)")
        return convert_loaded(loaded, options, progress)


def _randomize(model, seed: int) -> None:
    """Weights of a trained model's scale (unit-variance activations), so
    that nothing overflows; in place, one tensor at a time."""
    import torch

    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if "norm" in name:
                parameter.fill_(1.0)
            else:
                parameter.normal_(0.0, parameter.shape[-1] ** -0.5, generator=generator)


def main(argv: list[str] | None = None) -> int:
    from attrib_converter.cli import progress, quiet_libraries

    parser = argparse.ArgumentParser(
        prog="python -m attrib_converter.shapes",
        description="Build a random-weight bundle of a real model's shape.",
    )
    parser.add_argument("--shape", choices=sorted(SHAPES), required=True)
    parser.add_argument("--out", type=Path, default=Path("models"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    quiet_libraries(offline=True)
    started = time.monotonic()
    args.out.mkdir(parents=True, exist_ok=True)
    bundle = build_shape(args.shape, args.out, args.seed, progress)
    progress(f"wrote {bundle} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
