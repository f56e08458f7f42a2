import { AttribError } from "../errors/AttribError.ts";
import { BundleTokenizer } from "../tokenizer/BundleTokenizer.ts";
import { checkBundleFiles } from "./checkBundleFiles.ts";
import type { Manifest } from "./manifest.ts";
import { readManifest } from "./readManifest.ts";
import { resolveModelDir } from "./resolveModel.ts";

/** A checked bundle folder with its manifest and tokenizer, before any graph is opened. */
export interface OpenBundle {
  bundleDir: string;
  manifest: Manifest;
  tokenizer: BundleTokenizer;
}

/**
 * Finds an installed model by name, or a bundle folder by path, checks its
 * files against the manifest and loads its tokenizer.
 *
 * @throws {@link AttribError} UNKNOWN_MODEL or a BUNDLE_* code
 */
export async function openBundle(model: string, modelsDir: string): Promise<OpenBundle> {
  const bundleDir = await resolveModelDir(model, modelsDir);
  const manifest = await readManifest(bundleDir);
  await checkBundleFiles(bundleDir, manifest);
  const tokenizer = await BundleTokenizer.load(bundleDir, manifest);
  return { bundleDir, manifest, tokenizer };
}

/**
 * @throws {@link AttribError} EMPTY_TEXT for no tokens, TEXT_TOO_LONG for
 *   more than the model's context
 */
export function checkPromptLength(manifest: Manifest, nTokens: number): void {
  if (nTokens === 0) {
    throw new AttribError("EMPTY_TEXT", "the prompt has no tokens: give some text");
  }
  if (nTokens > manifest.maxContext) {
    throw new AttribError(
      "TEXT_TOO_LONG",
      `the text is ${nTokens} tokens long; ${manifest.displayName} accepts at ` +
        `most ${manifest.maxContext} tokens`,
    );
  }
}
