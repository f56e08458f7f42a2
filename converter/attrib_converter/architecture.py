"""What differs between the pre-norm decoder families the converter knows.

Adding a family means adding an :class:`ArchitectureSpec` here and whatever
its blocks need in :mod:`attrib_converter.graph`. Gemma 3 differs from
Llama in every way the graph has a switch for: the embedding times
√d_model, norms computing ``(1 + w) ⊙ x / s``, norms after each sublayer
(the residual receives their output), per-head query/key norms, and
sliding-window layers with their own rotary table.
"""

from dataclasses import dataclass
from math import sqrt

from transformers import PretrainedConfig

from attrib_converter.errors import UnsupportedArchitectureError


@dataclass(frozen=True)
class ArchitectureSpec:
    model_type: str
    scales_embedding: bool
    """The embedding row is multiplied by √d_model before entering the
    residual stream."""
    norm_weight_offset: float
    """Norm weights are stored as ``w`` and applied as ``offset + w``."""
    post_sublayer_norms: bool
    final_logit_softcap_attribute: str | None
    """Config attribute holding the soft-cap applied after the unembedding."""
    query_key_norms: bool = False
    """Each query and key head is RMS-normed before the rotary embedding."""
    rotary_per_layer_type: bool = False
    """The rotary module takes the layer type (``sliding_attention`` or
    ``full_attention``) and keeps one table per type."""

    def embedding_scale(self, config: PretrainedConfig) -> float:
        return sqrt(config.hidden_size) if self.scales_embedding else 1.0

    def final_logit_softcap(self, config: PretrainedConfig) -> float | None:
        if self.final_logit_softcap_attribute is None:
            return None
        return getattr(config, self.final_logit_softcap_attribute, None)


LLAMA = ArchitectureSpec(
    model_type="llama",
    scales_embedding=False,
    norm_weight_offset=0.0,
    post_sublayer_norms=False,
    final_logit_softcap_attribute=None,
)

# Qwen2 is Llama with biases on the query, key and value projections; the
# graph takes biases from the projection layers themselves.
QWEN2 = ArchitectureSpec(
    model_type="qwen2",
    scales_embedding=False,
    norm_weight_offset=0.0,
    post_sublayer_norms=False,
    final_logit_softcap_attribute=None,
)

GEMMA3 = ArchitectureSpec(
    model_type="gemma3_text",
    scales_embedding=True,
    norm_weight_offset=1.0,
    post_sublayer_norms=True,
    final_logit_softcap_attribute="final_logit_softcapping",
    query_key_norms=True,
    rotary_per_layer_type=True,
)

SUPPORTED: dict[str, ArchitectureSpec] = {
    spec.model_type: spec for spec in (LLAMA, QWEN2, GEMMA3)
}


def spec_for(model_type: str) -> ArchitectureSpec:
    """The spec for a transformers ``model_type``.

    @throws UnsupportedArchitectureError when the family is not supported.
    """
    spec = SUPPORTED.get(model_type)
    if spec is None:
        supported = ", ".join(sorted(SUPPORTED))
        raise UnsupportedArchitectureError(
            f"unsupported architecture {model_type!r}; supported: {supported}"
        )
    return spec
