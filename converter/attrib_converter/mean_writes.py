"""Each component's mean write over real text: what a mean ablation puts in
place of the component's own write."""

import torch
from torch import Tensor
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from attrib_converter.hooks import output_tensor, write_modules


def mean_writes(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    passages: list[str],
    max_tokens: int,
) -> tuple[Tensor, int]:
    """``[C, d_model]`` mean writes in the model's dtype, and how many
    positions they average over.

    Every position of every passage counts except the first: it sees only
    itself (for many tokenizers it is always BOS), and its writes are
    outliers that would dominate the mean.
    """
    modules = write_modules(model)
    sums: dict[str, Tensor] = {}

    def accumulate(name: str):
        def hook(_module, _args, output):
            written = output_tensor(output)[0, 1:].sum(0)  # [d_model]
            sums[name] = sums.get(name, 0) + written

        return hook

    handles = [m.register_forward_hook(accumulate(n)) for n, m in modules.items()]
    positions = 0
    try:
        with torch.no_grad():
            for text in passages:
                ids = tokenizer(text)["input_ids"][:max_tokens]
                model(torch.tensor([ids]), logits_to_keep=1)
                positions += len(ids) - 1
    finally:
        for handle in handles:
            handle.remove()
    return torch.stack([sums[name] for name in modules]) / positions, positions
