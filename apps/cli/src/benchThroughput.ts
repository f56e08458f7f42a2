/**
 * Latency per prompt and prompts per second of Attrib's attribution and of
 * the plain forward, on whatever ATTRIB_EXECUTION_PROVIDER selects (`cuda`
 * on a GPU machine): one prompt at a time, then batches of each size given.
 * test/bench/gpuThroughput.sh runs it for the default model and a random
 * Llama-3.2-1B-shaped one.
 *
 * Usage: npx tsx apps/cli/src/benchThroughput.ts [--model NAME|DIR]
 *   [--rounds N] [--batches 1,8,32] [--threads N]
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";

import { AttributionModel, ForwardModel } from "@attrib/core";

import { processMemory } from "./benchProcessMemory.ts";
import { COMPARE_PROMPTS } from "./benchPrompts.ts";
import { median, quantile } from "./benchStats.ts";
import { loadEnv } from "./env.ts";

const { values: args } = parseArgs({
  options: {
    model: { type: "string" },
    rounds: { type: "string", default: "5" },
    batches: { type: "string", default: "1,8,16" },
    threads: { type: "string" },
  },
});
const env = loadEnv();
const rounds = Number(args.rounds);
const batchSizes = (args.batches ?? "").split(",").map(Number).filter(Boolean);
const model = args.model ?? env.ATTRIB_DEFAULT_MODEL;
const options = {
  modelsDir: env.ATTRIB_MODELS_DIR,
  executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
  ...(args.threads ? { intraOpThreads: Number(args.threads) } : {}),
};

const loadStarted = performance.now();
const attribution = await AttributionModel.load(model, options);
const forward = await ForwardModel.load(model, options);
const loadMs = performance.now() - loadStarted;
const prompts = COMPARE_PROMPTS;
const tokens = prompts.map((text) => attribution.tokenizer.encodePrompt(text).ids.length);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function promptsPerSecond(
  run: (texts: string[]) => Promise<unknown>,
  size: number,
) {
  const ms = await timed(async () => {
    for (let start = 0; start < prompts.length; start += size) {
      await run(prompts.slice(start, start + size));
    }
  });
  return prompts.length / (ms / 1000);
}

for (const text of prompts) {
  await attribution.analyze(text);
  await forward.logits([text]);
}
const attributionMs: number[] = [];
const forwardMs: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const text of prompts) {
    attributionMs.push(await timed(() => attribution.analyze(text)));
    forwardMs.push(await timed(() => forward.logits([text])));
  }
}

const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `${attribution.manifest.displayName} on ${env.ATTRIB_EXECUTION_PROVIDER}: ${prompts.length} ` +
    `prompts (${Math.min(...tokens)}–${Math.max(...tokens)} tokens), ${rounds} rounds, ` +
    `loaded in ${(loadMs / 1000).toFixed(1)} s`,
);
const latency = (label: string, ms: number[]) =>
  out(
    `${label.padEnd(28)} p50 ${median(ms).toFixed(1).padStart(7)} ms  ` +
      `p95 ${quantile(ms, 0.95).toFixed(1).padStart(7)} ms`,
  );
latency("attribution, per prompt", attributionMs);
latency("plain forward, per prompt", forwardMs);
for (const size of batchSizes) {
  const rates = { attribution: [] as number[], forward: [] as number[] };
  await promptsPerSecond(
    (texts) => attribution.analyzeBatch(texts, { batchSize: size }),
    size,
  );
  for (let round = 0; round < rounds; round++) {
    rates.attribution.push(
      await promptsPerSecond(
        (t) => attribution.analyzeBatch(t, { batchSize: size }),
        size,
      ),
    );
    rates.forward.push(await promptsPerSecond((texts) => forward.logits(texts), size));
  }
  out(
    `batches of ${String(size).padEnd(3)} prompts/s: attribution ` +
      `${median(rates.attribution).toFixed(1).padStart(7)}, plain forward ` +
      `${median(rates.forward).toFixed(1).padStart(7)}`,
  );
}
out(`peak resident memory ${processMemory().peakMiB?.toFixed(0) ?? "?"} MiB`);
await Promise.all([attribution.release(), forward.release()]);
