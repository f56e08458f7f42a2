import { listInstalledModels } from "@attrib/core";

import { env } from "../env.ts";

/** The models a submission may name: the bundles installed in ATTRIB_MODELS_DIR. */
export function installedModels(): Promise<string[]> {
  return listInstalledModels(env().modelsDir);
}
