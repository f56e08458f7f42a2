/**
 * The id a study analysis is stored under: the same model, prompt and seed
 * always give the same id, so saving it again (after an interruption)
 * returns the analysis stored first instead of a second copy.
 */
export function studyRequestId(model: string, promptId: string, seed: number): string {
  return `study:${model}:${promptId}:seed-${seed}`;
}
