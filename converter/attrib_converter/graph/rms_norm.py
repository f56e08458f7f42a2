import torch
from torch import Tensor, nn


class RmsNorm(nn.Module):
    """``g ⊙ x / s`` with ``s = sqrt(mean(x²) + eps)``.

    ``weight`` is ``g`` as applied, so a family's weight offset (Gemma's
    ``1 + w``) is folded in when the graph is built.
    """

    def __init__(self, weight: Tensor, eps: float) -> None:
        super().__init__()
        self.weight = nn.Parameter(weight.detach().float(), requires_grad=False)
        self.eps = eps

    def scale(self, x: Tensor) -> Tensor:
        """``s`` for each vector along the last axis, kept as a size-1 axis."""
        return torch.sqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)

    def forward(self, x: Tensor) -> Tensor:
        inverse_scale = torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * (x * inverse_scale)
