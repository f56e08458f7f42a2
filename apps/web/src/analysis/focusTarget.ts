import type { AttributionResult, TargetAttribution } from "@attrib/core";

/**
 * The target a chart and preview focus on: the first one the asker named,
 * else the top token — the worker's chat reply shows the same.
 */
export function focusTarget(result: AttributionResult): TargetAttribution | undefined {
  return result.targets.find((t) => t.source !== "top") ?? result.targets[0];
}
