import { readFileSync } from "node:fs";

import { repositoryRoot } from "./paths.ts";

export interface ReferenceNeuron {
  layer: number;
  neuron: number;
  activation: number;
  value: number;
}

/** One target's float64 reference values, as converter/reference writes them. */
export interface ReferenceTarget {
  id: number;
  token: string;
  logit: number;
  probability: number;
  raw: number[];
  centered: number[];
  rough: number[];
  /** `[layer][head]` contributions, on detailed prompts. */
  heads?: number[][];
  /** The strongest neurons each way, on detailed prompts. */
  neurons?: { positive: ReferenceNeuron[]; negative: ReferenceNeuron[] };
}

/** transformers' own final norm and lm_head on each depth's residual. */
export interface ReferenceLens {
  topIds: number[];
  topProbabilities: number[];
  targets: { id: number; probabilities: number[]; ranks: number[] }[];
}

/** A forward with one component's output replaced by a hook. */
export interface ReferenceAblation {
  component: string;
  mode: "zero" | "mean";
  /** Each target's ablated logit, in the order of the prompt's targets. */
  logits: number[];
  probabilities: number[];
}

export interface ReferencePrompt {
  text: string;
  inputIds: number[];
  finalNormScale: number;
  targets: ReferenceTarget[];
  lens?: ReferenceLens;
  ablations?: ReferenceAblation[];
}

export interface ReferenceFixture {
  model: string;
  reference: string;
  components: string[];
  prompts: ReferencePrompt[];
}

export interface TokenizerCase {
  text: string;
  ids: number[];
}

/** Reads a checked-in fixture under test/fixtures. */
export function readFixture<T>(relativePath: string): T {
  return JSON.parse(
    readFileSync(`${repositoryRoot}test/fixtures/${relativePath}`, "utf8"),
  ) as T;
}

/** The reference.json the converter writes beside a tiny model's bundle. */
export function readBundleReference(bundleDir: string): ReferenceFixture {
  return JSON.parse(
    readFileSync(`${bundleDir}/reference.json`, "utf8"),
  ) as ReferenceFixture;
}
