import { stat } from "node:fs/promises";
import { join } from "node:path";

import { AttribError } from "../errors/AttribError.ts";
import type { Manifest } from "./manifest.ts";

const REQUIRED_FILES = ["model.onnx"];

/**
 * Checks that every file the manifest lists is present with its recorded size,
 * so a truncated download or an interrupted conversion is caught before
 * onnxruntime reads garbage.
 *
 * @throws {@link AttribError} BUNDLE_MISSING_FILE, BUNDLE_TRUNCATED or BUNDLE_MISMATCH
 */
export async function checkBundleFiles(
  bundleDir: string,
  manifest: Manifest,
): Promise<void> {
  for (const required of [...REQUIRED_FILES, manifest.tokenizer.file]) {
    if (!(required in manifest.files)) {
      throw new AttribError(
        "BUNDLE_INVALID_MANIFEST",
        `${join(bundleDir, "manifest.json")} does not list ${required} under "files"`,
      );
    }
  }

  for (const [file, entry] of Object.entries(manifest.files)) {
    const path = join(bundleDir, file);
    const info = await stat(path).catch((cause: unknown) => {
      throw new AttribError(
        "BUNDLE_MISSING_FILE",
        `${path} is missing; the manifest expects it (${entry.bytes} bytes). ` +
          `Re-run the converter for this model.`,
        { cause },
      );
    });
    if (info.size !== entry.bytes) {
      const kind = info.size < entry.bytes ? "BUNDLE_TRUNCATED" : "BUNDLE_MISMATCH";
      throw new AttribError(
        kind,
        `${path} has ${info.size} bytes but the manifest records ${entry.bytes}: ` +
          `the file is ${info.size < entry.bytes ? "truncated" : "not the one converted"}. ` +
          `Re-run the converter for this model.`,
      );
    }
  }

  const expectedComponents = 1 + 2 * manifest.nLayers;
  if (manifest.components.length < expectedComponents) {
    throw new AttribError(
      "BUNDLE_MISMATCH",
      `${join(bundleDir, "manifest.json")} lists ${manifest.components.length} ` +
        `components but a model of ${manifest.nLayers} layers has at least ` +
        `${expectedComponents} (embed, then attn and mlp per layer)`,
    );
  }
}
