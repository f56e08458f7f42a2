import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { AttribError } from "../errors/AttribError.ts";
import { type Manifest, manifestSchema } from "./manifest.ts";

export const MANIFEST_FILE = "manifest.json";

/**
 * Reads and validates a bundle's manifest.
 *
 * @param bundleDir - the bundle folder
 * @throws {@link AttribError} BUNDLE_MISSING_FILE or BUNDLE_INVALID_MANIFEST
 */
export async function readManifest(bundleDir: string): Promise<Manifest> {
  const path = join(bundleDir, MANIFEST_FILE);
  const text = await readFile(path, "utf8").catch((cause: unknown) => {
    throw new AttribError(
      "BUNDLE_MISSING_FILE",
      `${path} is missing: a bundle folder holds manifest.json, model.onnx and ` +
        `tokenizer.json, written by the converter (see docs/bundle-format.md)`,
      { cause },
    );
  });

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AttribError(
      "BUNDLE_INVALID_MANIFEST",
      `${path} is not valid JSON (${String(cause)}); re-run the converter to rewrite it`,
      { cause },
    );
  }

  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    throw new AttribError(
      "BUNDLE_INVALID_MANIFEST",
      `${path} is not an attrib-bundle manifest of format version 3: ${problems}. ` +
        `Re-run the converter for this model (docs/bundle-format.md)`,
    );
  }
  return parsed.data;
}
