import { finalMlpIndex, shareOf } from "@attrib/core";
import type { StoredAnalysis } from "@attrib/store";

import { formatProbability, formatShare, quoteToken } from "../format/numbers.ts";
import { platformNames } from "../format/platformNames.ts";
import { focusTarget } from "./focusTarget.ts";

/** How a prompt is quoted in a title: one line, at most `max` characters. */
export function shortPrompt(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The words of a link preview: title, description and the chart's alt text. */
export interface AnalysisDescription {
  title: string;
  description: string;
  imageAlt: string;
}

/** What an analysis says in one line and one paragraph, for titles and unfurls. */
export function describeAnalysis(stored: StoredAnalysis): AnalysisDescription {
  const { result } = stored;
  const prompt = quoteToken(shortPrompt(result.prompt.text));
  const focus = focusTarget(result);
  if (!focus) {
    return {
      title: `After ${prompt}`,
      description: result.model.displayName,
      imageAlt: "",
    };
  }

  const mlp = finalMlpIndex(result);
  const share = shareOf(focus.raw, mlp);
  const component = result.components[mlp]?.name ?? "final MLP";
  const token = quoteToken(focus.token);
  const who = stored.requester.displayName ? ` by ${stored.requester.displayName}` : "";
  const signed =
    share.signedShare === null
      ? `wrote ${formatShare(share.absoluteShare, 0)} of all absolute contribution to`
      : `wrote ${formatShare(share.signedShare, 0)} of the logit of`;
  return {
    title: `After ${prompt}: ${token} ${formatProbability(focus.probability)}`,
    description:
      `${result.model.displayName}'s final MLP (${component}) ${signed} ${token} ` +
      `(rank ${focus.rank}); ${formatShare(share.absoluteShare, 0)} of all absolute ` +
      "contribution. Exact per-layer split through the final norm. " +
      `Asked on ${platformNames[stored.requester.platform]}${who}.`,
    imageAlt:
      `Per-layer contributions to the logit of ${token} after ${prompt} ` +
      `in ${result.model.displayName}`,
  };
}
