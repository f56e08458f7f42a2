import {
  type AttributionResult,
  finalMlpIndex,
  shareOf,
  type TargetAttribution,
} from "@attrib/core";
import type { ReplySummary } from "@attrib/jobs";

/** The target a chart and reply focus on: the first named one, else the top token. */
export function focusTarget(result: AttributionResult): TargetAttribution | undefined {
  return result.targets.find((t) => t.source !== "top") ?? result.targets[0];
}

/** What a chat reply says about a result. */
export function replySummary(result: AttributionResult): ReplySummary {
  const focus = focusTarget(result);
  const mlp = finalMlpIndex(result);
  const share = focus ? shareOf(focus.raw, mlp) : null;
  return {
    prompt: result.prompt.text,
    modelDisplayName: result.model.displayName,
    topTokens: result.targets
      .filter((t) => t.source !== "named")
      .map((t) => ({ token: t.token, probability: t.probability })),
    chartToken: focus?.token ?? "",
    finalMlp: {
      component: result.components[mlp]?.name ?? "final MLP",
      signedShare: share?.signedShare ?? null,
      absoluteShare: share?.absoluteShare ?? 0,
    },
    identityError: result.identityError,
  };
}
