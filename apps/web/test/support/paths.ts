import { fileURLToPath } from "node:url";

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** The dashboard app's folder, where `next build` and `next start` run. */
export const webRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Screenshots and logs for a person to look at (ignored by git). */
export const testOutput = `${webRoot}test-output/`;

/** Installed model bundles, as the set-up command leaves them. */
export const modelsDir = `${repositoryRoot}models`;

/** The model the suite's analyses are made with. */
export const TEST_MODEL = "smollm2-135m-instruct";
