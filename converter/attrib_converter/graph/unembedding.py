from torch import Tensor, nn


class Unembedding(nn.Module):
    """``W_U`` stored ``[d_model, d_vocab]`` so the logits are one MatMul on
    the stored tensor, and the rows ``U[t]`` are columns gathered from it.

    Keeping this one layout lets a tied model export a single copy of the
    matrix: a ``[d_vocab, d_model]`` table would need a transposed copy for
    the MatMul that ONNX constant folding would store beside the original.
    """

    def __init__(self, rows: Tensor) -> None:
        super().__init__()
        w_u = rows.detach().float().t().contiguous()  # [d_model, d_vocab]
        self.W_U = nn.Parameter(w_u, requires_grad=False)
        self.register_buffer("mean_row", w_u.mean(dim=1))  # [d_model]

    def logits(self, normed: Tensor) -> Tensor:
        return normed @ self.W_U

    def rows(self, token_ids: Tensor) -> Tensor:
        """``U[t]`` for every id ``[b, n]``, shaped ``[b, n, d_model]``.

        One Gather along W_U's vocabulary axis and a transpose; a reshape
        would break on an empty ``n``, where ONNX reads a 0 in a target shape
        as "keep this dimension"."""
        return self.W_U[:, token_ids].permute(1, 2, 0)


class TokenEmbedding(nn.Module):
    """The embedding row of each token, times the family's embedding scale.

    A tied model reads its rows from the unembedding's ``W_U``; an untied
    one keeps its own ``[d_vocab, d_model]`` table.
    """

    def __init__(self, table: Tensor | None, unembedding: Unembedding, scale: float) -> None:
        super().__init__()
        self.table: nn.Parameter | None = None
        self.tied_unembedding: Unembedding | None = None
        if table is None:
            self.tied_unembedding = unembedding
        else:
            self.table = nn.Parameter(table.detach().float(), requires_grad=False)
        self.scale = scale

    def forward(self, input_ids: Tensor) -> Tensor:
        if self.tied_unembedding is not None:
            rows = self.tied_unembedding.rows(input_ids)
        else:
            rows = self.table[input_ids]
        return rows if self.scale == 1.0 else rows * self.scale
