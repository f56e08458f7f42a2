/**
 * Times attribution against a plain forward of the same model in the same
 * runtime, side by side on the same prompts, and prints the ratio.
 *
 * Usage: npm run bench -- [--model NAME] [--rounds N]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";

import { AttributionModel, openGraph } from "@attrib/core";

import { loadEnv } from "./env.ts";

const PROMPTS = [
  "Steve",
  "The capital of France is",
  "def fibonacci(n):\n    if n < 2:\n        return",
  "Once upon a time, in a small village at the edge of a great forest, there lived a",
  "The Eiffel Tower is located in the city of",
  "1, 1, 2, 3, 5, 8, 13, 21,",
  "She opened the letter, read the first line, and",
  "In 1969, the first person to walk on the Moon was",
];
const TEN_TOKEN_PROMPT = "The quick brown fox jumps over the lazy dog and";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

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

const feeds = PROMPTS.map((text) => {
  const ids = model.tokenizer.encodePrompt(text).ids;
  const dims = [1, ids.length];
  const base = {
    input_ids: { values: ids, dims },
    attention_mask: { values: ids.map(() => 1), dims },
  };
  return {
    text,
    nTokens: ids.length,
    base,
    withTargets: { ...base, extra_target_ids: { values: [0], dims: [1, 1] } },
  };
});

process.stdout.write(
  `${model.manifest.displayName}, ${PROMPTS.length} prompts (${feeds.map((f) => f.nTokens).join(", ")} tokens), ` +
    `${rounds} rounds, provider ${env.ATTRIB_EXECUTION_PROVIDER}, A/B alternated per prompt\n`,
);
for (const feed of feeds) {
  await plain.run(feed.base);
  await attribution.run(feed.withTargets);
}

const plainMs: number[] = [];
const attributionMs: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const feed of feeds) {
    const a = await timed(() => attribution.run(feed.withTargets));
    const b = await timed(() => plain.run(feed.base));
    attributionMs.push(a);
    plainMs.push(b);
    ratios.push(a / b);
  }
}

const endToEnd: number[] = [];
const tenTokens = model.tokenizer.encodePrompt(TEN_TOKEN_PROMPT).ids.length;
await model.analyze(TEN_TOKEN_PROMPT);
for (let round = 0; round < rounds; round++) {
  endToEnd.push(await timed(() => model.analyze(TEN_TOKEN_PROMPT)));
}

const row = (label: string, ms: number[]) =>
  `${label.padEnd(34)} p50 ${median(ms).toFixed(1).padStart(7)} ms   p95 ${quantile(ms, 0.95).toFixed(1).padStart(7)} ms\n`;
process.stdout.write(row("plain forward (logits only)", plainMs));
process.stdout.write(row("attribution graph", attributionMs));
process.stdout.write(row(`analyze() end to end, ${tenTokens} tokens`, endToEnd));
process.stdout.write(
  `ratio attribution / plain forward: median of pairs ${median(ratios).toFixed(3)}×, ` +
    `p95 ${quantile(ratios, 0.95).toFixed(3)}× (target ≤ 1.15×)\n`,
);
process.stdout.write(
  `peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
);

await Promise.all([plain.release(), attribution.release(), model.release()]);
