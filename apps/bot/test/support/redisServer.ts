import { type ChildProcess, spawn, spawnSync } from "node:child_process";

import { Redis } from "ioredis";

/** Whether a redis-server binary is on the PATH to start a private one. */
export const hasRedisServer =
  spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

/**
 * A throw-away Redis on a loopback port, without persistence, that a test
 * can stop and start again to play an outage.
 */
export class PrivateRedis {
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      "redis-server",
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
      ],
      { stdio: "ignore" },
    );
    await this.waitUntilAnswering();
  }

  async stop(): Promise<void> {
    const running = this.process;
    this.process = null;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGKILL");
    });
  }

  private async waitUntilAnswering(): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null });
      probe.on("error", () => {});
      const answered = await probe.connect().then(
        () => probe.ping(),
        () => null,
      );
      probe.disconnect();
      if (answered === "PONG") return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }
}
