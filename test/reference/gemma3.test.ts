/**
 * Gemma 3 270M, the second installed family (embedding scaled by √d_model,
 * (1 + w) norms, post-sublayer norms, sliding-window layers, query/key
 * norms), against float64 transformers reference values.
 */
import { describeReferenceModel } from "./referenceSuite.ts";

describeReferenceModel("gemma3-270m", {
  logit: 1e-3,
  probability: 1e-4,
});
