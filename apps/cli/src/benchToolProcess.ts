import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface, type Interface } from "node:readline";

import type { ToolAnalysis } from "./benchWorker.ts";

export interface ToolReady {
  tool: string;
  threads: number;
  loadMs: number;
  versions: Record<string, string>;
}

/**
 * One benchmarked tool in a process of its own, spoken to in JSON lines
 * (benchWorker.ts, converter/attrib_converter/compare/worker.py). Its
 * standard error goes to a callback, so a failing tool can be shown.
 */
export class ToolProcess {
  private readonly lines: AsyncIterator<string>;
  private readonly stderr: string[] = [];

  private constructor(
    readonly label: string,
    private readonly child: ChildProcessWithoutNullStreams,
    reader: Interface,
  ) {
    this.lines = reader[Symbol.asyncIterator]();
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      this.stderr.push(chunk);
      if (this.stderr.length > 200) this.stderr.shift();
    });
  }

  /** Starts the tool and waits until it has loaded its model. */
  static async start(
    label: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ): Promise<{ tool: ToolProcess; ready: ToolReady }> {
    const child = spawn(command, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    const tool = new ToolProcess(label, child, createInterface({ input: child.stdout }));
    const ready = (await tool.next()) as unknown as ToolReady;
    return { tool, ready };
  }

  async analyze(texts: string[]): Promise<{ ms: number; results: ToolAnalysis[] }> {
    return (await this.request({ op: "analyze", texts })) as {
      ms: number;
      results: ToolAnalysis[];
    };
  }

  async resetPeak(): Promise<void> {
    await this.request({ op: "resetPeak" });
  }

  async memory(): Promise<{ peakMiB: number | null; rssMiB: number | null }> {
    return (await this.request({ op: "memory" })) as {
      peakMiB: number | null;
      rssMiB: number | null;
    };
  }

  /** Asks the tool to exit and waits for it. */
  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    if (this.child.exitCode === null)
      this.child.stdin.end(`${JSON.stringify({ op: "exit" })}\n`);
    await exited;
  }

  private async request(document: object): Promise<Record<string, unknown>> {
    this.child.stdin.write(`${JSON.stringify(document)}\n`);
    const answer = await this.next();
    if (typeof answer.error === "string")
      throw new Error(`${this.label}: ${answer.error}`);
    return answer;
  }

  private async next(): Promise<Record<string, unknown>> {
    const next: IteratorResult<string> = await this.lines.next();
    if (next.done) {
      throw new Error(
        `${this.label} stopped (exit ${String(this.child.exitCode)}); its last output:\n` +
          this.stderr.join("").split("\n").slice(-15).join("\n"),
      );
    }
    return JSON.parse(next.value) as Record<string, unknown>;
  }
}
