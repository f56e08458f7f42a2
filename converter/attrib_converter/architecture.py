"""What differs between the pre-norm decoder families the converter knows.

Adding a family means adding an :class:`ArchitectureSpec` here and whatever
its blocks need in :mod:`attrib_converter.graph`. Gemma 3, the next one
planned, needs ``embedding_scale=√d_model``, ``norm_weight_offset=1`` (its
norms compute ``(1 + w) ⊙ x / s``), ``post_sublayer_norms=True`` (the
residual receives normed sublayer outputs), per-head query/key norms and
sliding-window layers; the graph already takes the first three and the
window as parameters.
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

SUPPORTED: dict[str, ArchitectureSpec] = {spec.model_type: spec for spec in (LLAMA, QWEN2)}


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
