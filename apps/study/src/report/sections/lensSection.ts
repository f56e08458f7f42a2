import type { GroupStatistics } from "@attrib/study";

import {
  fraction,
  medianWithInterval,
  percent,
  plain,
  quartileRange,
  table,
} from "../format.ts";

/** Where the logit lens first ranks the final top-1 token first, per model. */
export function lensSection(groups: GroupStatistics[]): string {
  return [
    "## The logit lens: when does the final token come first?",
    "",
    "Depth 0 is the embedding alone, depth L the model's output after all L layers; " +
      'the lens recomputes the final norm at each depth. "First" is the first depth ' +
      'at which the lens ranks the model\'s final top-1 token first; "settled" the ' +
      "depth from which it stays first.",
    "",
    table(
      [
        "model",
        "prompts",
        "first depth: median [95% CI]",
        "IQR",
        "as a fraction of depth",
        "settled (fraction): median",
        "first only at the output",
      ],
      groups.flatMap((group) => {
        const l = group.lens;
        if (!l) return [];
        return [
          [
            group.label,
            String(l.analyses),
            medianWithInterval(l.firstTopDepth, (v) => plain(v, 1)),
            quartileRange(l.firstTopDepth, (v) => plain(v, 1)),
            percent(l.firstTopFraction.median, 0),
            percent(l.settledFraction.median, 0),
            fraction(l.onlyAtOutput),
          ],
        ];
      }),
    ),
    "",
  ].join("\n");
}
