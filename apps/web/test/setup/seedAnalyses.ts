import { AttributionModel } from "@attrib/core";
import { createStore, type Requester } from "@attrib/store";
import pg from "pg";

import { modelsDir, TEST_MODEL } from "../support/paths.ts";
import { WEB_DATABASE_URL } from "../support/webServices.ts";

/** A prompt the suite stores, with who asked and when. */
export interface SeedPrompt {
  text: string;
  k: number;
  targets: string[];
  requester: Requester;
  /**
   * When it was asked (UTC); distinct days make the order and date filters
   * certain. Null: just now, so that its question can be answered again
   * from the store.
   */
  askedOn: string | null;
  /** Analysed with heads, neurons and the logit lens, as the worker does by default. */
  detail?: boolean;
}

/** Ids a public page must never show: they only appear in these requesters. */
export const PLATFORM_IDS = [
  "811111111111111111",
  "822222222222222222",
  "833333333333333333",
];

/** Oldest first; the list shows them the other way round. */
export const SEED_PROMPTS: SeedPrompt[] = [
  {
    text: "Once upon a time",
    k: 5,
    targets: [],
    requester: { platform: "cli" },
    askedOn: "2025-03-01",
  },
  {
    text: "Steve",
    k: 5,
    targets: [" Jobs"],
    detail: true,
    requester: {
      platform: "discord",
      serverId: PLATFORM_IDS[0],
      channelId: PLATFORM_IDS[1],
      userId: PLATFORM_IDS[2],
      displayName: "Ada",
    },
    askedOn: "2025-03-02",
  },
  {
    text: "The capital of France is",
    k: 5,
    targets: [],
    requester: {
      platform: "slack",
      serverId: "T0SLACKTEAM",
      channelId: "C0SLACKCHAN",
      userId: "U0SLACKUSER",
      displayName: "Grace",
    },
    askedOn: "2025-03-03",
  },
  {
    text: '<script>window.__attribInjected = 1</script><b>bold?</b> <img src="x" onerror="window.__attribInjected = 2"> says',
    k: 3,
    targets: [],
    requester: { platform: "web" },
    askedOn: "2025-03-04",
  },
  {
    text: "Emoji 🙂 and 日本語 in a prompt",
    k: 3,
    targets: [],
    requester: { platform: "discord", serverId: "1", channelId: "2", userId: "3" },
    askedOn: "2025-03-05",
  },
  {
    text: "The Eiffel Tower is in",
    k: 5,
    targets: [],
    requester: { platform: "web" },
    askedOn: null,
  },
];

/** The seed prompt asked just now, whose question a new submission reuses. */
export const RECENT_PROMPT = "The Eiffel Tower is in";

export interface SeededAnalysis {
  id: string;
  text: string;
  platform: string;
  askedOn: string | null;
}

/**
 * Empties the suite's database and stores real analyses of the seed
 * prompts, made by core on the installed model, backdated to their days.
 */
export async function seedAnalyses(): Promise<SeededAnalysis[]> {
  const client = new pg.Client({ connectionString: WEB_DATABASE_URL });
  await client.connect();
  await client.query(
    "TRUNCATE analysis, installed_model, audit_entry, blocked_requester, " +
      "unpublished_server, operator, study_report CASCADE",
  );

  const model = await AttributionModel.load(TEST_MODEL, { modelsDir });
  const store = createStore({ databaseUrl: WEB_DATABASE_URL });
  const seeded: SeededAnalysis[] = [];
  try {
    for (const prompt of SEED_PROMPTS) {
      const result = await model.analyze(prompt.text, {
        k: prompt.k,
        targets: prompt.targets,
        ...(prompt.detail ? { heads: true, neurons: true, lens: true } : {}),
      });
      const stored = await store.saveAnalysis(result, prompt.requester, {
        k: prompt.k,
        targets: prompt.targets,
      });
      if (prompt.askedOn !== null) {
        await client.query("UPDATE analysis SET created_at = $2 WHERE id = $1", [
          stored.id,
          `${prompt.askedOn}T12:00:00Z`,
        ]);
      }
      seeded.push({
        id: stored.id,
        text: prompt.text,
        platform: prompt.requester.platform,
        askedOn: prompt.askedOn,
      });
    }
  } finally {
    await Promise.all([model.release(), store.close(), client.end()]);
  }
  return seeded;
}
