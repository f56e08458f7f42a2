"""Builds manifest.json (fields are specified in docs/bundle-format.md)."""

import json
from dataclasses import dataclass
from pathlib import Path

import onnx
import onnxruntime
import torch
import transformers

import attrib_converter
from attrib_converter.components import component_names
from attrib_converter.export import EXPORTER
from attrib_converter.graph import is_tied
from attrib_converter.graph.build import norm_epsilon
from attrib_converter.loading import LoadedModel
from attrib_converter.tokenizer_file import TokenizerFacts

FORMAT = "attrib-bundle"
FORMAT_VERSION = 3
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class BundleFacts:
    """What the conversion decided, as opposed to what the model is."""

    name: str
    display_name: str
    top_k_max: int
    mean_ablation: dict
    """``{ source, passages, positions }`` of the mean writes."""


def build_manifest(
    loaded: LoadedModel, facts: BundleFacts, tokenizer: TokenizerFacts, validation: dict
) -> dict:
    config = loaded.model.config
    return {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "name": facts.name,
        "displayName": facts.display_name,
        "source": _source(loaded),
        "architecture": config.model_type,
        **_widths(loaded),
        "maxContext": config.max_position_embeddings,
        "tiedEmbeddings": is_tied(loaded.model),
        "finalNorm": {
            "kind": "rmsnorm",
            "eps": norm_epsilon(loaded.model.model.norm),
            "weightOffset": loaded.spec.norm_weight_offset,
        },
        "embeddingScale": loaded.spec.embedding_scale(config),
        "postSublayerNorms": loaded.spec.post_sublayer_norms,
        "finalLogitSoftcap": loaded.spec.final_logit_softcap(config),
        "components": component_names(config.num_hidden_layers),
        "topKMax": facts.top_k_max,
        "meanAblation": facts.mean_ablation,
        "tokenizer": _tokenizer(tokenizer),
        "files": {},
        "validation": validation,
        "converter": _versions(),
    }


def _source(loaded: LoadedModel) -> dict:
    source = loaded.source
    record: dict = {"kind": source.kind, "ref": source.ref}
    if loaded.quantization is not None:
        record["quantization"] = loaded.quantization
    if source.gguf_file is not None:
        record["file"] = source.gguf_file
    if source.package is not None:
        record["package"] = source.package
    return record


def _widths(loaded: LoadedModel) -> dict:
    config = loaded.model.config
    first_attention = loaded.model.model.layers[0].self_attn
    return {
        "nLayers": config.num_hidden_layers,
        "dModel": config.hidden_size,
        "dMlp": config.intermediate_size,
        "nHeads": config.num_attention_heads,
        "nKvHeads": config.num_key_value_heads,
        "dHead": first_attention.head_dim,
        "dVocab": loaded.model.get_output_embeddings().weight.shape[0],
    }


def _tokenizer(facts: TokenizerFacts) -> dict:
    return {
        "file": "tokenizer.json",
        "addsBosToken": facts.adds_bos_token,
        "bosTokenId": facts.bos_token_id,
        "eosTokenId": facts.eos_token_id,
        "bosAddedToPostProcessor": facts.bos_added_to_post_processor,
        "textsChecked": facts.texts_checked,
    }


def _versions() -> dict:
    return {
        "attribConverter": attrib_converter.__version__,
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "onnx": onnx.__version__,
        "onnxruntime": onnxruntime.__version__,
        "exporter": EXPORTER,
    }


def write_manifest(manifest: dict, bundle_dir: Path) -> None:
    """Fills ``files`` with every other file's size, then writes the manifest."""
    manifest["files"] = {
        path.name: {"bytes": path.stat().st_size}
        for path in sorted(bundle_dir.iterdir())
        if path.is_file() and path.name != MANIFEST_FILE
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (bundle_dir / MANIFEST_FILE).write_text(text, encoding="utf-8")
