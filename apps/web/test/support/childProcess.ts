import { type ChildProcess, spawn } from "node:child_process";

export interface RunningProcess {
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when its output contains `text`; rejects when it exits or after `timeoutMs`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a Node script as a child process and collects what it prints.
 *
 * @param args - the script and its arguments, run with this Node
 * @param options - working folder and variables on top of this process's own
 */
export function startNode(
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): RunningProcess {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = () => child.exitCode !== null || child.signalCode !== null;

  return {
    process: child,
    output: () => output,
    async waitFor(text, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (exited()) throw new Error(`${args.join(" ")} exited early:\n${output}`);
        if (Date.now() > deadline) {
          throw new Error(
            `${args.join(" ")} did not print "${text}" in ${timeoutMs} ms:\n${output}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop(signal = "SIGTERM") {
      if (exited()) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill(signal);
      });
    },
  };
}

/** Runs a Node script to its end; rejects with its output when it fails. */
export async function runNode(
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<string> {
  const running = startNode(args, options);
  const code = await new Promise<number | null>((resolve) =>
    running.process.once("exit", (exitCode) => resolve(exitCode)),
  );
  if (code !== 0)
    throw new Error(`${args.join(" ")} failed (exit ${code}):\n${running.output()}`);
  return running.output();
}
