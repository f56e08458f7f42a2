import type { Random } from "./createRandom.ts";

/**
 * A uniform whole number from `lowest` to `highest`, both included.
 *
 * @param random - the generator to draw from
 */
export function randomInteger(random: Random, lowest: number, highest: number): number {
  return lowest + Math.floor(random() * (highest - lowest + 1));
}
