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
  AblationMode,
  AttributionResult,
  LogitDifference,
  TargetAttribution,
} from "../attribution/types.ts";
import type { Manifest } from "../bundle/manifest.ts";
import { checkPromptLength, openBundle } from "../bundle/openBundle.ts";
import { AttribError } from "../errors/AttribError.ts";
import {
  type GraphOutputs,
  type GraphSession,
  openGraph,
  type SessionOptions,
} from "../inference/backend.ts";
import type { BundleTokenizer } from "../tokenizer/BundleTokenizer.ts";
import {
  ABLATION_OUTPUTS,
  checkGraphContract,
  outputsFor,
  promptOutputs,
} from "./graphContract.ts";
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

/** How many prompts share one graph run by default in a batched analysis. */
export const DEFAULT_BATCH_SIZE = 8;

/** The most prompts one graph run may take. */
export const MAX_BATCH_SIZE = 256;

export interface BatchOptions {
  /** The most prompts per graph run (1 … 256, default 8). */
  batchSize?: number;
}

/** One prompt of {@link AttributionModel.analyzeBatch}, with targets of its own. */
export interface BatchPrompt {
  text: string;
  /** Extra targets for this prompt, added to the options' targets. */
  targets?: string[];
  /** Two tokens whose logit difference to split, for this prompt. */
  difference?: [string, string];
}

/** One prompt of {@link AttributionModel.analyzeTokensBatch}. */
export interface TokenPrompt {
  /** The prompt, special tokens included. */
  tokenIds: number[];
  /** Extra targets to attribute besides the top k. */
  targetIds?: number[];
  /** Two of `targetIds` whose logit difference to split. */
  differenceIds?: [number, number];
}

interface EncodedPrompt {
  tokens: TokenPrompt;
  prompt: AttributionResult["prompt"];
  tokenizeMs: number;
}

/** A prompt's clean run: what its ablations still need. */
interface CleanPrompt {
  prompt: TokenPrompt;
  outputs: PromptGraphOutputs;
  result: AttributionResult;
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
    const { bundleDir, manifest, tokenizer } = await openBundle(model, options.modelsDir);
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
    const [result] = await this.analyzeBatch([text], options);
    if (!result) throw new Error("analyzeBatch returned no result for one prompt");
    return result;
  }

  /**
   * Attributes the next-token logits after each of many texts, several
   * prompts per graph run (left-padded and masked). Every result equals what
   * {@link AttributionModel.analyze} gives for its text alone, up to float32
   * rounding; results come in the order of `prompts`. Options apply to every
   * prompt; a prompt's own `targets` are added to `options.targets`, and its
   * own `difference` replaces `options.difference`.
   *
   * In each result, `timings.tokenizeMs` is that prompt's tokenization, while
   * `inferenceMs` and `totalMs` are its equal share of its batch's graph runs
   * and of the whole call.
   *
   * @throws {@link AttribError} EMPTY_TEXT, TEXT_TOO_LONG, INVALID_OPTION,
   * TARGET_NOT_ONE_TOKEN, naming the prompt's position when there are several
   */
  async analyzeBatch(
    prompts: ReadonlyArray<string | BatchPrompt>,
    options: AnalyzeOptions & BatchOptions = {},
  ): Promise<AttributionResult[]> {
    const started = performance.now();
    const encoded = prompts.map((prompt, index) =>
      this.encodeText(
        typeof prompt === "string" ? { text: prompt } : prompt,
        options,
        prompts.length > 1 ? index : undefined,
      ),
    );
    const results = await this.analyzeTokensBatch(
      encoded.map((prompt) => prompt.tokens),
      options.k ?? DEFAULT_TOP_K,
      options,
    );
    const totalMs = (performance.now() - started) / Math.max(1, prompts.length);
    return results.map((result, i) => {
      const prompt = encoded[i];
      if (!prompt) return result;
      return {
        ...result,
        prompt: prompt.prompt,
        timings: { ...result.timings, tokenizeMs: prompt.tokenizeMs, totalMs },
      };
    });
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
    const prompt: TokenPrompt = { tokenIds, targetIds };
    if (detail.differenceIds) prompt.differenceIds = detail.differenceIds;
    const [result] = await this.analyzeTokensBatch([prompt], k, detail);
    if (!result) throw new Error("analyzeTokensBatch returned no result for one prompt");
    return result;
  }

  /**
   * Attributes many prompts given as token ids, several per graph run; see
   * {@link AttributionModel.analyzeBatch}. Prompts are grouped by length so
   * that little padding is computed; results come in the order given.
   *
   * @param prompts - token ids with each prompt's own extra targets
   * @param k - how many top tokens, for every prompt
   * @param detail - heads, neurons, lens and ablations for every prompt, and
   *   `batchSize`, the most prompts per graph run (default 8)
   * @throws {@link AttribError} INVALID_OPTION for a bad k, token id,
   *   component name or batch size
   */
  async analyzeTokensBatch(
    prompts: readonly TokenPrompt[],
    k: number = DEFAULT_TOP_K,
    detail: DetailOptions & BatchOptions = {},
  ): Promise<AttributionResult[]> {
    this.checkTopK(k);
    const batchSize = this.checkBatchSize(detail.batchSize ?? DEFAULT_BATCH_SIZE);
    for (const prompt of prompts) {
      checkPromptLength(this.manifest, prompt.tokenIds.length);
      (prompt.targetIds ?? []).forEach((id) => this.checkTokenId(id));
    }
    const ablations = (detail.ablate ?? []).map((name) =>
      this.ablationRequest(name, detail.ablateMode ?? "zero"),
    );

    const byLength = range(prompts.length).sort(
      (a, b) => (prompts[a]?.tokenIds.length ?? 0) - (prompts[b]?.tokenIds.length ?? 0),
    );
    const results = new Array<AttributionResult>(prompts.length);
    for (let start = 0; start < byLength.length; start += batchSize) {
      const indices = byLength.slice(start, start + batchSize);
      const chunk = indices.map((i) => prompts[i] ?? { tokenIds: [] });
      const chunkResults = await this.analyzeChunk(chunk, k, detail, ablations);
      indices.forEach((promptIndex, row) => {
        const result = chunkResults[row];
        if (result) results[promptIndex] = result;
      });
    }
    return results;
  }

  /** One graph run for up to `batchSize` prompts, one more for their ablations. */
  private async analyzeChunk(
    prompts: TokenPrompt[],
    k: number,
    detail: DetailOptions,
    ablations: AblationRequest[],
  ): Promise<AttributionResult[]> {
    const started = performance.now();
    const nNamed = Math.max(0, ...prompts.map((p) => p.targetIds?.length ?? 0));
    const nExtra = Math.max(1, nNamed);
    const wantsDetail = Boolean(detail.heads || detail.neurons || detail.lens);
    const nDetail = wantsDetail ? k + nNamed : 0;
    const rows = prompts.map((prompt) => {
      const named = prompt.targetIds ?? [];
      const extra = padTo(named, nExtra, PLACEHOLDER_TARGET);
      const columns = wantsDetail ? this.detailColumns(k, named.length) : [];
      return this.request(prompt.tokenIds, extra, padTo(columns, nDetail, 0));
    });
    const lensDepths = detail.lens ? range(this.manifest.nLayers) : [];
    const outputs = await this.graph.run(
      graphFeeds(rows, lensDepths),
      outputsFor(detail),
    );
    const inferenceMs = (performance.now() - started) / prompts.length;
    this.checkOutputShapes(outputs, prompts.length, nExtra);

    const clean = prompts.map((prompt, row) =>
      this.promptResult(
        prompt,
        promptOutputs(outputs, row),
        rows[row],
        k,
        nDetail,
        detail,
      ),
    );
    if (ablations.length > 0) await this.ablate(prompts, ablations, clean);
    const totalMs = (performance.now() - started) / prompts.length;
    return clean.map(({ result }) => ({
      ...result,
      timings: { tokenizeMs: 0, inferenceMs, totalMs },
    }));
  }

  /** Turns one row of graph outputs into its result (ablations come later). */
  private promptResult(
    prompt: TokenPrompt,
    outputs: PromptGraphOutputs,
    row: GraphRequest | undefined,
    k: number,
    nDetail: number,
    detail: DetailOptions,
  ): CleanPrompt {
    const nNamed = prompt.targetIds?.length ?? 0;
    const requests = this.targetRequests(outputs.targetIds, k, nNamed);
    const nComponents = this.manifest.components.length;
    const decode = (id: number) => this.tokenizer.decode(id);
    const targets = attributeTargets(
      outputs,
      nComponents,
      this.manifest.topKMax,
      requests,
      decode,
    );
    const columns = row?.detailColumns ?? [];
    const detailTargets = targets.map((target, i) => ({
      target,
      detail: columns.indexOf(requests[i]?.column ?? -1),
    }));

    const result: AttributionResult = {
      model: this.modelSummary(),
      prompt: {
        text: "",
        tokenIds: prompt.tokenIds,
        tokens: prompt.tokenIds.map(decode),
      },
      components: this.manifest.components.map(parseComponent),
      finalNormScale: outputs.finalNormScale,
      targets,
      topDifference: topDifference(targets),
      identityError: Math.max(0, ...targets.map((target) => target.identityError)),
      timings: { tokenizeMs: 0, inferenceMs: 0, totalMs: 0 },
      ...this.finerSplits(outputs, detailTargets, nDetail, detail),
    };
    if (prompt.differenceIds) {
      result.logitDifference = namedDifference(targets, prompt.differenceIds);
    }
    return { prompt, outputs, result };
  }

  /** Tokenizes one text and resolves its named targets. */
  private encodeText(
    prompt: BatchPrompt,
    options: AnalyzeOptions,
    position: number | undefined,
  ): EncodedPrompt {
    const started = performance.now();
    try {
      if (prompt.text.trim().length === 0) {
        throw new AttribError(
          "EMPTY_TEXT",
          'the text is empty: give the start of a sentence, e.g. "Steve"',
        );
      }
      const { ids, tokens } = this.tokenizer.encodePrompt(prompt.text);
      checkPromptLength(this.manifest, ids.length);
      const difference = prompt.difference ?? options.difference;
      const named = [...(options.targets ?? []), ...(prompt.targets ?? [])];
      const targetIds = [...named, ...(difference ?? [])].map((target) =>
        this.tokenizer.targetId(target),
      );
      const encoded: TokenPrompt = { tokenIds: ids, targetIds };
      if (difference) encoded.differenceIds = targetIds.slice(-2) as [number, number];
      return {
        tokens: encoded,
        prompt: { text: prompt.text, tokenIds: ids, tokens },
        tokenizeMs: performance.now() - started,
      };
    } catch (error) {
      if (position === undefined || !(error instanceof AttribError)) throw error;
      throw new AttribError(error.code, `prompt ${position + 1}: ${error.message}`, {
        cause: error,
      });
    }
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

  /**
   * Runs every prompt's ablations as one batch, one row per prompt and
   * ablated component, and adds them to each clean result.
   */
  private async ablate(
    prompts: TokenPrompt[],
    ablations: AblationRequest[],
    clean: CleanPrompt[],
  ): Promise<void> {
    const rows = prompts.flatMap((prompt) =>
      ablations.map((ablation) => {
        const row = this.request(prompt.tokenIds, [PLACEHOLDER_TARGET], []);
        row.componentScale[ablation.index] = 0;
        row.componentMeanWeight[ablation.index] = ablation.mode === "mean" ? 1 : 0;
        return row;
      }),
    );
    const outputs = await this.graph.run(graphFeeds(rows, []), ABLATION_OUTPUTS);
    const decode = (id: number) => this.tokenizer.decode(id);
    clean.forEach(({ outputs: cleanOutputs, result }, p) => {
      const nTargets = cleanOutputs.targetIds.length;
      result.ablations = ablations.map((ablation, a) => {
        const meanContribution = (tokenId: number) => {
          const column = cleanOutputs.targetIds.indexOf(tokenId);
          return (
            cleanOutputs.meanWriteContributions[ablation.index * nTargets + column] ?? NaN
          );
        };
        const row = promptOutputs(outputs, p * ablations.length + a);
        return ablationEffects(
          ablation,
          result.targets,
          meanContribution,
          {
            logits: row.logits,
            logNormalizer: row.logNormalizer,
            topTokenId: row.targetIds[0] ?? -1,
          },
          decode,
        );
      });
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

  private checkOutputShapes(outputs: GraphOutputs, batch: number, nExtra: number): void {
    const m = this.manifest;
    const expected: Record<string, number[]> = {
      logits: [batch, m.dVocab],
      contributions: [batch, m.components.length, m.topKMax + nExtra],
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

  private checkTopK(k: number): void {
    if (!Number.isInteger(k) || k < 1 || k > this.manifest.topKMax) {
      throw new AttribError(
        "INVALID_OPTION",
        `k must be a whole number from 1 to ${this.manifest.topKMax}, not ${String(k)}`,
      );
    }
  }

  private checkBatchSize(size: number): number {
    if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_SIZE) {
      throw new AttribError(
        "INVALID_OPTION",
        `batchSize must be a whole number from 1 to ${MAX_BATCH_SIZE}, not ${String(size)}`,
      );
    }
    return size;
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

/** `values` extended with `filler` to `length` entries. */
function padTo(values: number[], length: number, filler: number): number[] {
  return [
    ...values,
    ...new Array<number>(Math.max(0, length - values.length)).fill(filler),
  ];
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
