"""PyTorch + transformers with forward hooks: the usual hand-made direct
logit attribution, in float32 under ``torch.inference_mode``.

Hooks on the embedding and on each layer's attention and MLP (their
post-norms in Gemma) keep the last position's write; a pre-hook on the
final norm keeps its input ``x``. Then, with the final-norm scale ``s``
frozen, ``contribution = (write ⊙ g) · U[t] / s`` for the top tokens.
"""

import torch
from torch import Tensor, nn
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from attrib_converter.compare.padding import left_padded, split_results
from attrib_converter.hooks import output_tensor, write_modules
from attrib_converter.reference import norm_eps


class HooksTool:
    name = "pytorch-hooks"

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        norm_weight_offset: float,
        top_k: int,
    ) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.top_k = top_k
        self.writes: dict[str, Tensor] = {}  # name → [b, d_model]
        self.modules = write_modules(model)
        for name, module in self.modules.items():
            module.register_forward_hook(self._keep(name))
        norm = model.model.norm
        norm.register_forward_pre_hook(self._keep_norm_input, with_kwargs=True)
        self.eps = norm_eps(norm)
        self.gain = (norm.weight.detach() + norm_weight_offset).float()  # g [d_model]
        self.unembedding = model.get_output_embeddings().weight.detach()  # [d_vocab, d_model]

    def _keep(self, name: str):
        def hook(_module: nn.Module, _args, output) -> None:
            self.writes[name] = output_tensor(output)[:, -1]

        return hook

    def _keep_norm_input(self, _module: nn.Module, args, kwargs) -> None:
        hidden = args[0] if args else kwargs["hidden_states"]
        self.writes["final_norm.input"] = hidden[:, -1]

    def analyze(self, texts: list[str]) -> list[dict]:
        prompts = [self.tokenizer(text)["input_ids"] for text in texts]
        input_ids, mask, positions = left_padded(prompts)
        with torch.inference_mode():
            logits = self.model(
                input_ids=input_ids,
                attention_mask=mask,
                position_ids=positions,
                logits_to_keep=1,
            ).logits[:, -1]  # [b, d_vocab]
            components = torch.stack([self.writes[n] for n in self.modules], dim=1)  # [b, C, d]
            x = self.writes["final_norm.input"].float()  # [b, d_model]
            scale = (x.pow(2).mean(dim=-1, keepdim=True) + self.eps).sqrt()  # s [b, 1]
            target_ids = logits.topk(self.top_k, dim=-1).indices  # [b, T]
            readouts = self.unembedding[target_ids] * self.gain / scale[:, :, None]  # [b, T, d]
            contributions = components @ readouts.transpose(1, 2)  # [b, C, T]
        return split_results(prompts, logits, target_ids, contributions)
