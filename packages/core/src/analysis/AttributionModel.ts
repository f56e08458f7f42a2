import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { type AblationRequest, ablationEffects } from "../attribution/ablationEffects.ts";
import {
  attributeTargets,
  type PromptGraphOutputs,
  type TargetRequest,
} from "../attribution/attributeTargets.ts";
import { differenceSet } from "../attribution/contributionSet.ts";
import { type DetailTarget, layerComponents } from "../attribution/detailTargets.ts";
import { headAttribution } from "../attribution/headAttribution.ts";
import { logitLens } from "../attribution/logitLens.ts";
import { neuronAttribution } from "../attribution/neuronAttribution.ts";
import { parseComponent } from "../attribution/parseComponent.ts";
import type {
  Ablation,
  AblationMode,
  AttributionResult,
  LogitDifference,
  TargetAttribution,
} from "../attribution/types.ts";
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
import { type GraphRequest, graphFeeds } from "./graphFeeds.ts";

export const DEFAULT_TOP_K = 5;

/** How many heads and neurons are listed each way by default. */
export const DEFAULT_TOP_N = 10;

export interface LoadModelOptions extends SessionOptions {
  /** Folder of installed bundles, used when `model` is a name. */
  modelsDir: string;
}

/** The finer analyses, each off unless asked for. */
export interface DetailOptions {
  /** Split every attention layer by head. */
  heads?: boolean;
  /** Split every MLP layer by neuron and list the strongest. */
  neurons?: boolean;
  /** Read every layer's residual through the final norm and unembedding. */
  lens?: boolean;
  /** Components to remove, e.g. "L15.mlp"; one more forward pass in all. */
  ablate?: string[];
  /** Remove by zeroing the write, or by putting the bundle's mean write in its place. */
  ablateMode?: AblationMode;
  /** How many heads and neurons to list each way (default 10). */
  topN?: number;
}

export interface AnalyzeOptions extends DetailOptions {
  /** How many top tokens to attribute (1 … manifest.topKMax). */
  k?: number;
  /** Extra targets by text, each exactly one token (e.g. " Jobs"). */
  targets?: string[];
  /** Two tokens whose logit difference to split, e.g. [" Paris", " London"]. */
  difference?: [string, string];
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
    const named = [...(options.targets ?? []), ...(options.difference ?? [])];
    const targetIds = named.map((target) => this.tokenizer.targetId(target));
    const tokenized = performance.now();

    const differenceIds = options.difference
      ? (targetIds.slice(-2) as [number, number])
      : undefined;
    const result = await this.analyzeTokens(ids, targetIds, options.k ?? DEFAULT_TOP_K, {
      ...options,
      differenceIds,
    });
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
   * @param detail - heads, neurons, lens, ablations; `differenceIds` names
   *   two of `targetIds` whose logit difference to split
   * @throws {@link AttribError} INVALID_OPTION for a bad k, token id or
   *   component name
   */
  async analyzeTokens(
    tokenIds: number[],
    targetIds: number[] = [],
    k: number = DEFAULT_TOP_K,
    detail: DetailOptions & { differenceIds?: [number, number] } = {},
  ): Promise<AttributionResult> {
    this.checkTopK(k);
    this.checkLength(tokenIds.length);
    targetIds.forEach((id) => this.checkTokenId(id));
    const ablations = (detail.ablate ?? []).map((name) =>
      this.ablationRequest(name, detail.ablateMode ?? "zero"),
    );

    const started = performance.now();
    const extra = targetIds.length > 0 ? targetIds : [PLACEHOLDER_TARGET];
    const wantsDetail = Boolean(detail.heads || detail.neurons || detail.lens);
    const detailColumns = wantsDetail ? this.detailColumns(k, targetIds.length) : [];
    const lensDepths = detail.lens ? range(this.manifest.nLayers) : [];
    const outputs = await this.graph.run(
      graphFeeds([this.request(tokenIds, extra, detailColumns)], lensDepths),
    );
    const inferenceMs = performance.now() - started;

    this.checkOutputShapes(outputs, extra.length);
    const prompt = promptOutputs(outputs, 0);
    const requests = this.targetRequests(prompt.targetIds, k, targetIds.length);
    const nComponents = this.manifest.components.length;
    const decode = (id: number) => this.tokenizer.decode(id);
    const targets = attributeTargets(prompt, nComponents, requests, decode);
    const detailTargets = targets.map((target, i) => ({
      target,
      detail: detailColumns.indexOf(requests[i]?.column ?? -1),
    }));

    const result: AttributionResult = {
      model: this.modelSummary(),
      prompt: { text: "", tokenIds, tokens: tokenIds.map(decode) },
      components: this.manifest.components.map(parseComponent),
      finalNormScale: prompt.finalNormScale,
      targets,
      topDifference: topDifference(targets),
      identityError: Math.max(0, ...targets.map((target) => target.identityError)),
      timings: { tokenizeMs: 0, inferenceMs, totalMs: 0 },
      ...this.finerSplits(prompt, detailTargets, detailColumns.length, detail),
    };
    if (detail.differenceIds) {
      result.logitDifference = namedDifference(targets, detail.differenceIds);
    }
    if (ablations.length > 0) {
      result.ablations = await this.ablate(tokenIds, ablations, prompt, targets);
    }
    result.timings.totalMs = performance.now() - started;
    return result;
  }

  private finerSplits(
    prompt: PromptGraphOutputs,
    targets: DetailTarget[],
    nDetail: number,
    detail: DetailOptions,
  ): Pick<AttributionResult, "heads" | "neurons" | "lens"> {
    const m = this.manifest;
    const layers = layerComponents(m.components, m.nLayers);
    const top = detail.topN ?? DEFAULT_TOP_N;
    const decode = (id: number) => this.tokenizer.decode(id);
    return {
      ...(detail.heads && {
        heads: headAttribution(
          prompt,
          { nLayers: m.nLayers, nHeads: m.nHeads, nDetail },
          layers,
          targets,
          top,
        ),
      }),
      ...(detail.neurons && {
        neurons: neuronAttribution(
          prompt,
          { nLayers: m.nLayers, dMlp: m.dMlp, nDetail },
          layers,
          targets,
          top,
        ),
      }),
      ...(detail.lens && { lens: logitLens(prompt, nDetail, targets, decode) }),
    };
  }

  /** Runs every ablation as one batch, one row per ablated component. */
  private async ablate(
    tokenIds: number[],
    ablations: AblationRequest[],
    clean: PromptGraphOutputs,
    targets: TargetAttribution[],
  ): Promise<Ablation[]> {
    const rows = ablations.map((ablation) => {
      const row = this.request(tokenIds, [PLACEHOLDER_TARGET], []);
      row.componentScale[ablation.index] = 0;
      row.componentMeanWeight[ablation.index] = ablation.mode === "mean" ? 1 : 0;
      return row;
    });
    const outputs = await this.graph.run(graphFeeds(rows, []));
    const decode = (id: number) => this.tokenizer.decode(id);
    const nTargets = clean.targetIds.length;
    return ablations.map((ablation, row) => {
      const meanContribution = (tokenId: number) => {
        const column = clean.targetIds.indexOf(tokenId);
        return clean.meanWriteContributions[ablation.index * nTargets + column] ?? NaN;
      };
      const logits = promptOutputs(outputs, row).logits;
      return ablationEffects(ablation, targets, meanContribution, logits, decode);
    });
  }

  private request(
    tokenIds: number[],
    extraTargetIds: number[],
    detailColumns: number[],
  ): GraphRequest {
    const nComponents = this.manifest.components.length;
    return {
      tokenIds,
      extraTargetIds,
      detailColumns,
      componentScale: new Array<number>(nComponents).fill(1),
      componentMeanWeight: new Array<number>(nComponents).fill(0),
    };
  }

  /** The top k columns, then every named target's column. */
  private detailColumns(k: number, nNamed: number): number[] {
    const named = range(nNamed).map((i) => this.manifest.topKMax + i);
    return [...range(k), ...named];
  }

  private ablationRequest(component: string, mode: AblationMode): AblationRequest {
    const index = this.manifest.components.indexOf(component);
    if (index < 0) {
      const names = this.manifest.components;
      throw new AttribError(
        "INVALID_OPTION",
        `unknown component "${component}" to ablate; ${this.manifest.displayName} has ` +
          `${names[0] ?? ""}, ${names[1] ?? ""}, ${names[2] ?? ""} … ${names.at(-1) ?? ""}`,
      );
    }
    return { component, index, mode };
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

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function namedDifference(
  targets: TargetAttribution[],
  [positiveId, negativeId]: [number, number],
): LogitDifference | undefined {
  const positive = targets.find((target) => target.tokenId === positiveId);
  const negative = targets.find((target) => target.tokenId === negativeId);
  if (!positive || !negative) return undefined;
  return {
    positive: { tokenId: positive.tokenId, token: positive.token },
    negative: { tokenId: negative.tokenId, token: negative.token },
    attribution: differenceSet(positive.raw, negative.raw),
  };
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
