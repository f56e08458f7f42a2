import { fileURLToPath } from "node:url";

/** The repository root, for tests that need its folders. */
export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Where the tiny random-weight test bundles are built (ignored by git). */
export const tinyModelsDir = `${repositoryRoot}.cache/tiny-models`;

/** Installed real bundles, as the set-up command leaves them. */
export const modelsDir = process.env.ATTRIB_MODELS_DIR ?? `${repositoryRoot}models`;

/** The converter's Python interpreter, as the set-up command leaves it. */
export const converterPython = `${repositoryRoot}.venv/bin/python`;
