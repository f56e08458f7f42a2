"""Builds the attribution graph from a loaded Hugging Face model.

The projection and MLP layers are the Hugging Face modules themselves (their
weights, not their forward methods); norms and the unembedding are copied
into the layouts the graph computes with.
"""

from torch import nn
from transformers import PreTrainedModel

from attrib_converter.architecture import ArchitectureSpec
from attrib_converter.graph.attention import Attention
from attrib_converter.graph.attribution_graph import AttributionGraph
from attrib_converter.graph.decoder import Decoder, DecoderBlock
from attrib_converter.graph.mlp import GatedMlp
from attrib_converter.graph.rms_norm import RmsNorm
from attrib_converter.graph.unembedding import TokenEmbedding, Unembedding


def is_tied(model: PreTrainedModel) -> bool:
    embedding = model.get_input_embeddings().weight
    return model.get_output_embeddings().weight.data_ptr() == embedding.data_ptr()


def _norm(hf_norm: nn.Module, spec: ArchitectureSpec) -> RmsNorm:
    weight = hf_norm.weight.float() + spec.norm_weight_offset
    return RmsNorm(weight, float(hf_norm.variance_epsilon))


def _block(layer: nn.Module, model: PreTrainedModel, spec: ArchitectureSpec) -> DecoderBlock:
    config = model.config
    hf_attention = layer.self_attn
    attention = Attention(
        hf_attention,
        n_heads=config.num_attention_heads,
        n_kv_heads=config.num_key_value_heads,
        d_head=hf_attention.head_dim,
        sliding_window=getattr(hf_attention, "sliding_window", None),
    )
    return DecoderBlock(
        attn_norm=_norm(layer.input_layernorm, spec),
        attention=attention,
        mlp_norm=_norm(layer.post_attention_layernorm, spec),
        mlp=GatedMlp(layer.mlp),
    )


def build_attribution_graph(
    model: PreTrainedModel, spec: ArchitectureSpec, top_k_max: int
) -> AttributionGraph:
    """The graph for ``model``, which must hold float32 weights."""
    model.eval()
    unembedding = Unembedding(model.get_output_embeddings().weight)
    embedding_table = None if is_tied(model) else model.get_input_embeddings().weight
    embedding = TokenEmbedding(embedding_table, unembedding, spec.embedding_scale(model.config))

    backbone = model.model
    blocks = [_block(layer, model, spec) for layer in backbone.layers]
    decoder = Decoder(embedding, backbone.rotary_emb, blocks)
    graph = AttributionGraph(decoder, _norm(backbone.norm, spec), unembedding, top_k_max)
    return graph.eval()
