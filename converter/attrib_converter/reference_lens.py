"""Reference logit lens: transformers' own final norm and lm_head applied to
each layer's residual at the last position, in float64."""

import torch
from transformers import PreTrainedModel

from attrib_converter.hooks import lens_logits, residuals_by_depth


def lens_reference(model: PreTrainedModel, input_ids: list[int], target_ids: list[int]) -> dict:
    """At each depth 0 … L (0: the embedding alone, L: the model's output):
    the top token and its probability, and each target's probability and
    1-based rank (1 + how many tokens have a strictly larger logit)."""
    residuals, _logits = residuals_by_depth(model, input_ids)
    logits = lens_logits(model, residuals)  # [L+1, d_vocab]
    probabilities = torch.softmax(logits, dim=-1)
    top = probabilities.max(dim=-1)
    targets = []
    for token_id in target_ids:
        above = (logits > logits[:, token_id : token_id + 1]).sum(-1)
        targets.append(
            {
                "id": token_id,
                "probabilities": probabilities[:, token_id].tolist(),
                "ranks": (above + 1).tolist(),
            }
        )
    return {
        "topIds": top.indices.tolist(),
        "topProbabilities": top.values.tolist(),
        "targets": targets,
    }
