/**
 * `study bench` on a tiny model and the test fortunes: it measures prompts per
 * second one by one and batched, and the batched analyses equal the one-by-one
 * ones up to float32 rounding. Times are reported, never asserted.
 */
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { benchStudy } from "../src/bench/benchStudy.ts";
import { loadEnv } from "../src/env.ts";
import { fixtureFortunesDir, tinyModelsDir } from "./support/paths.ts";

describe("study bench", () => {
  it("reports batched and one-by-one rates whose analyses agree", async () => {
    const env = loadEnv({
      ATTRIB_MODELS_DIR: tinyModelsDir,
      STUDY_FORTUNES_DIR: fixtureFortunesDir,
    });
    const lines: unknown[] = [];
    const result = await benchStudy(
      {
        model: join(tinyModelsDir, "tiny-llama-tied"),
        prompts: 5,
        seed: 1,
        batchSize: 2,
      },
      env,
      (_level, event, fields) => lines.push({ event, ...fields }),
    );

    expect(result.prompts).toBe(5);
    expect(result.batchSize).toBe(2);
    for (const rate of [
      result.studyPromptsPerSecond,
      result.studyBatchedPromptsPerSecond,
      result.plainPromptsPerSecond,
      result.plainBatchedPromptsPerSecond,
    ]) {
      expect(rate).toBeGreaterThan(0);
    }
    expect(result.batchedMaxAbsDiff).toBeLessThanOrEqual(1e-4);
    expect(lines).toContainEqual(expect.objectContaining({ event: "bench.result" }));
  });
});
