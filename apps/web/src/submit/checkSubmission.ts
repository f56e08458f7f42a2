import type { AnalysisRequest } from "@attrib/jobs";

import { DEFAULT_K, MAX_K } from "./submissionLimits.ts";

/** What a submitter typed, as text, from the form or the JSON API. */
export interface SubmissionFields {
  text: string;
  model: string;
  k: string;
  target: string;
}

export type FieldErrors = Partial<Record<keyof SubmissionFields, string>>;

export type SubmissionCheck =
  { ok: true; request: AnalysisRequest } | { ok: false; errors: FieldErrors };

export interface SubmissionRules {
  maxTextLength: number;
  defaultModel: string;
  installedModels: readonly string[];
}

function checkText(text: string, maxLength: number): string | null {
  if (text.length === 0) {
    return 'The text is empty: write the start of a sentence, e.g. "Steve".';
  }
  const length = [...text].length;
  if (length <= maxLength) return null;
  return (
    `The text is ${length} characters long; at most ${maxLength} are accepted. ` +
    "Shorten it and try again."
  );
}

function parseK(typed: string): number | string {
  if (typed.trim() === "") return DEFAULT_K;
  const k = Number(typed);
  if (Number.isInteger(k) && k >= 1 && k <= MAX_K) return k;
  return (
    `k must be a whole number from 1 to ${MAX_K} (how many top tokens to ` +
    `attribute); you gave ${JSON.stringify(typed.slice(0, 20))}.`
  );
}

function checkModel(model: string, installed: readonly string[]): string | null {
  if (installed.includes(model)) return null;
  const choices = installed.length > 0 ? installed.join(", ") : "none yet";
  return `Unknown model ${JSON.stringify(model.slice(0, 80))}. Installed models: ${choices}.`;
}

/**
 * A named target as typed. A token with a leading space (most word tokens)
 * may be quoted, `" Jobs"`, so that the space is visible.
 */
function parseTarget(typed: string): string | null {
  if (typed.length === 0) return null;
  const quoted = /^"(.*)"$/s.exec(typed);
  if (!quoted) return typed;
  try {
    return JSON.parse(typed) as string;
  } catch {
    return quoted[1] ?? typed;
  }
}

/**
 * Checks a submission against the same limits the chat bot applies.
 *
 * @returns the request to queue, or a message per field that was wrong
 */
export function checkSubmission(
  fields: SubmissionFields,
  rules: SubmissionRules,
): SubmissionCheck {
  const text = fields.text.trim();
  const model = fields.model.trim() || rules.defaultModel;
  const k = parseK(fields.k);
  const errors: FieldErrors = {};
  const textProblem = checkText(text, rules.maxTextLength);
  const modelProblem = checkModel(model, rules.installedModels);
  if (textProblem) errors.text = textProblem;
  if (modelProblem) errors.model = modelProblem;
  if (typeof k === "string") errors.k = k;
  if (typeof k === "string" || textProblem || modelProblem) return { ok: false, errors };

  const target = parseTarget(fields.target);
  return {
    ok: true,
    request: { text, model, k, targets: target === null ? [] : [target] },
  };
}
