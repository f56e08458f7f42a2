/**
 * Warm latency of the chat path: from a signed Discord request to the reply
 * reaching the Discord API stand-in, over 50 requests on loopback, with the
 * share of that time spent queueing, in inference, storing, rendering and
 * posting the reply. Usage: npm run bench:chat [-- --requests 50]
 */
import { parseArgs } from "node:util";

import { quantile } from "../../apps/cli/src/benchStats.ts";
import { attribInteraction } from "../../apps/bot/test/support/discordInteractions.ts";
import { postDiscord } from "../../apps/bot/test/support/postSigned.ts";
import prepareE2e from "../setup/prepareE2e.ts";
import { eventually, startChatStack } from "../setup/chatStack.ts";

const PROMPTS = [
  "Steve",
  "The capital of France is",
  "Once upon a time, there was a",
  "The Eiffel Tower is located in the city of",
  "def fibonacci(n):",
];

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
  },
});
const requests = Number(values.requests);
const warmup = Number(values.warmup);

function logLines(output: string, event: string): Record<string, number>[] {
  return output
    .split("\n")
    .filter((line) => line.includes(`"event":"${event}"`))
    .map((line) => JSON.parse(line) as Record<string, number>);
}

await prepareE2e();
const stack = await startChatStack(1);
try {
  const totals: number[] = [];
  const acks: number[] = [];
  for (let i = 0; i < warmup + requests; i++) {
    const interaction = attribInteraction({ text: PROMPTS[i % PROMPTS.length] });
    const started = performance.now();
    const ack = await postDiscord(stack.botUrl, interaction, stack.keys.privateKey);
    const acked = performance.now();
    if (ack.body?.type !== 5) throw new Error(`unexpected answer ${JSON.stringify(ack)}`);
    await eventually(
      () => stack.discord.edits.find((e) => e.interactionToken === interaction.token),
      60_000,
      "the reply",
      () => stack.recentLogs(),
    );
    if (i >= warmup) {
      totals.push(performance.now() - started);
      acks.push(acked - started);
    }
  }

  const worker = stack.workers[0]?.output() ?? "";
  const started = logLines(worker, "analysis.started").slice(warmup);
  const stored = logLines(worker, "analysis.stored").slice(warmup);
  const sum = (rows: Record<string, number>[], key: string) =>
    rows.reduce((total, row) => total + (row[key] ?? 0), 0);
  const total = totals.reduce((a, b) => a + b, 0);
  const parts = {
    "queue wait (bot → worker)": sum(started, "queuedMs"),
    inference: sum(stored, "inferenceMs"),
    "tokenize + assemble": sum(stored, "analyzeMs") - sum(stored, "inferenceMs"),
    "storage (PostgreSQL)": sum(stored, "storeMs"),
    "chart rendering": sum(stored, "renderMs"),
  };
  const accounted = Object.values(parts).reduce((a, b) => a + b, 0);

  const sorted = [...totals].sort((a, b) => a - b);
  const ackSorted = [...acks].sort((a, b) => a - b);
  process.stdout.write(
    `SmolLM2-135M-Instruct, ${requests} signed Discord requests after ${warmup} warm-up, ` +
      `one bot, one worker, loopback\n` +
      `request → reply at the stand-in: p50 ${quantile(sorted, 0.5).toFixed(0)} ms, ` +
      `p95 ${quantile(sorted, 0.95).toFixed(0)} ms\n` +
      `request → deferred acknowledgement: p50 ${quantile(ackSorted, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(ackSorted, 0.95).toFixed(1)} ms\n` +
      `share of the time:\n`,
  );
  for (const [part, ms] of Object.entries({
    ...parts,
    "reply queue + posting to the platform": total - accounted,
  })) {
    process.stdout.write(
      `  ${part.padEnd(40)} ${((100 * ms) / total).toFixed(1).padStart(5)}%\n`,
    );
  }
} finally {
  await stack.stop();
}
process.exit(0);
