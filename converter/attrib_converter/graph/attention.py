import torch
from torch import Tensor, nn

MASKED = torch.finfo(torch.float32).min
"""Added to the score of a key a query may not see. A finite value keeps a
query row with no visible key (a left-padding position) free of NaN; such
rows are never read by a real position."""


def attention_bias(attention_mask: Tensor, window: int | None) -> Tensor:
    """Additive score bias ``[batch, 1, 1, seq, seq]``: causal, hides padded
    keys, and, for a sliding-window layer, keys ``window`` or more back."""
    index = torch.cumsum(torch.ones_like(attention_mask[0]), 0) - 1  # [seq]
    query, key = index[:, None], index[None, :]
    allowed = (key <= query) & attention_mask[:, None, :].bool()  # [b, q, k]
    if window is not None:
        allowed = allowed & (query - key < window)

    bias = torch.where(allowed, 0.0, MASKED)
    return bias[:, None, None]


def rotate_half(x: Tensor) -> Tensor:
    first, second = x.chunk(2, dim=-1)
    return torch.cat((-second, first), dim=-1)


def apply_rotary(x: Tensor, cos: Tensor, sin: Tensor) -> Tensor:
    return x * cos + rotate_half(x) * sin


class Attention(nn.Module):
    """Grouped-query self-attention; returns the output projection's write
    to the residual stream.

    Query heads are grouped under the key/value head they share
    (``[batch, kv_head, group, seq, d_head]``) so keys and values broadcast
    over the group instead of being copied per query head.
    """

    def __init__(
        self,
        projections: nn.Module,
        n_heads: int,
        n_kv_heads: int,
        d_head: int,
        sliding_window: int | None,
    ) -> None:
        super().__init__()
        self.q_proj = projections.q_proj
        self.k_proj = projections.k_proj
        self.v_proj = projections.v_proj
        self.o_proj = projections.o_proj
        self.scaling = float(projections.scaling)
        self.n_kv_heads = n_kv_heads
        self.group = n_heads // n_kv_heads
        self.d_head = d_head
        self.sliding_window = sliding_window

    def _heads(self, projected: Tensor, group: int) -> Tensor:
        shape = (self.n_kv_heads, group, self.d_head)
        return projected.unflatten(-1, shape).permute(0, 2, 3, 1, 4)

    def forward(self, normed: Tensor, rotary: tuple[Tensor, Tensor], bias: Tensor) -> Tensor:
        cos, sin = (part[:, None, None] for part in rotary)  # [b,1,1,seq,dh]
        query = apply_rotary(self._heads(self.q_proj(normed), self.group), cos, sin)
        key = apply_rotary(self._heads(self.k_proj(normed), 1), cos, sin)
        value = self._heads(self.v_proj(normed), 1)

        scores = query @ key.transpose(-1, -2) * self.scaling + bias
        pattern = torch.softmax(scores, dim=-1)  # [b, kv, group, q, k]
        z = (pattern @ value).permute(0, 3, 1, 2, 4).flatten(2)  # [b, seq, h·dh]
        return self.o_proj(z)
