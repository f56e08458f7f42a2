"""Independent float64 reference values for the attribution, from the
transformers model itself.

Nothing here uses the exported graph or :mod:`attrib_converter.graph`: the
components are read with forward hooks on the Hugging Face modules while
transformers runs its own forward pass in float64, and these identities are
checked against that pass before any number is trusted:

- the hooked writes sum to the final norm's input ``x`` (no write missed);
- ``g ⊙ x / s`` equals the final norm's own output (``g`` and ``s`` right);
- the per-head and per-neuron writes sum to their layer's write
  (:mod:`attrib_converter.reference_splits`).

The logit lens (:mod:`attrib_converter.reference_lens`) and ablations
(:mod:`attrib_converter.reference_ablation`) run transformers' own modules
on hooked residuals and with hooks that replace a module's output.

transformers' RMSNorm casts its input to float32 even in a float64 model,
so every norm output, and everything after it, carries float32 rounding
(about 1e-7 relative); the second identity is checked to that precision.
"""

import json
from dataclasses import dataclass

import torch
import transformers
from torch import Tensor, nn
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from attrib_converter.hooks import write_modules
from attrib_converter.reference_ablation import ablation_reference
from attrib_converter.reference_lens import lens_reference
from attrib_converter.reference_splits import finer_splits

SUM_TOLERANCE = 1e-9
NORM_TOLERANCE = 1e-6
SIGNIFICANT_DIGITS = 8


@dataclass
class HookedPass:
    components: Tensor  # [C, d_model], at the last position
    final_norm_input: Tensor  # [d_model]
    final_norm_output: Tensor  # [d_model]
    logits: Tensor  # [d_vocab]
    mixed_values: Tensor  # [L, H·dh], the output projection's input
    attn_raw: Tensor  # [L, d_model], the output projection's output
    neuron_activations: Tensor  # [L, d_mlp], the down projection's input
    mlp_raw: Tensor  # [L, d_model], the down projection's output


@dataclass(frozen=True)
class ReferenceOptions:
    top_k: int = 5
    norm_weight_offset: float = 0.0
    detail: bool = False
    """Per-head contributions and top neurons of every target."""
    lens: bool = True
    ablations: tuple = ()
    """``(component, mode, replacement)`` triples; ``replacement`` is the
    mean write ``[d_model]`` for ``mode == "mean"``, None for ``"zero"``."""


def as_float64(model: PreTrainedModel) -> PreTrainedModel:
    """``model`` converted in place to float64.

    Calls nn.Module's conversion directly: transformers refuses ``.double()``
    on models loaded from GGUF because it counts them as quantized, though
    their weights are already dequantized dense tensors.
    """
    return nn.Module.double(model).eval()


def hooked_pass(model: PreTrainedModel, input_ids: list[int]) -> HookedPass:
    """Runs transformers' forward on one prompt and records, at the last
    position, every write to the residual stream and the final norm's
    input and output."""
    backbone = model.model
    captured: dict[str, Tensor] = {}

    def keep(name: str):
        def hook(_module, _args, _kwargs, output):
            value = output[0] if isinstance(output, tuple) else output
            captured[name] = value[0, -1].detach()

        return hook

    def keep_norm_input(_module, args, kwargs):
        hidden = args[0] if args else kwargs["hidden_states"]
        captured["final_norm.input"] = hidden[0, -1].detach()

    def keep_projection(name: str):
        def hook(_module, args, output):
            captured[f"{name}.in"] = args[0][0, -1].detach()
            captured[f"{name}.out"] = output[0, -1].detach()

        return hook

    modules = {**write_modules(model), "final_norm": backbone.norm}
    handles = [
        module.register_forward_hook(keep(name), with_kwargs=True)
        for name, module in modules.items()
    ]
    handles.append(backbone.norm.register_forward_pre_hook(keep_norm_input, with_kwargs=True))
    for i, layer in enumerate(backbone.layers):
        handles.append(layer.self_attn.o_proj.register_forward_hook(keep_projection(f"o{i}")))
        handles.append(layer.mlp.down_proj.register_forward_hook(keep_projection(f"down{i}")))
    try:
        with torch.no_grad():
            logits = model(torch.tensor([input_ids])).logits[0, -1]
    finally:
        for handle in handles:
            handle.remove()

    writes = [captured[name] for name in modules if name != "final_norm"]
    layers = range(len(backbone.layers))
    return HookedPass(
        components=torch.stack(writes),
        final_norm_input=captured["final_norm.input"],
        final_norm_output=captured["final_norm"],
        logits=logits.detach(),
        mixed_values=torch.stack([captured[f"o{i}.in"] for i in layers]),
        attn_raw=torch.stack([captured[f"o{i}.out"] for i in layers]),
        neuron_activations=torch.stack([captured[f"down{i}.in"] for i in layers]),
        mlp_raw=torch.stack([captured[f"down{i}.out"] for i in layers]),
    )


def prompt_reference(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    text: str,
    extra_target_ids: list[int],
    options: ReferenceOptions,
) -> dict:
    """Reference values for one prompt: its top ``options.top_k`` tokens,
    then the extra targets. ``model`` must already be float64."""
    input_ids = tokenizer(text)["input_ids"]
    run = hooked_pass(model, input_ids)
    norm = model.model.norm
    gain = norm.weight.detach() + options.norm_weight_offset  # g
    x = run.final_norm_input
    scale = torch.sqrt(x.pow(2).mean() + norm_eps(norm))  # s
    _check_identities(run, gain, scale)

    unembedding = model.get_output_embeddings().weight.detach()  # [vocab, d_model]
    probabilities = torch.softmax(run.logits, dim=-1)
    target_ids = torch.topk(run.logits, options.top_k).indices.tolist() + extra_target_ids
    targets = [
        _target(run, unembedding, gain, scale, probabilities, tokenizer, t) for t in target_ids
    ]
    if options.detail:
        readouts = unembedding[target_ids] * gain / scale  # [T, d_model]
        for target, split in zip(targets, finer_splits(model, run, readouts, options), strict=True):
            target.update(split)
    document = {
        "text": text,
        "inputIds": input_ids,
        "finalNormScale": scale.item(),
        "targets": targets,
    }
    if options.lens:
        document["lens"] = lens_reference(model, input_ids, target_ids)
    if options.ablations:
        document["ablations"] = [
            ablation_reference(model, input_ids, target_ids, *ablation)
            for ablation in options.ablations
        ]
    return document


def norm_eps(norm: nn.Module) -> float:
    """Llama's RMSNorm calls it ``variance_epsilon``, Gemma's ``eps``."""
    return float(getattr(norm, "variance_epsilon", getattr(norm, "eps", 0.0)))


def _check_identities(run: HookedPass, gain: Tensor, scale: Tensor) -> None:
    missing = (run.components.sum(0) - run.final_norm_input).abs().max().item()
    normed = gain * run.final_norm_input / scale
    norm_error = (normed - run.final_norm_output).abs().max().item()
    size = max(1.0, run.final_norm_input.abs().max().item())
    if missing > SUM_TOLERANCE * size or norm_error > NORM_TOLERANCE * size:
        raise RuntimeError(
            f"reference hooks do not reproduce the model: Σ writes − x = {missing:.3g}, "
            f"g ⊙ x / s − norm output = {norm_error:.3g}"
        )


def _target(
    run: HookedPass,
    unembedding: Tensor,
    gain: Tensor,
    scale: Tensor,
    probabilities: Tensor,
    tokenizer: PreTrainedTokenizerBase,
    token_id: int,
) -> dict:
    row = unembedding[token_id]  # U[t]
    scaled = run.components * gain / scale  # [C, d_model]
    centered_row = row - unembedding.mean(dim=0)
    return {
        "id": token_id,
        "token": tokenizer.decode([token_id]),
        "logit": run.logits[token_id].item(),
        "probability": probabilities[token_id].item(),
        "raw": (scaled @ row).tolist(),
        "centered": (scaled @ centered_row).tolist(),
        "rough": (run.components @ (row / row.norm())).tolist(),
    }


def single_token_id(tokenizer: PreTrainedTokenizerBase, token_text: str) -> int:
    """The id of ``token_text``, which must encode to exactly one token."""
    ids = tokenizer(token_text, add_special_tokens=False)["input_ids"]
    if len(ids) != 1:
        raise ValueError(f"{token_text!r} is {len(ids)} tokens {ids}, not one")
    return ids[0]


def describe_reference() -> str:
    return (
        f"transformers {transformers.__version__} forward in float64 (torch "
        f"{torch.__version__}); components read with forward hooks on "
        "embed_tokens, each self_attn and mlp (their post-norms where the family "
        "has them), and the final norm, at the last position; s and g checked "
        "against the final norm's own output; heads from o_proj's input, neurons "
        "from down_proj's input; lens from transformers' own final norm and "
        "lm_head on each decoder layer's output; ablations by forward hooks that "
        "replace a module's output at every position. "
        "transformers' RMSNorm computes in float32 even in a float64 model, so "
        "values carry ~1e-7 relative rounding"
    )


def to_json(value, indent: str = "") -> str:
    """JSON with objects and lists of objects indented, and lists of numbers
    on one line, which keeps fixtures short and their diffs readable."""
    inner = indent + " "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {to_json(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        items = [inner + to_json(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def rounded(value, digits: int = SIGNIFICANT_DIGITS):
    """``value`` with every float rounded to ``digits`` significant digits."""
    if isinstance(value, float):
        return float(f"{value:.{digits}g}")
    if isinstance(value, list):
        return [rounded(v, digits) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v, digits) for k, v in value.items()}
    return value
