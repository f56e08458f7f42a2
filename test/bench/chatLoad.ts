/**
 * A bounded load test of the chat path on loopback: 200 signed Discord
 * requests, 20 in flight at a time, two workers, then the same with one
 * worker killed halfway. Prints reply latency p50/p95 and checks that every
 * request got exactly one reply and one stored analysis.
 * Usage: npm run bench:load [-- --requests 200 --concurrency 20]
 */
import { parseArgs } from "node:util";

import pg from "pg";

import { quantile } from "../../apps/cli/src/benchStats.ts";
import { attribInteraction } from "../../apps/bot/test/support/discordInteractions.ts";
import { postDiscord } from "../../apps/bot/test/support/postSigned.ts";
import { type ChatStack, eventually, startChatStack } from "../setup/chatStack.ts";
import prepareE2e from "../setup/prepareE2e.ts";
import { E2E_DATABASE_URL } from "../setup/services.ts";

const PROMPTS = ["Steve", "The capital of France is", "Once upon a time, there was a"];
const REPLY_TIMEOUT_MS = 15 * 60_000;

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    concurrency: { type: "string", default: "20" },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

async function storedCount(interactionIds: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM analysis WHERE request_id = ANY($1)",
    [interactionIds.map((id) => `discord-${id}`)],
  );
  await client.end();
  return Number(rows[0]?.n);
}

async function run(label: string, killHalfway: boolean): Promise<void> {
  const stack: ChatStack = await startChatStack(2);
  const latencies: number[] = [];
  const interactions = Array.from({ length: requests }, (_, i) =>
    attribInteraction({ text: PROMPTS[i % PROMPTS.length] }),
  );
  let next = 0;
  let killed = false;
  const started = performance.now();

  async function client(): Promise<void> {
    while (next < interactions.length) {
      const interaction = interactions[next++];
      if (!interaction) return;
      if (killHalfway && !killed && next > requests / 2) {
        killed = true;
        void stack.workers[0]?.stop("SIGKILL");
      }
      const sent = performance.now();
      const ack = await postDiscord(stack.botUrl, interaction, stack.keys.privateKey);
      if (ack.body?.type !== 5)
        throw new Error(`request refused: ${JSON.stringify(ack)}`);
      await eventually(
        () => stack.discord.edits.find((e) => e.interactionToken === interaction.token),
        REPLY_TIMEOUT_MS,
        "a reply",
        () => stack.recentLogs(),
      );
      latencies.push(performance.now() - sent);
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, () => client()));
    const seconds = (performance.now() - started) / 1000;
    const tokens = new Set(interactions.map((i) => i.token));
    const edits = stack.discord.edits.filter((e) => tokens.has(e.interactionToken));
    const perToken = new Map<string, number>();
    for (const edit of edits) {
      perToken.set(edit.interactionToken, (perToken.get(edit.interactionToken) ?? 0) + 1);
    }
    const duplicated = [...perToken.values()].filter((n) => n > 1).length;
    const stored = await storedCount(interactions.map((i) => i.id));
    process.stdout.write(
      `${label}: ${requests} requests, ${concurrency} at a time, ${seconds.toFixed(1)} s, ` +
        `${(requests / seconds).toFixed(2)} requests/s\n` +
        `  reply latency p50 ${quantile(latencies, 0.5).toFixed(0)} ms, ` +
        `p95 ${quantile(latencies, 0.95).toFixed(0)} ms\n` +
        `  replied ${perToken.size}/${requests}, duplicated replies ${duplicated}, ` +
        `stored analyses ${stored}/${requests}\n`,
    );
    if (perToken.size !== requests || duplicated > 0 || stored !== requests) {
      process.exitCode = 1;
    }
  } finally {
    await stack.stop();
  }
}

await prepareE2e();
await run("two workers", false);
await run("two workers, one killed halfway", true);
process.exit(process.exitCode ?? 0);
