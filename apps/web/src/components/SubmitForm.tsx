"use client";

import { useActionState, useState } from "react";

import { submitPrompt } from "../app/submit/actions.ts";
import type { SubmissionFields } from "../submit/checkSubmission.ts";
import { EMPTY_SUBMISSION, type SubmitFormState } from "../submit/submitFormState.ts";
import { DEFAULT_K, MAX_K } from "../submit/submissionLimits.ts";

export interface SubmitFormProps {
  models: string[];
  defaultModel: string;
  maxTextLength: number;
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      {error}
    </p>
  );
}

/**
 * The submission form. It posts to a server action, so it works without
 * JavaScript too; with it, the typed text stays when a limit is hit and a
 * counter shows the length as one types.
 */
export function SubmitForm({ models, defaultModel, maxTextLength }: SubmitFormProps) {
  const initial: SubmitFormState = {
    fields: EMPTY_SUBMISSION,
    errors: {},
    message: null,
  };
  const [state, action, pending] = useActionState(submitPrompt, initial);
  const [length, setLength] = useState([...state.fields.text].length);
  const value = (name: keyof SubmissionFields) => state.fields[name];
  const errors = state.errors;

  return (
    <form
      action={action}
      noValidate
      aria-describedby={state.message ? "form-error" : undefined}
    >
      {state.message && (
        <p className="form-error" id="form-error" role="alert">
          {state.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="text">Text</label>
        <textarea
          id="text"
          name="text"
          required
          defaultValue={value("text")}
          key={`text-${value("text")}`}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby="text-hint text-error"
          onChange={(event) => setLength([...event.target.value].length)}
          placeholder="The start of a sentence, e.g. Steve"
        />
        <p className="hint" id="text-hint">
          The model predicts the token that comes next.{" "}
          <span className={length > maxTextLength ? "counter over" : "counter"}>
            {length} / {maxTextLength} characters
          </span>
        </p>
        <FieldError id="text-error" error={errors.text} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="model-choice">Model</label>
          <select
            id="model-choice"
            name="model"
            defaultValue={value("model") || defaultModel}
            key={`model-${value("model")}`}
            aria-describedby="model-error"
          >
            {models.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </select>
          <FieldError id="model-error" error={errors.model} />
        </div>
        <div className="field">
          <label htmlFor="k">Top tokens (k)</label>
          <input
            id="k"
            name="k"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_K}
            defaultValue={value("k") || String(DEFAULT_K)}
            key={`k-${value("k")}`}
            aria-invalid={errors.k ? true : undefined}
            aria-describedby="k-hint k-error"
          />
          <p className="hint" id="k-hint">
            1 to {MAX_K}
          </p>
          <FieldError id="k-error" error={errors.k} />
        </div>
        <div className="field">
          <label htmlFor="target">Also attribute (optional)</label>
          <input
            id="target"
            name="target"
            type="text"
            defaultValue={value("target")}
            key={`target-${value("target")}`}
            aria-describedby="target-hint"
            placeholder='" Jobs"'
          />
          <p className="hint" id="target-hint">
            One token; quote it to keep a leading space: &quot; Jobs&quot;
          </p>
        </div>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Queuing…" : "Analyse"}
      </button>
    </form>
  );
}
