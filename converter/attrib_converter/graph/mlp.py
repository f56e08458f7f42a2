from torch import Tensor, nn


class GatedMlp(nn.Module):
    """``down(act(gate(x)) ⊙ up(x))``: the MLP of Llama-family blocks."""

    def __init__(self, layers: nn.Module) -> None:
        super().__init__()
        self.gate_proj = layers.gate_proj
        self.up_proj = layers.up_proj
        self.down_proj = layers.down_proj
        self.act_fn = layers.act_fn

    def forward(self, normed: Tensor) -> Tensor:
        hidden = self.act_fn(self.gate_proj(normed)) * self.up_proj(normed)
        return self.down_proj(hidden)
