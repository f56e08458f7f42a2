import { spawn } from "node:child_process";

import { modelsDir, repositoryRoot } from "./paths.ts";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `attrib` command line as a user would, with the installed models. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`${repositoryRoot}apps/cli/bin/attrib.js`, ...args],
      {
        cwd: repositoryRoot,
        env: { ...process.env, ATTRIB_MODELS_DIR: modelsDir, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
