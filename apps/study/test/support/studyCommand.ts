import { type ChildProcess, spawn } from "node:child_process";

import { repositoryRoot, studyBin } from "./paths.ts";

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout's JSON log lines, parsed. */
  logs: { event: string; [field: string]: unknown }[];
}

/** Starts `study` with the given arguments and environment on top of this process's. */
export function spawnStudy(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [studyBin, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Waits for a started `study` to end and collects what it printed. */
export function finished(child: ChildProcess): Promise<CommandResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code, stdout, stderr, logs: logLines(stdout) }),
    );
  });
}

/** Runs `study` to the end. */
export function runStudyCommand(
  args: string[],
  env: Record<string, string>,
): Promise<CommandResult> {
  return finished(spawnStudy(args, env));
}

function logLines(stdout: string): CommandResult["logs"] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as CommandResult["logs"][number]);
}
