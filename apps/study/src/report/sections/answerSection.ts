import type { StoredModel } from "@attrib/store";
import {
  type GroupStatistics,
  type ShareMethod,
  shareMethodLabels,
  shareMethods,
} from "@attrib/study";

import {
  fraction,
  medianWithInterval,
  percent,
  plain,
  quartileRange,
  signed,
  table,
} from "../format.ts";
import { methodsOf, tyingLabel } from "./groupFacts.ts";

/**
 * The answer in numbers, one paragraph per model, then how far the methods
 * disagree.
 */
export function answerSection(groups: GroupStatistics[], models: StoredModel[]): string {
  const paragraphs = groups.map((group) => modelAnswer(group, models));
  return [
    "## The answer in numbers",
    "",
    headlineTable(groups),
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
  ].join("\n");
}

/** One row per model: the final MLP's median signed share by each method. */
function headlineTable(groups: GroupStatistics[]): string {
  const median = (group: GroupStatistics, method: ShareMethod) => {
    const summary = group.finalMlp[method].signedShare;
    const defined = summary.undefined > 0 ? ` (${summary.defined} defined)` : "";
    return `${medianWithInterval(summary, percent)}${defined}`;
  };
  return table(
    [
      "model",
      "prompts",
      ...shareMethods.map((method) => `${shareMethodLabels[method]}: median [95% CI]`),
      "raw absolute share",
      "rough share in 60–90%",
    ],
    groups.map((group) => [
      `${group.label} (${tyingLabel(group.tiedEmbeddings)})`,
      String(group.analyses),
      ...shareMethods.map((method) => median(group, method)),
      medianWithInterval(group.finalMlp.raw.absoluteShare, percent),
      fraction(group.finalMlp.rough.signedInClaimedRange),
    ]),
  );
}

function modelAnswer(group: GroupStatistics, models: StoredModel[]): string {
  const model = models.find((m) => m.name === group.label);
  const nLayers = model?.nLayers ?? null;
  const finalMlp =
    nLayers === null ? "the final MLP" : `the final MLP (L${nLayers - 1}.mlp)`;
  const raw = group.finalMlp.raw;
  const share = (method: "raw" | "centered" | "difference" | "rough") => {
    const summary = group.finalMlp[method].signedShare;
    const defined =
      summary.undefined > 0 ? ` (${summary.defined} of ${summary.count} defined)` : "";
    return `${medianWithInterval(summary, percent)}${defined}`;
  };
  const medians = methodsOf(group)
    .filter((m) => m.signedShare.median !== null)
    .sort((a, b) => (a.signedShare.median ?? 0) - (b.signedShare.median ?? 0));
  const lowest = medians[0];
  const highest = medians.at(-1);

  const sentences = [
    `**${model?.displayName ?? group.label}** (${tyingLabel(group.tiedEmbeddings)}` +
      `${nLayers === null ? "" : `, ${nLayers} layers`}; ${group.analyses} prompts): ` +
      `${finalMlp} wrote a median **${medianWithInterval(raw.signedShare, percent)}** of the top-1 token's logit by the ` +
      `exact raw split (interquartile range ${quartileRange(raw.signedShare, percent)}, ` +
      `mean ${percent(raw.signedShare.mean)}; ${raw.signedShare.undefined} of ` +
      `${raw.signedShare.count} shares undefined because the total was near zero).`,
    `The median is ${share("centered")} on the centered logit, ${share("difference")} on ` +
      `the logit difference top-1 − top-2, and ${share("rough")} by the rough method.`,
    `As a share of all absolute contribution it wrote ` +
      `${medianWithInterval(raw.absoluteShare, percent)} (raw).`,
    `Signed shares between 60% and 90%, the range first reported with the rough method: ` +
      `${fraction(group.finalMlp.rough.signedInClaimedRange)} of defined shares by the ` +
      `rough method, ${fraction(raw.signedInClaimedRange)} by the exact raw split.`,
  ];
  if (lowest && highest) {
    sentences.push(
      `Across methods the median runs from ${percent(lowest.signedShare.median)} ` +
        `(${shareMethodLabels[lowest.method]}) to ${percent(highest.signedShare.median)} ` +
        `(${shareMethodLabels[highest.method]}).`,
    );
  }
  sentences.push(...effectSentences(group));
  return sentences.join(" ");
}

function effectSentences(group: GroupStatistics): string[] {
  const sentences: string[] = [];
  for (const ablation of group.ablations) {
    sentences.push(
      `Removing it (${ablation.mode} ablation) changes the top-1 token in ` +
        `${fraction(ablation.topTokenChanged)} of prompts and its log-probability by a ` +
        `median of ${medianWithInterval(ablation.logProbabilityChange, (v) => signed(v))}.`,
    );
  }
  const current = group.currentToken;
  if (current) {
    sentences.push(
      `The embedding's direct write raises the current token's own logit in ` +
        `${fraction(current.rawPositive)} of prompts (median ` +
        `${medianWithInterval(current.embedRaw, (v) => signed(v))}) and favours it over ` +
        `the average token (centered logit) in ${fraction(current.centeredPositive)}.`,
    );
  }
  const lens = group.lens;
  if (lens) {
    sentences.push(
      `The logit lens first ranks the final top-1 token first at a median depth of ` +
        `${plain(lens.firstTopDepth.median, 1)} (${percent(lens.firstTopFraction.median, 0)} ` +
        `of the way through the layers); only at the output in ${fraction(lens.onlyAtOutput)}.`,
    );
  }
  return sentences;
}
