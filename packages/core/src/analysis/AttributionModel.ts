import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { attributeTargets, type TargetRequest } from "../attribution/attributeTargets.ts";
import { differenceSet } from "../attribution/contributionSet.ts";
import { parseComponent } from "../attribution/parseComponent.ts";
import type { AttributionResult, TargetAttribution } from "../attribution/types.ts";
import { checkBundleFiles } from "../bundle/checkBundleFiles.ts";
import type { Manifest } from "../bundle/manifest.ts";
import { readManifest } from "../bundle/readManifest.ts";
import { resolveModelDir } from "../bundle/resolveModel.ts";
import { AttribError } from "../errors/AttribError.ts";
import {
  type GraphOutputs,
  type GraphSession,
  openGraph,
  type SessionOptions,
} from "../inference/backend.ts";
import { BundleTokenizer } from "../tokenizer/BundleTokenizer.ts";
import { checkGraphContract, promptOutputs } from "./graphContract.ts";

export const DEFAULT_TOP_K = 5;

export interface LoadModelOptions extends SessionOptions {
  /** Folder of installed bundles, used when `model` is a name. */
  modelsDir: string;
}

export interface AnalyzeOptions {
  /** How many top tokens to attribute (1 … manifest.topKMax). */
  k?: number;
  /** Extra targets by text, each exactly one token (e.g. " Jobs"). */
  targets?: string[];
}

/** Token id fed where the graph needs one extra target and the user named none. */
const PLACEHOLDER_TARGET = 0;

/**
 * A loaded analysis bundle: tokenizer plus attribution graph.
 */
export class AttributionModel {
  private constructor(
    readonly manifest: Manifest,
    readonly bundleDir: string,
    readonly tokenizer: BundleTokenizer,
    private readonly graph: GraphSession,
  ) {}

  /**
   * Loads an installed model by name, or a bundle folder by path.
   *
   * @throws {@link AttribError} UNKNOWN_MODEL or a BUNDLE_* code
   */
  static async load(model: string, options: LoadModelOptions): Promise<AttributionModel> {
    const bundleDir = await resolveModelDir(model, options.modelsDir);
    const manifest = await readManifest(bundleDir);
    await checkBundleFiles(bundleDir, manifest);

    const tokenizer = await BundleTokenizer.load(bundleDir, manifest);
    const graphPath = join(bundleDir, "model.onnx");
    const graph = await openGraph(graphPath, options);
    checkGraphContract(graph, graphPath);
    return new AttributionModel(manifest, bundleDir, tokenizer, graph);
  }

  /**
   * Attributes the next-token logits after `text`.
   *
   * @throws {@link AttribError} EMPTY_TEXT, TEXT_TOO_LONG, INVALID_OPTION,
   * TARGET_NOT_ONE_TOKEN
   */
  async analyze(text: string, options: AnalyzeOptions = {}): Promise<AttributionResult> {
    const started = performance.now();
    if (text.trim().length === 0) {
      throw new AttribError(
        "EMPTY_TEXT",
        'the text is empty: give the start of a sentence, e.g. "Steve"',
      );
    }
    const { ids, tokens } = this.tokenizer.encodePrompt(text);
    this.checkLength(ids.length);
    const targetIds = (options.targets ?? []).map((target) =>
      this.tokenizer.targetId(target),
    );
    const tokenized = performance.now();

    const result = await this.analyzeTokens(ids, targetIds, options.k ?? DEFAULT_TOP_K);
    const total = performance.now() - started;
    return {
      ...result,
      prompt: { text, tokenIds: ids, tokens },
      timings: { ...result.timings, tokenizeMs: tokenized - started, totalMs: total },
    };
  }

  /**
   * Attributes the next-token logits after a sequence of token ids.
   *
   * @param tokenIds - the prompt, special tokens included
   * @param targetIds - extra targets to attribute besides the top k
   * @param k - how many top tokens
   */
  async analyzeTokens(
    tokenIds: number[],
    targetIds: number[] = [],
    k: number = DEFAULT_TOP_K,
  ): Promise<AttributionResult> {
    this.checkTopK(k);
    this.checkLength(tokenIds.length);
    targetIds.forEach((id) => this.checkTokenId(id));

    const started = performance.now();
    const extra = targetIds.length > 0 ? targetIds : [PLACEHOLDER_TARGET];
    const outputs = await this.graph.run({
      input_ids: { values: tokenIds, dims: [1, tokenIds.length] },
      attention_mask: { values: tokenIds.map(() => 1), dims: [1, tokenIds.length] },
      extra_target_ids: { values: extra, dims: [1, extra.length] },
    });
    const inferenceMs = performance.now() - started;

    this.checkOutputShapes(outputs, extra.length);
    const prompt = promptOutputs(outputs, 0);
    const requests = this.targetRequests(prompt.targetIds, k, targetIds.length);
    const nComponents = this.manifest.components.length;
    const decode = (id: number) => this.tokenizer.decode(id);
    const targets = attributeTargets(prompt, nComponents, requests, decode);

    return {
      model: this.modelSummary(),
      prompt: { text: "", tokenIds, tokens: tokenIds.map(decode) },
      components: this.manifest.components.map(parseComponent),
      finalNormScale: prompt.finalNormScale,
      targets,
      topDifference: topDifference(targets),
      identityError: Math.max(0, ...targets.map((target) => target.identityError)),
      timings: { tokenizeMs: 0, inferenceMs, totalMs: performance.now() - started },
    };
  }

  /** Frees the onnxruntime session. */
  async release(): Promise<void> {
    await this.graph.release();
  }

  private targetRequests(
    graphTargets: number[],
    k: number,
    nNamed: number,
  ): TargetRequest[] {
    const topKMax = this.manifest.topKMax;
    const requests: TargetRequest[] = [];
    for (let j = 0; j < k; j++) requests.push({ column: j, source: "top" });

    for (let i = 0; i < nNamed; i++) {
      const id = graphTargets[topKMax + i];
      const inTop = requests.find((request) => graphTargets[request.column] === id);
      if (inTop) inTop.source = "top+named";
      else if (!requests.some((r) => graphTargets[r.column] === id)) {
        requests.push({ column: topKMax + i, source: "named" });
      }
    }
    return requests;
  }

  private modelSummary(): AttributionResult["model"] {
    const m = this.manifest;
    return {
      name: m.name,
      displayName: m.displayName,
      architecture: m.architecture,
      nLayers: m.nLayers,
      tiedEmbeddings: m.tiedEmbeddings,
      finalLogitSoftcap: m.finalLogitSoftcap,
    };
  }

  private checkOutputShapes(outputs: GraphOutputs, nExtra: number): void {
    const m = this.manifest;
    const expected: Record<string, number[]> = {
      logits: [1, m.dVocab],
      contributions: [1, m.components.length, m.topKMax + nExtra],
    };
    for (const [name, dims] of Object.entries(expected)) {
      const actual = outputs[name]?.dims ?? [];
      if (actual.join("x") !== dims.join("x")) {
        throw new AttribError(
          "BUNDLE_MISMATCH",
          `${join(this.bundleDir, "model.onnx")} returned ${name} of shape ` +
            `[${actual.join(", ")}] but manifest.json implies [${dims.join(", ")}]: ` +
            `the graph and the manifest come from different conversions`,
        );
      }
    }
  }

  private checkLength(nTokens: number): void {
    if (nTokens === 0) {
      throw new AttribError("EMPTY_TEXT", "the prompt has no tokens: give some text");
    }
    if (nTokens > this.manifest.maxContext) {
      throw new AttribError(
        "TEXT_TOO_LONG",
        `the text is ${nTokens} tokens long; ${this.manifest.displayName} accepts at ` +
          `most ${this.manifest.maxContext} tokens`,
      );
    }
  }

  private checkTopK(k: number): void {
    if (!Number.isInteger(k) || k < 1 || k > this.manifest.topKMax) {
      throw new AttribError(
        "INVALID_OPTION",
        `k must be a whole number from 1 to ${this.manifest.topKMax}, not ${String(k)}`,
      );
    }
  }

  private checkTokenId(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.manifest.dVocab) {
      throw new AttribError(
        "INVALID_OPTION",
        `token id ${String(id)} is outside the vocabulary (0 … ${this.manifest.dVocab - 1})`,
      );
    }
  }
}

function topDifference(targets: TargetAttribution[]): AttributionResult["topDifference"] {
  const first = targets.find((target) => target.rank === 1);
  const second = targets.find((target) => target.rank === 2);
  if (!first || !second) return null;
  return {
    positive: { tokenId: first.tokenId, token: first.token },
    negative: { tokenId: second.tokenId, token: second.token },
    attribution: differenceSet(first.raw, second.raw),
  };
}
