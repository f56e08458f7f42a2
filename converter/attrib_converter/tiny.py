"""Tiny random-weight test models, converted into complete bundles.

``python -m attrib_converter.tiny --out DIR`` writes, for each model in
:data:`TINY_MODELS`, ``DIR/<name>/`` (a bundle made by the same converter
code as a real model, loaded back from a saved Hugging Face folder) and
``DIR/<name>/reference.json`` (float64 values from transformers itself, see
:mod:`attrib_converter.reference`). Everything is seeded, so two runs write
the same numbers.
"""

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from attrib_converter.cli import progress as cli_progress
from attrib_converter.cli import quiet_libraries
from attrib_converter.progress import Progress, silent

SEED = 20240601
REFERENCE_TEXTS = [
    "the cat",
    "the capital of france is",
    "hello world\n\tit is 42 🙂",
]
EXTRA_TARGET = " the"
"""Named extra target of every reference prompt; one token in every tiny
vocabulary because the tokenizer corpus is full of it."""

TOKENIZER_CORPUS = [
    "the cat sat on the mat and the dog sat on the log",
    "the capital of france is paris and the capital of italy is rome",
    "hello world, hello there, it is a small world after all",
    "def add(a, b):\n\treturn a + b\n",
    "numbers like 1, 2, 3 and 42 are in the text",
]


@dataclass(frozen=True)
class TinyModel:
    name: str
    make_config: Callable[[int, int, int], object]
    """(vocab_size, bos_id, eos_id) -> transformers config."""
    adds_bos: bool


def _llama(tied: bool, n_layers: int, n_heads: int, n_kv_heads: int, rope: dict | None):
    def make(vocab: int, bos: int, eos: int):
        from transformers import LlamaConfig

        return LlamaConfig(
            vocab_size=vocab,
            hidden_size=64,
            intermediate_size=128,
            num_hidden_layers=n_layers,
            num_attention_heads=n_heads,
            num_key_value_heads=n_kv_heads,
            max_position_embeddings=128,
            rms_norm_eps=1e-5,
            tie_word_embeddings=tied,
            bos_token_id=bos,
            eos_token_id=eos,
            rope_parameters=rope or {"rope_type": "default", "rope_theta": 10000.0},
        )

    return make


def _qwen2(vocab: int, bos: int, eos: int):
    from transformers import Qwen2Config

    return Qwen2Config(
        vocab_size=vocab,
        hidden_size=64,
        intermediate_size=160,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=128,
        rms_norm_eps=1e-6,
        tie_word_embeddings=False,
        bos_token_id=bos,
        eos_token_id=eos,
    )


def _gemma3(vocab: int, bos: int, eos: int):
    """Gemma 3's layout with a window of 3 tokens, so the reference prompts
    reach past it, and a query scale that differs from 1/√d_head."""
    from transformers import Gemma3TextConfig

    return Gemma3TextConfig(
        vocab_size=vocab,
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=3,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=16,
        query_pre_attn_scalar=24,
        sliding_window=3,
        layer_types=["sliding_attention", "sliding_attention", "full_attention"],
        max_position_embeddings=128,
        rms_norm_eps=1e-6,
        tie_word_embeddings=True,
        bos_token_id=bos,
        eos_token_id=eos,
        pad_token_id=eos,
        rope_parameters={
            "sliding_attention": {"rope_type": "default", "rope_theta": 10000.0},
            "full_attention": {"rope_type": "default", "rope_theta": 1000000.0},
        },
    )


# The untied model also uses Llama 3's RoPE scaling, so the graph's reuse of
# transformers' rotary module is checked on a non-default variant.
LLAMA3_ROPE = {
    "rope_type": "llama3",
    "rope_theta": 10000.0,
    "factor": 8.0,
    "low_freq_factor": 1.0,
    "high_freq_factor": 4.0,
    "original_max_position_embeddings": 16,
}

TINY_MODELS = [
    TinyModel("tiny-llama-tied", _llama(True, 2, 4, 4, None), adds_bos=True),
    TinyModel("tiny-llama-untied", _llama(False, 3, 4, 4, LLAMA3_ROPE), adds_bos=True),
    TinyModel("tiny-llama-gqa", _llama(False, 2, 8, 2, None), adds_bos=False),
    TinyModel("tiny-qwen2-bias", _qwen2, adds_bos=False),
    TinyModel("tiny-gemma3", _gemma3, adds_bos=True),
]


def build_tokenizer(adds_bos: bool):
    """A byte-level BPE tokenizer (256 bytes, specials, merges learnt from
    :data:`TOKENIZER_CORPUS`), wrapped for transformers."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=320,
        special_tokens=["<s>", "</s>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(TOKENIZER_CORPUS * 4, trainer)
    if adds_bos:
        tokenizer.post_processor = processors.TemplateProcessing(
            single="<s> $A", pair="<s> $A <s> $B", special_tokens=[("<s>", 0)]
        )
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, bos_token="<s>", eos_token="</s>")


def randomize(model, seed: int) -> None:
    """Seeded weights large enough that every component matters: unit-scale
    projections, norm gains spread around 1, non-zero biases."""
    import torch

    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            noise = torch.randn(parameter.shape, generator=generator)
            if "norm" in name:
                parameter.copy_(1.0 + 0.3 * noise)
            elif name.endswith("bias"):
                parameter.copy_(0.3 * noise)
            elif "embed_tokens" in name or "lm_head" in name:
                parameter.copy_(0.5 * noise)
            else:
                parameter.copy_(noise / parameter.shape[1] ** 0.5)


def save_random_model(tiny: TinyModel, folder: Path, seed: int) -> None:
    """Builds ``tiny`` with random weights and saves it as a Hugging Face
    folder with its tokenizer."""
    import torch
    from transformers import AutoModelForCausalLM

    tokenizer = build_tokenizer(tiny.adds_bos)
    config = tiny.make_config(len(tokenizer), tokenizer.bos_token_id, tokenizer.eos_token_id)
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    randomize(model, seed)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def build_tiny_bundle(tiny: TinyModel, out_dir: Path, seed: int, progress: Progress) -> Path:
    """Writes ``out_dir/<name>/`` with its bundle and reference.json."""
    from attrib_converter.convert import ConvertOptions, convert_loaded
    from attrib_converter.loading import load_model
    from attrib_converter.sources import resolve_source

    with tempfile.TemporaryDirectory() as scratch:
        save_random_model(tiny, Path(scratch), seed)
        loaded = load_model(resolve_source(scratch), silent)
        ref = f"attrib_converter.tiny {tiny.name} seed={seed}"
        loaded.source = dataclasses.replace(loaded.source, kind="random", ref=ref)
        options = ConvertOptions(tiny.name, out_dir, display_name=tiny.name)
        bundle_dir = convert_loaded(loaded, options, progress)
        write_reference(loaded, bundle_dir / "reference.json", tiny.name)
    return bundle_dir


def write_reference(loaded, path: Path, model_name: str) -> None:
    from attrib_converter.components import component_names
    from attrib_converter.reference import (
        ReferenceOptions,
        as_float64,
        describe_reference,
        prompt_reference,
        rounded,
        single_token_id,
        to_json,
    )

    model = as_float64(loaded.model)
    names = component_names(model.config.num_hidden_layers)
    options = ReferenceOptions(
        top_k=5,
        norm_weight_offset=loaded.spec.norm_weight_offset,
        detail=True,
        ablations=reference_ablations(model, loaded.tokenizer, names),
    )
    extra = [single_token_id(loaded.tokenizer, EXTRA_TARGET)]
    prompts = [
        prompt_reference(model, loaded.tokenizer, text, extra, options) for text in REFERENCE_TEXTS
    ]
    document = {
        "model": model_name,
        "reference": describe_reference(),
        "components": names,
        "prompts": rounded(prompts),
    }
    path.write_text(to_json(document) + "\n", encoding="utf-8")


def reference_ablations(model, tokenizer, names: list[str]) -> tuple:
    """Zero and mean ablation of the first attention and MLP and the final
    MLP, with mean writes the converter's way but in float64."""
    from attrib_converter.mean_writes import mean_writes
    from attrib_converter.reference_text import MAX_TOKENS, reference_passages

    means, _positions = mean_writes(model, tokenizer, reference_passages(), MAX_TOKENS)
    ablations = []
    for component in ["L0.attn", "L0.mlp", names[-1]]:
        ablations.append((component, "zero", None))
        ablations.append((component, "mean", means[names.index(component)]))
    return tuple(ablations)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m attrib_converter.tiny",
        description="Build tiny random-weight test bundles with reference values.",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for the bundles")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)

    quiet_libraries(offline=True)
    started = time.monotonic()
    for index, tiny in enumerate(TINY_MODELS):
        cli_progress(f"building {tiny.name}")
        build_tiny_bundle(tiny, args.out, args.seed + index, silent)
    cli_progress(f"wrote {len(TINY_MODELS)} bundles in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
