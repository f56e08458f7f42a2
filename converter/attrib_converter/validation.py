"""Checks the exported graphs in onnxruntime before a bundle is kept.

The reference is the transformers model's own forward pass in float32, not
the graph module that was exported. A bundle fails when
- model.onnx or forward.onnx logits differ from it by more than
  ``LOGIT_TOLERANCE``;
- any target's contributions do not sum to its logit within
  ``SUM_TOLERANCE``;
- any float output of a left-padded batch differs from the same prompts
  run one at a time by more than ``BATCH_TOLERANCE`` times max(1, that
  output's largest magnitude).
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime
import torch
import transformers

from attrib_converter.errors import ValidationError
from attrib_converter.loading import LoadedModel

LOGIT_TOLERANCE = 1e-3
SUM_TOLERANCE = 1e-3
BATCH_TOLERANCE = 1e-4

Outputs = dict[str, np.ndarray]


@dataclass
class Sessions:
    attribution: onnxruntime.InferenceSession
    forward: onnxruntime.InferenceSession

    @classmethod
    def open(cls, bundle_dir: Path) -> "Sessions":
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        return cls(
            onnxruntime.InferenceSession(str(bundle_dir / "model.onnx"), options),
            onnxruntime.InferenceSession(str(bundle_dir / "forward.onnx"), options),
        )

    def attribute(self, ids: np.ndarray, mask: np.ndarray, extra: np.ndarray) -> Outputs:
        feeds = {"input_ids": ids, "attention_mask": mask, "extra_target_ids": extra}
        names = [o.name for o in self.attribution.get_outputs()]
        return dict(zip(names, self.attribution.run(None, feeds), strict=True))

    def forward_logits(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feeds = {"input_ids": ids, "attention_mask": mask}
        return self.forward.run(None, feeds)[0]


def validate_bundle(loaded: LoadedModel, bundle_dir: Path, prompts: list[str]) -> dict:
    """Runs every check and returns the manifest's ``validation`` record.

    @throws ValidationError naming the first check that failed.
    """
    sessions = Sessions.open(bundle_dir)
    token_ids = [loaded.tokenizer(text)["input_ids"] for text in prompts]
    _require_tokens(prompts, token_ids)

    records = [
        _check_prompt(loaded, sessions, t, ids) for t, ids in zip(prompts, token_ids, strict=True)
    ]
    batch_diff = _check_batch(sessions, token_ids)
    record = {
        "reference": _reference_description(loaded),
        "prompts": records,
        **{key: max(r[key] for r in records) for key in _PROMPT_KEYS},
        "batch": batch_diff,
    }
    _enforce(record)
    return record


_PROMPT_KEYS = ["maxAbsLogitDiff", "forwardMaxAbsLogitDiff", "maxAbsContributionSumError"]


def _require_tokens(prompts: list[str], token_ids: list[list[int]]) -> None:
    for text, ids in zip(prompts, token_ids, strict=True):
        if not ids:
            raise ValidationError(f"validation prompt {text!r} has no tokens")


def _reference_logits(loaded: LoadedModel, ids: list[int]) -> np.ndarray:
    with torch.no_grad():
        logits = loaded.model(torch.tensor([ids])).logits  # [1, seq, vocab]
    return logits[:, -1].float().numpy()


def _check_prompt(loaded: LoadedModel, sessions: Sessions, text: str, ids: list[int]) -> dict:
    input_ids = np.array([ids], dtype=np.int64)
    mask = np.ones_like(input_ids)
    extra = np.array([[ids[-1]]], dtype=np.int64)
    reference = _reference_logits(loaded, ids)

    outputs = sessions.attribute(input_ids, mask, extra)
    forward_logits = sessions.forward_logits(input_ids, mask)
    return {
        "text": text,
        "tokens": len(ids),
        "maxAbsLogitDiff": _max_abs(outputs["logits"] - reference),
        "forwardMaxAbsLogitDiff": _max_abs(forward_logits - reference),
        "maxAbsContributionSumError": _contribution_sum_error(outputs),
    }


def _contribution_sum_error(outputs: Outputs) -> float:
    target_logits = np.take_along_axis(outputs["logits"], outputs["target_ids"], axis=1)
    summed = outputs["contributions"].sum(axis=1)  # [batch, T]
    return _max_abs(summed - target_logits)


def _check_batch(sessions: Sessions, token_ids: list[list[int]]) -> dict:
    """Runs the prompts as one left-padded batch with three extra targets
    each and compares every float output with the prompts run alone."""
    width = max(len(ids) for ids in token_ids)
    input_ids = np.zeros((len(token_ids), width), dtype=np.int64)
    mask = np.zeros_like(input_ids)
    for row, ids in enumerate(token_ids):
        input_ids[row, width - len(ids) :] = ids
        mask[row, width - len(ids) :] = 1
    extra = np.array([[ids[0], ids[-1], row] for row, ids in enumerate(token_ids)])

    batched = sessions.attribute(input_ids, mask, extra)
    absolute: dict[str, float] = {}
    scaled: dict[str, float] = {}
    for row, ids in enumerate(token_ids):
        alone = sessions.attribute(
            np.array([ids]), np.ones((1, len(ids)), np.int64), extra[row : row + 1]
        )
        _require_same_targets(batched, alone, row)
        for name in (n for n, value in alone.items() if value.dtype == np.float32):
            diff = _max_abs(batched[name][row] - alone[name][0])
            absolute[name] = max(absolute.get(name, 0.0), diff)
            # Raw writes reach hundreds, where float32 rounding alone exceeds
            # an absolute 1e-4 once the matmul shapes change with padding.
            magnitude = max(1.0, _max_abs(alone[name][0]))
            scaled[name] = max(scaled.get(name, 0.0), diff / magnitude)
    return {"maxAbsDiff": absolute, "maxScaledDiff": scaled, "tolerance": BATCH_TOLERANCE}


def _require_same_targets(batched: Outputs, alone: Outputs, row: int) -> None:
    if not np.array_equal(batched["target_ids"][row], alone["target_ids"][0]):
        raise ValidationError(
            f"batched prompt {row} picked targets {batched['target_ids'][row].tolist()} "
            f"but alone it picked {alone['target_ids'][0].tolist()}"
        )


def _max_abs(difference: np.ndarray) -> float:
    return float(np.abs(difference).max())


def _enforce(record: dict) -> None:
    limits = {
        "maxAbsLogitDiff": LOGIT_TOLERANCE,
        "forwardMaxAbsLogitDiff": LOGIT_TOLERANCE,
        "maxAbsContributionSumError": SUM_TOLERANCE,
    }
    for name, diff in record["batch"]["maxScaledDiff"].items():
        if not diff <= BATCH_TOLERANCE:
            raise ValidationError(
                f"validation failed: {name} of a left-padded batch differs from the "
                f"prompts run alone by {diff:.3g} × its magnitude, above {BATCH_TOLERANCE:g}"
            )
    for key, limit in limits.items():
        if not record[key] <= limit:
            raise ValidationError(
                f"validation failed: {key} is {record[key]:.3g}, above the limit {limit:g}"
            )


def _reference_description(loaded: LoadedModel) -> str:
    model_class = type(loaded.model).__name__
    return (
        f"transformers {transformers.__version__} {model_class} forward in float32 "
        f"(torch {torch.__version__}) vs onnxruntime {onnxruntime.__version__} CPU"
    )
