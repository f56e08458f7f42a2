"""Builds the attribution graph from a loaded Hugging Face model.

The query, key, value, gate and up projections are the Hugging Face modules
themselves (their weights, not their forward methods); norms, the output
and down projections and the unembedding are copied into the layouts the
graph computes with.
"""

from torch import Tensor, nn
from transformers import PreTrainedModel

from attrib_converter.architecture import ArchitectureSpec
from attrib_converter.errors import UnsupportedArchitectureError
from attrib_converter.graph.attention import Attention
from attrib_converter.graph.attribution_graph import AttributionGraph
from attrib_converter.graph.decoder import Decoder, DecoderBlock
from attrib_converter.graph.mlp import GatedMlp
from attrib_converter.graph.rms_norm import RmsNorm
from attrib_converter.graph.unembedding import TokenEmbedding, Unembedding


def is_tied(model: PreTrainedModel) -> bool:
    embedding = model.get_input_embeddings().weight
    return model.get_output_embeddings().weight.data_ptr() == embedding.data_ptr()


def norm_epsilon(hf_norm: nn.Module) -> float:
    """Llama's RMSNorm calls it ``variance_epsilon``, Gemma's ``eps``."""
    return float(getattr(hf_norm, "variance_epsilon", getattr(hf_norm, "eps", 0.0)))


def _norm(hf_norm: nn.Module, spec: ArchitectureSpec) -> RmsNorm:
    weight = hf_norm.weight.float() + spec.norm_weight_offset
    return RmsNorm(weight, norm_epsilon(hf_norm))


def _require_no_output_bias(layer: nn.Module, index: int) -> None:
    """A bias on the output or down projection belongs to no head and no
    neuron, so the finer splits could not add up to their layer."""
    for name, linear in [("o_proj", layer.self_attn.o_proj), ("down_proj", layer.mlp.down_proj)]:
        if linear.bias is not None:
            raise UnsupportedArchitectureError(
                f"layer {index} has a bias on {name}; Attrib splits attention by head and "
                "MLPs by neuron and supports models without output-projection biases"
            )


def _attention(layer: nn.Module, model: PreTrainedModel, spec: ArchitectureSpec) -> Attention:
    config = model.config
    hf_attention = layer.self_attn
    if getattr(config, "attn_logit_softcapping", None) is not None:
        raise UnsupportedArchitectureError("attention logit soft-capping is not supported")
    query_norm = key_norm = None
    if spec.query_key_norms:
        query_norm = _norm(hf_attention.q_norm, spec)
        key_norm = _norm(hf_attention.k_norm, spec)
    return Attention(
        hf_attention,
        n_heads=config.num_attention_heads,
        n_kv_heads=config.num_key_value_heads,
        d_head=hf_attention.head_dim,
        sliding_window=getattr(hf_attention, "sliding_window", None),
        query_norm=query_norm,
        key_norm=key_norm,
    )


def _block(
    index: int, layer: nn.Module, model: PreTrainedModel, spec: ArchitectureSpec
) -> DecoderBlock:
    _require_no_output_bias(layer, index)
    attention = _attention(layer, model, spec)
    rotary_key = layer.self_attn.layer_type if spec.rotary_per_layer_type else None
    if not spec.post_sublayer_norms:
        return DecoderBlock(
            attn_norm=_norm(layer.input_layernorm, spec),
            attention=attention,
            mlp_norm=_norm(layer.post_attention_layernorm, spec),
            mlp=GatedMlp(layer.mlp),
            rotary_key=rotary_key,
        )
    return DecoderBlock(
        attn_norm=_norm(layer.input_layernorm, spec),
        attention=attention,
        mlp_norm=_norm(layer.pre_feedforward_layernorm, spec),
        mlp=GatedMlp(layer.mlp),
        attn_out_norm=_norm(layer.post_attention_layernorm, spec),
        mlp_out_norm=_norm(layer.post_feedforward_layernorm, spec),
        rotary_key=rotary_key,
    )


def build_attribution_graph(
    model: PreTrainedModel, spec: ArchitectureSpec, top_k_max: int, mean_writes: Tensor
) -> AttributionGraph:
    """The graph for ``model``, which must hold float32 weights.

    @param mean_writes - ``[C, d_model]``, each component's mean write over
        the reference text, the replacement of a mean ablation
    @throws UnsupportedArchitectureError for a block the graph cannot split
    """
    model.eval()
    unembedding = Unembedding(model.get_output_embeddings().weight)
    embedding_table = None if is_tied(model) else model.get_input_embeddings().weight
    embedding = TokenEmbedding(embedding_table, unembedding, spec.embedding_scale(model.config))

    backbone = model.model
    blocks = [_block(i, layer, model, spec) for i, layer in enumerate(backbone.layers)]
    decoder = Decoder(embedding, backbone.rotary_emb, blocks)
    final_norm = _norm(backbone.norm, spec)
    graph = AttributionGraph(decoder, final_norm, unembedding, top_k_max, mean_writes)
    return graph.eval()
