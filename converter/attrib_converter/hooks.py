"""Which Hugging Face module's output is each component's write to the
residual stream, for reading writes with forward hooks and for replacing
them in an ablation."""

import torch
from torch import Tensor, nn
from transformers import PreTrainedModel


def has_post_sublayer_norms(layer: nn.Module) -> bool:
    """Gemma 2/3 blocks norm each sublayer's output before adding it."""
    return hasattr(layer, "pre_feedforward_layernorm")


def write_modules(model: PreTrainedModel) -> dict[str, nn.Module]:
    """Component name → the module whose output the residual receives:
    ``embed``, then ``L{i}.attn`` and ``L{i}.mlp`` (the sublayer itself, or
    its post-norm where the family has one)."""
    backbone = model.model
    modules: dict[str, nn.Module] = {"embed": backbone.embed_tokens}
    for i, layer in enumerate(backbone.layers):
        if has_post_sublayer_norms(layer):
            modules[f"L{i}.attn"] = layer.post_attention_layernorm
            modules[f"L{i}.mlp"] = layer.post_feedforward_layernorm
        else:
            modules[f"L{i}.attn"] = layer.self_attn
            modules[f"L{i}.mlp"] = layer.mlp
    return modules


def output_tensor(output) -> Tensor:
    """Attention modules return ``(output, weights)``; others a tensor."""
    return output[0] if isinstance(output, tuple) else output


def replace_output(output, value: Tensor):
    """``output`` with its tensor replaced by ``value``, same structure."""
    if isinstance(output, tuple):
        return (value, *output[1:])
    return value


def residuals_by_depth(model: PreTrainedModel, input_ids: list[int]) -> tuple[Tensor, Tensor]:
    """The residual stream at the last position after 0, 1, …, L layers
    ``[L+1, d_model]`` (read from the embedding's and each decoder layer's
    output), and the model's own last-position logits ``[d_vocab]``."""
    backbone = model.model
    captured: list[Tensor] = []

    def keep(_module, _args, output):
        captured.append(output_tensor(output)[0, -1].detach())

    modules = [backbone.embed_tokens, *backbone.layers]
    handles = [module.register_forward_hook(keep) for module in modules]
    try:
        with torch.no_grad():
            logits = model(torch.tensor([input_ids])).logits[0, -1]
    finally:
        for handle in handles:
            handle.remove()
    return torch.stack(captured), logits


def lens_logits(model: PreTrainedModel, residuals: Tensor) -> Tensor:
    """The model's own final norm and unembedding applied to each residual
    ``[n, d_model]`` → ``[n, d_vocab]``: the norm's scale is each residual's
    own, as the logit lens requires."""
    with torch.no_grad():
        return model.get_output_embeddings()(model.model.norm(residuals))


def ablated_logits(
    model: PreTrainedModel, input_ids: list[int], component: str, replacement: Tensor | None
) -> Tensor:
    """Last-position logits ``[d_vocab]`` of a forward in which
    ``component``'s write is replaced at every position by ``replacement``
    ``[d_model]``, or by zeros when it is None."""
    module = write_modules(model)[component]

    def replace(_module, _args, output):
        written = output_tensor(output)
        value = torch.zeros_like(written) if replacement is None else replacement.expand_as(written)
        return replace_output(output, value.to(written.dtype))

    handle = module.register_forward_hook(replace)
    try:
        with torch.no_grad():
            return model(torch.tensor([input_ids])).logits[0, -1]
    finally:
        handle.remove()
