"""The PyTorch module exported as ``model.onnx`` and ``forward.onnx``."""

from attrib_converter.graph.attribution_graph import (
    ATTRIBUTION_INPUTS,
    ATTRIBUTION_OUTPUTS,
    FORWARD_INPUTS,
    FORWARD_OUTPUTS,
    AttributionGraph,
    ForwardGraph,
)
from attrib_converter.graph.build import build_attribution_graph, is_tied

__all__ = [
    "ATTRIBUTION_INPUTS",
    "ATTRIBUTION_OUTPUTS",
    "FORWARD_INPUTS",
    "FORWARD_OUTPUTS",
    "AttributionGraph",
    "ForwardGraph",
    "build_attribution_graph",
    "is_tied",
]
