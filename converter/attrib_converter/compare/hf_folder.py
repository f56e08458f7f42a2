"""A Hugging Face folder for the benchmark's Python tools.

TransformerLens boots from a folder (or a hub id) and loads its tokenizer
from there, so a GGUF or ``pkg:`` source is loaded once the converter's way
(dequantized to float32) and saved as a folder; the stamp file says which
source it holds, so the folder is rebuilt only when that changes.
"""

import copy
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, PreTrainedModel

from attrib_converter.loading import LoadedModel, load_model
from attrib_converter.progress import Progress
from attrib_converter.sources import resolve_source

STAMP = "attrib-compare-source.txt"


def source_folder(source_text: str, cache_dir: Path, progress: Progress) -> Path:
    """The folder holding ``source_text``'s model: the source itself when it
    is a folder, else ``cache_dir`` (written on first use)."""
    source = resolve_source(source_text)
    if source.kind in ("hf-folder", "random"):
        return Path(source.location)
    stamp = cache_dir / STAMP
    identity = f"{source.ref} {source.package or ''}".strip()
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == identity:
        return cache_dir
    loaded = load_model(source, progress)
    progress(f"saving {source.ref} as a Hugging Face folder in {cache_dir}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    _dense_copy(loaded.model).save_pretrained(cache_dir)
    loaded.tokenizer.save_pretrained(cache_dir)
    stamp.write_text(identity, encoding="utf-8")
    return cache_dir


def _dense_copy(model: PreTrainedModel) -> PreTrainedModel:
    """``model`` as a plain float32 model: transformers refuses to save one
    loaded from GGUF, though its weights are already dequantized."""
    config = copy.deepcopy(model.config)
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    dense = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    dense.load_state_dict(model.state_dict())
    return dense


def load_folder(folder: Path, progress: Progress) -> LoadedModel:
    return load_model(resolve_source(str(folder)), progress)
