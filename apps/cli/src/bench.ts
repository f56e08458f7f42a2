/**
 * Times attribution against a plain forward of the same model in the same
 * runtime, side by side on the same prompts, and prints the ratios: the
 * default analysis, and the one with heads, neurons and the logit lens on
 * (detail for the top 5 tokens and one named target, lens at every layer).
 *
 * Usage: npm run bench -- [--model NAME] [--rounds N]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";

import { AttributionModel, type Feed, openGraph } from "@attrib/core";

import { COMPARE_PROMPTS } from "./benchPrompts.ts";
import { median, quantile } from "./benchStats.ts";
import { loadEnv } from "./env.ts";

/** The first eight of the side-by-side benchmark's prompts (2 to 25 tokens). */
const PROMPTS = COMPARE_PROMPTS.slice(0, 8);
const TEN_TOKEN_PROMPT = "The quick brown fox jumps over the lazy dog and";

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const { values } = parseArgs({
  options: { model: { type: "string" }, rounds: { type: "string", default: "15" } },
});
const env = loadEnv();
const rounds = Number(values.rounds);
const model = await AttributionModel.load(values.model ?? env.ATTRIB_DEFAULT_MODEL, {
  modelsDir: env.ATTRIB_MODELS_DIR,
  executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
});
const plain = await openGraph(join(model.bundleDir, "forward.onnx"), {
  executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
});
const attribution = await openGraph(join(model.bundleDir, "model.onnx"), {
  executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
});

const { nLayers, topKMax, components } = model.manifest;
const DETAIL_TARGETS = [0, 1, 2, 3, 4, topKMax];
const perComponent = (value: number): Feed => ({
  type: "float32",
  values: components.map(() => value),
  dims: [1, components.length],
});

const feeds = PROMPTS.map((text) => {
  const ids = model.tokenizer.encodePrompt(text).ids;
  const dims = [1, ids.length];
  const base = {
    input_ids: { values: ids, dims },
    attention_mask: { values: ids.map(() => 1), dims },
  };
  const withTargets = {
    ...base,
    extra_target_ids: { values: [0], dims: [1, 1] },
    component_scale: perComponent(1),
    component_mean_weight: perComponent(0),
  };
  return {
    text,
    nTokens: ids.length,
    base,
    withTargets: {
      ...withTargets,
      detail_columns: { values: [], dims: [1, 0] },
      lens_depths: { values: [], dims: [0] },
    },
    withSplits: {
      ...withTargets,
      detail_columns: { values: DETAIL_TARGETS, dims: [1, DETAIL_TARGETS.length] },
      lens_depths: { values: [], dims: [0] },
    },
    withDetail: {
      ...withTargets,
      detail_columns: { values: DETAIL_TARGETS, dims: [1, DETAIL_TARGETS.length] },
      lens_depths: {
        values: Array.from({ length: nLayers }, (_, i) => i),
        dims: [nLayers],
      },
    },
  };
});

process.stdout.write(
  `${model.manifest.displayName}, ${PROMPTS.length} prompts (${feeds.map((f) => f.nTokens).join(", ")} tokens), ` +
    `${rounds} rounds, provider ${env.ATTRIB_EXECUTION_PROVIDER}, each timed run right after a warm-up run of the same graph\n`,
);
for (const feed of feeds) {
  await plain.run(feed.base);
  await attribution.run(feed.withTargets);
  await attribution.run(feed.withSplits);
  await attribution.run(feed.withDetail);
}

const plainMs: number[] = [];
const attributionMs: number[] = [];
const splitsMs: number[] = [];
const detailMs: number[] = [];
const ratios: number[] = [];
const splitsRatios: number[] = [];
const detailRatios: number[] = [];
// Each variant is run once untimed right before its timed run: a session
// that has just run is warm (its weights in the caches, its buffers mapped),
// so neither graph pays for the other having run last. Timing them plainly
// one after the other favoured whichever ran second (about 25% here).
const warmTimed = async (run: () => Promise<unknown>) => {
  await run();
  return timed(run);
};
for (let round = 0; round < rounds; round++) {
  for (const feed of feeds) {
    const a = await warmTimed(() => attribution.run(feed.withTargets));
    const b = await warmTimed(() => plain.run(feed.base));
    const c = await warmTimed(() => attribution.run(feed.withDetail));
    const d = await warmTimed(() => attribution.run(feed.withSplits));
    attributionMs.push(a);
    plainMs.push(b);
    detailMs.push(c);
    splitsMs.push(d);
    ratios.push(a / b);
    detailRatios.push(c / b);
    splitsRatios.push(d / b);
  }
}

const endToEnd: number[] = [];
const endToEndDetail: number[] = [];
const tenTokens = model.tokenizer.encodePrompt(TEN_TOKEN_PROMPT).ids.length;
const detailOptions = { heads: true, neurons: true, lens: true };
await model.analyze(TEN_TOKEN_PROMPT);
await model.analyze(TEN_TOKEN_PROMPT, detailOptions);
for (let round = 0; round < rounds; round++) {
  endToEnd.push(await timed(() => model.analyze(TEN_TOKEN_PROMPT)));
  endToEndDetail.push(await timed(() => model.analyze(TEN_TOKEN_PROMPT, detailOptions)));
}

const row = (label: string, ms: number[]) =>
  `${label.padEnd(34)} p50 ${median(ms).toFixed(1).padStart(7)} ms   p95 ${quantile(ms, 0.95).toFixed(1).padStart(7)} ms\n`;
process.stdout.write(row("plain forward (logits only)", plainMs));
process.stdout.write(row("attribution graph", attributionMs));
process.stdout.write(row("  + heads, neurons", splitsMs));
process.stdout.write(row("  + heads, neurons, lens", detailMs));
process.stdout.write(row(`analyze() end to end, ${tenTokens} tokens`, endToEnd));
process.stdout.write(row("  + heads, neurons, lens", endToEndDetail));
process.stdout.write(
  `ratio attribution / plain forward: median of pairs ${median(ratios).toFixed(3)}×, ` +
    `p95 ${quantile(ratios, 0.95).toFixed(3)}× (target ≤ 1.15×)\n`,
);
process.stdout.write(
  `ratio with heads, neurons / plain forward: median of pairs ` +
    `${median(splitsRatios).toFixed(3)}×, p95 ${quantile(splitsRatios, 0.95).toFixed(3)}×\n`,
);
process.stdout.write(
  `ratio with heads, neurons, lens / plain forward: median of pairs ` +
    `${median(detailRatios).toFixed(3)}×, p95 ${quantile(detailRatios, 0.95).toFixed(3)}× ` +
    `(target ≤ 1.3×; detail for ${DETAIL_TARGETS.length} targets, lens at ${nLayers} depths)\n`,
);
process.stdout.write(
  `peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
);

await Promise.all([plain.release(), attribution.release(), model.release()]);
