import torch
from torch import Tensor


def head_contributions(head_writes: list[Tensor], readouts: Tensor) -> Tensor:
    """Each head's direct contribution to each detail target's logit.

    @param head_writes - L × ``[b, H, d_model]``, what each head wrote at the
        last position (post-norm scale frozen where the model has one)
    @param readouts - ``[b, D, d_model]``, ``g ⊙ U[t] / s`` per detail target
    @returns ``[b, L, H, D]``
    """
    stacked = torch.stack(head_writes, dim=1)  # [b, L, H, d_model]
    return stacked @ readouts.transpose(1, 2)[:, None]  # [b, L, H, D]


def neuron_contributions(
    activations: list[Tensor], gains: list[Tensor], down: list[Tensor], readouts: Tensor
) -> Tensor:
    """Each MLP neuron's direct contribution to each detail target's logit:
    ``act_i · (W_out[i] ⊙ gain) · readout``.

    Reads each ``W_out [d_mlp, d_model]`` once more, as the left operand of a
    MatMul with the D readouts, instead of materialising every neuron's
    write (``d_mlp × d_model`` per layer). ``W_out`` must stay the left
    operand as stored: a transposed use would be folded into a second copy
    of the weights on export.

    @returns ``[b, L, d_mlp, D]``
    """
    per_layer = []
    for act, gain, w_out in zip(activations, gains, down, strict=True):
        weighted = readouts * gain[:, None, :]  # [b, D, d_model]
        projected = w_out @ weighted.transpose(1, 2)  # [b, d_mlp, D]
        per_layer.append(projected * act[:, :, None])
    return torch.stack(per_layer, dim=1)
