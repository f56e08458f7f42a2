import { listInstalledModels } from "@attrib/core";

import { StudyCliError } from "../errors/StudyCliError.ts";

/**
 * The models a run covers: every installed one for `all`, else those named.
 *
 * @throws {@link StudyCliError} NO_MODELS when none is installed or a named
 * one is not
 */
export async function resolveModels(
  wanted: "all" | string[],
  modelsDir: string,
): Promise<string[]> {
  const installed = await listInstalledModels(modelsDir);
  const listing = installed.length > 0 ? installed.join(", ") : "none";
  if (installed.length === 0) {
    throw new StudyCliError(
      "NO_MODELS",
      `no models installed in ${modelsDir}: run npm run setup, or point ` +
        "ATTRIB_MODELS_DIR at a folder of bundles",
    );
  }
  if (wanted === "all") return installed;

  const missing = wanted.find((name) => !installed.includes(name));
  if (missing !== undefined) {
    throw new StudyCliError(
      "NO_MODELS",
      `model ${JSON.stringify(missing)} is not installed in ${modelsDir}; ` +
        `installed: ${listing} (or --models all)`,
    );
  }
  return [...new Set(wanted)];
}
