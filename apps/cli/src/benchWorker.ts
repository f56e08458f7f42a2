/**
 * Serves Attrib's attribution or the plain forward of the same bundle to the
 * side-by-side benchmark (benchCompare.ts), one JSON line per request, like
 * the Python tools (converter/attrib_converter/compare/worker.py):
 * `analyze` (texts → time inside this process and per text its top
 * targets, their logits and contributions `[C][T]`), `resetPeak`, `memory`,
 * `exit`.
 *
 * Usage: tsx benchWorker.ts --tool attrib|forward --model NAME|DIR [--threads N]
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";

import { AttributionModel, ForwardModel } from "@attrib/core";

import { processMemory, resetPeakMemory } from "./benchProcessMemory.ts";
import { loadEnv } from "./env.ts";

/** What every tool reports for one prompt. */
export interface ToolAnalysis {
  inputIds: number[];
  targetIds: number[];
  logits: number[];
  /** `[C][T]`; empty for the plain forward, which splits nothing. */
  contributions: number[][];
}

type Analyze = (texts: string[]) => Promise<ToolAnalysis[]>;

const TOP_K = 5;

async function attribTool(model: string, options: ToolOptions): Promise<Analyze> {
  const attribution = await AttributionModel.load(model, options);
  return async (texts) => {
    const results = await attribution.analyzeBatch(texts, {
      k: TOP_K,
      batchSize: texts.length,
    });
    return results.map((result) => ({
      inputIds: result.prompt.tokenIds,
      targetIds: result.targets.map((t) => t.tokenId),
      logits: result.targets.map((t) => t.logit),
      contributions: result.components.map((_, c) =>
        result.targets.map((t) => t.raw.values[c] ?? NaN),
      ),
    }));
  };
}

async function forwardTool(model: string, options: ToolOptions): Promise<Analyze> {
  const forward = await ForwardModel.load(model, options);
  return async (texts) => {
    const logits = await forward.logits(texts);
    return texts.map((text, i) => {
      const targetIds = topIds(logits[i] ?? new Float32Array(), TOP_K);
      return {
        inputIds: forward.tokenizer.encodePrompt(text).ids,
        targetIds,
        logits: targetIds.map((id) => logits[i]?.[id] ?? NaN),
        contributions: [],
      };
    });
  };
}

/** The ids of the k largest values, largest first. */
function topIds(values: Float32Array, k: number): number[] {
  const top: number[] = [];
  for (let id = 0; id < values.length; id++) {
    const value = values[id] ?? -Infinity;
    let at = top.length;
    while (at > 0 && value > (values[top[at - 1] ?? 0] ?? -Infinity)) at--;
    if (at < k) {
      top.splice(at, 0, id);
      if (top.length > k) top.pop();
    }
  }
  return top;
}

interface ToolOptions {
  modelsDir: string;
  executionProvider: "cpu" | "cuda";
  intraOpThreads: number;
}

async function serve(analyze: Analyze, answer: (document: object) => void) {
  for await (const line of createInterface({ input: process.stdin })) {
    const request = JSON.parse(line) as { op?: string; texts?: string[] };
    if (request.op === "analyze") {
      const started = performance.now();
      const results = await analyze(request.texts ?? []);
      answer({ ms: performance.now() - started, results });
    } else if (request.op === "resetPeak") {
      resetPeakMemory();
      answer({});
    } else if (request.op === "memory") {
      answer(processMemory());
    } else if (request.op === "exit") {
      return;
    } else {
      answer({
        error: `unknown op ${String(request.op)}; accepted: analyze, resetPeak, memory, exit`,
      });
    }
  }
}

const { values } = parseArgs({
  options: {
    tool: { type: "string" },
    model: { type: "string" },
    threads: { type: "string", default: "2" },
  },
});
const env = loadEnv();
const options: ToolOptions = {
  modelsDir: env.ATTRIB_MODELS_DIR,
  executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
  intraOpThreads: Number(values.threads),
};
const model = values.model ?? env.ATTRIB_DEFAULT_MODEL;
const answer = (document: object) =>
  process.stdout.write(`${JSON.stringify(document)}\n`);
const started = performance.now();
const analyze =
  values.tool === "forward"
    ? await forwardTool(model, options)
    : await attribTool(model, options);
answer({
  ready: true,
  tool: values.tool === "forward" ? "onnxruntime-forward" : "attrib",
  threads: options.intraOpThreads,
  loadMs: performance.now() - started,
  versions: { node: process.version, executionProvider: options.executionProvider },
});
await serve(analyze, answer);
