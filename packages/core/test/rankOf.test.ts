import { describe, expect, it } from "vitest";

import { rankOf } from "../src/attribution/rankOf.ts";

describe("rankOf", () => {
  it("ranks by descending logit, starting at 1", () => {
    const logits = Float32Array.from([0.5, 2, -1, 1]);

    expect(rankOf(logits, 1)).toBe(1);
    expect(rankOf(logits, 3)).toBe(2);
    expect(rankOf(logits, 2)).toBe(4);
  });
});
