import torch
from torch import Tensor


def split_by_readout(
    values: Tensor, gains: list[Tensor | None], weights: list[Tensor], readouts: Tensor
) -> Tensor:
    """How much each unit of each layer's last-position write adds to each
    detail target's logit: ``value_k · (W[k] ⊙ gain) · readout``, for the
    rows ``W[k]`` of a write matrix (``W_out``'s neurons, ``W_O``'s head
    dimensions).

    Reads each ``W [K, d_model]`` once more, as the left operand of a MatMul
    with the D readouts, instead of materialising every unit's write
    (``K × d_model`` per layer); with no detail target (D = 0) it costs next
    to nothing. ``W`` must stay the left operand as stored: a transposed use
    would be folded into a second copy of the weights on export. The MatMul
    broadcasts ``W`` over a ``[b, 1, d_model, D]`` right operand, so each
    layer's product already has its layer axis and all join in one Concat.

    @param values - ``[b, L, K]``, what multiplies each row at the last position
    @param gains - per layer ``[b, 1, d_model]``, a post-norm's frozen gain,
        or None without one
    @param weights - per layer ``W [K, d_model]``
    @param readouts - ``[b, D, d_model]``, ``g ⊙ U[t] / s`` per detail target
    @returns ``[b, L, K, D]``
    """
    columns = readouts.transpose(1, 2)[:, None]  # [b, 1, d_model, D]
    per_layer = [
        weight @ (columns if gain is None else columns * gain[..., None])
        for gain, weight in zip(gains, weights, strict=True)
    ]
    return torch.cat(per_layer, dim=1) * values[..., None]


def head_sums(n_heads: int, d_head: int) -> Tensor:
    """``[H, H·dh]``, ones where a column belongs to the row's head: as the
    left operand of a MatMul it adds each head's ``dh`` dimensions up, for
    any number of detail targets (a reshape to ``[.., H, dh, D]`` would
    break on D = 0, which ONNX reads as "keep this dimension")."""
    return torch.eye(n_heads).repeat_interleave(d_head, dim=1)
