/**
 * The real default model against float64 transformers reference values
 * (test/fixtures/reference, made by converter/reference/make_reference.py).
 */
import { describeReferenceModel } from "./referenceSuite.ts";

describeReferenceModel("smollm2-135m-instruct", {
  logit: 1e-3,
  probability: 1e-4,
});
