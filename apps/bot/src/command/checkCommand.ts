import type { AnalysisRequest } from "@attrib/jobs";

import type { CommandLimits } from "../env.ts";
import type { AttribCommand, CommandContext, CommandOutcome } from "./AttribCommand.ts";
import { helpText } from "./helpText.ts";
import { parseTargetOption } from "./parseTargetOption.ts";

/** Most top tokens one analysis attributes. */
export const MAX_K = 20;
/** Top tokens attributed when the user names no k. */
export const DEFAULT_K = 5;

type Rejection = Extract<CommandOutcome, { kind: "rejected" }>;

export interface CheckOptions {
  platform: CommandContext["platform"];
  limits: Pick<CommandLimits, "maxTextLength">;
  defaultModel: string;
  /** The installed models' names, read when a command names one. */
  installedModels: () => Promise<string[]>;
}

const reject = (reason: Rejection["reason"], message: string): Rejection => ({
  kind: "rejected",
  reason,
  message,
});

function checkText(text: string, maxLength: number): Rejection | null {
  const length = [...text].length;
  if (length <= maxLength) return null;
  return reject(
    "text-too-long",
    `The text is ${length} characters long; /attrib accepts at most ` +
      `${maxLength}. Shorten it and try again.`,
  );
}

function checkK(k: number | null): Rejection | null {
  if (k === null || (Number.isInteger(k) && k >= 1 && k <= MAX_K)) return null;
  return reject(
    "bad-k",
    `k must be a whole number from 1 to ${MAX_K} (how many top tokens to ` +
      `attribute); you gave ${Number.isNaN(k) ? "no number" : String(k)}.`,
  );
}

async function checkModel(
  model: string,
  installedModels: () => Promise<string[]>,
): Promise<Rejection | null> {
  const installed = await installedModels();
  if (installed.includes(model)) return null;
  const choices = installed.length > 0 ? installed.join(", ") : "none yet";
  return reject(
    "unknown-model",
    `Unknown model "${model}". Installed models: ${choices}.`,
  );
}

/**
 * Checks a command against the limits and the installed models.
 *
 * @returns the request to queue, or the answer that explains what was wrong
 */
export async function checkCommand(
  command: AttribCommand,
  options: CheckOptions,
): Promise<AnalysisRequest | Rejection> {
  const text = command.text.trim();
  if (text.length === 0 || text.toLowerCase() === "help") {
    return reject("help", helpText(options.platform));
  }
  const model = command.model?.trim() || options.defaultModel;
  const problem =
    checkText(text, options.limits.maxTextLength) ??
    checkK(command.k) ??
    (await checkModel(model, options.installedModels));
  if (problem) return problem;

  const target = parseTargetOption(command.target);
  return {
    text,
    model,
    targets: target === null ? [] : [target],
    k: command.k ?? DEFAULT_K,
  };
}
