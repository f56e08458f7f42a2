/**
 * Builds the tiny random-weight bundles and their float64 transformers
 * reference values once per change of the converter's source.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { converterPython, repositoryRoot, tinyModelsDir } from "./paths.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function converterHash(): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(join(repositoryRoot, "converter"))) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}

export default function setup(): void {
  const stamp = join(tinyModelsDir, ".converter-hash");
  const hash = converterHash();
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;

  const build = spawnSync(
    converterPython,
    ["-m", "attrib_converter.tiny", "--out", tinyModelsDir],
    {
      cwd: repositoryRoot,
      env: { ...process.env, PYTHONPATH: join(repositoryRoot, "converter") },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (build.status !== 0) {
    throw new Error(
      `building the tiny test models failed (exit ${String(build.status)}); ` +
        `run npm run setup to install the converter's Python environment`,
    );
  }
  writeFileSync(stamp, hash);
}
