"""Left padding of a batch of prompts, as the attribution graph takes it."""

import torch
from torch import Tensor

PAD_ID = 0
"""Any valid id: padded positions are masked out."""


def left_padded(prompts: list[list[int]]) -> tuple[Tensor, Tensor, Tensor]:
    """``input_ids``, ``attention_mask`` and ``position_ids`` ``[b, seq]`` for
    prompts of any lengths, padded on the left so that the last position is
    every prompt's last token; positions count from the first real token, so
    a padded prompt gives the numbers it gives alone."""
    longest = max(len(ids) for ids in prompts)
    input_ids = torch.full((len(prompts), longest), PAD_ID, dtype=torch.long)
    mask = torch.zeros((len(prompts), longest), dtype=torch.long)
    for row, ids in enumerate(prompts):
        input_ids[row, longest - len(ids) :] = torch.tensor(ids)
        mask[row, longest - len(ids) :] = 1
    positions = (mask.cumsum(dim=1) - 1).clamp(min=0)
    return input_ids, mask, positions


def split_results(
    prompts: list[list[int]], logits: Tensor, target_ids: Tensor, contributions: Tensor
) -> list[dict]:
    """One JSON-ready result per prompt from batched ``logits [b, d_vocab]``,
    ``target_ids [b, T]`` and ``contributions [b, C, T]``."""
    return [
        {
            "inputIds": ids,
            "targetIds": target_ids[row].tolist(),
            "logits": logits[row, target_ids[row]].tolist(),
            "contributions": contributions[row].tolist(),
        }
        for row, ids in enumerate(prompts)
    ]
