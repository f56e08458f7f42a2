import { createRandom } from "@attrib/study";
import { describe, expect, it } from "vitest";

import { buildCorpus } from "../src/corpus/buildCorpus.ts";
import { cleanFortune } from "../src/corpus/cleanFortune.ts";
import { fortunePrompt } from "../src/corpus/fortunePrompt.ts";
import { readCuratedPrompts } from "../src/corpus/readCuratedPrompts.ts";
import { readFortunes } from "../src/corpus/readFortunes.ts";
import { sampleFortunePrompts } from "../src/corpus/sampleFortunePrompts.ts";
import { isStudyCliError } from "../src/errors/StudyCliError.ts";
import { fixtureFortunesDir } from "./support/paths.ts";

describe("readFortunes", () => {
  it("splits fortune files at % lines, numbering entries per file, skipping .dat files", async () => {
    const fortunes = await readFortunes(fixtureFortunesDir);
    const files = [...new Set(fortunes.map((f) => f.file))];

    expect(files).toEqual(["proverbs", "quotes"]);
    expect(fortunes.filter((f) => f.file === "quotes")).toHaveLength(8);
    expect(fortunes.find((f) => f.file === "proverbs" && f.index === 2)?.text).toBe(
      "Rain on the roof sounds best when you are under it and the roof is yours.",
    );
  });

  it("says how to install the fortunes when the folder has none", async () => {
    const failure = await readFortunes("/nonexistent/fortunes").catch((e: unknown) => e);

    expect(isStudyCliError(failure, "NO_CORPUS")).toBe(true);
    expect(String(failure)).toMatch(/apt-get install -y fortune-mod fortunes/);
  });
});

describe("cleanFortune", () => {
  it("removes overstrike, drops the attribution and joins lines", () => {
    expect(
      cleanFortune("A _\bb_\bo_\bo_\bk is\n  good.\n\t\t-- Someone\n\t\t   Somewhere"),
    ).toBe("A book is good.");
  });
});

describe("fortunePrompt", () => {
  const fortune = {
    file: "quotes",
    index: 3,
    text: "Small steps taken every day will carry you further than a\ngiant leap.",
  };

  it("keeps the fortune's first words, cut at a word boundary, with words left after", () => {
    const words = cleanFortune(fortune.text).split(" ");
    const random = createRandom(1);
    for (let i = 0; i < 50; i++) {
      const prompt = fortunePrompt(fortune, random, { minWords: 4, maxWords: 40 });
      const kept = prompt?.text.split(" ") ?? [];

      expect(kept.length).toBeGreaterThanOrEqual(4);
      expect(kept.length).toBeLessThan(words.length);
      expect(kept).toEqual(words.slice(0, kept.length));
      expect(prompt?.source).toMatchObject({ kind: "fortune", file: "quotes", index: 3 });
    }
  });

  it("skips a fortune too short to cut and one that is not prose", () => {
    const random = createRandom(1);
    expect(fortunePrompt({ file: "f", index: 0, text: "Too short." }, random)).toBeNull();
    expect(
      fortunePrompt(
        { file: "f", index: 1, text: " ____\n|    |\n|____|\n /  \\ ||| ---" },
        random,
      ),
    ).toBeNull();
  });
});

describe("sampleFortunePrompts", () => {
  it("gives the same prompts for the same seed, and extends without changing them", async () => {
    const fortunes = await readFortunes(fixtureFortunesDir);
    const five = sampleFortunePrompts(fortunes, { seed: 4, count: 5 });
    const three = sampleFortunePrompts(fortunes, { seed: 4, count: 3 });
    const other = sampleFortunePrompts(fortunes, { seed: 5, count: 5 });

    expect(five).toHaveLength(5);
    expect(three).toEqual(five.slice(0, 3));
    expect(sampleFortunePrompts(fortunes, { seed: 4, count: 5 })).toEqual(five);
    expect(other).not.toEqual(five);
    expect(new Set(five.map((p) => p.id)).size).toBe(5);
  });

  it("returns what there is when asked for more prompts than fortunes", async () => {
    const fortunes = await readFortunes(fixtureFortunesDir);
    const all = sampleFortunePrompts(fortunes, { seed: 1, count: 1000 });

    // 8 quotes and 5 of 7 proverbs: one is a drawing, one too short to cut.
    expect(all).toHaveLength(13);
  });
});

describe("the curated set", () => {
  it("has factual, code and narrative prompts with unique ids", async () => {
    const curated = await readCuratedPrompts();
    const categories = new Set(
      curated.map((p) => (p.source.kind === "curated" ? p.source.category : "")),
    );

    expect(curated.length).toBeGreaterThanOrEqual(24);
    expect(categories).toEqual(new Set(["factual", "code", "narrative"]));
    expect(new Set(curated.map((p) => p.id)).size).toBe(curated.length);
  });

  it("follows the sampled fortunes in the corpus unless left out", async () => {
    const options = { fortunesDir: fixtureFortunesDir, seed: 1, fortunePrompts: 2 };
    const withCurated = await buildCorpus({ ...options, curated: true });
    const without = await buildCorpus({ ...options, curated: false });

    expect(without).toHaveLength(2);
    expect(withCurated.slice(0, 2)).toEqual(without);
    expect(withCurated[2]?.id).toMatch(/^curated\//);
  });
});
