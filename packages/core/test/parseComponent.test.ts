import { describe, expect, it } from "vitest";

import { finalMlpIndex } from "../src/attribution/finalMlp.ts";
import { parseComponent } from "../src/attribution/parseComponent.ts";

describe("parseComponent", () => {
  it("reads the embedding, layer sublayers and biases", () => {
    expect(parseComponent("embed")).toEqual({
      name: "embed",
      kind: "embed",
      layer: null,
    });
    expect(parseComponent("L12.attn")).toEqual({
      name: "L12.attn",
      kind: "attn",
      layer: 12,
    });
    expect(parseComponent("L3.mlp")).toEqual({ name: "L3.mlp", kind: "mlp", layer: 3 });
    expect(parseComponent("L3.mlp.bias").kind).toBe("bias");
  });

  it("finds the last layer's MLP even when biases follow it", () => {
    const names = ["embed", "L0.attn", "L0.mlp", "L1.attn", "L1.mlp", "L1.mlp.bias"];
    expect(finalMlpIndex({ components: names.map(parseComponent) })).toBe(4);
  });
});
