"""Runs a bundle's model.onnx the way the TypeScript side will."""

from pathlib import Path

import numpy as np
import onnxruntime


class BundleSession:
    def __init__(self, bundle_dir: Path) -> None:
        self.session = onnxruntime.InferenceSession(str(bundle_dir / "model.onnx"))
        scale = next(i for i in self.session.get_inputs() if i.name == "component_scale")
        self.n_components = scale.shape[1]

    def run(
        self,
        input_ids: list[list[int]],
        attention_mask: list[list[int]],
        extra: list[list[int]],
        detail_columns: list[list[int]] | None = None,
        lens_depths: list[int] | None = None,
        component_scale: np.ndarray | None = None,
        component_mean_weight: np.ndarray | None = None,
    ) -> dict[str, np.ndarray]:
        batch = len(input_ids)
        shape = (batch, self.n_components)
        feeds = {
            "input_ids": np.array(input_ids, dtype=np.int64),
            "attention_mask": np.array(attention_mask, dtype=np.int64),
            "extra_target_ids": np.array(extra, dtype=np.int64),
            "detail_columns": np.array(detail_columns or [[]] * batch, dtype=np.int64),
            "lens_depths": np.array(lens_depths or [], dtype=np.int64),
            "component_scale": np.ones(shape, np.float32)
            if component_scale is None
            else component_scale,
            "component_mean_weight": np.zeros(shape, np.float32)
            if component_mean_weight is None
            else component_mean_weight,
        }
        names = [output.name for output in self.session.get_outputs()]
        return dict(zip(names, self.session.run(None, feeds), strict=True))

    def run_one(self, ids: list[int], extra: list[int], **options) -> dict[str, np.ndarray]:
        batched = {
            key: [value] if key == "detail_columns" else value for key, value in options.items()
        }
        return self.run([ids], [[1] * len(ids)], [extra], **batched)


def left_padded(prompts: list[list[int]]) -> tuple[list[list[int]], list[list[int]]]:
    width = max(len(ids) for ids in prompts)
    ids = [[0] * (width - len(p)) + p for p in prompts]
    mask = [[0] * (width - len(p)) + [1] * len(p) for p in prompts]
    return ids, mask
