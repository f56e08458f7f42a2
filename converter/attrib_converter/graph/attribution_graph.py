import torch
from torch import Tensor, nn

from attrib_converter.graph.decoder import Decoder
from attrib_converter.graph.rms_norm import RmsNorm
from attrib_converter.graph.unembedding import Unembedding

ATTRIBUTION_INPUTS = ["input_ids", "attention_mask", "extra_target_ids"]
ATTRIBUTION_OUTPUTS = [
    "logits",
    "target_ids",
    "final_norm_scale",
    "components",
    "contributions",
    "centered_contributions",
    "rough_contributions",
]
FORWARD_INPUTS = ["input_ids", "attention_mask"]
FORWARD_OUTPUTS = ["logits"]


class AttributionGraph(nn.Module):
    """The model's forward pass plus the exact split of each target's logit
    over the components, all at the last position (see docs/bundle-format.md).

    With the final-norm scale ``s`` frozen at its value for the full residual
    ``x = Σ_c c``, ``logit_t = Σ_c (c ⊙ g) · U[t] / s`` holds exactly.
    """

    def __init__(
        self,
        decoder: Decoder,
        final_norm: RmsNorm,
        unembedding: Unembedding,
        top_k_max: int,
    ) -> None:
        super().__init__()
        self.decoder = decoder
        self.final_norm = final_norm
        self.unembedding = unembedding
        self.top_k_max = top_k_max

    def forward(
        self, input_ids: Tensor, attention_mask: Tensor, extra_target_ids: Tensor
    ) -> tuple[Tensor, ...]:
        residual, writes = self.decoder(input_ids, attention_mask)
        components = torch.stack(writes, dim=1)  # [batch, C, d_model]
        final_norm_scale = self.final_norm.scale(residual)  # [batch, 1]
        logits = self.unembedding.logits(self.final_norm(residual))  # [batch, vocab]

        top_ids = torch.topk(logits, self.top_k_max, dim=-1).indices
        target_ids = torch.cat([top_ids, extra_target_ids], dim=-1)  # [batch, T]
        rows = self.unembedding.rows(target_ids)  # [batch, T, d_model]
        centered_rows = rows - self.unembedding.mean_row
        unit_rows = rows / rows.norm(dim=-1, keepdim=True).clamp_min(1e-30)

        scaled = components * self.final_norm.weight / final_norm_scale[:, :, None]
        return (
            logits,
            target_ids,
            final_norm_scale[:, 0],
            components,
            scaled @ rows.transpose(1, 2),  # [batch, C, T]
            scaled @ centered_rows.transpose(1, 2),
            components @ unit_rows.transpose(1, 2),
        )


class ForwardGraph(nn.Module):
    """The same model with no attribution: last-position logits only, the
    baseline the attribution graph's cost is measured against."""

    def __init__(self, attribution: AttributionGraph) -> None:
        super().__init__()
        self.decoder = attribution.decoder
        self.final_norm = attribution.final_norm
        self.unembedding = attribution.unembedding

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        residual, _writes = self.decoder(input_ids, attention_mask)
        return self.unembedding.logits(self.final_norm(residual))
