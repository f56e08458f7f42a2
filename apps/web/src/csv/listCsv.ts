import type { BrowsedAnalysis } from "@attrib/store";

import { csvRow } from "./csvRow.ts";

export const LIST_CSV_HEADER = csvRow([
  "id",
  "permalink",
  "created_at",
  "model",
  "platform",
  "display_name",
  "prompt",
  "top_token",
  "top_probability",
  "top_logit",
  "final_mlp_component",
  "final_mlp_contribution",
  "final_mlp_signed_share",
  "final_mlp_absolute_share",
  "identity_error",
]);

/** One analysis of the list as a CSV line; never a platform id. */
export function listCsvRow(item: BrowsedAnalysis, publicUrl: string): string {
  return csvRow([
    item.id,
    `${publicUrl}/analyses/${item.id}`,
    item.createdAt.toISOString(),
    item.model.name,
    item.platform,
    item.userDisplayName,
    item.text,
    item.topTarget?.token ?? null,
    item.topTarget?.probability ?? null,
    item.topTarget?.logit ?? null,
    item.finalMlp?.component ?? null,
    item.finalMlp?.value ?? null,
    item.finalMlp?.signedShare ?? null,
    item.finalMlp?.absoluteShare ?? null,
    item.identityError,
  ]);
}
