import torch
from torch import Tensor


def log_normalizer(logits: Tensor) -> Tensor:
    """``log Σ_v exp(logits)`` over the last axis, written out because
    onnxruntime's ReduceLogSumExp is several times slower than these ops."""
    top = logits.max(dim=-1, keepdim=True).values
    return (top + torch.log(torch.exp(logits - top).sum(-1, keepdim=True)))[..., 0]


def lens_readout(all_logits: Tensor, detail_ids: Tensor) -> tuple[Tensor, ...]:
    """What the logit lens reports from ``all_logits [b, 1+n, d_vocab]``, the
    model's own logits followed by the n lens rows.

    Every reduction runs on tensors with at least one row and one column
    (the model's own row, and the top-1 token appended to the detail ids),
    because onnxruntime's reductions keep the reduced axis of an input
    that is empty in another axis; the extra row and column are dropped
    afterwards.

    @param detail_ids - ``[b, D]`` tokens whose lens logit and rank are read
    @returns the model's own log normalizer ``[b]``, then top ids ``[b, n]``, top logits ``[b, n]``, log normalizers
        ``[b, n]``, detail logits ``[b, n, D]`` and 1-based detail ranks
        ``[b, n, D]`` (1 + how many tokens have a strictly larger logit)
    """
    top_logits, top_ids = all_logits.max(dim=-1)
    read_ids = torch.cat([detail_ids, top_ids[:, :1]], dim=1)  # [b, D+1]
    index = read_ids[:, None, :].expand(-1, all_logits.shape[1], -1)  # [b, 1+n, D+1]
    read_logits = torch.gather(all_logits, 2, index)
    above = all_logits[:, :, None, :] > read_logits[..., None]  # [b, 1+n, D+1, d_vocab]
    # Counted in float32 (exact below 2^24): onnxruntime's int64 ReduceSum
    # over the vocabulary is ten times slower.
    ranks = (above.float().sum(-1) + 1).long()
    normalizers = log_normalizer(all_logits)
    return (
        normalizers[:, 0],
        top_ids[:, 1:],
        top_logits[:, 1:],
        normalizers[:, 1:],
        read_logits[:, 1:, :-1],
        ranks[:, 1:, :-1],
    )
