import { AttribError } from "../errors/AttribError.ts";
import type { GraphOutputs, GraphSession } from "../inference/backend.ts";
import type { PromptGraphOutputs } from "../attribution/attributeTargets.ts";

const INPUTS = [
  "input_ids",
  "attention_mask",
  "extra_target_ids",
  "detail_columns",
  "lens_depths",
  "component_scale",
  "component_mean_weight",
] as const;

/** The outputs every analysis reads; the rest are fetched on request. */
export const CORE_OUTPUTS = [
  "logits",
  "target_ids",
  "final_norm_scale",
  "log_normalizer",
  "contributions",
  "centered_contributions",
  "rough_contributions",
  "mean_write_contributions",
] as const;
export const HEAD_OUTPUTS = ["head_contributions"] as const;
export const NEURON_OUTPUTS = ["neuron_activations", "neuron_contributions"] as const;
export const LENS_OUTPUTS = [
  "lens_top_ids",
  "lens_top_logits",
  "lens_log_normalizers",
  "lens_target_logits",
  "lens_target_ranks",
] as const;
/** What an ablated row is read for: its logits and their normalizer. */
export const ABLATION_OUTPUTS = ["logits", "target_ids", "log_normalizer"] as const;

/** The outputs to fetch for an analysis with these details. */
export function outputsFor(detail: {
  heads?: boolean;
  neurons?: boolean;
  lens?: boolean;
}): string[] {
  return [
    ...CORE_OUTPUTS,
    ...(detail.heads ? HEAD_OUTPUTS : []),
    ...(detail.neurons ? NEURON_OUTPUTS : []),
    ...(detail.lens ? LENS_OUTPUTS : []),
  ];
}

const OUTPUTS = [...CORE_OUTPUTS, ...HEAD_OUTPUTS, ...NEURON_OUTPUTS, ...LENS_OUTPUTS];

/**
 * Checks that a graph has the inputs and outputs of docs/bundle-format.md.
 *
 * @throws {@link AttribError} BUNDLE_MISMATCH naming what is missing
 */
export function checkGraphContract(session: GraphSession, graphPath: string): void {
  const missingInputs = INPUTS.filter((name) => !session.inputNames.includes(name));
  const missingOutputs = OUTPUTS.filter((name) => !session.outputNames.includes(name));
  if (missingInputs.length + missingOutputs.length === 0) return;
  throw new AttribError(
    "BUNDLE_MISMATCH",
    `${graphPath} is not an attribution graph of bundle format 3: ` +
      [
        missingInputs.length ? `missing inputs ${missingInputs.join(", ")}` : "",
        missingOutputs.length ? `missing outputs ${missingOutputs.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ") +
      `. Re-run the converter for this model.`,
  );
}

/** An output that was not fetched reads as empty. */
function float32(outputs: GraphOutputs, name: string): Float32Array {
  const data = outputs[name]?.data;
  if (data instanceof Float32Array) return data;
  if (!(name in outputs)) return new Float32Array(0);
  throw new AttribError("BUNDLE_MISMATCH", `graph output ${name} is not float32`);
}

function int64(outputs: GraphOutputs, name: string): number[] {
  const data = outputs[name]?.data;
  if (data instanceof BigInt64Array) return Array.from(data, Number);
  if (!(name in outputs)) return [];
  throw new AttribError("BUNDLE_MISMATCH", `graph output ${name} is not int64`);
}

/**
 * Splits batched graph outputs into one prompt's outputs.
 *
 * @param outputs - the graph's outputs for a batch
 * @param index - which prompt in the batch
 */
export function promptOutputs(outputs: GraphOutputs, index: number): PromptGraphOutputs {
  const perPrompt = (name: string) => {
    const dims = outputs[name]?.dims ?? [];
    return dims.slice(1).reduce((product, dim) => product * dim, 1);
  };
  const floats = (name: string) => {
    const size = perPrompt(name);
    return float32(outputs, name).subarray(index * size, (index + 1) * size);
  };
  const ints = (name: string) => {
    const size = perPrompt(name);
    return int64(outputs, name).slice(index * size, (index + 1) * size);
  };

  return {
    logits: floats("logits"),
    targetIds: ints("target_ids"),
    finalNormScale: float32(outputs, "final_norm_scale")[index] ?? NaN,
    logNormalizer: float32(outputs, "log_normalizer")[index] ?? NaN,
    contributions: floats("contributions"),
    centeredContributions: floats("centered_contributions"),
    roughContributions: floats("rough_contributions"),
    meanWriteContributions: floats("mean_write_contributions"),
    headContributions: floats("head_contributions"),
    neuronActivations: floats("neuron_activations"),
    neuronContributions: floats("neuron_contributions"),
    lensTopIds: ints("lens_top_ids"),
    lensTopLogits: floats("lens_top_logits"),
    lensLogNormalizers: floats("lens_log_normalizers"),
    lensTargetLogits: floats("lens_target_logits"),
    lensTargetRanks: ints("lens_target_ranks"),
  };
}
