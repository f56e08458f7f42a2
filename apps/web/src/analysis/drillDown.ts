import { z } from "zod";

import type { HeadContribution, LensLayer, NeuronContribution } from "./chartTypes.ts";

/*
 * Per-head, per-neuron and logit-lens results are optional parts of an
 * analysis that core is growing; their final shape is not settled. They are
 * read here, and only here, with schemas that accept the likely shapes; an
 * analysis whose parts match none of them shows the layer chart alone. When
 * core's types settle, these schemas become that type's parse.
 */

/** A contribution is called `value` or `contribution`. */
const valued = {
  value: z.number().optional(),
  contribution: z.number().optional(),
};
const hasValue = (part: { value?: number; contribution?: number }) =>
  (part.value ?? part.contribution) !== undefined;

const headRecord = z
  .looseObject({ layer: z.number().int(), head: z.number().int(), ...valued })
  .refine(hasValue, "a head without a value")
  .transform((head) => ({
    layer: head.layer,
    head: head.head,
    value: head.value ?? head.contribution ?? 0,
  }));

/** A list of heads, or a layer × head matrix. */
const headsSchema = z.union([
  z.array(headRecord),
  z
    .array(z.array(z.number()))
    .transform((matrix) =>
      matrix.flatMap((heads, layer) =>
        heads.map((v, head) => ({ layer, head, value: v })),
      ),
    ),
]);

const neuronRecord = z
  .looseObject({
    layer: z.number().int(),
    neuron: z.number().int().optional(),
    index: z.number().int().optional(),
    ...valued,
  })
  .refine(hasValue, "a neuron without a value")
  .refine(
    (neuron) => (neuron.neuron ?? neuron.index) !== undefined,
    "a neuron without an index",
  )
  .transform((neuron) => ({
    layer: neuron.layer,
    neuron: neuron.neuron ?? neuron.index ?? 0,
    value: neuron.value ?? neuron.contribution ?? 0,
  }));

const lensSchema = z.array(
  z.object({
    layer: z.number().int(),
    topToken: z.string(),
    targets: z
      .array(z.object({ token: z.string(), rank: z.number(), probability: z.number() }))
      .default([]),
  }),
);

const targetPartsSchema = z.object({
  heads: z.unknown().optional(),
  neurons: z.unknown().optional(),
});

/** A target's per-head and per-neuron contributions, when it has them. */
export function targetDrillDown(target: object): {
  heads: HeadContribution[] | null;
  neurons: NeuronContribution[] | null;
} {
  const parts = targetPartsSchema.safeParse(target);
  if (!parts.success) return { heads: null, neurons: null };
  const heads = headsSchema.safeParse(parts.data.heads);
  const neurons = z.array(neuronRecord).safeParse(parts.data.neurons);
  return {
    heads: heads.success && heads.data.length > 0 ? heads.data : null,
    neurons: neurons.success && neurons.data.length > 0 ? neurons.data : null,
  };
}

/** The analysis's logit lens, when it has one. */
export function resultLens(result: object): LensLayer[] | null {
  const lens = z.object({ lens: lensSchema }).safeParse(result);
  return lens.success && lens.data.lens.length > 0 ? lens.data.lens : null;
}
