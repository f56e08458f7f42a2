import torch
from torch import Tensor, nn

from attrib_converter.graph.attention import Attention, attention_bias
from attrib_converter.graph.mlp import GatedMlp
from attrib_converter.graph.rms_norm import RmsNorm
from attrib_converter.graph.unembedding import TokenEmbedding


class DecoderBlock(nn.Module):
    """One pre-norm block. ``attn_out_norm``/``mlp_out_norm`` are set for
    families whose residual receives normed sublayer outputs (Gemma 2/3)."""

    def __init__(
        self,
        attn_norm: RmsNorm,
        attention: Attention,
        mlp_norm: RmsNorm,
        mlp: GatedMlp,
        attn_out_norm: RmsNorm | None = None,
        mlp_out_norm: RmsNorm | None = None,
    ) -> None:
        super().__init__()
        self.attn_norm = attn_norm
        self.attention = attention
        self.mlp_norm = mlp_norm
        self.mlp = mlp
        self.attn_out_norm = attn_out_norm
        self.mlp_out_norm = mlp_out_norm

    def forward(
        self, resid_pre: Tensor, rotary: tuple[Tensor, Tensor], bias: Tensor
    ) -> tuple[Tensor, Tensor, Tensor]:
        """Returns ``(resid_post, attn_out, mlp_out)``, the two writes being
        exactly what was added to the residual stream."""
        attn_out = self.attention(self.attn_norm(resid_pre), rotary, bias)
        if self.attn_out_norm is not None:
            attn_out = self.attn_out_norm(attn_out)
        resid_mid = resid_pre + attn_out

        mlp_out = self.mlp(self.mlp_norm(resid_mid))
        if self.mlp_out_norm is not None:
            mlp_out = self.mlp_out_norm(mlp_out)
        return resid_mid + mlp_out, attn_out, mlp_out


class Decoder(nn.Module):
    """Embedding and blocks up to, not including, the final norm.

    ``rotary`` is the Hugging Face model's own rotary-embedding module, so
    every RoPE scaling variant it implements gives the same cos/sin here.
    """

    def __init__(
        self, embedding: TokenEmbedding, rotary: nn.Module, blocks: list[DecoderBlock]
    ) -> None:
        super().__init__()
        self.embedding = embedding
        self.rotary = rotary
        self.blocks = nn.ModuleList(blocks)
        self.windows = sorted({b.attention.sliding_window for b in blocks}, key=lambda w: w or 0)

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, list[Tensor]]:
        """Returns the residual at the last position ``[batch, d_model]`` and
        the writes that sum to it, in component order, each ``[batch, d_model]``."""
        # Left padding: real tokens count positions from 0.
        positions = (torch.cumsum(attention_mask, -1) - 1).clamp(min=0)
        embedded = self.embedding(input_ids)  # [batch, seq, d_model]
        rotary = self.rotary(embedded, positions)
        biases = {w: attention_bias(attention_mask, w) for w in self.windows}

        residual, writes = embedded, [embedded[:, -1]]
        for block in self.blocks:
            bias = biases[block.attention.sliding_window]
            residual, attn_out, mlp_out = block(residual, rotary, bias)
            writes += [attn_out[:, -1], mlp_out[:, -1]]
        return residual[:, -1], writes
