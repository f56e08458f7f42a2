import { randomUUID } from "node:crypto";

import { createStore, type Requester } from "@attrib/store";

import { seeded, sql } from "./dashboard.ts";
import { WEB_DATABASE_URL } from "./webServices.ts";

/**
 * A new analysis for a moderation test: the seeded "Steve" analysis (made
 * by core on the real model) stored again under a prompt and requester of
 * the test's own, so that removing it touches no other test's rows.
 *
 * @returns its id and the unique prompt text it is listed under
 */
export async function copyOfSteve(
  requester: Requester,
): Promise<{ id: string; text: string }> {
  const store = createStore({ databaseUrl: WEB_DATABASE_URL });
  try {
    const original = await store.findAnalysis(seeded("Steve").id);
    const text = `Moderated ${randomUUID().slice(0, 8)}`;
    const result = { ...original.result, prompt: { ...original.result.prompt, text } };
    const stored = await store.saveAnalysis(result, requester, {
      k: original.k,
      targets: original.namedTargets,
    });
    return { id: stored.id, text };
  } finally {
    await store.close();
  }
}

/** Removes what a test made, whatever state it was left in. */
export async function removeCopies(ids: string[]): Promise<void> {
  await sql("DELETE FROM analysis WHERE id = ANY($1::uuid[])", [ids]);
}
