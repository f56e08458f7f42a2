import pg from "pg";
import { inject } from "vitest";

import type { SeededAnalysis } from "../setup/seedAnalyses.ts";
import { WEB_DATABASE_URL } from "./webServices.ts";

/** Where the suite's dashboard listens, e.g. http://127.0.0.1:41234. */
export function dashboardUrl(): string {
  return inject("dashboardUrl");
}

/** The analysis the suite stored for a seed prompt. */
export function seeded(text: string): SeededAnalysis {
  const analysis = inject("seeded").find((s) => s.text === text);
  if (!analysis) throw new Error(`no seeded analysis of ${JSON.stringify(text)}`);
  return analysis;
}

/** Fetches a path of the dashboard as a client on the loopback would. */
export function fetchDashboard(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${dashboardUrl()}${path}`, { redirect: "manual", ...init });
}

/**
 * Runs one query on the suite's database directly: expected values come
 * from SQL over the stored rows, never from the dashboard's own code.
 */
export async function sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: WEB_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
