import { z } from "zod";

const ablationSchema = z.object({
  mode: z.enum(["zero", "mean"]),
  logitChange: z.number(),
  logProbabilityChange: z.number(),
  probabilityChange: z.number(),
  directEffect: z.number(),
  topTokenChanged: z.boolean(),
});

const lensSchema = z.object({
  nLayers: z.number().int(),
  firstTopDepth: z.number().int(),
  settledDepth: z.number().int(),
  rankBeforeLastLayer: z.number(),
});

/** One line of a run's state file: a (model, prompt) finished one way or the other. */
export const runRecordSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("analysed"),
    model: z.string(),
    promptId: z.string(),
    requestId: z.string(),
    /** The stored analysis's id, where `study report` reads it back. */
    analysisId: z.string(),
    /** What the store does not keep: the lens and ablation measures. */
    detail: z.object({ lens: lensSchema.nullable(), ablations: z.array(ablationSchema) }),
    /** Time to analyse (all forwards) and to store, in milliseconds. */
    analyzeMs: z.number(),
    storeMs: z.number(),
    at: z.string(),
  }),
  z.object({
    kind: z.literal("skipped"),
    model: z.string(),
    promptId: z.string(),
    /** The core error code, e.g. TEXT_TOO_LONG. */
    reason: z.string(),
    message: z.string(),
    at: z.string(),
  }),
]);

export type RunRecord = z.infer<typeof runRecordSchema>;
export type AnalysedRecord = Extract<RunRecord, { kind: "analysed" }>;
