import { describe, expect, it } from "vitest";

import { parseCliArgs } from "../src/parseCliArgs.ts";

describe("parseCliArgs", () => {
  it("reads the finer analyses and two tokens after --diff", () => {
    const argv = [
      "Steve",
      "--heads",
      "--diff",
      " Paris",
      " London",
      "--ablate",
      "L15.mlp",
    ];

    const options = parseCliArgs(argv);

    expect(options.text).toBe("Steve");
    expect(options.heads).toBe(true);
    expect(options.neurons).toBe(false);
    expect(options.diff).toEqual([" Paris", " London"]);
    expect(options.ablate).toEqual(["L15.mlp"]);
    expect(options.ablateMode).toBe("zero");
  });

  it("keeps the prompt's original argument positions around --diff", () => {
    const argv = ["--diff", "a", "b", "The", "capital"];

    expect(parseCliArgs(argv).textArgIndexes).toEqual([3, 4]);
  });

  it.each([
    [["Steve", "--diff", " Paris"], /--diff takes two tokens/],
    [["Steve", "--ablate-mode", "resample"], /--ablate-mode takes zero or mean/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
