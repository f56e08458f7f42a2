import type { GroupStatistics } from "@attrib/study";

import { fraction, medianWithInterval, signed, table } from "../format.ts";

/** The embedding's direct push on the current (last prompt) token, per model. */
export function currentTokenSection(groups: GroupStatistics[]): string {
  return [
    "## The embedding and the current token",
    "",
    "In a weight-tied model the embedding row written into the residual stream is " +
      "the row the unembedding reads the same token with, so the embedding's direct " +
      "write may raise the logit of the current (last prompt) token itself. Measured " +
      "by asking for that token as a named target: its exact raw contribution, and the " +
      "centered one (relative to the average token).",
    "",
    table(
      [
        "model",
        "prompts",
        "raw push on current token: median [95% CI]",
        "raw push > 0",
        "centered push: median [95% CI]",
        "centered push > 0",
        "centered: current > top-1",
        "model repeats the current token as top-1",
      ],
      groups.flatMap((group) => {
        const c = group.currentToken;
        if (!c) return [];
        return [
          [
            group.label,
            String(c.analyses),
            medianWithInterval(c.embedRaw, (v) => signed(v)),
            fraction(c.rawPositive),
            medianWithInterval(c.embedCentered, (v) => signed(v)),
            fraction(c.centeredPositive),
            fraction(c.currentOverTop1),
            fraction(c.repeatedAsTop1),
          ],
        ];
      }),
    ),
    "",
  ].join("\n");
}
