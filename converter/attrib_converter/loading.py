"""Loads a model and its tokenizer with transformers, weights in float32.

GGUF weights are dequantized by transformers while loading; the analysis is
of that dequantized model.
"""

from dataclasses import dataclass
from pathlib import Path

import gguf
import torch
from transformers import (
    AutoConfig,
    AutoModelForCausalLM,
    AutoTokenizer,
    PretrainedConfig,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from attrib_converter.architecture import SUPPORTED, ArchitectureSpec, spec_for
from attrib_converter.errors import SourceLoadError, UnsupportedArchitectureError
from attrib_converter.progress import Progress
from attrib_converter.sources import ModelSource


@dataclass
class LoadedModel:
    source: ModelSource
    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    spec: ArchitectureSpec
    quantization: str | None
    """The GGUF file type (``Q4_1``) the weights were dequantized from."""


def load_model(source: ModelSource, progress: Progress) -> LoadedModel:
    """@throws UnsupportedArchitectureError, SourceLoadError"""
    progress(f"loading config from {source.ref}")
    config = _load_config(source)
    spec = spec_for(config.model_type)

    progress("loading tokenizer")
    tokenizer = _call(source, AutoTokenizer.from_pretrained, "tokenizer")
    progress("loading weights (float32)")
    model = _call(source, AutoModelForCausalLM.from_pretrained, "model", dtype=torch.float32)
    model.eval()
    return LoadedModel(source, model, tokenizer, spec, _quantization(source))


def _load_config(source: ModelSource) -> PretrainedConfig:
    try:
        return _call(source, AutoConfig.from_pretrained, "config")
    except SourceLoadError as error:
        # transformers reads GGUF metadata itself and names the architecture
        # it cannot map; say which ones this converter supports.
        if "not supported yet" in str(error.__cause__):
            supported = ", ".join(sorted(SUPPORTED))
            raise UnsupportedArchitectureError(
                f"{error.__cause__} (converter supports: {supported})"
            ) from error
        raise


def _call(source: ModelSource, loader, what: str, **kwargs):
    if source.gguf_file is not None:
        kwargs["gguf_file"] = source.gguf_file
    try:
        return loader(source.location, local_files_only=source.is_local, **kwargs)
    except Exception as error:
        raise SourceLoadError(_load_failure(source, what, error)) from error


def _load_failure(source: ModelSource, what: str, error: Exception) -> str:
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    message = f"could not load the {what} from {source.ref}: {reason}"
    if source.kind == "hub":
        message += (
            " (a hub id needs network access to huggingface.co; without it, "
            "pass a local model folder or a .gguf file)"
        )
    return message


def _quantization(source: ModelSource) -> str | None:
    if source.gguf_file is None:
        return None
    reader = gguf.GGUFReader(str(Path(source.location) / source.gguf_file))
    field = reader.fields.get("general.file_type")
    if field is None:
        return None
    file_type = gguf.LlamaFileType(int(field.contents()))
    return file_type.name.removeprefix("MOSTLY_").removeprefix("ALL_")
