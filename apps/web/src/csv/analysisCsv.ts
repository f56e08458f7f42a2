import type { ContributionSet } from "@attrib/core";
import type { StoredAnalysis } from "@attrib/store";

import { csvRow } from "./csvRow.ts";

const HEADER = [
  "analysis_id",
  "target_rank",
  "target_token",
  "target_source",
  "target_logit",
  "target_probability",
  "component",
  "kind",
  "layer",
  "method",
  "contribution",
  "signed_share",
  "absolute_share",
];

function methodRows(
  id: string,
  target: {
    rank: number;
    token: string;
    source: string;
    logit: number;
    probability: number;
  },
  stored: StoredAnalysis,
  set: ContributionSet,
): string[] {
  return stored.result.components.map((component, i) =>
    csvRow([
      id,
      target.rank,
      target.token,
      target.source,
      target.logit,
      target.probability,
      component.name,
      component.kind,
      component.layer,
      set.method,
      set.values[i] ?? null,
      set.signedShares?.[i] ?? null,
      set.absoluteShares[i] ?? null,
    ]),
  );
}

/**
 * Every contribution of an analysis as CSV, one line per (target,
 * component, method); the top-1 − top-2 difference is method `difference`
 * on the top token's lines. Signed shares are empty where the total is too
 * near zero for one to mean anything.
 */
export function analysisCsv(stored: StoredAnalysis): string {
  const { result } = stored;
  const lines = [csvRow(HEADER)];
  for (const target of result.targets) {
    for (const set of [target.raw, target.centered, target.rough]) {
      lines.push(...methodRows(stored.id, target, stored, set));
    }
    if (result.topDifference?.positive.tokenId === target.tokenId) {
      lines.push(
        ...methodRows(stored.id, target, stored, result.topDifference.attribution),
      );
    }
  }
  return lines.join("");
}
