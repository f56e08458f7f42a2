"""Component names, in the order the graph returns components."""


def component_names(n_layers: int) -> list[str]:
    """``embed``, then ``L{i}.attn`` and ``L{i}.mlp`` for each layer."""
    layers = [f"L{i}.{part}" for i in range(n_layers) for part in ("attn", "mlp")]
    return ["embed", *layers]
