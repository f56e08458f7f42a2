/**
 * A slash command signed as Discord and Slack sign them goes through the bot,
 * the queue and a worker into PostgreSQL, and the chart comes back to each
 * platform's web API stand-in, with the numbers core gives for the text.
 */
import { AttributionModel } from "@attrib/core";
import { createStore } from "@attrib/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { attribInteraction } from "../../apps/bot/test/support/discordInteractions.ts";
import { decodePng } from "../../apps/bot/test/support/decodePng.ts";
import { postDiscord, postSlack } from "../../apps/bot/test/support/postSigned.ts";
import { slashCommandForm } from "../../apps/bot/test/support/slackCommands.ts";
import {
  type ChatStack,
  DASHBOARD_URL,
  E2E_APPLICATION_ID,
  E2E_SLACK_SIGNING_SECRET,
  eventually,
  startChatStack,
} from "../setup/chatStack.ts";
import { modelsDir } from "../setup/paths.ts";
import { E2E_DATABASE_URL } from "../setup/services.ts";

const MODEL = "smollm2-135m-instruct";
const store = createStore({ databaseUrl: E2E_DATABASE_URL });
let stack: ChatStack;
let model: AttributionModel;

beforeAll(async () => {
  [stack, model] = await Promise.all([
    startChatStack(2),
    AttributionModel.load(MODEL, { modelsDir }),
  ]);
});

afterAll(async () => {
  await Promise.all([stack.stop(), model.release(), store.close()]);
});

function analysisIdIn(text: string): string {
  const match = new RegExp(`${DASHBOARD_URL}/analyses/([0-9a-f-]{36})`).exec(text);
  if (!match?.[1]) throw new Error(`no dashboard link in the reply: ${text}`);
  return match[1];
}

async function expectStoredAsCoreComputes(
  analysisId: string,
  text: string,
  targets: string[],
): Promise<void> {
  const stored = await store.findAnalysis(analysisId);
  const expected = await model.analyze(text, { k: 5, targets });

  expect(stored.result.prompt.text).toBe(text);
  expect(stored.result.targets.map((t) => t.tokenId)).toEqual(
    expected.targets.map((t) => t.tokenId),
  );
  stored.result.targets.forEach((target, i) => {
    const reference = expected.targets[i];
    expect(target.logit).toBeCloseTo(reference?.logit ?? NaN, 5);
    target.raw.values.forEach((value, c) =>
      expect(value).toBeCloseTo(reference?.raw.values[c] ?? NaN, 5),
    );
  });
}

describe("/attrib from chat to the chart in the thread", () => {
  it("answers a Discord interaction by editing its response with the chart", async () => {
    const interaction = attribInteraction({ text: "Steve", target: " Jobs" });

    const ack = await postDiscord(stack.botUrl, interaction, stack.keys.privateKey);

    expect(ack.status).toBe(200);
    expect(ack.body?.type).toBe(5);
    const edit = await eventually(
      () => stack.discord.edits.find((e) => e.interactionToken === interaction.token),
      90_000,
      "the Discord reply",
      () => stack.recentLogs(),
    );
    expect(edit.applicationId).toBe(E2E_APPLICATION_ID);
    const png = edit.files[0]?.data ?? Buffer.alloc(0);
    expect(decodePng(png)).toMatchObject({ width: 1200, height: 630 });
    const content = JSON.stringify(edit.payload);
    expect(content).toContain("Jobs");
    expect(content).toMatch(/L29\.mlp/);
    await expectStoredAsCoreComputes(analysisIdIn(content), "Steve", [" Jobs"]);
  });

  it("answers a Slack command with the chart and text in the channel", async () => {
    const form = slashCommandForm("The capital of France is", { channelId: "C0E2E" });

    const ack = await postSlack(stack.botUrl, form, E2E_SLACK_SIGNING_SECRET);

    expect(ack.status).toBe(200);
    const upload = await eventually(
      () => stack.slack.uploads.find((u) => u.channelId === "C0E2E"),
      90_000,
      "the Slack upload",
      () => stack.recentLogs() + JSON.stringify(stack.slack.calls),
    );
    expect(decodePng(upload.data)).toMatchObject({ width: 1200, height: 630 });
    const text = `${upload.initialComment ?? ""} ${stack.slack.messages
      .filter((m) => m.channel === "C0E2E")
      .map((m) => m.text)
      .join(" ")}`;
    await expectStoredAsCoreComputes(analysisIdIn(text), "The capital of France is", []);
  });
});
