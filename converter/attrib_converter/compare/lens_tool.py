"""TransformerLens: its ``TransformerBridge`` over the transformers model,
in HookedTransformer-compatible mode with the norm weights folded into the
next weights (``fold_ln``) and nothing centred, so that
``cache.decompose_resid(apply_ln=True)`` — each write divided by the final
norm's cached scale ``s`` — times the folded unembedding ``W_U`` (which now
carries ``g``) is the exact split ``(write ⊙ g) · U[t] / s``.

TransformerLens 4 removed ``HookedTransformer`` and ``HookedTransformerConfig``;
``enable_compatibility_mode`` is its replacement with the same numerics.
"""

from pathlib import Path

import torch
from transformers import PreTrainedTokenizerBase

from attrib_converter.compare.padding import left_padded, split_results


class LensTool:
    name = "transformerlens"

    def __init__(self, folder: Path, tokenizer: PreTrainedTokenizerBase, top_k: int) -> None:
        from transformer_lens.model_bridge import TransformerBridge

        self.bridge = TransformerBridge.boot_transformers(
            str(folder), device="cpu", dtype=torch.float32
        )
        self.bridge.enable_compatibility_mode(
            fold_ln=True,
            center_writing_weights=False,
            center_unembed=False,
            fold_value_biases=False,
            disable_warnings=True,
        )
        self.bridge.eval()
        self.tokenizer = tokenizer
        self.top_k = top_k
        n_layers = self.bridge.cfg.n_layers
        self.hooks = {"hook_embed", "ln_final.hook_scale"} | {
            f"blocks.{i}.hook_{kind}_out" for i in range(n_layers) for kind in ("attn", "mlp")
        }

    def analyze(self, texts: list[str]) -> list[dict]:
        prompts = [self.tokenizer(text)["input_ids"] for text in texts]
        input_ids, mask, positions = left_padded(prompts)
        with torch.inference_mode():
            logits, cache = self.bridge.run_with_cache(
                input_ids,
                attention_mask=mask,
                position_ids=positions,
                names_filter=lambda name: name in self.hooks,
            )
            last_logits = logits[:, -1]  # [b, d_vocab]
            stack = cache.decompose_resid(layer=-1, pos_slice=-1, apply_ln=True)  # [C, b, d]
            target_ids = last_logits.topk(self.top_k, dim=-1).indices  # [b, T]
            readouts = self.bridge.W_U[:, target_ids]  # [d, b, T]
            contributions = torch.einsum("cbd,dbt->bct", stack, readouts)  # [b, C, T]
        return split_results(prompts, last_logits, target_ids, contributions)
