import { StudyError } from "../errors/StudyError.ts";

/**
 * @throws {@link StudyError} INVALID_ARGUMENT unless 0 < level < 1
 */
export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a confidence level lies strictly between 0 and 1 (e.g. 0.95), ` +
        `not ${String(level)}`,
    );
  }
}
