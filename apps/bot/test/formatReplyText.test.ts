import type { ReplyJob } from "@attrib/jobs";
import { describe, expect, it } from "vitest";

import { formatReplyText } from "../src/replies/formatReplyText.ts";

const job: ReplyJob = {
  analysisId: "a1",
  permalink: "http://127.0.0.1:3000/analyses/a1",
  reply: { platform: "none" },
  summary: {
    prompt: "1 < 2 and *bold* @everyone",
    modelDisplayName: "SmolLM2-135M-Instruct",
    topTokens: [
      { token: " Jobs", probability: 0.4125 },
      { token: ",", probability: 0.00042 },
    ],
    chartToken: " Jobs",
    finalMlp: { component: "L29.mlp", signedShare: null, absoluteShare: 0.31 },
    identityError: 1e-6,
  },
  chartPngBase64: null,
  failure: null,
};

describe("formatReplyText", () => {
  it("states top tokens, the final MLP's share and the link, escaped for Discord", () => {
    expect(formatReplyText(job, "discord")).toBe(
      [
        '/attrib "1 < 2 and \\*bold\\* @everyone" on SmolLM2-135M-Instruct',
        'Top next tokens: " Jobs" 41.3% · "," 0.042%',
        'Final MLP (L29.mlp) share of the " Jobs" logit: n/a (total ≈ 0) signed, ' +
          "31.0% of all absolute contribution.",
        "Dashboard: <http://127.0.0.1:3000/analyses/a1>",
      ].join("\n"),
    );
  });

  it("escapes Slack's control characters and links in Slack's form", () => {
    const text = formatReplyText(job, "slack");

    expect(text).toContain('/attrib "1 &lt; 2 and *bold* @everyone"');
    expect(text).toContain(
      "Dashboard: <http://127.0.0.1:3000/analyses/a1|http://127.0.0.1:3000/analyses/a1>",
    );
  });

  it("says why an analysis failed", () => {
    const failed: ReplyJob = {
      ...job,
      summary: null,
      permalink: null,
      failure: "unknown model",
    };

    expect(formatReplyText(failed, "slack")).toBe(
      "The analysis could not be made: unknown model",
    );
  });
});
