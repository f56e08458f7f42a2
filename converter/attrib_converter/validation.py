"""Checks the exported graphs in onnxruntime before a bundle is kept.

The reference is the transformers model's own forward pass in float32, not
the graph module that was exported. A bundle fails when
- model.onnx or forward.onnx logits differ from it by more than
  ``LOGIT_TOLERANCE``;
- any target's contributions do not sum to its logit, or any detail
  target's head or neuron contributions to their layer's, within
  ``SUM_TOLERANCE``;
- the logit lens differs from transformers' own final norm and unembedding
  applied to each layer's residual, or an ablated forward from
  transformers' forward with a hook replacing that component's output, by
  more than ``LOGIT_TOLERANCE``;
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

from attrib_converter.components import component_names
from attrib_converter.errors import ValidationError
from attrib_converter.hooks import ablated_logits, lens_logits, residuals_by_depth
from attrib_converter.loading import LoadedModel

LOGIT_TOLERANCE = 1e-3
SUM_TOLERANCE = 1e-3
BATCH_TOLERANCE = 1e-4

Outputs = dict[str, np.ndarray]


@dataclass(frozen=True)
class Request:
    """The optional inputs of one attribution run, batch dimension included."""

    detail_columns: np.ndarray  # [b, D]
    lens_depths: np.ndarray  # [n]
    component_scale: np.ndarray  # [b, C]
    component_mean_weight: np.ndarray  # [b, C]

    @classmethod
    def plain(cls, batch: int, n_components: int) -> "Request":
        return cls(
            np.zeros((batch, 0), np.int64),
            np.zeros(0, np.int64),
            np.ones((batch, n_components), np.float32),
            np.zeros((batch, n_components), np.float32),
        )


@dataclass
class Sessions:
    attribution: onnxruntime.InferenceSession
    forward: onnxruntime.InferenceSession
    n_components: int

    @classmethod
    def open(cls, bundle_dir: Path, n_components: int) -> "Sessions":
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        return cls(
            onnxruntime.InferenceSession(str(bundle_dir / "model.onnx"), options),
            onnxruntime.InferenceSession(str(bundle_dir / "forward.onnx"), options),
            n_components,
        )

    def attribute(
        self, ids: np.ndarray, mask: np.ndarray, extra: np.ndarray, request: Request | None = None
    ) -> Outputs:
        request = request or Request.plain(len(ids), self.n_components)
        feeds = {
            "input_ids": ids,
            "attention_mask": mask,
            "extra_target_ids": extra,
            "detail_columns": request.detail_columns,
            "lens_depths": request.lens_depths,
            "component_scale": request.component_scale,
            "component_mean_weight": request.component_mean_weight,
        }
        names = [o.name for o in self.attribution.get_outputs()]
        return dict(zip(names, self.attribution.run(None, feeds), strict=True))

    def forward_logits(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feeds = {"input_ids": ids, "attention_mask": mask}
        return self.forward.run(None, feeds)[0]


def validate_bundle(
    loaded: LoadedModel,
    bundle_dir: Path,
    prompts: list[str],
    mean_writes: torch.Tensor,
    top_k_max: int,
) -> dict:
    """Runs every check and returns the manifest's ``validation`` record.

    @param mean_writes - ``[C, d_model]``, the means stored in the graph
    @param top_k_max - how many top tokens the graph returns
    @throws ValidationError naming the first check that failed.
    """
    names = component_names(loaded.model.config.num_hidden_layers)
    sessions = Sessions.open(bundle_dir, len(names))
    token_ids = [loaded.tokenizer(text)["input_ids"] for text in prompts]
    _require_tokens(prompts, token_ids)

    checker = PromptChecker(loaded, sessions, names, mean_writes, top_k_max)
    records = [checker.check(t, ids) for t, ids in zip(prompts, token_ids, strict=True)]
    batch_diff = _check_batch(sessions, token_ids, loaded.model.config.num_hidden_layers)
    record = {
        "reference": _reference_description(loaded),
        "prompts": records,
        **{key: max(r[key] for r in records) for key in _LIMITS},
        "batch": batch_diff,
    }
    _enforce(record)
    return record


_LIMITS = {
    "maxAbsLogitDiff": LOGIT_TOLERANCE,
    "forwardMaxAbsLogitDiff": LOGIT_TOLERANCE,
    "maxAbsContributionSumError": SUM_TOLERANCE,
    "maxAbsHeadSumError": SUM_TOLERANCE,
    "maxAbsNeuronSumError": SUM_TOLERANCE,
    "maxAbsLensLogitDiff": LOGIT_TOLERANCE,
    "maxAbsAblatedLogitDiff": LOGIT_TOLERANCE,
}


def _require_tokens(prompts: list[str], token_ids: list[list[int]]) -> None:
    for text, ids in zip(prompts, token_ids, strict=True):
        if not ids:
            raise ValidationError(f"validation prompt {text!r} has no tokens")


@dataclass
class PromptChecker:
    loaded: LoadedModel
    sessions: Sessions
    names: list[str]
    mean_writes: torch.Tensor
    top_k_max: int

    def check(self, text: str, ids: list[int]) -> dict:
        input_ids = np.array([ids], dtype=np.int64)
        mask = np.ones_like(input_ids)
        extra = np.array([[ids[-1]]], dtype=np.int64)
        residuals, reference = residuals_by_depth(self.loaded.model, ids)
        reference_logits = reference.float().numpy()[None]

        outputs = self.sessions.attribute(input_ids, mask, extra, self._detail_request())
        forward_logits = self.sessions.forward_logits(input_ids, mask)
        return {
            "text": text,
            "tokens": len(ids),
            "maxAbsLogitDiff": _max_abs(outputs["logits"] - reference_logits),
            "forwardMaxAbsLogitDiff": _max_abs(forward_logits - reference_logits),
            "maxAbsContributionSumError": _contribution_sum_error(outputs),
            **self._split_errors(outputs),
            "maxAbsLensLogitDiff": self._lens_diff(outputs, residuals),
            "maxAbsAblatedLogitDiff": self._ablation_diff(input_ids, mask, extra, ids),
        }

    def _detail_request(self) -> Request:
        """Detail for the top token and the extra target, lens at every depth."""
        plain = Request.plain(1, len(self.names))
        n_layers = (len(self.names) - 1) // 2
        return Request(
            np.array([self._detail_columns()], np.int64),
            np.arange(n_layers + 1, dtype=np.int64),
            plain.component_scale,
            plain.component_mean_weight,
        )

    def _detail_columns(self) -> list[int]:
        return [0, self.top_k_max]

    def _split_errors(self, outputs: Outputs) -> dict:
        """Σ heads − the layer's attention contribution, Σ neurons − the MLP's."""
        layer_parts = outputs["contributions"][0][:, self._detail_columns()]  # [C, D]
        heads = outputs["head_contributions"][0].sum(1)  # [L, D]
        neurons = outputs["neuron_contributions"][0].sum(1)  # [L, D]
        return {
            "maxAbsHeadSumError": _max_abs(heads - layer_parts[1::2]),
            "maxAbsNeuronSumError": _max_abs(neurons - layer_parts[2::2]),
        }

    def _lens_diff(self, outputs: Outputs, residuals: torch.Tensor) -> float:
        expected = lens_logits(self.loaded.model, residuals).float().numpy()  # [L+1, V]
        detail_ids = outputs["target_ids"][0][self._detail_columns()]
        detail = np.abs(outputs["lens_target_logits"][0] - expected[:, detail_ids])
        normalizer = _log_sum_exp(expected) - outputs["lens_log_normalizers"][0]
        top = expected.max(axis=1) - outputs["lens_top_logits"][0]
        return max(_max_abs(detail), _max_abs(normalizer), _max_abs(top))

    def _ablation_diff(
        self, input_ids: np.ndarray, mask: np.ndarray, extra: np.ndarray, ids: list[int]
    ) -> float:
        """Zero-ablates the final MLP and mean-ablates the first attention
        layer, each against transformers with a hook replacing its output."""
        worst = 0.0
        final_mlp = len(self.names) - 1
        for component, mean in [(final_mlp, False), (1, True)]:
            request = Request.plain(1, len(self.names))
            request.component_scale[0, component] = 0.0
            request.component_mean_weight[0, component] = 1.0 if mean else 0.0
            graph = self.sessions.attribute(input_ids, mask, extra, request)["logits"][0]
            replacement = self.mean_writes[component] if mean else None
            name = self.names[component]
            expected = ablated_logits(self.loaded.model, ids, name, replacement)
            worst = max(worst, _max_abs(graph - expected.float().numpy()))
        return worst


def _contribution_sum_error(outputs: Outputs) -> float:
    target_logits = np.take_along_axis(outputs["logits"], outputs["target_ids"], axis=1)
    summed = outputs["contributions"].sum(axis=1)  # [batch, T]
    return _max_abs(summed - target_logits)


def _check_batch(sessions: Sessions, token_ids: list[list[int]], n_layers: int) -> dict:
    """Runs the prompts as one left-padded batch with three extra targets,
    two detail targets and the lens at three depths each, and compares
    every float output with the prompts run alone."""
    width = max(len(ids) for ids in token_ids)
    input_ids = np.zeros((len(token_ids), width), dtype=np.int64)
    mask = np.zeros_like(input_ids)
    for row, ids in enumerate(token_ids):
        input_ids[row, width - len(ids) :] = ids
        mask[row, width - len(ids) :] = 1
    extra = np.array([[ids[0], ids[-1], row] for row, ids in enumerate(token_ids)])
    request = _batch_request(len(token_ids), sessions.n_components, n_layers)

    batched = sessions.attribute(input_ids, mask, extra, request)
    absolute: dict[str, float] = {}
    scaled: dict[str, float] = {}
    for row, ids in enumerate(token_ids):
        alone_ids = np.array([ids])
        alone = sessions.attribute(
            alone_ids, np.ones_like(alone_ids), extra[row : row + 1], _row(request, row)
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


def _batch_request(batch: int, n_components: int, n_layers: int) -> Request:
    plain = Request.plain(batch, n_components)
    detail = np.array([[0, 1]] * batch, np.int64)
    depths = np.array([0, n_layers // 2, n_layers], np.int64)
    return Request(detail, depths, plain.component_scale, plain.component_mean_weight)


def _row(request: Request, row: int) -> Request:
    return Request(
        request.detail_columns[row : row + 1],
        request.lens_depths,
        request.component_scale[row : row + 1],
        request.component_mean_weight[row : row + 1],
    )


def _require_same_targets(batched: Outputs, alone: Outputs, row: int) -> None:
    if not np.array_equal(batched["target_ids"][row], alone["target_ids"][0]):
        raise ValidationError(
            f"batched prompt {row} picked targets {batched['target_ids'][row].tolist()} "
            f"but alone it picked {alone['target_ids'][0].tolist()}"
        )


def _log_sum_exp(logits: np.ndarray) -> np.ndarray:
    top = logits.max(axis=-1, keepdims=True)
    return (top + np.log(np.exp(logits - top).sum(-1, keepdims=True)))[..., 0]


def _max_abs(difference: np.ndarray) -> float:
    return float(np.abs(difference).max()) if difference.size else 0.0


def _enforce(record: dict) -> None:
    for name, diff in record["batch"]["maxScaledDiff"].items():
        if not diff <= BATCH_TOLERANCE:
            raise ValidationError(
                f"validation failed: {name} of a left-padded batch differs from the "
                f"prompts run alone by {diff:.3g} × its magnitude, above {BATCH_TOLERANCE:g}"
            )
    for key, limit in _LIMITS.items():
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
