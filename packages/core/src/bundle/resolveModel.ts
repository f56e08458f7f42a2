import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";

import { AttribError } from "../errors/AttribError.ts";
import { MANIFEST_FILE } from "./readManifest.ts";

async function isBundleDir(dir: string): Promise<boolean> {
  const info = await stat(join(dir, MANIFEST_FILE)).catch(() => null);
  return info?.isFile() ?? false;
}

/**
 * Lists the names of the bundles installed in a models folder.
 *
 * @param modelsDir - folder holding one sub-folder per bundle
 */
export async function listInstalledModels(modelsDir: string): Promise<string[]> {
  const entries = await readdir(modelsDir, { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await isBundleDir(join(modelsDir, entry.name)))) {
      names.push(entry.name);
    }
  }
  return names.sort();
}

function looksLikePath(model: string): boolean {
  return isAbsolute(model) || model.startsWith(".") || model.includes("/");
}

/**
 * Finds a bundle folder from a model name or a path.
 *
 * @param model - an installed model's name, or a path to a bundle folder
 * @param modelsDir - where installed bundles live
 * @throws {@link AttribError} UNKNOWN_MODEL, listing the installed models
 */
export async function resolveModelDir(model: string, modelsDir: string): Promise<string> {
  const candidate = looksLikePath(model) ? resolve(model) : join(modelsDir, model);
  if (await isBundleDir(candidate)) return candidate;

  const installed = await listInstalledModels(modelsDir);
  const choices =
    installed.length > 0 ? installed.join(", ") : "none (run npm run setup)";
  throw new AttribError(
    "UNKNOWN_MODEL",
    `unknown model "${model}": no bundle at ${candidate}. ` +
      `Installed models in ${modelsDir}: ${choices}. ` +
      `A path to a bundle folder is accepted too.`,
  );
}
