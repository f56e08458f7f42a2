from torch import Tensor, nn


class GatedMlp(nn.Module):
    """``act(gate(x)) ⊙ up(x) @ W_out``: the MLP of Llama and Gemma blocks.

    The down projection is kept as ``W_out [d_mlp, d_model]``, the layout in
    which both the forward (``hidden @ W_out``) and the per-neuron readout
    (``W_out @ v``) are one MatMul on the same stored tensor.
    """

    def __init__(self, layers: nn.Module) -> None:
        super().__init__()
        self.gate_proj = layers.gate_proj
        self.up_proj = layers.up_proj
        w_out = layers.down_proj.weight.detach().float().t().contiguous()
        self.W_out = nn.Parameter(w_out, requires_grad=False)  # [d_mlp, d_model]
        self.act_fn = layers.act_fn

    def neuron_activations(self, normed: Tensor) -> Tensor:
        """``act(gate(x)) ⊙ up(x)``, one value per neuron ``[b, seq, d_mlp]``."""
        return self.act_fn(self.gate_proj(normed)) * self.up_proj(normed)

    def forward(self, normed: Tensor) -> Tensor:
        return self.neuron_activations(normed) @ self.W_out
