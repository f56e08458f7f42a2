import { checkFinite, checkInteger, checkText } from "../validation/checkValue.ts";
import type { ModelInfo } from "../types.ts";

const SIZES = ["dModel", "dMlp", "nHeads", "nKvHeads", "dVocab", "maxContext"] as const;

/**
 * @throws {@link StoreError} INVALID_INPUT naming the first bad field
 */
export function checkModelInfo(model: ModelInfo): void {
  checkText(model.name, "model.name", 1);
  checkText(model.displayName, "model.displayName", 1);
  checkText(model.architecture, "model.architecture", 1);
  checkInteger(model.nLayers, "model.nLayers", 1);
  if (model.finalLogitSoftcap !== null) {
    checkFinite(model.finalLogitSoftcap, "model.finalLogitSoftcap");
  }
  for (const size of SIZES) {
    const value = model[size];
    if (value !== undefined && value !== null) checkInteger(value, `model.${size}`, 1);
  }
  if (model.source) {
    checkText(model.source.kind, "model.source.kind", 1);
    checkText(model.source.ref, "model.source.ref");
    if (model.source.quantization)
      checkText(model.source.quantization, "model.source.quantization");
  }
}
