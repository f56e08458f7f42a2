"""The side-by-side benchmark's Python tools (``npm run bench:compare``).

Each tool splits the next-token logits of its own top tokens over the
embedding and every attention and MLP layer, the way people do it with the
field's usual tools, so Attrib can be timed and checked against them on the
same model and prompts:

- :mod:`.hooks_tool`: PyTorch + transformers in float32 with forward hooks;
- :mod:`.lens_tool`: TransformerLens (its ``TransformerBridge``) with
  ``decompose_resid`` and ``apply_ln`` (final-norm scale frozen);
- :mod:`.reference_tool`: the float64 transformers reference of
  :mod:`attrib_converter.reference` that every tool is compared with.

:mod:`.worker` serves one tool over JSON lines so that the TypeScript driver
can alternate the tools prompt by prompt, each in its own process.
"""
