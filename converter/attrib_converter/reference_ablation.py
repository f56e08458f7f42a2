"""Reference ablations: transformers' forward with a hook that replaces one
component's output at every position, in float64."""

import torch
from torch import Tensor
from transformers import PreTrainedModel

from attrib_converter.hooks import ablated_logits


def ablation_reference(
    model: PreTrainedModel,
    input_ids: list[int],
    target_ids: list[int],
    component: str,
    mode: str,
    replacement: Tensor | None,
) -> dict:
    """Each target's logit and probability with ``component`` zeroed
    (``mode == "zero"``) or replaced by its mean write (``"mean"``)."""
    logits = ablated_logits(model, input_ids, component, replacement)
    probabilities = torch.softmax(logits, dim=-1)
    return {
        "component": component,
        "mode": mode,
        "logits": logits[target_ids].tolist(),
        "probabilities": probabilities[target_ids].tolist(),
    }
