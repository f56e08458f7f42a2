"""Writes a complete, validated analysis bundle for one model.

The bundle is built in a hidden staging folder beside its final place and
moved there only once it has passed validation, so a failed conversion
never leaves a half-written bundle or destroys the previous one.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from attrib_converter.bundle_name import check_bundle_name
from attrib_converter.errors import InvalidOptionError
from attrib_converter.export import export_graph
from attrib_converter.graph import (
    ATTRIBUTION_INPUTS,
    ATTRIBUTION_OUTPUTS,
    FORWARD_INPUTS,
    FORWARD_OUTPUTS,
    ForwardGraph,
    build_attribution_graph,
)
from attrib_converter.loading import LoadedModel, load_model
from attrib_converter.manifest import BundleFacts, build_manifest, write_manifest
from attrib_converter.mean_writes import mean_writes
from attrib_converter.progress import Progress, silent
from attrib_converter.reference_text import MAX_TOKENS, describe_reference_text, reference_passages
from attrib_converter.samples import TOKENIZER_SAMPLES, VALIDATION_PROMPTS
from attrib_converter.sources import resolve_source
from attrib_converter.tokenizer_file import write_tokenizer
from attrib_converter.validation import validate_bundle


@dataclass(frozen=True)
class ConvertOptions:
    name: str
    out_dir: Path
    display_name: str | None = None
    top_k_max: int = 20


def convert(source_text: str, options: ConvertOptions, progress: Progress = silent) -> Path:
    """Converts the model named by ``source_text``; returns the bundle folder.

    @throws ConverterError (a subclass naming what went wrong)
    """
    check_bundle_name(options.name)
    source = resolve_source(source_text)
    return convert_loaded(load_model(source, progress), options, progress)


def convert_loaded(
    loaded: LoadedModel, options: ConvertOptions, progress: Progress = silent
) -> Path:
    """Converts an already loaded model; returns the bundle folder."""
    check_bundle_name(options.name)
    _check_top_k(options.top_k_max, loaded)
    bundle_dir = options.out_dir / options.name
    # One staging folder per process, so two conversions of the same model
    # running at once cannot delete each other's files.
    staging = options.out_dir / f".{options.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        _write_bundle(loaded, options, staging, progress)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    shutil.rmtree(bundle_dir, ignore_errors=True)
    staging.rename(bundle_dir)
    progress(f"wrote {bundle_dir}")
    return bundle_dir


def _write_bundle(
    loaded: LoadedModel, options: ConvertOptions, bundle_dir: Path, progress: Progress
) -> None:
    progress("averaging each component's write over the reference text")
    passages = reference_passages()
    means, positions = mean_writes(loaded.model, loaded.tokenizer, passages, MAX_TOKENS)
    mean_ablation = {
        "source": describe_reference_text(len(passages), MAX_TOKENS),
        "passages": len(passages),
        "positions": positions,
    }
    progress("building attribution graph")
    graph = build_attribution_graph(loaded.model, loaded.spec, options.top_k_max, means)
    progress("exporting model.onnx")
    export_graph(graph, bundle_dir / "model.onnx", ATTRIBUTION_INPUTS, ATTRIBUTION_OUTPUTS)
    progress("exporting forward.onnx")
    export_graph(ForwardGraph(graph), bundle_dir / "forward.onnx", FORWARD_INPUTS, FORWARD_OUTPUTS)

    progress("writing tokenizer.json")
    samples = TOKENIZER_SAMPLES + VALIDATION_PROMPTS
    tokenizer = write_tokenizer(loaded.tokenizer, bundle_dir / "tokenizer.json", samples)
    progress("validating model.onnx and forward.onnx against transformers")
    validation = validate_bundle(
        loaded, bundle_dir, VALIDATION_PROMPTS, means, options.top_k_max
    )
    progress(
        f"max |logit diff| {validation['maxAbsLogitDiff']:.2e}, "
        f"max |Σ contributions − logit| {validation['maxAbsContributionSumError']:.2e}, "
        f"heads {validation['maxAbsHeadSumError']:.2e}, "
        f"neurons {validation['maxAbsNeuronSumError']:.2e}, "
        f"lens {validation['maxAbsLensLogitDiff']:.2e}, "
        f"ablation {validation['maxAbsAblatedLogitDiff']:.2e}, "
        f"batched vs alone {max(validation['batch']['maxScaledDiff'].values()):.2e} (scaled)"
    )

    display_name = options.display_name or default_display_name(loaded)
    manifest = build_manifest(
        loaded,
        BundleFacts(options.name, display_name, options.top_k_max, mean_ablation),
        tokenizer,
        validation,
    )
    write_manifest(manifest, bundle_dir)


def default_display_name(loaded: LoadedModel) -> str:
    """The GGUF file name without extension and quantization suffix, or the
    last part of a folder path or hub id."""
    source = loaded.source
    if source.gguf_file is not None:
        stem = Path(source.gguf_file).stem
        quantization = loaded.quantization
        # "SmolLM2-135M-Instruct.Q4_1", "gemma-3-270m-q4_k_m"
        suffixes = [f"{sep}{quantization}".upper() for sep in ".-_"] if quantization else []
        if any(stem.upper().endswith(suffix) for suffix in suffixes):
            stem = stem[: -len(quantization) - 1]
        return stem
    return Path(source.location.rstrip("/")).name


def _check_top_k(top_k_max: int, loaded: LoadedModel) -> None:
    vocab = loaded.model.get_output_embeddings().weight.shape[0]
    if not 1 <= top_k_max <= vocab:
        raise InvalidOptionError(f"--top-k-max must be between 1 and {vocab}, got {top_k_max}")
