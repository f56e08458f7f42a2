import torch
from torch import Tensor, nn

from attrib_converter.graph.rms_norm import RmsNorm

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
    to the residual stream, and for the attribution graph also the last
    position's mixed values, from which the write's split by head is read.

    The output projection is kept as ``W_O [n_heads · d_head, d_model]``,
    the layout of the forward's one MatMul over all heads and positions.
    Head ``h`` writes ``z_h W_O[h·d_head : (h+1)·d_head]``; the attribution
    graph reads that split at the last position through the readout
    directions (``readout.split_by_readout``), never as per-head writes.
    """

    def __init__(
        self,
        projections: nn.Module,
        n_heads: int,
        n_kv_heads: int,
        d_head: int,
        sliding_window: int | None,
        query_norm: RmsNorm | None = None,
        key_norm: RmsNorm | None = None,
    ) -> None:
        super().__init__()
        self.q_proj = projections.q_proj
        self.k_proj = projections.k_proj
        self.v_proj = projections.v_proj
        o_weight = projections.o_proj.weight.detach().float()  # [d_model, H·dh]
        self.W_O = nn.Parameter(o_weight.t().contiguous(), requires_grad=False)  # [H·dh, d_model]
        self.query_norm = query_norm
        self.key_norm = key_norm
        self.scaling = float(projections.scaling)
        self.n_heads = n_heads
        self.n_kv_heads = n_kv_heads
        self.group = n_heads // n_kv_heads
        self.d_head = d_head
        self.sliding_window = sliding_window

    def _heads(self, projected: Tensor, group: int) -> Tensor:
        shape = (self.n_kv_heads, group, self.d_head)
        return projected.unflatten(-1, shape).permute(0, 2, 3, 1, 4)

    def mixed_values(self, normed: Tensor, rotary: tuple[Tensor, Tensor], bias: Tensor) -> Tensor:
        """``z``, each query head's attention-weighted values, heads side by
        side ``[b, seq, H·dh]``."""
        cos, sin = (part[:, None, None] for part in rotary)  # [b,1,1,seq,dh]
        query = self._heads(self.q_proj(normed), self.group)  # [b, kv, g, seq, dh]
        key = self._heads(self.k_proj(normed), 1)
        if self.query_norm is not None and self.key_norm is not None:
            query, key = self.query_norm(query), self.key_norm(key)
        query, key = apply_rotary(query, cos, sin), apply_rotary(key, cos, sin)
        value = self._heads(self.v_proj(normed), 1)

        scores = query @ key.transpose(-1, -2) * self.scaling + bias
        pattern = torch.softmax(scores, dim=-1)  # [b, kv, group, q, k]
        mixed = (pattern @ value).flatten(1, 2)  # [b, H, seq, dh]
        return mixed.transpose(1, 2).flatten(2)

    def forward(self, normed: Tensor, rotary: tuple[Tensor, Tensor], bias: Tensor) -> Tensor:
        """The write ``[b, seq, d_model]`` as one MatMul over all heads."""
        return self.mixed_values(normed, rotary, bias) @ self.W_O

    def with_last_values(
        self, normed: Tensor, rotary: tuple[Tensor, Tensor], bias: Tensor
    ) -> tuple[Tensor, Tensor]:
        """The write ``[b, seq, d_model]`` and the last position's mixed
        values ``[b, 1, H·dh]``, from which its split by head is read."""
        z = self.mixed_values(normed, rotary, bias)
        return z @ self.W_O, z[:, -1:]
