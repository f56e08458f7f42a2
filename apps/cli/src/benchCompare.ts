/**
 * Attrib side by side with the field's tools, on the same model, prompts and
 * thread count, each tool in a process of its own:
 *
 * - Attrib: `AttributionModel.analyze` (onnxruntime, attribution graph);
 * - the plain forward of the same bundle (`forward.onnx`, logits only): the
 *   lower bound;
 * - PyTorch + transformers with forward hooks, float32;
 * - TransformerLens (`decompose_resid` with the final-norm scale frozen);
 *
 * against the float64 transformers reference. Prints per-prompt latency (p50,
 * p95, prompts alternated tool by tool), batch throughput, peak memory, and
 * the largest difference from the reference, each as a ratio to Attrib.
 *
 * Usage: npm run bench:compare -- [--model NAME|DIR] [--source SRC]
 *   [--rounds N] [--batch N] [--threads N] [--prompts N] [--tools LIST] [--json]
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

import { readManifest, resolveModelDir } from "@attrib/core";

import { agreement, combined, type Agreement } from "./benchAgreement.ts";
import { COMPARE_PROMPTS } from "./benchPrompts.ts";
import { median, quantile } from "./benchStats.ts";
import { type ToolReady, ToolProcess } from "./benchToolProcess.ts";
import type { ToolAnalysis } from "./benchWorker.ts";
import { loadEnv } from "./env.ts";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const AGREEMENT_TARGET = 1e-3;
const FORWARD_RATIO_TARGET = 1.15;

const TOOLS = {
  attrib: { label: "Attrib (onnxruntime)", runtime: "node" },
  forward: { label: "plain forward (onnxruntime, logits)", runtime: "node" },
  hooks: { label: "PyTorch + transformers hooks", runtime: "python" },
  lens: { label: "TransformerLens", runtime: "python" },
} as const;
type ToolName = keyof typeof TOOLS;
const PYTHON_TOOL: Record<string, string> = {
  hooks: "pytorch-hooks",
  lens: "transformerlens",
  reference: "reference-float64",
};

interface ToolRun {
  name: ToolName;
  process: ToolProcess;
  ready: ToolReady;
  latencyMs: number[];
  unbatchedRates: number[];
  batchedRates: number[];
  single: ToolAnalysis[];
  batched: ToolAnalysis[];
  peakMiB: number | null;
}

const { values: args } = parseArgs({
  options: {
    model: { type: "string" },
    source: { type: "string" },
    rounds: { type: "string", default: "6" },
    "batch-rounds": { type: "string", default: "3" },
    batch: { type: "string", default: "8" },
    threads: { type: "string", default: "2" },
    prompts: { type: "string" },
    tools: { type: "string", default: "attrib,forward,hooks,lens" },
    json: { type: "boolean", default: false },
  },
});
const env = loadEnv();
const rounds = positive("rounds");
const batchRounds = positive("batch-rounds");
const batchSize = positive("batch");
const threads = positive("threads");
const prompts = COMPARE_PROMPTS.slice(0, args.prompts ? positive("prompts") : undefined);
const toolNames = parseTools(args.tools);

const bundleDir = await resolveModelDir(
  args.model ?? env.ATTRIB_DEFAULT_MODEL,
  env.ATTRIB_MODELS_DIR,
);
const manifest = await readManifest(bundleDir);
const source = args.source ?? manifest.source.ref;
const threadEnv = {
  ...process.env,
  OMP_NUM_THREADS: String(threads),
  MKL_NUM_THREADS: String(threads),
  PYTHONPATH: join(repositoryRoot, "converter"),
  HF_HUB_OFFLINE: "1",
};

function progress(message: string): void {
  process.stderr.write(`[bench:compare] ${message}\n`);
}

function positive(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a whole number ≥ 1, not ${String(args[name])}`);
  }
  return value;
}

function parseTools(list: string | undefined): ToolName[] {
  const names = (list ?? "").split(",").filter(Boolean);
  for (const name of names) {
    if (!(name in TOOLS)) {
      throw new Error(`unknown tool ${name}; accepted: ${Object.keys(TOOLS).join(", ")}`);
    }
  }
  if (!names.includes("attrib")) throw new Error("--tools must include attrib");
  return names as ToolName[];
}

function startTool(name: ToolName | "reference") {
  const label = name === "reference" ? "float64 reference" : TOOLS[name].label;
  if (name === "attrib" || name === "forward") {
    const worker = join(repositoryRoot, "apps/cli/src/benchWorker.ts");
    const toolArgs = ["--tool", name, "--model", bundleDir, "--threads", String(threads)];
    return ToolProcess.start(
      label,
      process.execPath,
      ["--import", "tsx", worker, ...toolArgs],
      threadEnv,
    );
  }
  const python = join(repositoryRoot, ".venv/bin/python");
  const cache = join(repositoryRoot, ".cache/compare", manifest.name);
  const toolArgs = [
    "--tool",
    PYTHON_TOOL[name] ?? name,
    "--source",
    source,
    "--cache",
    cache,
  ];
  return ToolProcess.start(
    label,
    python,
    ["-m", "attrib_converter.compare.worker", ...toolArgs, "--threads", String(threads)],
    threadEnv,
  );
}

async function inBatches(tool: ToolProcess, texts: string[]) {
  let ms = 0;
  const results: ToolAnalysis[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const answer = await tool.analyze(texts.slice(start, start + batchSize));
    ms += answer.ms;
    results.push(...answer.results);
  }
  return { ms, results };
}

const loadBefore = loadavg()[0] ?? NaN;
progress(`float64 reference of ${prompts.length} prompts (${source})`);
const referenceTool = await startTool("reference");
const reference = (await referenceTool.tool.analyze(prompts)).results;
await referenceTool.tool.close();

const runs: ToolRun[] = [];
try {
  for (const name of toolNames) {
    progress(`loading ${TOOLS[name].label}`);
    const { tool, ready } = await startTool(name);
    runs.push({
      name,
      process: tool,
      ready,
      latencyMs: [],
      unbatchedRates: [],
      batchedRates: [],
      single: [],
      batched: [],
      peakMiB: null,
    });
    await tool.resetPeak();
  }

  progress("warming up: every tool analyses every prompt alone and in batches");
  for (const run of runs) {
    for (const text of prompts)
      run.single.push(...(await run.process.analyze([text])).results);
    run.batched = (await inBatches(run.process, prompts)).results;
  }

  progress(
    `${rounds} rounds of ${prompts.length} prompts, tools alternated prompt by prompt, each timed run after a warm-up run`,
  );
  for (let round = 0; round < rounds; round++) {
    const roundMs = runs.map(() => 0);
    for (const [p, text] of prompts.entries()) {
      for (let t = 0; t < runs.length; t++) {
        const index = (t + round + p) % runs.length;
        const run = runs[index];
        if (!run) continue;
        // An untimed run of the same prompt first: the timed one then finds
        // its process warm, whichever tool ran before it.
        await run.process.analyze([text]);
        const { ms } = await run.process.analyze([text]);
        run.latencyMs.push(ms);
        roundMs[index] = (roundMs[index] ?? 0) + ms;
      }
    }
    runs.forEach((run, i) =>
      run.unbatchedRates.push(prompts.length / ((roundMs[i] ?? NaN) / 1000)),
    );
  }

  progress(`${batchRounds} rounds of batches of ${batchSize}`);
  for (let round = 0; round < batchRounds; round++) {
    for (let t = 0; t < runs.length; t++) {
      const run = runs[(t + round) % runs.length];
      if (!run) continue;
      const { ms } = await inBatches(run.process, prompts);
      run.batchedRates.push(prompts.length / (ms / 1000));
    }
  }
  for (const run of runs) run.peakMiB = (await run.process.memory()).peakMiB;
} finally {
  await Promise.all(runs.map((run) => run.process.close()));
}

const agreements = new Map<ToolName, Agreement>(
  runs.map((run) => [
    run.name,
    combined(agreement(run.single, reference), agreement(run.batched, reference)),
  ]),
);
const attrib = runs.find((run) => run.name === "attrib");
const forward = runs.find((run) => run.name === "forward");
const pairedRatios = forward
  ? (attrib?.latencyMs ?? []).map((ms, i) => ms / (forward.latencyMs[i] ?? NaN))
  : [];
const summary = {
  model: manifest.displayName,
  bundle: bundleDir,
  source,
  prompts: prompts.length,
  tokens: reference.map((r) => r.inputIds.length),
  threads,
  rounds,
  batchSize,
  /** One-minute load average of the machine before and after: other work slows every tool. */
  loadAverage: [loadBefore, loadavg()[0] ?? NaN],
  tools: runs.map((run) => ({
    tool: run.name,
    label: TOOLS[run.name].label,
    versions: run.ready.versions,
    threads: run.ready.threads,
    loadMs: run.ready.loadMs,
    p50Ms: median(run.latencyMs),
    p95Ms: quantile(run.latencyMs, 0.95),
    promptsPerSecond: median(run.unbatchedRates),
    batchedPromptsPerSecond: median(run.batchedRates),
    peakMiB: run.peakMiB,
    agreement: agreements.get(run.name),
  })),
  attribOverForward: forward
    ? {
        p50Ratio: median(attrib?.latencyMs ?? []) / median(forward.latencyMs),
        medianPairedRatio: median(pairedRatios),
        p95PairedRatio: quantile(pairedRatios, 0.95),
      }
    : null,
};

if (args.json) {
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
} else {
  process.stdout.write(formatSummary(summary));
}

function formatSummary(s: typeof summary): string {
  const base = s.tools.find((tool) => tool.tool === "attrib");
  const ratio = (value: number | null, of: number | null | undefined) =>
    value === null || !of ? "" : `${(value / of).toFixed(2)}×`;
  const fixed = (value: number | null, digits: number) =>
    value === null ? "—" : value.toFixed(digits);
  const diff = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : value.toExponential(1);
  const lines = [
    `${s.model}: ${s.prompts} prompts (${Math.min(...s.tokens)}–${Math.max(...s.tokens)} tokens), ` +
      `${s.threads} threads for every tool, ${s.rounds} rounds alternated prompt by prompt ` +
      `(each timed run right after a warm-up run), ` +
      `batches of ${s.batchSize}; times measured inside each tool's process ` +
      `(text in → top-5 contributions out), peak = resident memory while analysing; ` +
      `machine load average ${s.loadAverage.map((l) => l.toFixed(1)).join(" → ")}`,
    "",
    [
      "tool".padEnd(36),
      "p50 ms".padStart(8),
      "×".padStart(6),
      "p95 ms".padStart(8),
      "×".padStart(6),
      "prompts/s".padStart(10),
      "batched".padStart(8),
      "×".padStart(6),
      "peak MiB".padStart(9),
      "×".padStart(6),
      "max|Δc|".padStart(8),
      "max|Δlogit|".padStart(11),
    ].join(" "),
  ];
  for (const tool of s.tools) {
    lines.push(
      [
        tool.label.padEnd(36),
        fixed(tool.p50Ms, 1).padStart(8),
        ratio(tool.p50Ms, base?.p50Ms).padStart(6),
        fixed(tool.p95Ms, 1).padStart(8),
        ratio(tool.p95Ms, base?.p95Ms).padStart(6),
        fixed(tool.promptsPerSecond, 1).padStart(10),
        fixed(tool.batchedPromptsPerSecond, 1).padStart(8),
        ratio(tool.batchedPromptsPerSecond, base?.batchedPromptsPerSecond).padStart(6),
        fixed(tool.peakMiB, 0).padStart(9),
        ratio(tool.peakMiB, base?.peakMiB ?? null).padStart(6),
        diff(tool.agreement?.maxContributionDiff).padStart(8),
        diff(tool.agreement?.maxLogitDiff).padStart(11),
      ].join(" "),
    );
  }
  lines.push("", ...verdicts(s));
  const versions = s.tools.map(
    (tool) => `${tool.tool}: ${JSON.stringify(tool.versions)}`,
  );
  lines.push("", `versions: ${versions.join("; ")}`, "");
  return lines.join("\n");
}

function verdicts(s: typeof summary): string[] {
  const base = s.tools.find((tool) => tool.tool === "attrib");
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? "ok  " : "FAIL");
  if (s.attribOverForward) {
    const { p50Ratio, medianPairedRatio, p95PairedRatio } = s.attribOverForward;
    lines.push(
      `${mark(p50Ratio <= FORWARD_RATIO_TARGET)} Attrib / plain forward: p50 ${p50Ratio.toFixed(3)}×, ` +
        `median of pairs ${medianPairedRatio.toFixed(3)}×, p95 of pairs ${p95PairedRatio.toFixed(3)}× ` +
        `(target ≤ ${FORWARD_RATIO_TARGET}×)`,
    );
  }
  for (const tool of s.tools) {
    if (tool.tool === "hooks" || tool.tool === "lens") {
      const speedup = tool.p50Ms / (base?.p50Ms ?? NaN);
      lines.push(
        `${mark(speedup > 1)} Attrib is ${speedup.toFixed(2)}× faster per prompt (p50) than ${tool.label}`,
      );
    }
  }
  const disagreements = s.tools.filter((tool) => {
    const a = tool.agreement;
    const worst = Math.max(a?.maxContributionDiff ?? 0, a?.maxLogitDiff ?? NaN);
    return (
      !(worst <= AGREEMENT_TARGET) ||
      (a?.missingTargets ?? 0) > 0 ||
      (a?.tokenMismatches ?? 0) > 0
    );
  });
  lines.push(
    `${mark(disagreements.length === 0)} every tool within ${AGREEMENT_TARGET} of the float64 ` +
      `reference (contributions and logits of its top 5, alone and batched)` +
      (disagreements.length
        ? `; not: ${disagreements.map((t) => t.tool).join(", ")}`
        : ""),
  );
  return lines;
}
