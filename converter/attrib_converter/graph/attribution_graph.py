import torch
from torch import Tensor, nn

from attrib_converter.graph.decoder import Decoder, DecoderTrace, WriteEdit
from attrib_converter.graph.lens import lens_readout
from attrib_converter.graph.readout import head_contributions, neuron_contributions
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
        offsets = component_mean_weight[:, :, None] * self.mean_writes  # [b, C, d_model]
        return [
            WriteEdit(component_scale[:, c], offsets[:, c])
            for c in range(self.mean_writes.shape[0])
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
        residual = trace.residuals[-1]  # [b, d_model]
        final_norm_scale = self.final_norm.scale(residual)  # [b, 1]

        # The final residual and the lens residuals share one MatMul with
        # W_U: on a CPU the unembedding is bound by reading W_U, so the
        # extra rows cost far less than a second pass would.
        lens_residuals = torch.stack(trace.residuals, dim=1).index_select(1, lens_depths)
        stacked = torch.cat([residual[:, None], lens_residuals], dim=1)  # [b, 1+n, d_model]
        all_logits = self.unembedding.logits(self.final_norm(stacked))  # [b, 1+n, d_vocab]
        logits = all_logits[:, 0]

        top_ids = torch.topk(logits, self.top_k_max, dim=-1).indices
        target_ids = torch.cat([top_ids, extra_target_ids], dim=-1)  # [b, T]
        splits = self._component_splits(trace, target_ids, final_norm_scale)
        detail_ids = torch.gather(target_ids, 1, detail_columns)  # [b, D]
        details = self._details(trace, detail_ids, final_norm_scale)
        lens = lens_readout(all_logits, detail_ids)
        return (logits, target_ids, final_norm_scale[:, 0], *splits, *details, *lens)

    def _component_splits(
        self, trace: DecoderTrace, target_ids: Tensor, final_norm_scale: Tensor
    ) -> tuple[Tensor, ...]:
        components = torch.stack(trace.writes, dim=1)  # [b, C, d_model]
        rows = self.unembedding.rows(target_ids)  # [b, T, d_model]
        centered_rows = rows - self.unembedding.mean_row
        unit_rows = rows / rows.norm(dim=-1, keepdim=True).clamp_min(1e-30)

        gain = self.final_norm.weight / final_norm_scale[:, :, None]  # [b, 1, d_model]
        scaled = components * gain
        return (
            components,
            scaled @ rows.transpose(1, 2),  # [b, C, T]
            scaled @ centered_rows.transpose(1, 2),
            components @ unit_rows.transpose(1, 2),
            (self.mean_writes * gain) @ rows.transpose(1, 2),
        )

    def _details(
        self, trace: DecoderTrace, detail_ids: Tensor, final_norm_scale: Tensor
    ) -> tuple[Tensor, ...]:
        readouts = self.unembedding.rows(detail_ids) * self.final_norm.weight
        readouts = readouts / final_norm_scale[:, :, None]  # [b, D, d_model]
        down = [block.mlp.W_out for block in self.decoder.blocks]
        return (
            head_contributions(trace.head_writes, readouts),
            torch.stack(trace.neuron_activations, dim=1),  # [b, L, d_mlp]
            neuron_contributions(trace.neuron_activations, trace.neuron_gains, down, readouts),
        )


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
