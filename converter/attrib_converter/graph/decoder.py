from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

from attrib_converter.graph.attention import Attention, attention_bias
from attrib_converter.graph.mlp import GatedMlp
from attrib_converter.graph.rms_norm import RmsNorm
from attrib_converter.graph.unembedding import TokenEmbedding


@dataclass(frozen=True)
class WriteEdit:
    """How an ablation changes one component's write at every position:
    ``write · keep + offset``. ``keep`` is ``[b, 1, 1]``, ``offset``
    ``[b, 1, d_model]``, shaped to broadcast over ``[b, seq, d_model]``."""

    keep: Tensor
    offset: Tensor

    def apply(self, write: Tensor) -> Tensor:
        return write * self.keep + self.offset


@dataclass
class BlockTrace:
    """One block's writes at the last position, with their finer splits.

    The head and neuron splits are of the write before its ablation edit;
    the attribution graph scales them by ``keep`` for all layers at once.
    Last-position tensors keep their position axis (size 1): the graph
    concatenates them along it, which costs one node where stacking would
    add one per tensor.
    """

    resid_post: Tensor  # [b, seq, d_model]
    attn_write: Tensor  # [b, 1, d_model]
    mlp_write: Tensor  # [b, 1, d_model]
    head_values: Tensor  # [b, 1, H·dh], the mixed values z
    head_gain: Tensor | None
    """``[b, 1, d_model]``, or None without a post-norm: head ``h`` writes
    ``z_h W_O[h] ⊙ head_gain``, the post-norm weight over its scale frozen
    at the whole attention output."""
    neuron_activations: Tensor  # [b, 1, d_mlp]
    neuron_gain: Tensor | None
    """Likewise for the MLP: neuron ``i`` writes
    ``activation_i · W_out[i] ⊙ neuron_gain``."""


@dataclass
class DecoderTrace:
    """Everything the attribution graph reads at the last position."""

    writes: list[Tensor] = field(default_factory=list)  # C × [b, 1, d_model]
    head_values: list[Tensor] = field(default_factory=list)  # L × [b, 1, H·dh]
    head_gains: list[Tensor | None] = field(default_factory=list)  # L × [b, 1, d_model]
    neuron_activations: list[Tensor] = field(default_factory=list)  # L × [b, 1, d_mlp]
    neuron_gains: list[Tensor | None] = field(default_factory=list)  # L × [b, 1, d_model]


def _frozen_gain(norm: RmsNorm | None, raw_last: Tensor) -> Tensor | None:
    """``g / s`` of a post-sublayer norm for the last position's raw output
    ``[b, 1, d_model]``, so that ``norm(raw) = raw ⊙ gain`` there and any
    split of ``raw`` maps to an exact split of the normed write."""
    if norm is None:
        return None
    return norm.weight * torch.rsqrt(raw_last.pow(2).mean(-1, keepdim=True) + norm.eps)


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
        rotary_key: str | None = None,
    ) -> None:
        super().__init__()
        self.attn_norm = attn_norm
        self.attention = attention
        self.mlp_norm = mlp_norm
        self.mlp = mlp
        self.attn_out_norm = attn_out_norm
        self.mlp_out_norm = mlp_out_norm
        self.rotary_key = rotary_key
        """Which rotary table the block's attention uses (Gemma 3 has one for
        sliding-window layers and one for global layers); None: the only one."""

    @staticmethod
    def _post(norm: RmsNorm | None, raw: Tensor) -> Tensor:
        return raw if norm is None else norm(raw)

    def forward(self, resid_pre: Tensor, rotary: tuple[Tensor, Tensor], bias: Tensor) -> Tensor:
        """The plain forward: ``resid_post``."""
        attn = self.attention(self.attn_norm(resid_pre), rotary, bias)
        resid_mid = resid_pre + self._post(self.attn_out_norm, attn)
        mlp = self.mlp(self.mlp_norm(resid_mid))
        return resid_mid + self._post(self.mlp_out_norm, mlp)

    def trace(
        self,
        resid_pre: Tensor,
        rotary: tuple[Tensor, Tensor],
        bias: Tensor,
        attn_edit: WriteEdit,
        mlp_edit: WriteEdit,
    ) -> BlockTrace:
        """The forward with each sublayer's write edited for ablation, and
        the head and neuron splits of the last position's unedited writes."""
        normed = self.attn_norm(resid_pre)
        raw_attn, head_values = self.attention.with_last_values(normed, rotary, bias)
        attn_out = attn_edit.apply(self._post(self.attn_out_norm, raw_attn))
        resid_mid = resid_pre + attn_out

        activations = self.mlp.neuron_activations(self.mlp_norm(resid_mid))  # [b, seq, d_mlp]
        raw_mlp = activations @ self.mlp.W_out
        mlp_out = mlp_edit.apply(self._post(self.mlp_out_norm, raw_mlp))
        return BlockTrace(
            resid_post=resid_mid + mlp_out,
            attn_write=attn_out[:, -1:],
            mlp_write=mlp_out[:, -1:],
            head_values=head_values,
            head_gain=_frozen_gain(self.attn_out_norm, raw_attn[:, -1:]),
            neuron_activations=activations[:, -1:],
            neuron_gain=_frozen_gain(self.mlp_out_norm, raw_mlp[:, -1:]),
        )


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
        self.rotary_keys = sorted({b.rotary_key for b in blocks}, key=lambda k: k or "")

    def _context(self, input_ids: Tensor, attention_mask: Tensor):
        # Left padding: real tokens count positions from 0.
        positions = (torch.cumsum(attention_mask, -1) - 1).clamp(min=0)
        embedded = self.embedding(input_ids)  # [batch, seq, d_model]
        rotaries = {
            key: self.rotary(embedded, positions)
            if key is None
            else self.rotary(embedded, positions, key)
            for key in self.rotary_keys
        }
        biases = {w: attention_bias(attention_mask, w) for w in self.windows}
        return embedded, rotaries, biases

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        """The plain forward: the residual at the last position ``[b, d_model]``."""
        residual, rotaries, biases = self._context(input_ids, attention_mask)
        for block in self.blocks:
            bias = biases[block.attention.sliding_window]
            residual = block(residual, rotaries[block.rotary_key], bias)
        return residual[:, -1]

    def trace(
        self, input_ids: Tensor, attention_mask: Tensor, edits: list[WriteEdit]
    ) -> DecoderTrace:
        """The forward with ``edits[c]`` applied to component ``c``'s write
        (component order: embed, then attn and mlp per layer)."""
        embedded, rotaries, biases = self._context(input_ids, attention_mask)
        residual = edits[0].apply(embedded)
        trace = DecoderTrace(writes=[residual[:, -1:]])
        for index, block in enumerate(self.blocks):
            bias = biases[block.attention.sliding_window]
            attn_edit, mlp_edit = edits[1 + 2 * index], edits[2 + 2 * index]
            step = block.trace(residual, rotaries[block.rotary_key], bias, attn_edit, mlp_edit)
            residual = step.resid_post
            trace.writes += [step.attn_write, step.mlp_write]
            trace.head_values.append(step.head_values)
            trace.head_gains.append(step.head_gain)
            trace.neuron_activations.append(step.neuron_activations)
            trace.neuron_gains.append(step.neuron_gain)
        return trace
