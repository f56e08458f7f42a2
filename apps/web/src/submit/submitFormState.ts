import type { FieldErrors, SubmissionFields } from "./checkSubmission.ts";

/** What the form shows after a submission that was not queued. */
export interface SubmitFormState {
  /** What the submitter typed, kept so nothing has to be typed again. */
  fields: SubmissionFields;
  errors: FieldErrors;
  /** A problem with the submission as a whole: the rate limit, an outage. */
  message: string | null;
}

export const EMPTY_SUBMISSION: SubmissionFields = {
  text: "",
  model: "",
  k: "",
  target: "",
};
