"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { env } from "../../env.ts";
import type { SubmissionFields } from "../../submit/checkSubmission.ts";
import { clientAddress } from "../../submit/clientAddress.ts";
import { submitAnalysis } from "../../submit/submitAnalysis.ts";
import type { SubmitFormState } from "../../submit/submitFormState.ts";

function text(form: FormData, name: keyof SubmissionFields): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The form's action: queue the prompt and go to its progress page, go
 * straight to a recent identical analysis, or come back with what was wrong.
 */
export async function submitPrompt(
  _previous: SubmitFormState,
  form: FormData,
): Promise<SubmitFormState> {
  const fields: SubmissionFields = {
    text: text(form, "text"),
    model: text(form, "model"),
    k: text(form, "k"),
    target: text(form, "target"),
  };
  const requestHeaders = await headers();
  const client = clientAddress(
    requestHeaders.get("x-forwarded-for"),
    env().trustedProxies,
  );
  const outcome = await submitAnalysis(fields, client);

  if (outcome.kind === "queued") redirect(`/submissions/${outcome.jobId}`);
  if (outcome.kind === "reused") redirect(`/analyses/${outcome.analysisId}`);
  if (outcome.kind === "invalid")
    return { fields, errors: outcome.errors, message: null };
  return { fields, errors: {}, message: outcome.message };
}
