"""Writes the graphs as ONNX files with their weights in one external file.

Uses torch's TorchScript-based exporter (``dynamo=False``): it traces the
graph once with example inputs and keeps batch, sequence and extra-target
axes symbolic, with no extra dependency. The exported file is then
re-saved so all weights live in ``<file>.data`` beside it.
"""

import tempfile
import warnings
from pathlib import Path

import onnx
import torch
from torch import nn

from attrib_converter.errors import ExportError

OPSET = 17
EXPORTER = f"torch.onnx.export (TorchScript, dynamo=False), opset {OPSET}"

DYNAMIC_AXES = {
    "input_ids": {0: "batch", 1: "seq"},
    "attention_mask": {0: "batch", 1: "seq"},
    "extra_target_ids": {0: "batch", 1: "n_extra"},
    "logits": {0: "batch"},
    "target_ids": {0: "batch", 1: "n_targets"},
    "final_norm_scale": {0: "batch"},
    "log_normalizer": {0: "batch"},
    "components": {0: "batch"},
    "contributions": {0: "batch", 2: "n_targets"},
    "centered_contributions": {0: "batch", 2: "n_targets"},
    "rough_contributions": {0: "batch", 2: "n_targets"},
    "detail_columns": {0: "batch", 1: "n_detail"},
    "lens_depths": {0: "n_lens"},
    "component_scale": {0: "batch"},
    "component_mean_weight": {0: "batch"},
    "mean_write_contributions": {0: "batch", 2: "n_targets"},
    "head_contributions": {0: "batch", 3: "n_detail"},
    "neuron_activations": {0: "batch"},
    "neuron_contributions": {0: "batch", 3: "n_detail"},
    "lens_top_ids": {0: "batch", 1: "n_lens"},
    "lens_top_logits": {0: "batch", 1: "n_lens"},
    "lens_log_normalizers": {0: "batch", 1: "n_lens"},
    "lens_target_logits": {0: "batch", 1: "n_lens", 2: "n_detail"},
    "lens_target_ranks": {0: "batch", 1: "n_lens", 2: "n_detail"},
}


def export_graph(
    graph: nn.Module, path: Path, input_names: list[str], output_names: list[str]
) -> None:
    """Exports ``graph`` to ``path`` with weights in ``path.name + '.data'``;
    ``graph.example_inputs()`` gives the inputs it is traced with.

    @throws ExportError when torch cannot export or onnx cannot save it.
    """
    axes = {name: DYNAMIC_AXES[name] for name in input_names + output_names}
    with tempfile.TemporaryDirectory() as scratch:
        traced_path = Path(scratch) / path.name
        try:
            _trace_to_onnx(graph, traced_path, input_names, output_names, axes)
            _save_with_external_data(traced_path, path)
        except Exception as error:
            raise ExportError(f"could not export {path.name}: {error}") from error


def _trace_to_onnx(
    graph: nn.Module,
    path: Path,
    input_names: list[str],
    output_names: list[str],
    axes: dict[str, dict[int, str]],
) -> None:
    with warnings.catch_warnings(), torch.no_grad():
        # Tracer and deprecation warnings are about this exporter in general;
        # the validation step checks the exported graph itself.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            graph,
            graph.example_inputs(),
            str(path),
            dynamo=False,
            input_names=input_names,
            output_names=output_names,
            dynamic_axes=axes,
            opset_version=OPSET,
            do_constant_folding=True,
        )


def _save_with_external_data(traced_path: Path, path: Path) -> None:
    model = onnx.load(str(traced_path))
    data_file = path.name + ".data"
    (path.parent / data_file).unlink(missing_ok=True)
    onnx.save_model(
        model,
        str(path),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=data_file,
        size_threshold=1024,
    )
    # onnx creates the data file owner-only; bundles are shared read-only.
    (path.parent / data_file).chmod(0o644)
