import type { InstalledModel } from "../generated/prisma/client.ts";
import type { StoredModel } from "../types.ts";

/** A model row as the store's callers see it. */
export function toStoredModel(row: InstalledModel): StoredModel {
  return {
    name: row.name,
    displayName: row.displayName,
    architecture: row.architecture,
    nLayers: row.nLayers,
    tiedEmbeddings: row.tiedEmbeddings,
    finalLogitSoftcap: row.finalLogitSoftcap,
    dModel: row.dModel,
    dMlp: row.dMlp,
    nHeads: row.nHeads,
    nKvHeads: row.nKvHeads,
    dVocab: row.dVocab,
    maxContext: row.maxContext,
    source:
      row.sourceKind === null
        ? null
        : {
            kind: row.sourceKind,
            ref: row.sourceRef ?? "",
            quantization: row.quantization,
          },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
