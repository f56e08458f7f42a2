import { z } from "zod";

const fileEntry = z.object({ bytes: z.number().int().nonnegative() });

/** The manifest of an analysis bundle, format version 3 (docs/bundle-format.md). */
export const manifestSchema = z.object({
  format: z.literal("attrib-bundle"),
  formatVersion: z.literal(3),
  name: z.string().min(1),
  displayName: z.string().min(1),
  source: z.object({
    kind: z.enum(["gguf", "hf-folder", "hub", "random"]),
    ref: z.string(),
    quantization: z.string().nullish(),
  }),
  architecture: z.string().min(1),
  nLayers: z.number().int().positive(),
  dModel: z.number().int().positive(),
  dMlp: z.number().int().positive(),
  nHeads: z.number().int().positive(),
  nKvHeads: z.number().int().positive(),
  dHead: z.number().int().positive(),
  dVocab: z.number().int().positive(),
  maxContext: z.number().int().positive(),
  tiedEmbeddings: z.boolean(),
  finalNorm: z.object({
    kind: z.string(),
    eps: z.number(),
    weightOffset: z.number(),
  }),
  embeddingScale: z.number(),
  postSublayerNorms: z.boolean(),
  finalLogitSoftcap: z.number().nullable(),
  components: z.array(z.string().min(1)).min(2),
  topKMax: z.number().int().positive(),
  meanAblation: z.object({
    source: z.string().min(1),
    passages: z.number().int().positive(),
    positions: z.number().int().positive(),
  }),
  tokenizer: z.object({
    file: z.string().min(1),
    addsBosToken: z.boolean(),
    bosTokenId: z.number().int().nullable(),
    eosTokenId: z.number().int().nullable(),
  }),
  files: z.record(z.string(), fileEntry),
  validation: z
    .object({
      reference: z.string(),
      maxAbsLogitDiff: z.number(),
    })
    .passthrough()
    .nullish(),
  converter: z.record(z.string(), z.unknown()).nullish(),
});

export type Manifest = z.infer<typeof manifestSchema>;
