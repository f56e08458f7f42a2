import { StudyError } from "../errors/StudyError.ts";

/** A source of uniform numbers in [0, 1), the same sequence for the same seed. */
export type Random = () => number;

/**
 * A seeded pseudo-random generator (mulberry32): small, fast, and identical
 * on every platform, so a sample or a bootstrap can be re-run exactly. Not
 * for anything that needs unpredictability.
 *
 * @param seed - any integer; only its low 32 bits matter
 * @throws {@link StudyError} INVALID_ARGUMENT for a seed that is not an integer
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a random seed must be a whole number, not ${String(seed)}`,
    );
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
