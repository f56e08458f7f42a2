import { readFileSync } from "node:fs";

import { repositoryRoot } from "./paths.ts";

/** One target's float64 reference values, as converter/reference writes them. */
export interface ReferenceTarget {
  id: number;
  token: string;
  logit: number;
  probability: number;
  raw: number[];
  centered: number[];
  rough: number[];
}

export interface ReferencePrompt {
  text: string;
  inputIds: number[];
  finalNormScale: number;
  targets: ReferenceTarget[];
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
