import { type ChildProcess, spawn } from "node:child_process";

import { repositoryRoot } from "./paths.ts";

/** The e2e suite's own PostgreSQL database and Redis database index. */
export const E2E_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/attrib_e2e";
export const E2E_REDIS_URL = "redis://127.0.0.1:6379/7";

export interface Service {
  process: ChildProcess;
  /** Everything it printed so far, one JSON object a line. */
  output(): string;
  /** Resolves when a log line contains `text`; rejects after `timeoutMs`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts one of the apps (`node apps/<app>/bin/<app>.js`) as its own process.
 *
 * @param script - path under the repository, e.g. apps/worker/bin/worker.js
 * @param env - variables on top of the test process's own
 */
export function startService(script: string, env: Record<string, string>): Service {
  const child = spawn(process.execPath, [`${repositoryRoot}${script}`], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.filter((w) => output.includes(w.text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  return {
    process: child,
    output: () => output,
    waitFor(text, timeoutMs = 30_000) {
      if (output.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`${script} did not log "${text}" in ${timeoutMs} ms:\n${output}`),
            ),
          timeoutMs,
        );
        waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill(signal);
      });
    },
  };
}
