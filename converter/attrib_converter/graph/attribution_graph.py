import torch
from torch import Tensor, nn

from attrib_converter.graph.decoder import Decoder, DecoderTrace, WriteEdit
from attrib_converter.graph.lens import lens_readout
from attrib_converter.graph.readout import head_sums, split_by_readout
from attrib_converter.graph.rms_norm import RmsNorm
from attrib_converter.graph.unembedding import Unembedding

ATTRIBUTION_INPUTS = [
    "input_ids",
    "attention_mask",
    "extra_target_ids",
    "detail_columns",
    "lens_depths",
    "component_scale",
    "component_mean_weight",
]
ATTRIBUTION_OUTPUTS = [
    "logits",
    "target_ids",
    "final_norm_scale",
    "log_normalizer",
    "components",
    "contributions",
    "centered_contributions",
    "rough_contributions",
    "mean_write_contributions",
    "head_contributions",
    "neuron_activations",
    "neuron_contributions",
    "lens_top_ids",
    "lens_top_logits",
    "lens_log_normalizers",
    "lens_target_logits",
    "lens_target_ranks",
]
FORWARD_INPUTS = ["input_ids", "attention_mask"]
FORWARD_OUTPUTS = ["logits"]


class AttributionGraph(nn.Module):
    """The model's forward pass plus the exact split of each target's logit
    over the components, all at the last position (see docs/bundle-format.md).

    With the final-norm scale ``s`` frozen at its value for the full residual
    ``x = Σ_c c``, ``logit_t = Σ_c (c ⊙ g) · U[t] / s`` holds exactly. Heads,
    neurons and the logit lens cost nothing when ``detail_columns`` and
    ``lens_depths`` are empty.
    """

    def __init__(
        self,
        decoder: Decoder,
        final_norm: RmsNorm,
        unembedding: Unembedding,
        top_k_max: int,
        mean_writes: Tensor,
    ) -> None:
        super().__init__()
        self.decoder = decoder
        self.final_norm = final_norm
        self.unembedding = unembedding
        self.top_k_max = top_k_max
        self.register_buffer("mean_writes", mean_writes.detach().float())  # [C, d_model]
        attention = decoder.blocks[0].attention
        self.register_buffer("head_sums", head_sums(attention.n_heads, attention.d_head))

    def example_inputs(self) -> tuple[Tensor, ...]:
        """Inputs for tracing: batch 2 with left padding, and every dynamic
        axis at a different size above 1, so none is traced as a constant."""
        n_components = self.mean_writes.shape[0]
        n_layers = len(self.decoder.blocks)
        return (
            torch.tensor([[0, 5, 6, 7], [8, 9, 10, 11]]),
            torch.tensor([[0, 1, 1, 1], [1, 1, 1, 1]]),
            torch.tensor([[3, 4], [5, 6]]),
            torch.tensor([[0, 1, self.top_k_max], [2, 0, self.top_k_max + 1]]),
            torch.tensor([0, 1, n_layers, 1, 0]),
            torch.ones(2, n_components),
            torch.zeros(2, n_components),
        )

    def _edits(self, component_scale: Tensor, component_mean_weight: Tensor) -> list[WriteEdit]:
        # One Split node each, instead of a gather and reshapes per component.
        keeps = component_scale[:, :, None].split(1, dim=1)  # C × [b, 1, 1]
        offsets = component_mean_weight[:, :, None] * self.mean_writes  # [b, C, d_model]
        return [
            WriteEdit(keep, offset)
            for keep, offset in zip(keeps, offsets.split(1, dim=1), strict=True)
        ]

    def forward(
        self,
        input_ids: Tensor,
        attention_mask: Tensor,
        extra_target_ids: Tensor,
        detail_columns: Tensor,
        lens_depths: Tensor,
        component_scale: Tensor,
        component_mean_weight: Tensor,
    ) -> tuple[Tensor, ...]:
        edits = self._edits(component_scale, component_mean_weight)
        trace = self.decoder.trace(input_ids, attention_mask, edits)
        components = torch.cat(trace.writes, dim=1)  # [b, C, d_model]
        # The residual stream at the last position after the embedding and
        # after each block: the running sum of the writes, added in the
        # order the blocks add them.
        residuals = components.cumsum(1)[:, ::2]  # [b, L+1, d_model]
        residual = residuals[:, -1:]  # [b, 1, d_model]
        final_norm_scale = self.final_norm.scale(residual)  # [b, 1, 1]

        # The final residual and the lens residuals share one MatMul with
        # W_U: on a CPU the unembedding is bound by reading W_U, so the
        # extra rows cost far less than a second pass would.
        lens_residuals = residuals.index_select(1, lens_depths)
        stacked = torch.cat([residual, lens_residuals], dim=1)  # [b, 1+n, d_model]
        all_logits = self.unembedding.logits(self.final_norm(stacked))  # [b, 1+n, d_vocab]
        logits = all_logits[:, 0]

        top_ids = torch.topk(logits, self.top_k_max, dim=-1).indices
        target_ids = torch.cat([top_ids, extra_target_ids], dim=-1)  # [b, T]
        splits = self._component_splits(components, target_ids, final_norm_scale)
        detail_ids = torch.gather(target_ids, 1, detail_columns)  # [b, D]
        details = self._details(trace, component_scale, detail_ids, final_norm_scale)
        log_normalizer, *lens = lens_readout(all_logits, detail_ids)
        scale = final_norm_scale[:, 0, 0]
        return (logits, target_ids, scale, log_normalizer, *splits, *details, *lens)

    def _component_splits(
        self, components: Tensor, target_ids: Tensor, final_norm_scale: Tensor
    ) -> tuple[Tensor, ...]:
        rows = self.unembedding.rows(target_ids)  # [b, T, d_model]
        centered_rows = rows - self.unembedding.mean_row
        unit_rows = rows / rows.norm(dim=-1, keepdim=True).clamp_min(1e-30)

        gain = self.final_norm.weight / final_norm_scale  # [b, 1, d_model]
        scaled = components * gain
        return (
            components,
            scaled @ rows.transpose(1, 2),  # [b, C, T]
            scaled @ centered_rows.transpose(1, 2),
            components @ unit_rows.transpose(1, 2),
            (self.mean_writes * gain) @ rows.transpose(1, 2),
        )

    def _details(
        self,
        trace: DecoderTrace,
        component_scale: Tensor,
        detail_ids: Tensor,
        final_norm_scale: Tensor,
    ) -> tuple[Tensor, ...]:
        """Each head's and each neuron's direct contribution to each detail
        target's logit ``[b, L, H, D]`` and ``[b, L, d_mlp, D]``, scaled by
        its layer's ``keep`` (an ablation's offset is not split), and the
        neurons' activations ``[b, L, d_mlp]``."""
        readouts = self.unembedding.rows(detail_ids) * self.final_norm.weight
        readouts = readouts / final_norm_scale  # [b, D, d_model]
        blocks = self.decoder.blocks
        head_values = torch.cat(trace.head_values, dim=1)  # [b, L, H·dh]
        out_projections = [block.attention.W_O for block in blocks]
        by_dimension = split_by_readout(head_values, trace.head_gains, out_projections, readouts)
        activations = torch.cat(trace.neuron_activations, dim=1)  # [b, L, d_mlp]
        down = [block.mlp.W_out for block in blocks]
        neurons = split_by_readout(activations, trace.neuron_gains, down, readouts)
        attn_keep = component_scale[:, 1::2, None, None]  # [b, L, 1, 1]
        mlp_keep = component_scale[:, 2::2, None, None]
        return (self.head_sums @ by_dimension * attn_keep, activations, neurons * mlp_keep)


class ForwardGraph(nn.Module):
    """The same model with no attribution: last-position logits only, the
    baseline the attribution graph's cost is measured against."""

    def __init__(self, attribution: AttributionGraph) -> None:
        super().__init__()
        self.decoder = attribution.decoder
        self.final_norm = attribution.final_norm
        self.unembedding = attribution.unembedding

    def example_inputs(self) -> tuple[Tensor, ...]:
        return (
            torch.tensor([[0, 5, 6, 7], [8, 9, 10, 11]]),
            torch.tensor([[0, 1, 1, 1], [1, 1, 1, 1]]),
        )

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        residual = self.decoder(input_ids, attention_mask)
        return self.unembedding.logits(self.final_norm(residual))
