import { readFile } from "node:fs/promises";
import { join } from "node:path";

import * as tokenizers from "@huggingface/tokenizers";

import { AttribError } from "../errors/AttribError.ts";
import type { Manifest } from "../bundle/manifest.ts";

/**
 * The part of @huggingface/tokenizers used here. Its published declarations
 * re-export with extension-less relative paths, which NodeNext resolution
 * cannot follow, so the class is typed here instead.
 */
interface HfTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] };
  decode(ids: number[], options: { skip_special_tokens: boolean }): string;
}

const Tokenizer = (
  tokenizers as unknown as {
    Tokenizer: new (json: object, config: object) => HfTokenizer;
  }
).Tokenizer;

/** Token ids of a text with the token strings that show how it was split. */
export interface Tokenization {
  ids: number[];
  tokens: string[];
}

/**
 * The bundle's tokenizer, giving the same ids as transformers' `tokenizer(text)`.
 */
export class BundleTokenizer {
  private constructor(
    private readonly tokenizer: HfTokenizer,
    private readonly settings: Manifest["tokenizer"],
  ) {}

  /**
   * @param bundleDir - the bundle folder
   * @param manifest - its manifest, which names the tokenizer file and BOS rule
   * @throws {@link AttribError} BUNDLE_MISSING_FILE or BUNDLE_INVALID_MANIFEST
   */
  static async load(bundleDir: string, manifest: Manifest): Promise<BundleTokenizer> {
    const path = join(bundleDir, manifest.tokenizer.file);
    const text = await readFile(path, "utf8").catch((cause: unknown) => {
      throw new AttribError("BUNDLE_MISSING_FILE", `${path} is missing`, { cause });
    });
    try {
      const tokenizer = new Tokenizer(JSON.parse(text) as object, {});
      return new BundleTokenizer(tokenizer, manifest.tokenizer);
    } catch (cause) {
      throw new AttribError(
        "BUNDLE_INVALID_MANIFEST",
        `${path} is not a Hugging Face tokenizer.json: ${String(cause)}`,
        { cause },
      );
    }
  }

  /** Encodes a prompt as the model expects it, BOS included when the model wants one. */
  encodePrompt(text: string): Tokenization {
    const ids: number[] = this.tokenizer.encode(text, { add_special_tokens: true }).ids;
    const bos = this.settings.bosTokenId;
    if (bos !== null) {
      if (this.settings.addsBosToken && ids[0] !== bos) ids.unshift(bos);
      if (
        !this.settings.addsBosToken &&
        ids[0] === bos &&
        !text.startsWith(this.decode(bos))
      ) {
        ids.shift();
      }
    }
    return { ids, tokens: ids.map((id) => this.decode(id)) };
  }

  /** Encodes a fragment with no special tokens, e.g. a target such as " Jobs". */
  encodeFragment(text: string): Tokenization {
    const ids: number[] = this.tokenizer.encode(text, { add_special_tokens: false }).ids;
    return { ids, tokens: ids.map((id) => this.decode(id)) };
  }

  /**
   * Resolves a user-named target to one token id.
   *
   * @throws {@link AttribError} TARGET_NOT_ONE_TOKEN, showing how it splits
   */
  targetId(text: string): number {
    const { ids, tokens } = this.encodeFragment(text);
    const [first] = ids;
    if (ids.length === 1 && first !== undefined) return first;
    const split = tokens.map((token) => JSON.stringify(token)).join(" + ");
    throw new AttribError(
      "TARGET_NOT_ONE_TOKEN",
      ids.length === 0
        ? `target ${JSON.stringify(text)} is empty: name one token, e.g. " Jobs"`
        : `target ${JSON.stringify(text)} is ${ids.length} tokens (${split}); ` +
            `a target must be exactly one token: try ${JSON.stringify(tokens[0])}, ` +
            `or mind the leading space`,
    );
  }

  /** The text of one token, special tokens included. */
  decode(id: number): string {
    return this.tokenizer.decode([id], { skip_special_tokens: false });
  }
}
