/**
 * No public response carries a platform id: every public page, image and
 * API route, found from the app's route files, is fetched (with list
 * filters too) and its body scanned for the user, server and channel ids
 * of the seeded analyses.
 */
import { signDeletionToken } from "@attrib/jobs";
import { describe, expect, it } from "vitest";

import { appRoutes, fill, isAdminRoute } from "./support/appRoutes.ts";
import { fetchDashboard, seeded } from "./support/dashboard.ts";
import { PLATFORM_IDS, SEED_PROMPTS } from "./setup/seedAnalyses.ts";
import { TEST_DELETION_SECRET } from "./support/webServices.ts";

/** Every id a seed's requester carried, long enough not to occur by chance. */
const SECRET_IDS = [
  ...PLATFORM_IDS,
  ...SEED_PROMPTS.flatMap((p) => [
    p.requester.userId,
    p.requester.serverId,
    p.requester.channelId,
  ]),
].filter((id): id is string => typeof id === "string" && id.length > 3);

/** The study pages belong to another part of the work and may be unfinished. */
const OWNED_ELSEWHERE = /^\/(api\/)?study(\/|$)/;

function publicAddresses(): string[] {
  const steve = seeded("Steve");
  const token = signDeletionToken(
    steve.id,
    { platform: "discord", userId: PLATFORM_IDS[2] ?? "" },
    TEST_DELETION_SECRET,
  );
  const values = { id: steve.id, jobId: "no-such-job", token };
  const routes = appRoutes().filter(
    (route) => !isAdminRoute(route) && route.methods.includes("GET"),
  );
  const filled = routes.map((route) => fill(route.pattern, values));
  return [
    ...filled,
    "/?platform=discord",
    "/?platform=slack",
    `/analyses/${seeded("The capital of France is").id}`,
    `/api/analyses/${seeded("The capital of France is").id}`,
    "/api/analyses?pageSize=100",
    "/api/analyses?platform=slack",
    "/api/analyses.csv?platform=discord",
  ];
}

describe("public responses", () => {
  it("name no platform user, server or channel id on any public route", async () => {
    const addresses = publicAddresses();
    expect(addresses).toEqual(
      expect.arrayContaining(["/", "/statistics", "/api/analyses", "/api/statistics"]),
    );

    for (const path of addresses) {
      const response = await fetchDashboard(path);
      const body = await response.text();
      if (!OWNED_ELSEWHERE.test(path)) {
        expect(response.status, `${path} failed`).toBeLessThan(500);
      }
      for (const id of SECRET_IDS) expect(body, `${path} shows ${id}`).not.toContain(id);
    }
  });
});
