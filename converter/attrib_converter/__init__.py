"""Turns a causal language model into an Attrib analysis bundle.

The bundle layout and the ONNX graph's inputs and outputs are specified in
``docs/bundle-format.md``; :func:`attrib_converter.convert.convert` writes one.
"""

__version__ = "0.1.0"
