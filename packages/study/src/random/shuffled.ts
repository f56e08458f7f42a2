import type { Random } from "./createRandom.ts";
import { randomInteger } from "./randomInteger.ts";

/**
 * A copy of `items` in a random order (Fisher–Yates), reproducible from the
 * generator's seed.
 *
 * @param random - the generator to draw from
 */
export function shuffled<Item>(items: readonly Item[], random: Random): Item[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInteger(random, 0, i);
    const held = order[i] as Item;
    order[i] = order[j] as Item;
    order[j] = held;
  }
  return order;
}
