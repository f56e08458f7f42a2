import type { Platform } from "../types.ts";
import type { BrowsedAnalysis } from "./dashboardTypes.ts";

/** A row of the browse query, as PostgreSQL names its columns. */
export interface BrowsedAnalysisRow {
  id: string;
  created_at: Date;
  prompt_text: string;
  k: number;
  named_targets: string[];
  platform: Platform;
  user_display_name: string | null;
  identity_error: number;
  model_name: string;
  model_display_name: string;
  /** The rank-1 target's columns; null when the analysis has none. */
  token_id: number | null;
  token: string | null;
  logit: number | null;
  probability: number | null;
  final_mlp_component: string | null;
  final_mlp_value: number | null;
  final_mlp_signed_share: number | null;
  final_mlp_absolute_share: number | null;
}

/** One line of the dashboard's list. */
export function toBrowsedAnalysis(row: BrowsedAnalysisRow): BrowsedAnalysis {
  return {
    id: row.id,
    createdAt: row.created_at,
    model: { name: row.model_name, displayName: row.model_display_name },
    text: row.prompt_text,
    k: row.k,
    namedTargets: row.named_targets,
    platform: row.platform,
    userDisplayName: row.user_display_name,
    topTarget: topTargetOf(row),
    identityError: row.identity_error,
    finalMlp:
      row.final_mlp_component === null || row.final_mlp_value === null
        ? null
        : {
            component: row.final_mlp_component,
            value: row.final_mlp_value,
            signedShare: row.final_mlp_signed_share,
            absoluteShare: row.final_mlp_absolute_share ?? 0,
          },
  };
}

function topTargetOf(row: BrowsedAnalysisRow): BrowsedAnalysis["topTarget"] {
  if (
    row.token_id === null ||
    row.token === null ||
    row.logit === null ||
    row.probability === null
  ) {
    return null;
  }
  return {
    tokenId: row.token_id,
    token: row.token,
    logit: row.logit,
    probability: row.probability,
  };
}
