"""Runs a bundle's model.onnx the way the TypeScript side will."""

from pathlib import Path

import numpy as np
import onnxruntime


class BundleSession:
    def __init__(self, bundle_dir: Path) -> None:
        self.session = onnxruntime.InferenceSession(str(bundle_dir / "model.onnx"))

    def run(
        self, input_ids: list[list[int]], attention_mask: list[list[int]], extra: list[list[int]]
    ) -> dict[str, np.ndarray]:
        feeds = {
            "input_ids": np.array(input_ids, dtype=np.int64),
            "attention_mask": np.array(attention_mask, dtype=np.int64),
            "extra_target_ids": np.array(extra, dtype=np.int64),
        }
        names = [output.name for output in self.session.get_outputs()]
        return dict(zip(names, self.session.run(None, feeds), strict=True))

    def run_one(self, ids: list[int], extra: list[int]) -> dict[str, np.ndarray]:
        return self.run([ids], [[1] * len(ids)], [extra])


def left_padded(prompts: list[list[int]]) -> tuple[list[list[int]], list[list[int]]]:
    width = max(len(ids) for ids in prompts)
    ids = [[0] * (width - len(p)) + p for p in prompts]
    mask = [[0] * (width - len(p)) + [1] * len(p) for p in prompts]
    return ids, mask
