import { AttribError } from "../errors/AttribError.ts";
import type { GraphOutputs, GraphSession } from "../inference/backend.ts";
import type { PromptGraphOutputs } from "../attribution/attributeTargets.ts";

const INPUTS = ["input_ids", "attention_mask", "extra_target_ids"] as const;
const OUTPUTS = [
  "logits",
  "target_ids",
  "final_norm_scale",
  "contributions",
  "centered_contributions",
  "rough_contributions",
] as const;

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
    `${graphPath} is not an attribution graph of bundle format 1: ` +
      [
        missingInputs.length ? `missing inputs ${missingInputs.join(", ")}` : "",
        missingOutputs.length ? `missing outputs ${missingOutputs.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ") +
      `. Re-run the converter for this model.`,
  );
}

function float32(outputs: GraphOutputs, name: string): Float32Array {
  const data = outputs[name]?.data;
  if (data instanceof Float32Array) return data;
  throw new AttribError("BUNDLE_MISMATCH", `graph output ${name} is not float32`);
}

function int64(outputs: GraphOutputs, name: string): number[] {
  const data = outputs[name]?.data;
  if (data instanceof BigInt64Array) return Array.from(data, Number);
  throw new AttribError("BUNDLE_MISMATCH", `graph output ${name} is not int64`);
}

/**
 * Splits batched graph outputs into one prompt's outputs.
 *
 * @param outputs - the graph's outputs for a batch
 * @param index - which prompt in the batch
 */
export function promptOutputs(outputs: GraphOutputs, index: number): PromptGraphOutputs {
  const slice = (data: Float32Array, perPrompt: number) =>
    data.subarray(index * perPrompt, (index + 1) * perPrompt);
  const perPromptSize = (name: string) => {
    const dims = outputs[name]?.dims ?? [];
    return dims.slice(1).reduce((product, dim) => product * dim, 1);
  };

  const logits = float32(outputs, "logits");
  const contributions = float32(outputs, "contributions");
  const centered = float32(outputs, "centered_contributions");
  const rough = float32(outputs, "rough_contributions");
  const targetIds = int64(outputs, "target_ids");
  const nTargets = perPromptSize("target_ids");

  return {
    logits: slice(logits, perPromptSize("logits")),
    targetIds: targetIds.slice(index * nTargets, (index + 1) * nTargets),
    finalNormScale: float32(outputs, "final_norm_scale")[index] ?? NaN,
    contributions: slice(contributions, perPromptSize("contributions")),
    centeredContributions: slice(centered, perPromptSize("centered_contributions")),
    roughContributions: slice(rough, perPromptSize("rough_contributions")),
  };
}
