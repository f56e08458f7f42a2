"""The float64 transformers reference (:mod:`attrib_converter.reference`)
served like a tool: the same hooks-free-of-the-graph computation the
checked-in fixtures come from, one prompt at a time."""

from transformers import PreTrainedModel, PreTrainedTokenizerBase

from attrib_converter.reference import ReferenceOptions, as_float64, prompt_reference


class ReferenceTool:
    name = "reference-float64"

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        norm_weight_offset: float,
        top_k: int,
    ) -> None:
        self.model = as_float64(model)
        self.tokenizer = tokenizer
        self.options = ReferenceOptions(
            top_k=top_k, norm_weight_offset=norm_weight_offset, lens=False
        )

    def analyze(self, texts: list[str]) -> list[dict]:
        results = []
        for text in texts:
            document = prompt_reference(self.model, self.tokenizer, text, [], self.options)
            targets = document["targets"]
            results.append(
                {
                    "inputIds": document["inputIds"],
                    "targetIds": [target["id"] for target in targets],
                    "logits": [target["logit"] for target in targets],
                    # [C][T], as the other tools give it
                    "contributions": [list(row) for row in zip(*(t["raw"] for t in targets))],
                }
            )
        return results
