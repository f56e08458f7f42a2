"""Reference per-head and per-neuron contributions, from the projections'
hooked inputs and the Hugging Face weights, in float64.

Head ``h`` writes ``W_O[:, h] z_h`` and neuron ``i`` writes
``act_i · W_down[:, i]``; where a post-sublayer norm follows (Gemma), each
part is multiplied by that norm's ``g / s`` with ``s`` frozen at the whole
sublayer output, so the parts sum to the layer's write exactly.
"""

import torch
from torch import Tensor, nn
from transformers import PreTrainedModel

from attrib_converter.hooks import has_post_sublayer_norms

TOP_NEURONS = 10
WRITE_TOLERANCE = 1e-6
"""Relative: the post-norm output comes from transformers' float32 norm."""


def _post_gain(norm: nn.Module | None, raw: Tensor, offset: float) -> Tensor | float:
    """``g / s`` of a post-sublayer norm for the raw output ``raw``."""
    if norm is None:
        return 1.0
    eps = float(getattr(norm, "variance_epsilon", getattr(norm, "eps", 0.0)))
    weight = norm.weight.detach() + offset
    return weight / torch.sqrt(raw.pow(2).mean() + eps)


def _post_norms(layer: nn.Module) -> tuple[nn.Module | None, nn.Module | None]:
    if has_post_sublayer_norms(layer):
        return layer.post_attention_layernorm, layer.post_feedforward_layernorm
    return None, None


def head_writes(model: PreTrainedModel, run, offset: float) -> Tensor:
    """``[L, H, d_model]``: what each head wrote at the last position."""
    config = model.config
    writes = []
    for i, layer in enumerate(model.model.layers):
        w_o = layer.self_attn.o_proj.weight.detach()  # [d_model, H·dh]
        heads = run.mixed_values[i].view(config.num_attention_heads, -1)  # [H, dh]
        per_head = torch.einsum("dhk,hk->hd", w_o.view(w_o.shape[0], *heads.shape), heads)
        attn_norm, _ = _post_norms(layer)
        writes.append(per_head * _post_gain(attn_norm, run.attn_raw[i], offset))
    stacked = torch.stack(writes)
    _check_sum(stacked.sum(1), run.components[1::2], "heads")
    return stacked


def neuron_readouts(model: PreTrainedModel, run, readouts: Tensor, offset: float) -> Tensor:
    """``[T, L, d_mlp]``: each neuron's contribution to each target, for
    ``readouts [T, d_model]`` (``g ⊙ U[t] / s``)."""
    per_layer, writes = [], []
    for i, layer in enumerate(model.model.layers):
        w_down = layer.mlp.down_proj.weight.detach()  # [d_model, d_mlp]
        _, mlp_norm = _post_norms(layer)
        gain = _post_gain(mlp_norm, run.mlp_raw[i], offset)
        activations = run.neuron_activations[i]  # [d_mlp]
        per_layer.append(activations * ((readouts * gain) @ w_down))  # [T, d_mlp]
        writes.append((w_down @ activations) * gain)
    _check_sum(torch.stack(writes), run.components[2::2], "neurons")
    return torch.stack(per_layer, dim=1)


def _check_sum(summed: Tensor, layer_writes: Tensor, what: str) -> None:
    error = (summed - layer_writes).abs().max().item()
    if error > WRITE_TOLERANCE * max(1.0, layer_writes.abs().max().item()):
        raise RuntimeError(f"reference {what} do not sum to their layer's write: {error:.3g}")


def _top_neurons(values: Tensor, activations: Tensor, sign: int) -> list[dict]:
    """The ``TOP_NEURONS`` largest (sign 1) or most negative (sign -1)."""
    flat = (values * sign).flatten()
    top = torch.topk(flat, TOP_NEURONS)
    d_mlp = values.shape[1]
    return [
        {
            "layer": index // d_mlp,
            "neuron": index % d_mlp,
            "activation": activations[index // d_mlp, index % d_mlp].item(),
            "value": values.flatten()[index].item(),
        }
        for score, index in zip(top.values.tolist(), top.indices.tolist(), strict=True)
        if score > 0
    ]


def finer_splits(model: PreTrainedModel, run, readouts: Tensor, options) -> list[dict]:
    """Per target: ``heads`` ``[L][H]`` and the top positive and negative
    ``neurons`` with their layer, index, activation and contribution."""
    heads = head_writes(model, run, options.norm_weight_offset) @ readouts.t()  # [L, H, T]
    neurons = neuron_readouts(model, run, readouts, options.norm_weight_offset)
    return [
        {
            "heads": heads[:, :, t].tolist(),
            "neurons": {
                "positive": _top_neurons(neurons[t], run.neuron_activations, 1),
                "negative": _top_neurons(neurons[t], run.neuron_activations, -1),
            },
        }
        for t in range(readouts.shape[0])
    ]
