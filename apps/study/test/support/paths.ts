import { fileURLToPath } from "node:url";

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** Fortune files written for these tests, in fortune-mod's format. */
export const fixtureFortunesDir = fileURLToPath(
  new URL("../fixtures/fortunes", import.meta.url),
);

/** The study command. */
export const studyBin = `${repositoryRoot}apps/study/bin/study.js`;

/** Tiny random-weight bundles, built by test/setup/buildTinyModels.ts. */
export const tinyModelsDir = `${repositoryRoot}.cache/tiny-models`;

/** Installed real bundles, as the set-up command leaves them. */
export const modelsDir = process.env.ATTRIB_MODELS_DIR ?? `${repositoryRoot}models`;
