import { expect } from "vitest";

import { fetchDashboard } from "./dashboard.ts";

/** Every public address that shows or lists one analysis, with what each answered. */
export async function publicSightings(id: string, text: string) {
  const single = [
    `/analyses/${id}`,
    `/analyses/${id}/opengraph-image`,
    `/analyses/${id}/twitter-image`,
    `/api/analyses/${id}`,
    `/api/analyses/${id}/contributions.csv`,
  ];
  const statuses = await Promise.all(
    single.map(async (path) => [path, (await fetchDashboard(path)).status] as const),
  );
  const search = encodeURIComponent(text);
  const listings = await Promise.all(
    [`/?search=${search}`, `/api/analyses?pageSize=100`, `/api/analyses.csv`].map(
      async (path) => [path, await (await fetchDashboard(path)).text()] as const,
    ),
  );
  return {
    statuses: Object.fromEntries(statuses),
    listedAt: listings.filter(([, body]) => body.includes(id)).map(([path]) => path),
  };
}

/** Asserts that no public address shows or lists the analysis. */
export async function expectGoneFromPublic(id: string, text: string): Promise<void> {
  const seen = await publicSightings(id, text);
  for (const [path, status] of Object.entries(seen.statuses)) {
    expect(status, `${path} still answers`).toBe(404);
  }
  expect(seen.listedAt).toEqual([]);
}

/** Asserts that every public address shows or lists the analysis. */
export async function expectPublic(id: string, text: string): Promise<void> {
  const seen = await publicSightings(id, text);
  for (const [path, status] of Object.entries(seen.statuses)) {
    expect(status, `${path} does not answer`).toBe(200);
  }
  expect(seen.listedAt.sort()).toEqual(
    [
      "/api/analyses.csv",
      "/api/analyses?pageSize=100",
      `/?search=${encodeURIComponent(text)}`,
    ].sort(),
  );
}

/** How many analyses the public statistics rest on. */
export async function publicStatisticsCount(): Promise<number> {
  const body = (await (await fetchDashboard("/api/statistics")).json()) as {
    overall: { finalMlpShare: { analysisCount: number } };
  };
  return body.overall.finalMlpShare.analysisCount;
}
