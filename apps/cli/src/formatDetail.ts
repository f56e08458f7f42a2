import {
  type Ablation,
  type AttributionResult,
  finalMlpIndex,
  formatProbability,
  formatRank,
  formatShare,
  formatSigned,
  type HeadEntry,
  type NeuronEntry,
  quoteToken,
  shareOf,
  type TargetAttribution,
} from "@attrib/core";

const LISTED = 5;

function pad(text: string, width: number, align: "left" | "right" = "right"): string {
  const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return align === "left" ? clipped.padEnd(width) : clipped.padStart(width);
}

function sideBySide(left: string[], right: string[], width: number): string[] {
  const rows = Math.max(left.length, right.length);
  return Array.from({ length: rows }, (_, i) =>
    `  ${pad(left[i] ?? "", width, "left")}  ${right[i] ?? ""}`.trimEnd(),
  );
}

function headLine(entry: HeadEntry): string {
  return `${pad(`L${entry.layer}.h${entry.head}`, 9, "left")} ${pad(formatSigned(entry.value, 3), 8)}`;
}

/** The strongest heads each way for the focus target. */
export function headsSection(
  result: AttributionResult,
  focus: TargetAttribution,
): string[] {
  const heads = result.heads?.targets.find((t) => t.tokenId === focus.tokenId);
  if (!heads || !result.heads) return [];
  return [
    `Heads writing ${quoteToken(focus.token)} (direct contribution, post-norm scales frozen)`,
    `  ${pad("raise it", 22, "left")}  lower it`,
    ...sideBySide(
      heads.top.positive.slice(0, LISTED).map(headLine),
      heads.top.negative.slice(0, LISTED).map(headLine),
      22,
    ),
    `heads sum to their layer within ${result.heads.sumError.toExponential(2)} (all targets)`,
  ];
}

function neuronLine(entry: NeuronEntry): string {
  return (
    `${pad(`L${entry.layer}.n${entry.neuron}`, 10, "left")} ` +
    `${pad(formatSigned(entry.value, 3), 8)}  act ${pad(entry.activation.toFixed(2), 7)}`
  );
}

/** The strongest neurons each way for the focus target. */
export function neuronsSection(
  result: AttributionResult,
  focus: TargetAttribution,
): string[] {
  const neurons = result.neurons?.targets.find((t) => t.tokenId === focus.tokenId);
  if (!neurons || !result.neurons) return [];
  return [
    `Neurons writing ${quoteToken(focus.token)} (act_i · W_down[:, i], direct contribution)`,
    `  ${pad("raise it", 34, "left")}  lower it`,
    ...sideBySide(
      neurons.top.positive.slice(0, LISTED).map(neuronLine),
      neurons.top.negative.slice(0, LISTED).map(neuronLine),
      34,
    ),
    `neurons sum to their MLP within ${result.neurons.sumError.toExponential(2)} (all targets)`,
  ];
}

/** A lens probability in at most eight characters: 12.3%, 0.52%, 3.3e-8. */
function lensProbability(probability: number): string {
  return probability >= 1e-4
    ? formatProbability(probability)
    : probability.toExponential(1);
}

/** Rank and probability of every target at every depth, and where each settles on top. */
export function lensSection(result: AttributionResult): string[] {
  const lens = result.lens;
  if (!lens) return [];
  const header =
    `  ${pad("depth", 6, "left")} ${pad("top token", 16, "left")}` +
    lens.targets.map((t) => ` ${pad(quoteToken(t.token), 15)}`).join("");
  const rows = lens.depths.map(
    (depth) =>
      `  ${pad(depth.label, 6, "left")} ` +
      pad(
        `${quoteToken(depth.topToken)} ${lensProbability(depth.topProbability)}`,
        16,
        "left",
      ) +
      depth.targets
        .map((t) => pad(`#${formatRank(t.rank)} ${lensProbability(t.probability)}`, 15))
        .map((cell) => ` ${cell}`)
        .join(""),
  );
  const settled = lens.targets.map((target, i) => {
    const depth = lens.settlesAt[i];
    const where =
      depth === null || depth === undefined
        ? "is never the top token"
        : `is the top token from ${lens.depths[depth]?.label ?? "?"} on`;
    return `  ${quoteToken(target.token)} ${where}`;
  });
  return [
    "Logit lens (final norm recomputed for each layer's residual): rank and probability",
    header,
    ...rows,
    ...settled,
  ];
}

function ablationLines(ablation: Ablation): string[] {
  const title =
    `Ablating ${ablation.component} (${ablation.mode === "zero" ? "zeroed" : "mean write"}` +
    ` at every position): top token becomes ${quoteToken(ablation.topToken)}`;
  const header =
    `  ${pad("token", 14, "left")} ${pad("logit", 8)} ${pad("ablated", 8)} ` +
    `${pad("total Δ", 8)} ${pad("direct Δ", 9)} ${pad("prob", 9)} ${pad("ablated", 9)}`;
  const rows = ablation.targets.map(
    (t) =>
      `  ${pad(quoteToken(t.token), 14, "left")} ${pad(t.logit.toFixed(3), 8)} ` +
      `${pad(t.ablatedLogit.toFixed(3), 8)} ${pad(formatSigned(t.logitChange, 3), 8)} ` +
      `${pad(formatSigned(t.directEffect, 3), 9)} ${pad(formatProbability(t.probability), 9)} ` +
      `${pad(formatProbability(t.ablatedProbability), 9)}`,
  );
  return [title, header, ...rows];
}

/** Each ablation's effect; for the final MLP, its direct and total effect side by side. */
export function ablationsSection(
  result: AttributionResult,
  focus: TargetAttribution,
): string[] {
  const ablations = result.ablations ?? [];
  if (ablations.length === 0) return [];
  const finalMlp = result.components[finalMlpIndex(result)]?.name;
  const lines = ablations.flatMap((ablation) => [...ablationLines(ablation), ""]);
  for (const ablation of ablations.filter((a) => a.component === finalMlp)) {
    const effect = ablation.targets.find((t) => t.tokenId === focus.tokenId);
    if (!effect) continue;
    lines.push(
      `Final MLP (${ablation.component}) for ${quoteToken(focus.token)}: direct effect ` +
        `${formatSigned(effect.directEffect, 3)}, total effect ${formatSigned(effect.logitChange, 3)} ` +
        `(${ablation.mode} ablation; the difference is what the final norm's ` +
        `rescaling does once the write is gone)`,
      "",
    );
  }
  lines.push(
    "total Δ: ablated − clean logit with everything downstream recomputed; direct Δ: the " +
      "change the component's own write accounts for, final-norm scale frozen.",
  );
  return lines;
}

/** The named logit difference and which components wrote it. */
export function differenceSection(result: AttributionResult): string[] {
  const difference = result.logitDifference;
  if (!difference) return [];
  const set = difference.attribution;
  const ranked = set.values
    .map((value, i) => ({ value, name: result.components[i]?.name ?? String(i) }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, LISTED);
  const mlp = shareOf(set, finalMlpIndex(result));
  return [
    `Logit difference ${quoteToken(difference.positive.token)} − ` +
      `${quoteToken(difference.negative.token)}: ${formatSigned(set.total, 3)}`,
    ...ranked.map(
      (c) => `  ${pad(c.name, 10, "left")} ${pad(formatSigned(c.value, 3), 8)}`,
    ),
    `  final MLP: ${formatSigned(mlp.value, 3)}, signed share ` +
      `${formatShare(mlp.signedShare, 1)}, absolute share ${formatShare(mlp.absoluteShare, 1)}`,
  ];
}
