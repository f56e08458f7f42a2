import {
  type AttributionResult,
  type ContributionSet,
  finalMlpIndex,
  formatProbability,
  formatShare,
  formatSigned,
  quoteToken,
  shareOf,
  type TargetAttribution,
} from "@attrib/core";

import {
  ablationsSection,
  differenceSection,
  headsSection,
  lensSection,
  neuronsSection,
} from "./formatDetail.ts";

const COLUMN = 12;

function pad(text: string, width: number, align: "left" | "right" = "right"): string {
  const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return align === "left" ? clipped.padEnd(width) : clipped.padStart(width);
}

function topTokensTable(result: AttributionResult): string[] {
  const lines = [
    "Next-token candidates",
    "  rank  token            probability    logit",
  ];
  for (const target of result.targets) {
    const named = target.source === "top" ? "" : "  (named)";
    lines.push(
      `  ${pad(String(target.rank), 4)}  ${pad(quoteToken(target.token), 16, "left")}` +
        ` ${pad(formatProbability(target.probability), 11)}  ` +
        `${pad(target.logit.toFixed(3), 8)}${named}`,
    );
  }
  return lines;
}

function contributionTable(result: AttributionResult): string[] {
  const header =
    pad("component", 12, "left") +
    result.targets.map((t) => pad(quoteToken(t.token), COLUMN)).join("");
  const rows = result.components.map(
    (component, i) =>
      pad(component.name, 12, "left") +
      result.targets
        .map((t) => pad(formatSigned(t.raw.values[i] ?? NaN, 3), COLUMN))
        .join(""),
  );
  const sum =
    pad("Σ = logit", 12, "left") +
    result.targets.map((t) => pad(t.raw.total.toFixed(3), COLUMN)).join("");
  return [
    "Contribution to each token's logit (exact: final-norm scale frozen, norm weight folded)",
    header,
    ...rows,
    sum,
    `identity error (max |Σ − logit|): ${result.identityError.toExponential(2)}`,
  ];
}

function describeShare(set: ContributionSet, index: number, label: string): string {
  const share = shareOf(set, index);
  return (
    `  ${pad(label, 26, "left")} ${pad(formatSigned(share.value, 3), 9)} of ` +
    `${pad(set.total.toFixed(3), 8)}  signed share ${pad(formatShare(share.signedShare, 1), 16)}` +
    `  absolute share ${formatShare(share.absoluteShare, 1)}`
  );
}

function finalMlpSummary(result: AttributionResult, target: TargetAttribution): string[] {
  const index = finalMlpIndex(result);
  const name = result.components[index]?.name ?? "final MLP";
  const share = shareOf(target.raw, index);
  const lines = [
    `Final MLP (${name}) for ${quoteToken(target.token)}: it wrote ` +
      `${formatShare(share.signedShare, 1)} of the logit ` +
      `(${formatSigned(share.value, 3)} of ${target.raw.total.toFixed(3)}) and ` +
      `${formatShare(share.absoluteShare, 1)} of all absolute contribution.`,
    describeShare(target.raw, index, "exact raw logit"),
    describeShare(target.centered, index, "exact centered logit"),
    describeShare(target.rough, index, "rough method (pre-norm)"),
  ];
  const difference = result.topDifference;
  if (difference) {
    const label = `logit diff ${quoteToken(difference.positive.token)}−${quoteToken(difference.negative.token)}`;
    lines.push(describeShare(difference.attribution, index, label));
  }
  return lines;
}

function section(lines: string[]): string[] {
  return lines.length > 0 ? [...lines, ""] : [];
}

/**
 * The human-readable report: candidates, the per-component table, the
 * final MLP's share stated plainly, and whichever of heads, neurons, lens,
 * ablations and a named logit difference the result holds.
 */
export function formatReport(result: AttributionResult): string {
  const focus = result.targets.find((t) => t.source !== "top") ?? result.targets[0];
  const prompt = result.prompt;
  const lines = [
    `${result.model.displayName} (${result.model.nLayers} layers, ` +
      `${result.model.tiedEmbeddings ? "weight-tied" : "untied"})`,
    `Prompt ${quoteToken(prompt.text)}: ${prompt.tokenIds.length} tokens ` +
      prompt.tokens.map(quoteToken).join(" "),
    "",
    ...topTokensTable(result),
    "",
    ...contributionTable(result),
    "",
    ...(focus ? finalMlpSummary(result, focus) : []),
    "",
    ...section(differenceSection(result)),
    ...section(focus ? headsSection(result, focus) : []),
    ...section(focus ? neuronsSection(result, focus) : []),
    ...section(lensSection(result)),
    ...section(focus ? ablationsSection(result, focus) : []),
    "Signed share = contribution ÷ total (can be negative or over 100%); absolute share " +
      "= |contribution| ÷ Σ|contribution|.",
  ];
  return lines.join("\n");
}
