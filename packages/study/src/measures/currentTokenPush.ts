import type { AttributionResult, TargetAttribution } from "@attrib/core";

import type { CurrentTokenMeasure } from "./types.ts";

/**
 * The embedding's direct contribution to the logit of the prompt's last
 * token. In a weight-tied model the embedding row written into the residual
 * is the very row the unembedding reads that token with, so it may push the
 * current token up; an untied model has no such reason.
 *
 * @param result - an analysis whose targets include the last prompt token
 *   (ask for it as a named target)
 * @param top1 - its rank-1 target
 * @returns null when the last token is not among the targets, or there is
 *   no embedding component
 */
export function currentTokenPush(
  result: Pick<AttributionResult, "components" | "targets" | "prompt">,
  top1: TargetAttribution,
): CurrentTokenMeasure | null {
  const tokenId = result.prompt.tokenIds.at(-1);
  const current = result.targets.find((target) => target.tokenId === tokenId);
  const embed = result.components.findIndex((component) => component.kind === "embed");
  if (!current || embed < 0) return null;

  const at = (values: number[]) => values[embed] ?? NaN;
  return {
    tokenId: current.tokenId,
    token: current.token,
    embedRaw: at(current.raw.values),
    embedCentered: at(current.centered.values),
    rank: current.rank,
    embedRawOnTop1: at(top1.raw.values),
    embedCenteredOnTop1: at(top1.centered.values),
  };
}
