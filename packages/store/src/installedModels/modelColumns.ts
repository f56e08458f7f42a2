import type { ModelInfo } from "../types.ts";

/**
 * The columns a model's facts go to. Facts left out (undefined) are left
 * out here too, so an update never erases what an earlier call recorded.
 */
export function modelColumns(model: ModelInfo) {
  return {
    name: model.name,
    displayName: model.displayName,
    architecture: model.architecture,
    nLayers: model.nLayers,
    tiedEmbeddings: model.tiedEmbeddings,
    finalLogitSoftcap: model.finalLogitSoftcap,
    dModel: model.dModel,
    dMlp: model.dMlp,
    nHeads: model.nHeads,
    nKvHeads: model.nKvHeads,
    dVocab: model.dVocab,
    maxContext: model.maxContext,
    ...(model.source === undefined
      ? {}
      : {
          sourceKind: model.source?.kind ?? null,
          sourceRef: model.source?.ref ?? null,
          quantization: model.source?.quantization ?? null,
        }),
  };
}
