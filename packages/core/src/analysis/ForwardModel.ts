import { join } from "node:path";

import type { Manifest } from "../bundle/manifest.ts";
import { checkPromptLength, openBundle } from "../bundle/openBundle.ts";
import { AttribError } from "../errors/AttribError.ts";
import { type GraphSession, openGraph } from "../inference/backend.ts";
import type { BundleTokenizer } from "../tokenizer/BundleTokenizer.ts";
import type { LoadModelOptions } from "./AttributionModel.ts";
import { graphFeeds } from "./graphFeeds.ts";

/**
 * A bundle's plain forward (`forward.onnx`): the model's own last-position
 * logits and nothing else, the lower bound that attribution is measured
 * against. Same weights, tokenizer and runtime as {@link AttributionModel}.
 */
export class ForwardModel {
  private constructor(
    readonly manifest: Manifest,
    readonly tokenizer: BundleTokenizer,
    private readonly graph: GraphSession,
  ) {}

  /**
   * Loads an installed model by name, or a bundle folder by path.
   *
   * @throws {@link AttribError} UNKNOWN_MODEL or a BUNDLE_* code
   */
  static async load(model: string, options: LoadModelOptions): Promise<ForwardModel> {
    const { bundleDir, manifest, tokenizer } = await openBundle(model, options.modelsDir);
    const graph = await openGraph(join(bundleDir, "forward.onnx"), options);
    return new ForwardModel(manifest, tokenizer, graph);
  }

  /**
   * The last-position logits `[d_vocab]` after each text, all texts in one
   * left-padded run.
   *
   * @throws {@link AttribError} EMPTY_TEXT or TEXT_TOO_LONG
   */
  async logits(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const rows = texts.map((text) => {
      const { ids } = this.tokenizer.encodePrompt(text);
      checkPromptLength(this.manifest, ids.length);
      return {
        tokenIds: ids,
        extraTargetIds: [],
        detailColumns: [],
        componentScale: [],
        componentMeanWeight: [],
      };
    });
    const { input_ids, attention_mask } = graphFeeds(rows, []);
    if (!input_ids || !attention_mask)
      throw new Error("graphFeeds lost its token inputs");
    const outputs = await this.graph.run({ input_ids, attention_mask });
    const logits = outputs.logits?.data;
    if (!(logits instanceof Float32Array)) {
      throw new AttribError("BUNDLE_MISMATCH", "forward.onnx returned no float32 logits");
    }
    const dVocab = this.manifest.dVocab;
    return rows.map((_, row) => logits.subarray(row * dVocab, (row + 1) * dVocab));
  }

  /** Frees the onnxruntime session. */
  async release(): Promise<void> {
    await this.graph.release();
  }
}
